using System.Buffers;
using System.Text;
using System.Text.Json;
using Outbound.Detection;
using Outbound.Formats.Records;

namespace Outbound.Cli;

/// <summary>
/// <c>outbound scan --spans</c>: one JSON line out per line in, <c>{"id", "spans": [{"start", "end", "type", "score"}]}</c>,
/// offsets in UTF-16 code units (C# string indices), end exclusive, for scoring against labelled data.
/// </summary>
internal sealed class SpansOutput(Scanner scanner, DateOnly referenceDate, string? field) : ILineHandler<SpansOutput.State>
{
    private readonly byte[]? _field = field is null ? null : Encoding.UTF8.GetBytes(field);
    private readonly IdentifierType? _hint = field is null ? null : FieldClassifier.Classify(field);

    /// <summary>Scans <paramref name="stream"/> and writes the span lines to <paramref name="output"/> in input order.</summary>
    public void Run(Stream stream, TextWriter output, int parallelism) =>
        LineChunks.Run(stream, this, (state, _) => output.Write(Encoding.UTF8.GetString(state.Output.WrittenSpan)), parallelism);

    /// <inheritdoc/>
    public State NewState() => new();

    /// <inheritdoc/>
    public void Line(State state, ReadOnlySpan<byte> line, long lineNumber)
    {
        var writer = state.Writer;
        writer.Reset(state.Output);
        writer.WriteStartObject();
        WriteId(state, line, lineNumber);
        writer.WriteStartArray("spans");
        ReadOnlySpan<byte> text = line;
        if (_field is not null)
        {
            state.Value.Clear();
            text = state.Parser.TryGet(line, _field, state.Value, out bool isString) && isString ? state.Value.WrittenSpan : [];
        }

        state.Findings.Clear();
        scanner.Scan(text, new ScanContext(referenceDate, _hint), state.Findings);
        int bytesCounted = 0;
        int charsCounted = 0;
        foreach (var finding in state.Findings)
        {
            charsCounted += Encoding.UTF8.GetCharCount(text[bytesCounted..finding.Start]);
            int start = charsCounted;
            charsCounted += Encoding.UTF8.GetCharCount(text.Slice(finding.Start, finding.Length));
            bytesCounted = finding.End;
            writer.WriteStartObject();
            writer.WriteNumber("start", start);
            writer.WriteNumber("end", charsCounted);
            writer.WriteString("type", IdentifierCatalog.WireName(finding.Type));
            writer.WriteNumber("score", Math.Round(finding.Score, 3));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.Flush();
        state.Output.Write("\n"u8);
    }

    /// <inheritdoc/>
    public void TooLong(State state, long lineNumber, long length)
    {
        var writer = state.Writer;
        writer.Reset(state.Output);
        writer.WriteStartObject();
        writer.WriteNumber("id", lineNumber - 1);
        writer.WriteStartArray("spans");
        writer.WriteEndArray();
        writer.WriteString("error", $"The line is {length} bytes, longer than the {LineChunks.DefaultMaxLineBytes}-byte limit; not scanned.");
        writer.WriteEndObject();
        writer.Flush();
        state.Output.Write("\n"u8);
    }

    private static void WriteId(State state, ReadOnlySpan<byte> line, long lineNumber)
    {
        state.Value.Clear();
        if (!line.IsEmpty && line[0] == (byte)'{' && state.Parser.TryGet(line, "id"u8, state.Value, out bool isString))
        {
            if (isString)
            {
                state.Writer.WriteString("id", state.Value.WrittenSpan);
            }
            else
            {
                state.Writer.WritePropertyName("id");
                state.Writer.WriteRawValue(state.Value.WrittenSpan, skipInputValidation: true);
            }

            return;
        }

        state.Writer.WriteNumber("id", lineNumber - 1);
    }

    /// <summary>One worker's buffers.</summary>
    internal sealed class State
    {
        public State() => Writer = new Utf8JsonWriter(Output, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

        public ArrayBufferWriter<byte> Output { get; } = new(1 << 16);

        public Utf8JsonWriter Writer { get; }

        public JsonTopLevel Parser { get; } = new();

        public ArrayBufferWriter<byte> Value { get; } = new(256);

        public List<Finding> Findings { get; } = [];
    }
}
