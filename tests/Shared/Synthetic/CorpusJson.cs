using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Outbound.Testing.Synthetic;

/// <summary>
/// Writes labelled records as JSON lines:
/// <c>{"id":"…","text":"…","spans":[{"start":s,"end":e,"type":"CN_MOBILE"}]}</c>, with UTF-16 offsets into
/// <c>text</c>, end exclusive; a look-alike has <c>"type":"none"</c> and a <c>"decoy"</c> kind.
/// </summary>
internal static class CorpusJson
{
    private static readonly JsonWriterOptions Options = new()
    {
        // Keep Chinese text readable in the file; quotes and control characters are still escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    /// <summary>Writes <paramref name="record"/> as one JSON object, without the line break.</summary>
    public static void Write(Utf8JsonWriter writer, LabelledRecord record)
    {
        writer.WriteStartObject();
        writer.WriteString("id", record.Id);
        writer.WriteString("text", record.Text);
        writer.WriteStartArray("spans");
        foreach (var span in record.Spans)
        {
            writer.WriteStartObject();
            writer.WriteNumber("start", span.Start);
            writer.WriteNumber("end", span.End);
            writer.WriteString("type", span.Type);
            if (span.Decoy is not null)
            {
                writer.WriteString("decoy", span.Decoy);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Returns <paramref name="record"/> as one JSON line, without the line break.</summary>
    public static string ToJsonLine(LabelledRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            Write(writer, record);
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}
