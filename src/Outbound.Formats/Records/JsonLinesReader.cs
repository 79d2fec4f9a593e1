using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Outbound.Detection;

namespace Outbound.Formats.Records;

/// <summary>Reads JSON lines (one JSON object per line) and passes each line's scalar values to an <see cref="IRecordVisitor"/>.</summary>
/// <remarks>
/// <para>
/// Works on the UTF-8 bytes as read: no string is made per line or per value. Nested objects give dotted names
/// (<c>owner.phone</c>); the elements of an array share the array's name (<c>phones</c>, <c>items.sku</c>). Strings are
/// passed unescaped, numbers and booleans as written, and <c>null</c> not at all.
/// </para>
/// <para>
/// A line that is not valid UTF-8, not valid JSON, not an object, or longer than <see cref="MaxLineBytes"/> is reported
/// with <see cref="IRecordVisitor.Skip"/> and reading goes on with the next line; nothing of such a line is passed on.
/// Blank lines are passed over silently. Lines end with LF or CRLF; the last line needs no line end; a UTF-8 byte order
/// mark before the first line is ignored.
/// </para>
/// <para>Instances are immutable and thread-safe; each <see cref="Read"/> call has its own buffers.</para>
/// </remarks>
internal sealed partial class JsonLinesReader
{
    /// <summary>The longest line read by default: 16 MiB.</summary>
    public const int DefaultMaxLineBytes = 16 * 1024 * 1024;

    /// <summary>The deepest nesting of objects and arrays accepted in a line.</summary>
    public const int MaxDepth = 64;

    /// <summary>Initializes a new instance of the <see cref="JsonLinesReader"/> class.</summary>
    /// <param name="maxLineBytes">The longest line read, in bytes without its line end; longer lines are skipped.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLineBytes"/> is less than 1 or too large for one buffer.</exception>
    public JsonLinesReader(int maxLineBytes = DefaultMaxLineBytes)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineBytes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxLineBytes, Array.MaxLength - 2);
        MaxLineBytes = maxLineBytes;
    }

    /// <summary>Gets the longest line read, in bytes without its line end.</summary>
    /// <value>16 MiB (<see cref="DefaultMaxLineBytes"/>) unless set in the constructor.</value>
    public int MaxLineBytes { get; }

    /// <summary>Reads every line of <paramref name="input"/>, or the first <paramref name="maxRecords"/> records, into <paramref name="visitor"/>.</summary>
    /// <returns>The number of records passed to <paramref name="visitor"/>.</returns>
    public long Read(Stream input, IRecordVisitor visitor, long maxRecords = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRecords);

        using var session = new Session(visitor);
        if (maxRecords == 0)
        {
            return 0;
        }

        // One chunk at a time (no parallelism): every call on the visitor comes in input order.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        try
        {
            LineChunks.Run(
                input,
                new SequentialLines(this, session, maxRecords),
                (_, _) =>
                {
                    if (session.Records >= maxRecords)
                    {
                        stop.Cancel();
                    }
                },
                parallelism: 0,
                MaxLineBytes,
                cancellationToken: stop.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // maxRecords reached.
        }

        return session.Records;
    }

    /// <summary>Hands each line of a chunk to <see cref="HandleLine"/> until enough records are read.</summary>
    private sealed class SequentialLines(JsonLinesReader reader, Session session, long maxRecords) : ILineHandler<Session>
    {
        public Session NewState() => session;

        public void Line(Session state, ReadOnlySpan<byte> line, long lineNumber)
        {
            if (state.Records < maxRecords)
            {
                reader.HandleLine(state, line, lineNumber);
            }
        }

        public void TooLong(Session state, long lineNumber, long length)
        {
            if (state.Records < maxRecords)
            {
                state.Visitor.Skip(lineNumber, "", RecordMessages.LineTooLong(reader.MaxLineBytes, length));
            }
        }
    }

    /// <summary>Returns the buffers for reading single lines into <paramref name="visitor"/> with <see cref="HandleLine"/>, for callers that cut a file into chunks themselves.</summary>
    internal static Session NewSession(IRecordVisitor visitor) => new(visitor);

    /// <summary>Reads one line (1-based number <paramref name="line"/>, line end included or not) into the session's visitor.</summary>
    internal void HandleLine(Session session, ReadOnlySpan<byte> text, long line)
    {
        if (text.Length > 0 && text[^1] == (byte)'\r')
        {
            text = text[..^1];
        }

        if (line == 1 && text.StartsWith("\uFEFF"u8))
        {
            text = text[3..];
        }

        if (text.Length > MaxLineBytes)
        {
            session.Visitor.Skip(line, "", RecordMessages.LineTooLong(MaxLineBytes, text.Length));
            return;
        }

        if (text.IndexOfAnyExcept(" \t"u8) < 0)
        {
            return;
        }

        if (!Utf8.IsValid(text))
        {
            session.Visitor.Skip(line, "", RecordMessages.InvalidUtf8(Utf8Text.IndexOfInvalid(text) + 1L));
            return;
        }

        if (session.Parse(text, line))
        {
            session.Emit(text, line);
        }
    }

    /// <summary>The buffers of one <see cref="Read"/> call.</summary>
    internal sealed class Session(IRecordVisitor visitor) : IDisposable
    {
        // Unescaped strings, and every field's dotted name.
        private readonly ByteBuffer _scratch = new();

        // The dotted name of the value being read: the names of the enclosing objects' fields, joined by '.'.
        private readonly ByteBuffer _path = new(256);

        private readonly List<FieldSlice> _fields = [];

        public IRecordVisitor Visitor { get; } = visitor;

        public long Records { get; private set; }

        /// <summary>Reads the fields of <paramref name="text"/> into the buffers, or reports why it cannot.</summary>
        public bool Parse(ReadOnlySpan<byte> text, long line)
        {
            _scratch.Clear();
            _path.Clear();
            _fields.Clear();

            // For each open object or array: the length of the name its values take, and whether it is an array.
            Span<int> bases = stackalloc int[MaxDepth + 1];
            Span<bool> isArray = stackalloc bool[MaxDepth + 1];
            int depth = 0;
            var reader = new Utf8JsonReader(text, new JsonReaderOptions { MaxDepth = MaxDepth });
            JsonTokenType last = JsonTokenType.None;
            try
            {
                if (!reader.Read())
                {
                    return false;
                }

                if (reader.TokenType != JsonTokenType.StartObject)
                {
                    Visitor.Skip(line, "", RecordMessages.NotAJsonObject(Describe(reader.TokenType)));
                    return false;
                }

                depth = 1;
                bases[1] = 0;
                isArray[1] = false;
                last = JsonTokenType.StartObject;
                while (reader.Read())
                {
                    last = reader.TokenType;
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.PropertyName:
                            _path.Truncate(bases[depth]);
                            if (_path.Length > 0)
                            {
                                _path.Append((byte)'.');
                            }

                            AppendUnescaped(_path, ref reader);
                            break;

                        case JsonTokenType.StartObject:
                        case JsonTokenType.StartArray:
                            depth++;
                            bases[depth] = isArray[depth - 1] ? bases[depth - 1] : _path.Length;
                            isArray[depth] = reader.TokenType == JsonTokenType.StartArray;
                            break;

                        case JsonTokenType.EndObject:
                        case JsonTokenType.EndArray:
                            _path.Truncate(bases[depth]);
                            depth--;
                            break;

                        case JsonTokenType.String:
                            AddField(ref reader, isArray[depth] ? bases[depth] : _path.Length, valueOffset: 1);
                            break;

                        case JsonTokenType.Number:
                        case JsonTokenType.True:
                        case JsonTokenType.False:
                            AddField(ref reader, isArray[depth] ? bases[depth] : _path.Length, valueOffset: 0);
                            break;

                        default:
                            // null: nothing to scan.
                            break;
                    }

                    if (depth == 0)
                    {
                        // With a single value per line allowed, a further Read throws on anything but trailing whitespace.
                        last = JsonTokenType.EndObject;
                        reader.Read();
                        return true;
                    }
                }

                Visitor.Skip(line, FieldName(last, bases[depth]), RecordMessages.MalformedJson(ExpectedAt(text, text.Length, last, depth, isArray[depth]), text.Length + 1L));
                return false;
            }
            catch (JsonException e)
            {
                int position = (int)Math.Min(e.BytePositionInLine ?? reader.BytesConsumed, text.Length);
                string reason = depth >= MaxDepth - 1 && last is JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName
                    ? RecordMessages.NestedTooDeeply(MaxDepth)
                    : RecordMessages.MalformedJson(ExpectedAt(text[..position], (int)Math.Min(reader.BytesConsumed, position), last, depth, isArray[depth]), position + 1L);
                Visitor.Skip(line, FieldName(last, bases[depth]), reason);
                return false;
            }
        }

        public void Emit(ReadOnlySpan<byte> text, long line)
        {
            Visitor.BeginRecord(line);
            foreach (var field in _fields)
            {
                ReadOnlySpan<byte> value = field.ValueInLine
                    ? text.Slice(field.ValueStart, field.ValueLength)
                    : _scratch.Slice(field.ValueStart, field.ValueLength);
                Visitor.Field(_scratch.Slice(field.NameStart, field.NameLength), value);
            }

            Visitor.EndRecord();
            Records++;
        }

        public void Dispose()
        {
            _scratch.Dispose();
            _path.Dispose();
        }

        private static void AppendUnescaped(ByteBuffer destination, ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped)
            {
                destination.Append(reader.ValueSpan);
                return;
            }

            // Unescaping never lengthens a string.
            int written = reader.CopyString(destination.GetSpan(reader.ValueSpan.Length));
            destination.Advance(written);
        }

        private static string Describe(JsonTokenType token) => token switch
        {
            JsonTokenType.StartArray => "an array",
            JsonTokenType.String => "a string",
            JsonTokenType.Number => "a number",
            JsonTokenType.True or JsonTokenType.False => "a boolean",
            JsonTokenType.Null => "null",
            _ => "something else",
        };

        /// <summary>Names the field a malformed line went wrong in: the value's field after a name, else the enclosing object or array.</summary>
        private string FieldName(JsonTokenType last, int containerNameLength) =>
            Encoding.UTF8.GetString(last == JsonTokenType.PropertyName ? _path.Written : _path.Written[..Math.Min(containerNameLength, _path.Length)]);

        private void AddField(ref Utf8JsonReader reader, int nameLength, int valueOffset)
        {
            int nameStart = _scratch.Length;
            _scratch.Append(_path.Written[..nameLength]);
            if (reader.ValueIsEscaped)
            {
                int valueStart = _scratch.Length;
                AppendUnescaped(_scratch, ref reader);
                _fields.Add(new FieldSlice(nameStart, nameLength, false, valueStart, _scratch.Length - valueStart));
            }
            else
            {
                int valueStart = checked((int)reader.TokenStartIndex + valueOffset);
                _fields.Add(new FieldSlice(nameStart, nameLength, true, valueStart, reader.ValueSpan.Length));
            }
        }
    }

    /// <summary>Where one field's name and value are: the name in the scratch buffer, the value in the line or the scratch buffer.</summary>
    private readonly record struct FieldSlice(int NameStart, int NameLength, bool ValueInLine, int ValueStart, int ValueLength);
}
