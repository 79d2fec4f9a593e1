using System.Buffers;
using System.Numerics;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outbound.Deidentification;
using Outbound.Gateway;

namespace Outbound.Formats.Records;

/// <summary>Writes a released record as one JSON line: a JSON source keeps its structure and value types; columns become a flat object.</summary>
[System.Runtime.CompilerServices.SkipLocalsInit]
internal static class ReleasedJson
{
    /// <summary>The writer options released records are written with.</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    /// <summary>
    /// Gets characters <see cref="Options"/>' encoder writes as they are: printable ASCII but the quote and the backslash,
    /// and the CJK unified ideographs. A value of only these is written between quotes without the JSON writer.
    /// </summary>
    private static readonly SearchValues<char> Verbatim = SearchValues.Create(
        string.Concat(Enumerable.Range(0x20, 0x7F - 0x20).Where(c => c is not ('"' or '\\')).Select(c => (char)c))
        + string.Concat(Enumerable.Range(0x4E00, 0x9FFF - 0x4E00 + 1).Select(c => (char)c)));

    /// <summary>
    /// Writes <paramref name="record"/> with <paramref name="values"/> to <paramref name="output"/>, followed by a line
    /// feed: one value per field (<see cref="IReleaseWriter.Write"/>): nameless where dropped, not changed where it goes as it was.
    /// </summary>
    /// <remarks>Pass <paramref name="writer"/> to reuse one JSON writer for many records; it is reset onto <paramref name="output"/>.</remarks>
    public static void Write(SourceRecord record, ReadOnlySpan<OutputField> values, IBufferWriter<byte> output, Utf8JsonWriter? writer = null)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (values.Length != record.Fields.Count)
        {
            throw new ArgumentException($"The record has {record.Fields.Count} fields but {values.Length} values were given.", nameof(values));
        }

        var own = writer is null ? new Utf8JsonWriter(output, Options) : null;
        writer ??= own!;
        writer.Reset(output);
        try
        {
            if (record.Shape == RecordShape.JsonObject)
            {
                if (TrySplice(record, values, output, writer))
                {
                    output.Write("\n"u8);
                    return;
                }

                Rewrite(record, values, writer);
            }
            else
            {
                writer.WriteStartObject();
                for (int i = 0; i < values.Length; i++)
                {
                    if (values[i].Name is null)
                    {
                        continue;
                    }

                    if (values[i].Changed && values[i].TryGetUtf8(out var utf8))
                    {
                        writer.WriteString(record.Fields[i].Name, utf8);
                    }
                    else if (values[i].Changed)
                    {
                        writer.WriteString(record.Fields[i].Name, values[i].Text);
                    }
                    else
                    {
                        writer.WriteString(record.Fields[i].Name, record.Fields[i].Value.Span);
                    }
                }

                writer.WriteEndObject();
            }

            writer.Flush();
        }
        finally
        {
            own?.Dispose();
        }

        output.Write("\n"u8);
    }

    /// <summary>
    /// Writes the original line with each changed value replaced in place, when every changed value is a slice of the
    /// line as written (no escapes) and no field is dropped; otherwise writes nothing and returns <see langword="false"/>.
    /// </summary>
    /// <remarks>
    /// The result is what <see cref="Rewrite"/> gives for the same values, except that what is unchanged keeps the
    /// bytes it had (spacing, escapes) instead of being written again: a replaced string is written as a JSON string,
    /// a replaced number as a number when the new value is one, else as a string.
    /// </remarks>
    private static bool TrySplice(SourceRecord record, ReadOnlySpan<OutputField> values, IBufferWriter<byte> output, Utf8JsonWriter writer)
    {
        var raw = record.Raw.Span;
        ReadOnlySpan<SourceField> fields = record.FieldSpan;
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i].Name is null)
            {
                return false;
            }

            if (values[i].Changed && !raw.Overlaps(fields[i].Value.Span, out _))
            {
                return false;
            }
        }

        int copied = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!values[i].Changed)
            {
                continue;
            }

            // A value rewritten in UTF-8 is compared and written as it is; one in characters is encoded on the way.
            var original = fields[i].Value.Span;
            bool isUtf8 = values[i].TryGetUtf8(out var utf8);
            ReadOnlySpan<char> value = isUtf8 ? default : values[i].Text;
            if (isUtf8 ? original.SequenceEqual(utf8) : SameText(original, value))
            {
                continue;
            }

            raw.Overlaps(original, out int start);
            int end = start + original.Length;
            bool quoted = start > 0 && raw[start - 1] == (byte)'"';
            if (quoted)
            {
                (start, end) = (start - 1, end + 1);
            }

            output.Write(raw[copied..start]);
            copied = end;
            if (isUtf8)
            {
                WriteUtf8(output, writer, utf8, asNumber: !quoted && !IsBoolean(original) && IsJsonNumber(utf8));
            }
            else if (!quoted && !IsBoolean(original) && IsJsonNumber(value))
            {
                WriteAscii(output, value);
            }
            else if (!value.ContainsAnyExcept(Verbatim))
            {
                WriteQuoted(output, value);
            }
            else
            {
                writer.Reset(output);
                writer.WriteStringValue(value);
                writer.Flush();
            }
        }

        output.Write(raw[copied..]);
        return true;

        static void WriteUtf8(IBufferWriter<byte> output, Utf8JsonWriter writer, ReadOnlySpan<byte> value, bool asNumber)
        {
            if (asNumber)
            {
                output.Write(value);
            }
            else if (IsVerbatim(value))
            {
                var span = output.GetSpan(value.Length + 2);
                span[0] = (byte)'"';
                value.CopyTo(span[1..]);
                span[value.Length + 1] = (byte)'"';
                output.Advance(value.Length + 2);
            }
            else
            {
                writer.Reset(output);
                writer.WriteStringValue(Encoding.UTF8.GetString(value));
                writer.Flush();
            }
        }

        static bool IsBoolean(ReadOnlySpan<byte> token) => token.SequenceEqual("true"u8) || token.SequenceEqual("false"u8);

        static void WriteAscii(IBufferWriter<byte> output, ReadOnlySpan<char> value)
        {
            var span = output.GetSpan(value.Length);
            int written = Encoding.ASCII.GetBytes(value, span);
            output.Advance(written);
        }

        static void WriteQuoted(IBufferWriter<byte> output, ReadOnlySpan<char> value)
        {
            var span = output.GetSpan(Encoding.UTF8.GetMaxByteCount(value.Length) + 2);
            span[0] = (byte)'"';
            int written = Encoding.UTF8.GetBytes(value, span[1..]);
            span[written + 1] = (byte)'"';
            output.Advance(written + 2);
        }
    }

    /// <summary>Walks the original line and writes it again, replacing the i-th scalar (string, number, boolean) by the i-th value.</summary>
    /// <remarks>The scalars are numbered in the order <see cref="JsonLinesReader"/> reports fields; nulls are kept and not numbered.</remarks>
    private static void Rewrite(SourceRecord record, ReadOnlySpan<OutputField> values, Utf8JsonWriter writer)
    {
        var reader = new Utf8JsonReader(record.Raw.Span, new JsonReaderOptions { MaxDepth = JsonLinesReader.MaxDepth });
        int scalar = 0;

        // The name waiting for its value: a slice of the line, or the unescaped name when it has escapes.
        int nameStart = -1;
        int nameLength = 0;
        string? escapedName = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    (nameStart, nameLength) = ((int)reader.TokenStartIndex + 1, reader.ValueSpan.Length);
                    escapedName = reader.ValueIsEscaped ? reader.GetString() : null;
                    break;

                case JsonTokenType.StartObject:
                    WriteName();
                    writer.WriteStartObject();
                    break;

                case JsonTokenType.StartArray:
                    WriteName();
                    writer.WriteStartArray();
                    break;

                case JsonTokenType.EndObject:
                    writer.WriteEndObject();
                    break;

                case JsonTokenType.EndArray:
                    writer.WriteEndArray();
                    break;

                case JsonTokenType.Null:
                    WriteName();
                    writer.WriteNullValue();
                    break;

                default:
                    ref readonly var field = ref values[scalar];
                    var original = record.Fields[scalar].Value.Span;
                    scalar++;
                    if (field.Name is null)
                    {
                        // Dropped: neither the name nor the value is written.
                        nameStart = -1;
                        break;
                    }

                    WriteName();
                    ReadOnlySpan<char> value = field.Changed ? field.Text : default;
                    if (!field.Changed || SameText(original, value))
                    {
                        WriteOriginal(ref reader, writer);
                    }
                    else if (reader.TokenType == JsonTokenType.Number && IsJsonNumber(value))
                    {
                        writer.WriteRawValue(value, skipInputValidation: true);
                    }
                    else
                    {
                        writer.WriteStringValue(value);
                    }

                    break;
            }
        }

        void WriteName()
        {
            if (nameStart < 0)
            {
                return;
            }

            if (escapedName is not null)
            {
                writer.WritePropertyName(escapedName);
            }
            else
            {
                writer.WritePropertyName(record.Raw.Span.Slice(nameStart, nameLength));
            }

            nameStart = -1;
        }
    }

    private static void WriteOriginal(ref Utf8JsonReader reader, Utf8JsonWriter writer)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                if (reader.ValueIsEscaped)
                {
                    writer.WriteStringValue(reader.GetString());
                }
                else
                {
                    writer.WriteStringValue(reader.ValueSpan);
                }

                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                writer.WriteBooleanValue(reader.TokenType == JsonTokenType.True);
                break;
            default:
                writer.WriteRawValue(reader.ValueSpan, skipInputValidation: true);
                break;
        }
    }

    private static bool SameText(ReadOnlySpan<byte> utf8, ReadOnlySpan<char> text)
    {
        if (utf8.Length < text.Length || utf8.Length > text.Length * 3)
        {
            return false;
        }

        // ASCII text is the same as its bytes, compared without encoding it.
        if (utf8.Length == text.Length)
        {
            int i = 0;
            while (i < text.Length && text[i] < 0x80 && text[i] == utf8[i])
            {
                i++;
            }

            if (i == text.Length)
            {
                return true;
            }

            if (text[i] < 0x80)
            {
                return false;
            }
        }

        byte[]? rented = null;
        Span<byte> buffer = utf8.Length <= 256 ? stackalloc byte[256] : (rented = ArrayPool<byte>.Shared.Rent(text.Length * 3));
        try
        {
            return Encoding.UTF8.TryGetBytes(text, buffer, out int written) && buffer[..written].SequenceEqual(utf8);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Whether UTF-8 <paramref name="value"/> is one JSON number: <see cref="IsJsonNumber(ReadOnlySpan{char})"/> of its characters.</summary>
    internal static bool IsJsonNumber(ReadOnlySpan<byte> value) => IsJsonNumber<byte>(value);

    /// <summary>
    /// Whether UTF-8 <paramref name="value"/> is only characters of <see cref="Verbatim"/> (printable ASCII but the quote and
    /// the backslash, and CJK unified ideographs, each three bytes from <c>E4 B8 80</c> to <c>E9 BF BF</c>).
    /// </summary>
    internal static bool IsVerbatim(ReadOnlySpan<byte> value)
    {
        for (int i = 0; i < value.Length;)
        {
            byte b = value[i];
            if (b is >= 0x20 and < 0x7F && b is not ((byte)'"' or (byte)'\\'))
            {
                i++;
                continue;
            }

            if (b is < 0xE4 or > 0xE9 || i + 2 >= value.Length)
            {
                return false;
            }

            int scalar = ((b & 0x0F) << 12) | ((value[i + 1] & 0x3F) << 6) | (value[i + 2] & 0x3F);
            if ((value[i + 1] & 0xC0) != 0x80 || (value[i + 2] & 0xC0) != 0x80 || scalar is < 0x4E00 or > 0x9FFF)
            {
                return false;
            }

            i += 3;
        }

        return true;
    }

    /// <summary>Whether <paramref name="value"/> is one JSON number (RFC 8259 grammar), at most 64 characters, with nothing after it.</summary>
    internal static bool IsJsonNumber(ReadOnlySpan<char> value) => IsJsonNumber<char>(value);

    // Characters or UTF-8 bytes alike: a number is ASCII, and any other unit is no part of one.
    private static bool IsJsonNumber<T>(ReadOnlySpan<T> value)
        where T : unmanaged, IBinaryInteger<T>
    {
        if (value.Length is 0 or > 64)
        {
            return false;
        }

        // Leading JSON whitespace is allowed (a reader skips it), trailing is not.
        int i = 0;
        while (i < value.Length && At(value, i) is ' ' or '\t' or '\n' or '\r')
        {
            i++;
        }

        if (i < value.Length && At(value, i) == '-')
        {
            i++;
        }

        // Integer part: 0, or a digit 1-9 followed by digits.
        if (i >= value.Length || !char.IsAsciiDigit(At(value, i)))
        {
            return false;
        }

        if (At(value, i++) != '0')
        {
            i = Digits(value, i);
        }

        if (i < value.Length && At(value, i) == '.')
        {
            int start = ++i;
            i = Digits(value, i);
            if (i == start)
            {
                return false;
            }
        }

        if (i < value.Length && At(value, i) is 'e' or 'E')
        {
            i++;
            if (i < value.Length && At(value, i) is '+' or '-')
            {
                i++;
            }

            int start = i;
            i = Digits(value, i);
            if (i == start)
            {
                return false;
            }
        }

        return i == value.Length;

        static int Digits(ReadOnlySpan<T> text, int at)
        {
            while (at < text.Length && char.IsAsciiDigit(At(text, at)))
            {
                at++;
            }

            return at;
        }

        // A byte above ASCII reads as a Latin-1 character, which no number has either.
        static char At(ReadOnlySpan<T> text, int at) => (char)ushort.CreateTruncating(text[at]);
    }
}
