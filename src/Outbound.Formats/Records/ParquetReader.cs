using System.Buffers;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Unicode;
using Outbound.Detection;
using Parquet;
using Parquet.Data;
using Parquet.Schema;

namespace Outbound.Formats.Records;

/// <summary>Reads a Parquet file row group by row group and passes each row's scalar values to an <see cref="IRecordVisitor"/>.</summary>
/// <remarks>
/// <para>
/// Each row group is read column by column, then passed on row by row; positions are 1-based row numbers over the
/// whole file. Values are passed as UTF-8 text: strings as they are, numbers in the invariant culture, dates and times
/// in ISO 8601 (<c>2024-03-22</c>, <c>2024-03-22T08:30:00Z</c>). Fields of nested groups have dotted names
/// (<c>owner.phone</c>); the elements of a list share the list's name. Nulls are not passed.
/// </para>
/// <para>
/// A file that is not Parquet, or whose footer cannot be decoded, is reported with one
/// <see cref="IRecordVisitor.Skip"/> at position 0, the file as a whole. A row group with a column that cannot be
/// decoded is reported at its first row and skipped. Binary columns are noted once each and not passed.
/// </para>
/// <para>Instances are immutable and thread-safe. Memory grows with the largest row group, not with the file.</para>
/// </remarks>
internal sealed class ParquetReader
{
    private readonly ParquetOptions _options;

    /// <summary>Initializes a new instance of the <see cref="ParquetReader"/> class.</summary>
    /// <param name="binaryAsText">
    /// Whether byte-array columns without a string annotation are read as UTF-8 text, as some older writers store
    /// strings (Spark's <c>binaryAsString</c>); otherwise they are noted as binary and not passed.
    /// </param>
    public ParquetReader(bool binaryAsText = false)
    {
        BinaryAsText = binaryAsText;
        _options = new ParquetOptions { UseDateOnlyTypeForDates = true, TreatByteArrayAsString = binaryAsText };
    }

    /// <summary>Gets a value indicating whether byte-array columns without a string annotation are read as text.</summary>
    /// <value><see langword="false"/> unless set in the constructor.</value>
    public bool BinaryAsText { get; }

    /// <summary>Reads every row of <paramref name="input"/>, or the first <paramref name="maxRecords"/>, into <paramref name="visitor"/>.</summary>
    /// <param name="input">A readable, seekable stream positioned anywhere; Parquet keeps its index at the end.</param>
    /// <param name="visitor">Receives the rows.</param>
    /// <param name="maxRecords">The most rows to read.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>The number of records passed to <paramref name="visitor"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="input"/> cannot seek.</exception>
    public async Task<long> ReadAsync(Stream input, IRecordVisitor visitor, long maxRecords = long.MaxValue, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(visitor);
        ArgumentOutOfRangeException.ThrowIfNegative(maxRecords);
        if (!input.CanRead || !input.CanSeek)
        {
            throw new ArgumentException("Parquet is read from a seekable stream; copy standard input to a file first.", nameof(input));
        }

        if (CheckMarkers(input) is { } notParquet)
        {
            visitor.Skip(0, "", notParquet);
            return 0;
        }

        Parquet.ParquetReader reader;
        try
        {
            reader = await Parquet.ParquetReader.CreateAsync(input, _options, leaveStreamOpen: true, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            visitor.Skip(0, "", RecordMessages.UnreadableParquetFooter);
            return 0;
        }

        await using (reader.ConfigureAwait(false))
        {
            return await ReadRowGroupsAsync(reader, visitor, maxRecords, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task<long> ReadRowGroupsAsync(Parquet.ParquetReader reader, IRecordVisitor visitor, long maxRecords, CancellationToken cancellationToken)
    {
        var columns = new List<ColumnText>();
        try
        {
            var names = FieldNames(reader.Schema);
            foreach (var field in reader.Schema.GetDataFields())
            {
                columns.Add(new ColumnText(field, names.TryGetValue(field.Path.ToString(), out string? name) ? name : field.Path.ToString().Replace('/', '.')));
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            visitor.Skip(0, "", RecordMessages.UnreadableParquetFooter);
            return 0;
        }

        long firstRow = 1;
        long records = 0;
        try
        {
            for (int group = 0; group < reader.RowGroupCount && records < maxRecords; group++)
            {
                using var rowGroup = reader.OpenRowGroupReader(group);
                long rowCount = rowGroup.RowCount;
                ColumnText? failed = null;
                foreach (var column in columns)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    try
                    {
                        using var data = await rowGroup.ReadRawColumnDataBaseAsync(column.Field, cancellationToken).ConfigureAwait(false);
                        if (!column.Load(data, checked((int)rowCount)))
                        {
                            failed = column;
                        }
                    }
                    catch (Exception e) when (e is not OperationCanceledException)
                    {
                        failed = column;
                    }

                    if (failed is not null)
                    {
                        break;
                    }
                }

                if (failed is not null)
                {
                    visitor.Skip(firstRow, failed.Name, RecordMessages.UnreadableRowGroup(group, firstRow, rowCount));
                }
                else
                {
                    records += Emit(columns, visitor, firstRow, (int)Math.Min(rowCount, maxRecords - records));
                }

                firstRow += rowCount;
            }
        }
        finally
        {
            foreach (var column in columns)
            {
                column.Dispose();
            }
        }

        return records;
    }

    private static long Emit(List<ColumnText> columns, IRecordVisitor visitor, long firstRow, int rows)
    {
        for (int row = 0; row < rows; row++)
        {
            visitor.BeginRecord(firstRow + row);
            foreach (var column in columns)
            {
                column.Pass(row, visitor);
            }

            visitor.EndRecord();
            foreach (var column in columns)
            {
                if (column.TakeNote(row) is { } note)
                {
                    visitor.Skip(firstRow + row, column.Name, note);
                }
            }
        }

        return rows;
    }

    /// <summary>Returns why <paramref name="input"/> is not a plain Parquet file, or <see langword="null"/> when its markers are right.</summary>
    private static string? CheckMarkers(Stream input)
    {
        // Header marker, footer length, footer marker.
        if (input.Length < 12)
        {
            return RecordMessages.NotParquet;
        }

        Span<byte> head = stackalloc byte[4];
        Span<byte> tail = stackalloc byte[4];
        input.Position = 0;
        input.ReadExactly(head);
        input.Position = input.Length - 4;
        input.ReadExactly(tail);
        input.Position = 0;
        if (head.SequenceEqual("PAR1"u8) && tail.SequenceEqual("PAR1"u8))
        {
            return null;
        }

        return head.SequenceEqual("PARE"u8) || tail.SequenceEqual("PARE"u8) ? RecordMessages.EncryptedParquet : RecordMessages.NotParquet;
    }

    /// <summary>Names each data field, by its path, as the records show it: struct members dotted, list elements under the list's name.</summary>
    private static Dictionary<string, string> FieldNames(ParquetSchema schema)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in schema.Fields)
        {
            Walk(field, "", names);
        }

        return names;

        static void Walk(Field field, string prefix, Dictionary<string, string> names)
        {
            switch (field)
            {
                case DataField data:
                    names[data.Path.ToString()] = prefix + data.Name;
                    break;
                case StructField group:
                    foreach (var child in group.Fields)
                    {
                        Walk(child, prefix + group.Name + ".", names);
                    }

                    break;
                case ListField list when list.Item is DataField item:
                    names[item.Path.ToString()] = prefix + list.Name;
                    break;
                case ListField list when list.Item is StructField element:
                    foreach (var child in element.Fields)
                    {
                        Walk(child, prefix + list.Name + ".", names);
                    }

                    break;
                case ListField list:
                    Walk(list.Item, prefix + list.Name + ".", names);
                    break;
                case MapField map:
                    Walk(map.Key, prefix + map.Name + ".", names);
                    Walk(map.Value, prefix + map.Name + ".", names);
                    break;
                default:
                    break;
            }
        }
    }

    /// <summary>One column of the current row group as UTF-8 text, with where each row's values start.</summary>
    private sealed class ColumnText(DataField field, string name) : IDisposable
    {
        private readonly ByteBuffer _text = new();
        private readonly List<int> _valueEnds = [];
        private int[] _rowStarts = [];

        // Why this column's values are not passed, once; null when they are.
        private string? _note;
        private bool _noted;

        public DataField Field { get; } = field;

        public string Name { get; } = name;

        public byte[] NameBytes { get; } = Encoding.UTF8.GetBytes(name);

        /// <summary>Converts a row group's data of this column; <see langword="false"/> when its levels do not add up to <paramref name="rows"/> rows.</summary>
        public bool Load(RawColumnData data, int rows)
        {
            _text.Clear();
            _valueEnds.Clear();
            if (_rowStarts.Length < rows + 1)
            {
                ArrayPool<int>.Shared.Return(_rowStarts);
                _rowStarts = ArrayPool<int>.Shared.Rent(rows + 1);
            }

            int values = SplitRows(data, rows);
            if (values < 0)
            {
                return false;
            }

            string? note = data switch
            {
                RawColumnData<ReadOnlyMemory<char>> c => AppendText(c.Values, values),
                RawColumnData<ReadOnlyMemory<byte>> => RecordMessages.BinaryColumn,
                RawColumnData<bool> c => AppendBooleans(c.Values, values),
                RawColumnData<sbyte> c => AppendNumbers(c.Values, values),
                RawColumnData<byte> c => AppendNumbers(c.Values, values),
                RawColumnData<short> c => AppendNumbers(c.Values, values),
                RawColumnData<ushort> c => AppendNumbers(c.Values, values),
                RawColumnData<int> c => AppendNumbers(c.Values, values),
                RawColumnData<uint> c => AppendNumbers(c.Values, values),
                RawColumnData<long> c => AppendNumbers(c.Values, values),
                RawColumnData<ulong> c => AppendNumbers(c.Values, values),
                RawColumnData<Half> c => AppendNumbers(c.Values, values),
                RawColumnData<float> c => AppendNumbers(c.Values, values),
                RawColumnData<double> c => AppendNumbers(c.Values, values),
                RawColumnData<decimal> c => AppendNumbers(c.Values, values),
                RawColumnData<BigInteger> c => AppendNumbers(c.Values, values),
                RawColumnData<Guid> c => AppendFormatted(c.Values, values, "D"),
                RawColumnData<DateOnly> c => AppendFormatted(c.Values, values, "yyyy-MM-dd"),
                RawColumnData<TimeOnly> c => AppendFormatted(c.Values, values, "HH:mm:ss.FFFFFFF"),
                RawColumnData<TimeSpan> c => AppendFormatted(c.Values, values, "c"),
                RawColumnData<DateTimeOffset> c => AppendFormatted(c.Values, values, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz"),
                RawColumnData<DateTime> c => AppendDateTimes(c.Values, values),
                _ => RecordMessages.UnsupportedParquetType(Field.ClrType.Name),
            };

            if (note is not null)
            {
                _valueEnds.Clear();
                _note ??= note;
            }

            return true;
        }

        /// <summary>Passes the values of row <paramref name="row"/> of the loaded row group.</summary>
        public void Pass(int row, IRecordVisitor visitor)
        {
            if (_note is not null)
            {
                return;
            }

            for (int value = _rowStarts[row]; value < _rowStarts[row + 1]; value++)
            {
                int start = value == 0 ? 0 : _valueEnds[value - 1];
                visitor.Field(NameBytes, _text.Slice(start, _valueEnds[value] - start));
            }
        }

        /// <summary>Returns the column's note the first time a row holds a value that was not passed.</summary>
        public string? TakeNote(int row)
        {
            if (_note is null || _noted || _rowStarts[row] == _rowStarts[row + 1])
            {
                return null;
            }

            _noted = true;
            return _note;
        }

        public void Dispose()
        {
            _text.Dispose();
            ArrayPool<int>.Shared.Return(_rowStarts);
            _rowStarts = [];
        }

        /// <summary>Fills the row starts from the definition and repetition levels; returns the number of values, or -1 if they do not fit.</summary>
        private int SplitRows(RawColumnData data, int rows)
        {
            // Without repetition every entry is a row; without definition levels every entry holds a value.
            bool repeated = Field.MaxRepetitionLevel > 0;
            bool optional = Field.MaxDefinitionLevel > 0;
            ReadOnlySpan<int> repetition = repeated ? data.RepetitionLevels : default;
            ReadOnlySpan<int> definition = optional ? data.DefinitionLevels : default;
            int entries = optional ? definition.Length : repeated ? repetition.Length : rows;
            if (repeated && optional && repetition.Length != definition.Length)
            {
                return -1;
            }

            int row = -1;
            int values = 0;
            for (int i = 0; i < entries; i++)
            {
                if (!repeated || repetition[i] == 0)
                {
                    if (++row >= rows)
                    {
                        return -1;
                    }

                    _rowStarts[row] = values;
                }

                if (!optional || definition[i] == Field.MaxDefinitionLevel)
                {
                    values++;
                }
            }

            if (row != rows - 1)
            {
                return -1;
            }

            _rowStarts[rows] = values;
            return values;
        }

        private string? AppendText(ReadOnlySpan<ReadOnlyMemory<char>> values, int count)
        {
            if (values.Length < count)
            {
                return RecordMessages.UnreadableValues;
            }

            foreach (var value in values[..count])
            {
                Span<byte> destination = _text.GetSpan(checked(value.Length * 3));
                Utf8.FromUtf16(value.Span, destination, out _, out int written);
                _text.Advance(written);
                _valueEnds.Add(_text.Length);
            }

            return null;
        }

        private string? AppendBooleans(ReadOnlySpan<bool> values, int count)
        {
            if (values.Length < count)
            {
                return RecordMessages.UnreadableValues;
            }

            foreach (bool value in values[..count])
            {
                _text.Append(value ? "true"u8 : "false"u8);
                _valueEnds.Add(_text.Length);
            }

            return null;
        }

        private string? AppendNumbers<T>(ReadOnlySpan<T> values, int count)
            where T : IUtf8SpanFormattable => AppendFormatted(values, count, default);

        private string? AppendDateTimes(ReadOnlySpan<DateTime> values, int count)
        {
            if (values.Length < count)
            {
                return RecordMessages.UnreadableValues;
            }

            foreach (var value in values[..count])
            {
                Append(value, value.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF");
            }

            return null;
        }

        private string? AppendFormatted<T>(ReadOnlySpan<T> values, int count, ReadOnlySpan<char> format)
            where T : IUtf8SpanFormattable
        {
            if (values.Length < count)
            {
                return RecordMessages.UnreadableValues;
            }

            foreach (var value in values[..count])
            {
                Append(value, format);
            }

            return null;
        }

        private void Append<T>(T value, ReadOnlySpan<char> format)
            where T : IUtf8SpanFormattable
        {
            int size = 64;
            int written;
            while (!value.TryFormat(_text.GetSpan(size), out written, format, CultureInfo.InvariantCulture))
            {
                // Every type formatted here fits in a few dozen bytes; growing is for safety, not for use.
                size = checked(size * 2);
            }

            _text.Advance(written);
            _valueEnds.Add(_text.Length);
        }
    }
}
