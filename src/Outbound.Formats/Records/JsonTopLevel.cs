using System.Buffers;
using System.Text.Json;

namespace Outbound.Formats.Records;

/// <summary>Reads one top-level field of a JSON line, e.g. the <c>id</c> and the text field of a labelled record.</summary>
/// <remarks>Not thread-safe: one per worker.</remarks>
internal sealed class JsonTopLevel
{
    private const int MaxDepth = 64;

    private byte[] _unescaped = new byte[1024];

    /// <summary>Writes the unescaped value of the top-level string or number field <paramref name="field"/> of a JSON line to <paramref name="value"/>.</summary>
    /// <returns><see langword="false"/> when the line has no such field.</returns>
    public bool TryGet(ReadOnlySpan<byte> line, ReadOnlySpan<byte> field, IBufferWriter<byte> value, out bool isString)
    {
        ArgumentNullException.ThrowIfNull(value);
        isString = false;
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                bool match = reader.ValueTextEquals(field);
                reader.Read();
                if (match && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    isString = reader.TokenType == JsonTokenType.String;
                    value.Write(Unescaped(ref reader));
                    return true;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }

    private ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        if (_unescaped.Length < reader.ValueSpan.Length)
        {
            _unescaped = new byte[Math.Max(reader.ValueSpan.Length, _unescaped.Length * 2)];
        }

        int written = reader.CopyString(_unescaped);
        return _unescaped.AsSpan(0, written);
    }
}
