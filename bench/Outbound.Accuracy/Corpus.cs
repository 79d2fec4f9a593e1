using System.Globalization;
using System.Text.Json;

namespace Outbound.Accuracy;

/// <summary>A labelled span of a gold record: UTF-16 offsets, end exclusive.</summary>
/// <param name="Start">Index of the first character.</param>
/// <param name="End">Index just past the last character.</param>
/// <param name="Type">The wire type, or <c>none</c> for a planted look-alike.</param>
/// <param name="Decoy">The kind of look-alike, for <c>none</c> spans.</param>
public sealed record GoldSpan(int Start, int End, string Type, string? Decoy = null)
{
    /// <summary>The type of a planted look-alike, which no recognizer should report.</summary>
    public const string LookAlike = "none";

    /// <summary>Gets a value indicating whether the span is a planted look-alike rather than an identifier.</summary>
    public bool IsLookAlike => Type == LookAlike;
}

/// <summary>One line of a gold corpus.</summary>
/// <param name="Id">The record's id (a JSON string, or the text of a JSON number).</param>
/// <param name="Text">The text the offsets index into.</param>
/// <param name="Spans">The labelled spans.</param>
public sealed record GoldRecord(string Id, string Text, IReadOnlyList<GoldSpan> Spans);

/// <summary>A span reported by the tool under test.</summary>
/// <param name="Start">Index of the first UTF-16 code unit.</param>
/// <param name="End">Index just past the last code unit.</param>
/// <param name="Type">The wire type reported.</param>
/// <param name="Score">The reported confidence (1 when absent).</param>
public sealed record PredictedSpan(int Start, int End, string Type, double Score);

/// <summary>One line of predictions: <c>{"id": …, "spans": [{"start","end","type","score"}]}</c>.</summary>
/// <param name="Id">The id echoed by the tool: the record's id, or its 0-based line number.</param>
/// <param name="IdIsNumber">Whether the id was a JSON number (and so may be a line number).</param>
/// <param name="Spans">The reported spans.</param>
public sealed record PredictedRecord(string Id, bool IdIsNumber, IReadOnlyList<PredictedSpan> Spans);

/// <summary>Reads gold corpora and prediction files (JSON lines; blank lines are skipped).</summary>
public static class CorpusReader
{
    private static readonly JsonElement EmptyArray = JsonDocument.Parse("[]").RootElement.Clone();

    /// <summary>Reads a gold corpus.</summary>
    /// <exception cref="FormatException">A line is not a gold record; the message names <paramref name="source"/> and the line.</exception>
    public static IReadOnlyList<GoldRecord> ReadGold(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<GoldRecord>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                string id = Id(root, records.Count, out _);
                string text = root.TryGetProperty("text", out var textElement) && textElement.ValueKind == JsonValueKind.String
                    ? textElement.GetString()!
                    : throw new FormatException("\"text\" must be a string.");
                var spans = new List<GoldSpan>();
                foreach (var span in Spans(root))
                {
                    var (start, end, type) = Bounds(span);
                    if (end > text.Length)
                    {
                        throw new FormatException($"span [{start},{end}) ends past the text ({text.Length} characters).");
                    }

                    string? decoy = span.TryGetProperty("decoy", out var decoyElement) && decoyElement.ValueKind == JsonValueKind.String
                        ? decoyElement.GetString()
                        : null;
                    spans.Add(new GoldSpan(start, end, type, decoy));
                }

                records.Add(new GoldRecord(id, text, spans));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                throw new FormatException($"{source}:{lineNumber}: {e.Message}", e);
            }
        }

        return records;
    }

    /// <summary>Reads predictions in the format of <c>outbound scan --spans</c>.</summary>
    /// <exception cref="FormatException">A line is not a prediction; the message names <paramref name="source"/> and the line.</exception>
    public static IReadOnlyList<PredictedRecord> ReadPredictions(TextReader reader, string source)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var records = new List<PredictedRecord>();
        int lineNumber = 0;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                var root = document.RootElement;
                string id = Id(root, records.Count, out bool isNumber);
                var spans = new List<PredictedSpan>();
                foreach (var span in Spans(root))
                {
                    var (start, end, type) = Bounds(span);
                    double score = span.TryGetProperty("score", out var scoreElement) && scoreElement.ValueKind == JsonValueKind.Number
                        ? scoreElement.GetDouble()
                        : 1.0;
                    spans.Add(new PredictedSpan(start, end, type, score));
                }

                records.Add(new PredictedRecord(id, isNumber, spans));
            }
            catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException or KeyNotFoundException)
            {
                throw new FormatException($"{source}:{lineNumber}: {e.Message}", e);
            }
        }

        return records;
    }

    /// <summary>Reads a file with <see cref="ReadGold"/>.</summary>
    public static IReadOnlyList<GoldRecord> ReadGoldFile(string path)
    {
        using var reader = new StreamReader(path);
        return ReadGold(reader, path);
    }

    /// <summary>Reads a file with <see cref="ReadPredictions"/>.</summary>
    public static IReadOnlyList<PredictedRecord> ReadPredictionsFile(string path)
    {
        using var reader = new StreamReader(path);
        return ReadPredictions(reader, path);
    }

    private static string Id(JsonElement root, int index, out bool isNumber)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("a line must hold a JSON object.");
        }

        if (!root.TryGetProperty("id", out var id) || id.ValueKind == JsonValueKind.Null)
        {
            isNumber = true;
            return index.ToString(CultureInfo.InvariantCulture);
        }

        isNumber = id.ValueKind == JsonValueKind.Number;
        return id.ValueKind switch
        {
            JsonValueKind.String => id.GetString()!,
            JsonValueKind.Number => id.GetRawText(),
            _ => throw new FormatException("\"id\" must be a string or a number."),
        };
    }

    private static JsonElement.ArrayEnumerator Spans(JsonElement root)
    {
        if (!root.TryGetProperty("spans", out var spans) || spans.ValueKind == JsonValueKind.Null)
        {
            return EmptyArray.EnumerateArray();
        }

        return spans.ValueKind == JsonValueKind.Array
            ? spans.EnumerateArray()
            : throw new FormatException("\"spans\" must be an array.");
    }

    private static (int Start, int End, string Type) Bounds(JsonElement span)
    {
        int start = span.GetProperty("start").GetInt32();
        int end = span.GetProperty("end").GetInt32();
        string type = span.GetProperty("type").GetString() ?? throw new FormatException("\"type\" must be a string.");
        if (start < 0 || end <= start)
        {
            throw new FormatException($"span [{start},{end}) is empty or negative.");
        }

        return (start, end, type);
    }
}
