using System.Buffers;
using System.Text;
using System.Text.Unicode;
using nietras.SeparatedValues;
using Outbound.Detection;

namespace Outbound.Formats.Records;

/// <summary>Reads delimited text (CSV, TSV) with a header row and passes each row's values to an <see cref="IRecordVisitor"/>.</summary>
/// <remarks>
/// <para>
/// The header row names the fields. Quoted fields may hold delimiters, doubled quotes and line breaks; they are passed
/// unquoted. Empty values are not passed. A UTF-8 byte order mark is ignored. Positions are 1-based line numbers: the
/// header is line 1, and a row spanning several lines is at the line where it starts.
/// </para>
/// <para>
/// A row whose field count differs from the header's, or that holds bytes that are not valid UTF-8, is reported with
/// <see cref="IRecordVisitor.Skip"/> and not passed on; reading goes on with the next row. An unclosed quote is
/// reported at the line where it opens: everything after it belongs to that field, so it ends the file. Blank lines
/// are passed over silently.
/// </para>
/// <para>Instances are immutable and thread-safe; each <see cref="Read"/> call has its own buffers.</para>
/// </remarks>
internal sealed class CsvReader
{
    /// <summary>The delimiters recognised when none is given: comma, semicolon, tab and vertical bar.</summary>
    public const string SniffedDelimiters = ",;\t|";

    // Invalid UTF-8 decodes to this noncharacter, which valid text does not use, so a row can be told to hold it.
    private const char InvalidByteMark = '\uFFFF';

    private readonly Sep? _sep;

    /// <summary>Initializes a new instance of the <see cref="CsvReader"/> class.</summary>
    /// <param name="delimiter">
    /// The field delimiter, or <see langword="null"/> to take the one of <see cref="SniffedDelimiters"/> that occurs most
    /// often in the header row.
    /// </param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="delimiter"/> cannot separate fields (a quote, a line break, a letter or digit).</exception>
    public CsvReader(char? delimiter = null)
    {
        Delimiter = delimiter;
        _sep = delimiter is { } value ? new Sep(value) : null;
    }

    /// <summary>Gets the field delimiter.</summary>
    /// <value><see langword="null"/>, the default, when it is taken from the header row.</value>
    public char? Delimiter { get; }

    /// <summary>Reads every row of <paramref name="input"/>, or the first <paramref name="maxRecords"/> records, into <paramref name="visitor"/>.</summary>
    /// <returns>The number of records passed to <paramref name="visitor"/>.</returns>
    public long Read(Stream input, IRecordVisitor visitor, long maxRecords = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRecords);
        if (maxRecords == 0)
        {
            return 0;
        }

        var fallback = new MarkingDecoderFallback();

        // The encoding's preamble makes the reader drop a byte order mark without switching to another decoder.
        var encoding = Encoding.GetEncoding("utf-8", EncoderFallback.ExceptionFallback, fallback);
        using var text = new StreamReader(input, encoding, detectEncodingFromByteOrderMarks: false, bufferSize: 64 * 1024, leaveOpen: true);
        using var sep = Sep.Reader(options => options with
        {
            Sep = _sep,
            HasHeader = false,
            Unescape = true,
            DisableColCountCheck = true,
        }).From(text);

        using var values = new ByteBuffer();
        var fields = new List<(int Start, int Length, int Column)>();
        byte[][]? names = null;
        long records = 0;

        // Sep's own start line is unreliable for the first row, so each row starts where the previous one ended.
        long nextLine = 1;
        foreach (var row in sep)
        {
            cancellationToken.ThrowIfCancellationRequested();
            long line = nextLine;
            nextLine = row.LineNumberToExcl;
            if (row.Span.Count('"') % 2 != 0)
            {
                visitor.Skip(line, "", RecordMessages.CsvUnclosedQuote);
                continue;
            }

            if (row.ColCount == 1 && row[0].Span.IsEmpty)
            {
                continue;
            }

            if (names is null)
            {
                names = ReadHeader(row, line, fallback.Count > 0, visitor);
                continue;
            }

            if (row.ColCount != names.Length)
            {
                visitor.Skip(line, "", RecordMessages.CsvFieldCount(names.Length, row.ColCount));
                continue;
            }

            if (!Transcode(row, fallback.Count > 0, values, fields, out int invalidColumn))
            {
                string field = Encoding.UTF8.GetString(names[invalidColumn]);
                visitor.Skip(line, field, RecordMessages.CsvInvalidUtf8(field));
                continue;
            }

            visitor.BeginRecord(line);
            foreach (var (start, length, column) in fields)
            {
                visitor.Field(names[column], values.Slice(start, length));
            }

            visitor.EndRecord();
            if (++records >= maxRecords)
            {
                break;
            }
        }

        return records;
    }

    private static byte[][] ReadHeader(SepReader.Row row, long line, bool sawInvalidBytes, IRecordVisitor visitor)
    {
        var names = new byte[row.ColCount][];
        bool invalid = false;
        for (int i = 0; i < names.Length; i++)
        {
            string name = row[i].ToString();
            if (i == 0)
            {
                name = name.TrimStart('\uFEFF');
            }

            if (sawInvalidBytes && name.Contains(InvalidByteMark, StringComparison.Ordinal))
            {
                invalid = true;
                name = name.Replace(InvalidByteMark, '\uFFFD');
            }

            names[i] = Encoding.UTF8.GetBytes(name.Length > 0 ? name : $"column{i + 1}");
        }

        if (invalid)
        {
            visitor.Skip(line, "", RecordMessages.CsvInvalidUtf8Header);
        }

        return names;
    }

    /// <summary>Writes the row's non-empty values as UTF-8 into <paramref name="values"/>, or finds the first that is not valid text.</summary>
    private static bool Transcode(SepReader.Row row, bool sawInvalidBytes, ByteBuffer values, List<(int Start, int Length, int Column)> fields, out int invalidColumn)
    {
        values.Clear();
        fields.Clear();
        for (int i = 0; i < row.ColCount; i++)
        {
            ReadOnlySpan<char> value = row[i].Span;
            if (value.IsEmpty)
            {
                continue;
            }

            Span<byte> destination = values.GetSpan(checked(value.Length * 3));
            var status = Utf8.FromUtf16(value, destination, out _, out int written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done || (sawInvalidBytes && value.Contains(InvalidByteMark)))
            {
                invalidColumn = i;
                return false;
            }

            fields.Add((values.Length, written, i));
            values.Advance(written);
        }

        invalidColumn = -1;
        return true;
    }

    /// <summary>Decodes each invalid UTF-8 sequence to <see cref="InvalidByteMark"/> and counts them.</summary>
    private sealed class MarkingDecoderFallback : DecoderFallback
    {
        public int Count { get; private set; }

        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new MarkBuffer(this);

        private sealed class MarkBuffer(MarkingDecoderFallback owner) : DecoderFallbackBuffer
        {
            private int _remaining;

            public override int Remaining => _remaining;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.Count++;
                _remaining = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (_remaining == 0)
                {
                    return '\0';
                }

                _remaining--;
                return InvalidByteMark;
            }

            public override bool MovePrevious()
            {
                if (_remaining != 0)
                {
                    return false;
                }

                _remaining = 1;
                return true;
            }

            public override void Reset() => _remaining = 0;
        }
    }
}
