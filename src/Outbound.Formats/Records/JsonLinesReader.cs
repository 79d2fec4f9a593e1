using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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

    /// <summary>Gets or sets a value indicating whether <see cref="Read"/> finds where plain lines end as it reads them (<see cref="HandleLeadingLine"/>); off only to compare the two ways in tests.</summary>
    internal bool FindsLineEnds { get; set; } = true;

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

        public bool FindsLineEnds => reader.FindsLineEnds;

        public int LeadingLine(Session state, ReadOnlySpan<byte> text, long lineNumber) =>
            state.Records < maxRecords ? reader.HandleLeadingLine(state, text, lineNumber) : 0;
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

        if (session.Parse(text, line))
        {
            session.Emit(text, line);
        }
    }

    /// <summary>
    /// Reads the line numbered <paramref name="line"/> at the start of <paramref name="text"/> (the rest of a chunk) into
    /// the session's visitor when it is a line <see cref="Session.ParseSimple"/> reads, finding its end as it goes: what
    /// <see cref="HandleLine"/> would do with the line, without looking for its end first.
    /// </summary>
    /// <returns>The bytes of the line and its line end; 0 for any other line, which is then to be cut and passed to <see cref="HandleLine"/>.</returns>
    internal int HandleLeadingLine(Session session, ReadOnlySpan<byte> text, long line)
    {
        // The first line may begin with a byte-order mark, which HandleLine takes off.
        if (line == 1 || !session.SimplePath)
        {
            return 0;
        }

        int end = session.ParseSimple(text);
        if (end < 0 || (end > 0 && text[end - 1] == (byte)'\r' ? end - 1 : end) > MaxLineBytes)
        {
            return 0;
        }

        session.Emit(text[..end], line);
        return end < text.Length ? end + 1 : end;
    }

    /// <summary>The buffers of one <see cref="Read"/> call.</summary>
    internal sealed class Session(IRecordVisitor visitor) : IDisposable
    {
        // Unescaped strings, and every field's dotted name.
        private readonly ByteBuffer _scratch = new();

        // The dotted name of the value being read: the names of the enclosing objects' fields, joined by '.'.
        private readonly ByteBuffer _path = new(256);

        // The fields of the line read last, in order: _fieldCount of them.
        private FieldSlice[] _fields = new FieldSlice[32];
        private int _fieldCount;

        public IRecordVisitor Visitor { get; } = visitor;

        public long Records { get; private set; }

        /// <summary>Gets or sets a value indicating whether lines go through <see cref="ParseSimple"/> first; off only to compare the two paths in tests.</summary>
        internal bool SimplePath { get; set; } = true;

        /// <summary>Reads the fields of <paramref name="text"/> into the buffers, or reports why it cannot (invalid UTF-8 first).</summary>
        /// <remarks>A line <see cref="ParseSimple"/> reads is known to be valid UTF-8 by then; any other is checked whole.</remarks>
        public bool Parse(ReadOnlySpan<byte> text, long line)
        {
            // A line has no line feed in it, so the simple reader ends at its end or not at all.
            if (SimplePath && ParseSimple(text) == text.Length)
            {
                return true;
            }

            if (!Utf8.IsValid(text))
            {
                Visitor.Skip(line, "", RecordMessages.InvalidUtf8(Utf8Text.IndexOfInvalid(text) + 1L));
                return false;
            }

            return ParseGeneral(text, line);
        }

        /// <summary>Reads the fields of <paramref name="text"/> with <see cref="Utf8JsonReader"/>, or reports why it cannot.</summary>
        private bool ParseGeneral(ReadOnlySpan<byte> text, long line)
        {
            _scratch.Clear();
            _path.Clear();
            _fieldCount = 0;

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

        /// <summary>
        /// Reads the fields of the line at the start of <paramref name="text"/> when it uses only the plain part of JSON —
        /// no escapes, nesting of at most <see cref="SimpleMaxDepth"/> — into the buffers, exactly as
        /// <see cref="ParseGeneral"/> would read the line.
        /// </summary>
        /// <returns>
        /// Where the line ends: the index of the line feed after it, or the length of <paramref name="text"/>. -1, with
        /// nothing reported, for anything else (escapes, deeper nesting, and every line that is not valid JSON), which
        /// then goes to <see cref="ParseGeneral"/>: it gives the same fields or the error message.
        /// </returns>
        /// <remarks>
        /// This path accepts only what <see cref="Utf8JsonReader"/> accepts, and only valid UTF-8: outside strings it takes
        /// nothing but ASCII, and a string with other bytes is checked (<see cref="EndOfPlainString"/>). A line feed ends
        /// the line: it is whitespace nowhere, and a control character that ends any string it is in.
        /// </remarks>
        internal int ParseSimple(ReadOnlySpan<byte> text)
        {
            _scratch.Clear();
            _path.Clear();
            _fieldCount = 0;
            Span<int> bases = stackalloc int[SimpleMaxDepth + 1];
            Span<bool> isArray = stackalloc bool[SimpleMaxDepth + 1];
            int i = SkipWhitespace(text, 0);
            if (i >= text.Length || text[i] != (byte)'{')
            {
                return -1;
            }

            int depth = 1;
            bases[1] = 0;
            isArray[1] = false;
            i++;
            int topNameStart = 0;
            int topNameLength = 0;

            // At the start of an object or array, where it may close at once.
            bool opened = true;
            while (true)
            {
                i = SkipWhitespace(text, i);
                if (i >= text.Length)
                {
                    return -1;
                }

                byte c = text[i];
                bool closing = opened && c == (isArray[depth] ? (byte)']' : (byte)'}');
                if (closing)
                {
                    i++;
                    goto AfterValue;
                }

                if (!isArray[depth])
                {
                    // A property name, then a colon.
                    if (c != (byte)'"')
                    {
                        return -1;
                    }

                    int nameEnd = EndOfPlainString(text, i + 1);
                    if (nameEnd < 0)
                    {
                        return -1;
                    }

                    if (depth == 1)
                    {
                        // A top-level name is passed on as a slice of the line; it goes into the path only before a nested value.
                        topNameStart = i + 1;
                        topNameLength = nameEnd - i - 1;
                    }
                    else
                    {
                        _path.Truncate(bases[depth]);
                        if (_path.Length > 0)
                        {
                            _path.Append((byte)'.');
                        }

                        _path.Append(text[(i + 1)..nameEnd]);
                    }

                    i = SkipWhitespace(text, nameEnd + 1);
                    if (i >= text.Length || text[i] != (byte)':')
                    {
                        return -1;
                    }

                    i = SkipWhitespace(text, i + 1);
                    if (i >= text.Length)
                    {
                        return -1;
                    }

                    c = text[i];
                }

                // A value, named by the top-level name in the line or by the path.
                int nameLength = depth == 1 ? -1 : isArray[depth] ? bases[depth] : _path.Length;
                switch (c)
                {
                    case (byte)'"':
                        int end = EndOfPlainString(text, i + 1);
                        if (end < 0)
                        {
                            return -1;
                        }

                        AddInLine(nameLength, topNameStart, topNameLength, i + 1, end - i - 1);
                        i = end + 1;
                        break;

                    case (byte)'{' or (byte)'[':
                        if (depth == SimpleMaxDepth)
                        {
                            return -1;
                        }

                        if (depth == 1)
                        {
                            _path.Truncate(0);
                            _path.Append(text.Slice(topNameStart, topNameLength));
                        }

                        depth++;
                        bases[depth] = isArray[depth - 1] ? bases[depth - 1] : _path.Length;
                        isArray[depth] = c == (byte)'[';
                        i++;
                        opened = true;
                        continue;

                    case (byte)'t':
                        if (!text[i..].StartsWith("true"u8))
                        {
                            return -1;
                        }

                        AddInLine(nameLength, topNameStart, topNameLength, i, 4);
                        i += 4;
                        break;

                    case (byte)'f':
                        if (!text[i..].StartsWith("false"u8))
                        {
                            return -1;
                        }

                        AddInLine(nameLength, topNameStart, topNameLength, i, 5);
                        i += 5;
                        break;

                    case (byte)'n':
                        if (!text[i..].StartsWith("null"u8))
                        {
                            return -1;
                        }

                        i += 4;
                        break;

                    default:
                        int numberEnd = EndOfPlainNumber(text, i, out int integerDigits);
                        if (numberEnd < 0)
                        {
                            return -1;
                        }

                        AddInLine(nameLength, topNameStart, topNameLength, i, numberEnd - i, integerDigits);
                        i = numberEnd;
                        break;
                }

            // After a value: a comma, or the end of the object or array.
            AfterValue:
                while (true)
                {
                    if (!closing)
                    {
                        i = SkipWhitespace(text, i);
                        if (i >= text.Length)
                        {
                            return -1;
                        }

                        c = text[i++];
                        if (c == (byte)',')
                        {
                            opened = false;
                            break;
                        }

                        if (c != (isArray[depth] ? (byte)']' : (byte)'}'))
                        {
                            return -1;
                        }
                    }

                    closing = false;
                    _path.Truncate(bases[depth]);
                    depth--;
                    if (depth == 0)
                    {
                        i = SkipWhitespace(text, i);
                        return i == text.Length || text[i] == (byte)'\n' ? i : -1;
                    }
                }
            }
        }

        public void Emit(ReadOnlySpan<byte> text, long line)
        {
            Visitor.BeginRecord(line);
            foreach (ref readonly var field in _fields.AsSpan(0, _fieldCount))
            {
                ReadOnlySpan<byte> value = field.ValueInLine
                    ? text.Slice(field.ValueStart, field.ValueLength)
                    : _scratch.Slice(field.ValueStart, field.ValueLength);
                ReadOnlySpan<byte> name = field.NameInLine
                    ? text.Slice(field.NameStart, field.NameLength)
                    : _scratch.Slice(field.NameStart, field.NameLength);
                if (field.IntegerDigits > 0)
                {
                    Visitor.Number(name, value, field.IntegerDigits);
                }
                else
                {
                    Visitor.Field(name, value);
                }
            }

            Visitor.EndRecord();
            Records++;
        }

        public void Dispose()
        {
            _scratch.Dispose();
            _path.Dispose();
        }

        /// <summary>The deepest nesting <see cref="ParseSimple"/> reads; deeper lines go to the general reader, which knows <see cref="MaxDepth"/>.</summary>
        private const int SimpleMaxDepth = 32;

        /// <summary>
        /// Returns the index of the closing quote of a string without escapes whose content starts at
        /// <paramref name="start"/>, or -1; also -1 when the content is not valid UTF-8.
        /// </summary>
        /// <remarks>
        /// Most names and values end within 32 bytes, and most lines go on for 32 bytes after them, so the first 32 bytes
        /// are looked at inline with vector compares; longer strings and the ends of lines go on in <see cref="EndOfLongPlainString"/>.
        /// The same compares tell whether the content is all ASCII: only a string with other bytes is checked for UTF-8.
        /// </remarks>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int EndOfPlainString(ReadOnlySpan<byte> text, int start)
        {
            if (Vector256.IsHardwareAccelerated && start <= text.Length - Vector256<byte>.Count)
            {
                var bytes = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(text), (nuint)start);
                uint stops = StringStops(bytes);
                uint high = bytes.ExtractMostSignificantBits();
                return stops != 0
                    ? Closed(text, start, start + BitOperations.TrailingZeroCount(stops), (high & ((stops & (0u - stops)) - 1)) != 0)
                    : EndOfLongPlainString(text, start, start + Vector256<byte>.Count, high != 0);
            }

            return EndOfLongPlainString(text, start, start, nonAscii: false);
        }

        /// <summary>Returns one bit for each of 32 bytes that ends a plain string: a quote, a backslash or a control character.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint StringStops(Vector256<byte> bytes) =>
            (Vector256.Equals(bytes, Vector256.Create((byte)'"'))
            | Vector256.Equals(bytes, Vector256.Create((byte)'\\'))
            | Vector256.LessThan(bytes, Vector256.Create((byte)' '))).ExtractMostSignificantBits();

        /// <summary>
        /// Does the work of <see cref="EndOfPlainString"/> for the string whose content starts at <paramref name="start"/>,
        /// from <paramref name="from"/> on: 32 or 16 bytes at a time while that many are left, then byte by byte.
        /// </summary>
        /// <param name="text">The line.</param>
        /// <param name="start">Where the string's content starts.</param>
        /// <param name="from">Where to go on looking for its end.</param>
        /// <param name="nonAscii">Whether a byte before <paramref name="from"/> is not ASCII.</param>
        private static int EndOfLongPlainString(ReadOnlySpan<byte> text, int start, int from, bool nonAscii)
        {
            int i = from;
            ref byte origin = ref MemoryMarshal.GetReference(text);
            uint high = nonAscii ? 1u : 0u;
            if (Vector256.IsHardwareAccelerated)
            {
                for (; i <= text.Length - Vector256<byte>.Count; i += Vector256<byte>.Count)
                {
                    var bytes = Vector256.LoadUnsafe(ref origin, (nuint)i);
                    uint stops = StringStops(bytes);
                    if (stops != 0)
                    {
                        high |= bytes.ExtractMostSignificantBits() & ((stops & (0u - stops)) - 1);
                        return Closed(text, start, i + BitOperations.TrailingZeroCount(stops), high != 0);
                    }

                    high |= bytes.ExtractMostSignificantBits();
                }
            }

            if (Vector128.IsHardwareAccelerated)
            {
                for (; i <= text.Length - Vector128<byte>.Count; i += Vector128<byte>.Count)
                {
                    var bytes = Vector128.LoadUnsafe(ref origin, (nuint)i);
                    uint stops = (Vector128.Equals(bytes, Vector128.Create((byte)'"'))
                        | Vector128.Equals(bytes, Vector128.Create((byte)'\\'))
                        | Vector128.LessThan(bytes, Vector128.Create((byte)' '))).ExtractMostSignificantBits();
                    if (stops != 0)
                    {
                        high |= bytes.ExtractMostSignificantBits() & ((stops & (0u - stops)) - 1);
                        return Closed(text, start, i + BitOperations.TrailingZeroCount(stops), high != 0);
                    }

                    high |= bytes.ExtractMostSignificantBits();
                }
            }

            for (; i < text.Length; i++)
            {
                byte b = text[i];
                if (b == (byte)'"' || b == (byte)'\\' || b < (byte)' ')
                {
                    return Closed(text, start, i, high != 0);
                }

                high |= (uint)b >> 7;
            }

            return -1;
        }

        /// <summary>
        /// Returns <paramref name="stop"/> when the byte that ended a plain string there is its closing quote and the string
        /// from <paramref name="start"/> is valid UTF-8 (checked only when <paramref name="nonAscii"/>), or -1: an escape,
        /// a control character or bytes that are not UTF-8.
        /// </summary>
        private static int Closed(ReadOnlySpan<byte> text, int start, int stop, bool nonAscii) =>
            text[stop] == (byte)'"' && (!nonAscii || Utf8.IsValid(text[start..stop])) ? stop : -1;

        /// <summary>
        /// Does what <see cref="EndOfNumber"/> does, first for the common shapes at once: 1–9 and digits, with or without
        /// a point and digits, then a comma or a closing brace, all within the next 16 bytes. Any other number goes to
        /// <see cref="EndOfNumber"/>.
        /// </summary>
        /// <param name="text">The line.</param>
        /// <param name="start">Where the number starts.</param>
        /// <param name="integerDigits">The digits before any point of a number of the common shapes (<see cref="IRecordVisitor.Number"/>), else 0.</param>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int EndOfPlainNumber(ReadOnlySpan<byte> text, int start, out int integerDigits)
        {
            integerDigits = 0;
            if (Vector128.IsHardwareAccelerated && start <= text.Length - Vector128<byte>.Count && (uint)(text[start] - '1') <= 8)
            {
                uint other = ~DigitBits(text, start);
                int end = BitOperations.TrailingZeroCount(other);
                int integer = end;
                if (end < Vector128<byte>.Count && text[start + end] == (byte)'.')
                {
                    // Digits after the point: at least one, ending within the 16 bytes.
                    int decimals = BitOperations.TrailingZeroCount(other >> (end + 1));
                    end += 1 + decimals;
                    if (decimals == 0 || end >= Vector128<byte>.Count)
                    {
                        return EndOfNumber(text, start);
                    }
                }

                if (end < Vector128<byte>.Count && text[start + end] is (byte)',' or (byte)'}')
                {
                    integerDigits = integer;
                    return start + end;
                }
            }

            return EndOfNumber(text, start);
        }

        /// <summary>Returns the index after a JSON number that starts at <paramref name="start"/> and is followed by a delimiter, or -1.</summary>
        private static int EndOfNumber(ReadOnlySpan<byte> text, int start)
        {
            int i = start;
            if (At(text, i) == (byte)'-')
            {
                i++;
            }

            if (At(text, i) == (byte)'0')
            {
                i++;
            }
            else if (IsDigit(At(text, i)))
            {
                i = Digits(text, i);
            }
            else
            {
                return -1;
            }

            if (At(text, i) == (byte)'.')
            {
                if (!IsDigit(At(text, i + 1)))
                {
                    return -1;
                }

                i = Digits(text, i + 1);
            }

            if (At(text, i) is (byte)'e' or (byte)'E')
            {
                i++;
                if (At(text, i) is (byte)'+' or (byte)'-')
                {
                    i++;
                }

                if (!IsDigit(At(text, i)))
                {
                    return -1;
                }

                i = Digits(text, i);
            }

            return At(text, i) is (byte)',' or (byte)'}' or (byte)']' or (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' ? i : -1;
        }

        /// <summary>Returns the index of the first byte at or after <paramref name="i"/> that is not a digit, or the length: 16 bytes at once while that many are left.</summary>
        private static int Digits(ReadOnlySpan<byte> text, int i)
        {
            if (Vector128.IsHardwareAccelerated && i <= text.Length - Vector128<byte>.Count)
            {
                int run = BitOperations.TrailingZeroCount(~DigitBits(text, i));
                if (run < Vector128<byte>.Count)
                {
                    return i + run;
                }

                i += Vector128<byte>.Count;
            }

            while (IsDigit(At(text, i)))
            {
                i++;
            }

            return i;
        }

        private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;

        /// <summary>Returns one bit for each of the 16 bytes from <paramref name="i"/> that is a digit; 16 bytes must be left.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static uint DigitBits(ReadOnlySpan<byte> text, int i) =>
            Vector128.LessThan(Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(text), (nuint)i) - Vector128.Create((byte)'0'), Vector128.Create((byte)10)).ExtractMostSignificantBits();

        /// <summary>Returns the byte at <paramref name="index"/>, or 0 past the end.</summary>
        private static byte At(ReadOnlySpan<byte> text, int index) => (uint)index < (uint)text.Length ? text[index] : (byte)0;

        /// <summary>Returns the index of the first byte at or after <paramref name="i"/> that is not JSON whitespace other than a line feed, or the length.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static int SkipWhitespace(ReadOnlySpan<byte> text, int i) =>
            (uint)i < (uint)text.Length && text[i] > (byte)' ' ? i : SkipWhitespaceRun(text, i);

        private static int SkipWhitespaceRun(ReadOnlySpan<byte> text, int i)
        {
            // Not the line feed: it ends the line (ParseSimple).
            while (i < text.Length && text[i] is (byte)' ' or (byte)'\t' or (byte)'\r')
            {
                i++;
            }

            return i;
        }

        /// <summary>
        /// Adds a value of the line, named by the top-level name in the line when <paramref name="pathLength"/> is negative,
        /// else by that much of the path; a plain number when <paramref name="integerDigits"/> is positive.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void AddInLine(int pathLength, int lineNameStart, int lineNameLength, int valueStart, int valueLength, int integerDigits = 0)
        {
            if (pathLength < 0)
            {
                AddSlice(new FieldSlice(true, lineNameStart, lineNameLength, true, valueStart, valueLength, integerDigits));
            }
            else
            {
                AddNestedInLine(pathLength, valueStart, valueLength, integerDigits);
            }
        }

        /// <summary>Adds a value of the line named by the first <paramref name="pathLength"/> bytes of the path, copied to the scratch buffer.</summary>
        private void AddNestedInLine(int pathLength, int valueStart, int valueLength, int integerDigits)
        {
            int nameStart = _scratch.Length;
            _scratch.Append(_path.Written[..pathLength]);
            AddSlice(new FieldSlice(false, nameStart, pathLength, true, valueStart, valueLength, integerDigits));
        }

        /// <summary>Appends a field to the line's fields, growing the array when it is full.</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void AddSlice(in FieldSlice field)
        {
            if (_fieldCount == _fields.Length)
            {
                Array.Resize(ref _fields, _fields.Length * 2);
            }

            _fields[_fieldCount++] = field;
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
                AddSlice(new FieldSlice(false, nameStart, nameLength, false, valueStart, _scratch.Length - valueStart));
            }
            else
            {
                int valueStart = checked((int)reader.TokenStartIndex + valueOffset);
                AddSlice(new FieldSlice(false, nameStart, nameLength, true, valueStart, reader.ValueSpan.Length));
            }
        }
    }

    /// <summary>Where one field's name and value are, each in the line or in the scratch buffer; and for a plain number, its digits before any point.</summary>
    private readonly record struct FieldSlice(bool NameInLine, int NameStart, int NameLength, bool ValueInLine, int ValueStart, int ValueLength, int IntegerDigits = 0);
}
