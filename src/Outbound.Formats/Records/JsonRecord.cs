using System.Buffers;
using System.Text;
using System.Text.Json;
using Outbound.Detection;

namespace Outbound.Formats.Records;

/// <summary>Hands the scalar fields of one JSON object, given as UTF-8 bytes, to an <see cref="IRecordVisitor"/>.</summary>
/// <remarks>
/// Nested objects are flattened to dotted names (<c>owner.phone</c>); array elements take their array's name;
/// strings are unescaped; numbers and booleans are passed as written; nulls are left out. A line that is not a
/// JSON object is reported with <see cref="IRecordVisitor.Skip"/>, naming what was expected, and nothing of it is
/// passed on. Not thread-safe: one per worker.
/// </remarks>
internal sealed class JsonRecord
{
    private const int MaxDepth = 64;

    private readonly ArrayBufferWriter<byte> _names = new(256);
    private readonly List<int> _nameEnds = [];
    private byte[] _unescaped = new byte[1024];

    /// <summary>Reads one line; returns <see langword="false"/> when it was skipped as malformed.</summary>
    public bool Visit(ReadOnlySpan<byte> line, long lineNumber, IRecordVisitor visitor)
    {
        ArgumentNullException.ThrowIfNull(visitor);
        if (!IsValidUtf8(line))
        {
            visitor.Skip(lineNumber, "", Messages.InvalidUtf8);
            return false;
        }

        // Validate first, so that a malformed line passes on nothing.
        var check = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = MaxDepth });
        try
        {
            if (!check.Read() || check.TokenType != JsonTokenType.StartObject)
            {
                visitor.Skip(lineNumber, "", Messages.NotAnObject);
                return false;
            }

            check.Skip();
            if (check.Read())
            {
                visitor.Skip(lineNumber, "", Messages.TrailingContent);
                return false;
            }
        }
        catch (JsonException error)
        {
            visitor.Skip(lineNumber, "", Messages.MalformedJson(error.BytePositionInLine ?? 0));
            return false;
        }

        visitor.BeginRecord(lineNumber);
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = MaxDepth });
        _names.Clear();
        _nameEnds.Clear();
        reader.Read();
        VisitObject(ref reader, visitor);
        visitor.EndRecord();
        return true;
    }

    /// <summary>Writes the unescaped value of the top-level string or number field <paramref name="field"/> of a JSON line to <paramref name="value"/>.</summary>
    /// <returns><see langword="false"/> when the line has no such field.</returns>
    public bool TryGetTopLevel(ReadOnlySpan<byte> line, ReadOnlySpan<byte> field, IBufferWriter<byte> value, out bool isString)
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

    private void VisitObject(ref Utf8JsonReader reader, IRecordVisitor visitor)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            PushName(Unescaped(ref reader));
            reader.Read();
            VisitValue(ref reader, visitor);
            PopName();
        }
    }

    private void VisitValue(ref Utf8JsonReader reader, IRecordVisitor visitor)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                VisitObject(ref reader, visitor);
                break;
            case JsonTokenType.StartArray:
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    VisitValue(ref reader, visitor);
                }

                break;
            case JsonTokenType.String:
            case JsonTokenType.Number:
            case JsonTokenType.True:
            case JsonTokenType.False:
                visitor.Field(_names.WrittenSpan, Unescaped(ref reader));
                break;
        }
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

    private void PushName(ReadOnlySpan<byte> name)
    {
        // Copy first: the name may live in the unescape buffer that the value will reuse.
        Span<byte> copy = name.Length <= 256 ? stackalloc byte[name.Length] : new byte[name.Length];
        name.CopyTo(copy);
        _nameEnds.Add(_names.WrittenCount);
        if (_names.WrittenCount > 0)
        {
            _names.Write("."u8);
        }

        _names.Write(copy);
    }

    private void PopName()
    {
        int end = _nameEnds[^1];
        _nameEnds.RemoveAt(_nameEnds.Count - 1);
        var kept = _names.WrittenSpan[..end].ToArray();
        _names.Clear();
        _names.Write(kept);
    }

    private static bool IsValidUtf8(ReadOnlySpan<byte> line) => System.Text.Unicode.Utf8.IsValid(line);

    private static class Messages
    {
        public const string InvalidUtf8 = "Expected UTF-8 text; found bytes that are not valid UTF-8.";
        public const string NotAnObject = "Expected a JSON object on the line.";
        public const string TrailingContent = "Expected one JSON object on the line; found more after it.";

        public static string MalformedJson(long column) =>
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Expected a JSON object; the JSON is malformed at byte {column + 1} of the line.");
    }
}
