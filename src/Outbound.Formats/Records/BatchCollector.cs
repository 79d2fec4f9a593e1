using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outbound.Detection;
using Outbound.Gateway;

namespace Outbound.Formats.Records;

/// <summary>
/// Collects the records a reader passes into batches of a fixed number of input records (read or unreadable), and
/// hands each full batch on, in input order; positions up to <c>skipThrough</c> are passed over (a resumed run).
/// </summary>
/// <remarks>
/// A <see cref="IRecordVisitor.Skip"/> for a position that also yields a record is a note about one field (e.g. a
/// binary column), not an unreadable record; each unreadable position counts once.
/// </remarks>
internal sealed class BatchCollector(RecordShape shape, int batchSize, long skipThrough, Action<InputBatch> onBatch) : IRecordVisitor
{
    private static readonly JsonWriterOptions RawOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private List<SourceRecord> _records = NewRecordList(batchSize);
    private List<UnreadableRecord> _unreadable = [];

    // The positions in _unreadable: each counts once, and a batch of bad lines is not searched once per line.
    private readonly HashSet<long> _unreadablePositions = [];
    // The record being read: its fields' names and where each value sits: at Start in the line when InLine, else in
    // _values (null while passing over).
    private List<(string Name, bool InLine, int Start, int Length, int IntegerDigits)>? _fields;
    private readonly List<(string Name, bool InLine, int Start, int Length, int IntegerDigits)> _fieldList = [];
    private const int MaxNames = 4096;

    private readonly RecordBlocks _blocks = new();
    private byte[] _values = new byte[1024];
    private int _valuesLength;
    // The names of the previous record's fields in order, and of the current one's so far, as bytes and as strings:
    // records of one source mostly repeat them, so a name is decoded once, not once per record. Each name is looked for
    // in the previous record's from just after the last one found there, a few places on, so that a field absent or
    // added shifts nothing after it. Every name seen, by a hash of its bytes, for the rest: the same name is then also
    // the same string.
    private List<(byte[] Bytes, string Name)> _previousNames = [];
    private List<(byte[] Bytes, string Name)> _names = [];
    private int _nextPrevious;
    private const int NameLookAhead = 3;
    private readonly Dictionary<int, (byte[] Bytes, string Name)> _knownNames = [];
    private long _position;
    private long _lastRecordPosition;

    /// <summary>Gets or sets the raw line of the JSON record being read (set by the caller before each line).</summary>
    public ReadOnlyMemory<byte> CurrentLine { get; set; }

    /// <summary>Gets the input records handed on so far (read plus unreadable).</summary>
    public long Handed { get; private set; }

    /// <summary>Gets the number of blocks made for records' bytes and fields, not counting those used again.</summary>
    public int BlocksMade => _blocks.Made;

    /// <summary>Gets the records passed over because an earlier run committed them.</summary>
    public long Passed { get; private set; }

    /// <inheritdoc/>
    public void BeginRecord(long position)
    {
        _position = position;
        if (_names.Count > 0)
        {
            (_previousNames, _names) = (_names, _previousNames);
            _names.Clear();
        }

        _nextPrevious = 0;
        _valuesLength = 0;
        _fieldList.Clear();
        _fields = position <= skipThrough ? null : _fieldList;
    }

    /// <inheritdoc/>
    public void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value) => Add(name, value, integerDigits: 0);

    /// <inheritdoc/>
    public void Number(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, int integerDigits) => Add(name, value, integerDigits);

    /// <summary>Adds a field of the record being read; a plain number when <paramref name="integerDigits"/> is positive (its detection then starts from its shape).</summary>
    private void Add(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, int integerDigits)
    {
        if (_fields is null)
        {
            return;
        }

        // A value as written in the line (not unescaped) stays a slice of it: the released form is then written by
        // replacing the changed values in the line (ReleasedJson) rather than by writing the whole object again.
        var line = CurrentLine.Span;
        if (shape == RecordShape.JsonObject && line.Overlaps(value, out int offset) && offset >= 0 && offset + value.Length <= line.Length)
        {
            _fields.Add((Name(name), true, offset, value.Length, integerDigits));
            return;
        }

        if (_valuesLength + value.Length > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(_values.Length * 2, _valuesLength + value.Length));
        }

        value.CopyTo(_values.AsSpan(_valuesLength));
        _fields.Add((Name(name), false, _valuesLength, value.Length, integerDigits));
        _valuesLength += value.Length;
    }

    /// <inheritdoc/>
    public void EndRecord()
    {
        _lastRecordPosition = _position;
        if (_fields is null)
        {
            Passed++;
            return;
        }

        // One slice of the batch's blocks per record holds the raw line and every field's value, which are slices of it.
        int rawLength = shape == RecordShape.JsonObject ? CurrentLine.Length : 0;
        var memory = _blocks.Bytes(rawLength + _valuesLength);
        CurrentLine.Span[..rawLength].CopyTo(memory.Span);
        _values.AsSpan(0, _valuesLength).CopyTo(memory.Span[rawLength..]);
        var fields = _blocks.Fields(_fields.Count);
        for (int i = 0; i < fields.Count; i++)
        {
            var (fieldName, inLine, start, length, integerDigits) = _fields[i];
            fields[i] = new SourceField(fieldName, memory.Slice(inLine ? start : rawLength + start, length), integerDigits);
        }

        ReadOnlyMemory<byte> raw = shape == RecordShape.JsonObject ? memory[..rawLength] : ColumnsAsJson(fields);
        _records.Add(new SourceRecord(_position, shape, fields, raw));
        _fields = null;
        DropNotesAbout(_position);
        FlushIfFull();
    }

    /// <inheritdoc/>
    public void Skip(long position, string field, string reason)
    {
        if (position <= skipThrough)
        {
            return;
        }

        if (position == _lastRecordPosition || (_fields is not null && position == _position) || !_unreadablePositions.Add(position))
        {
            return;
        }

        _unreadable.Add(new UnreadableRecord(position, field, reason));
        FlushIfFull();
    }

    /// <summary>Hands on the last, partly filled batch.</summary>
    public void Finish()
    {
        if (_records.Count + _unreadable.Count > 0)
        {
            Hand();
        }
    }

    private string Name(ReadOnlySpan<byte> name)
    {
        int last = Math.Min(_previousNames.Count, _nextPrevious + NameLookAhead);
        for (int i = _nextPrevious; i < last; i++)
        {
            if (name.SequenceEqual(_previousNames[i].Bytes))
            {
                _nextPrevious = i + 1;
                return Keep(_previousNames[i]);
            }
        }

        var hasher = default(HashCode);
        hasher.AddBytes(name);
        int hash = hasher.ToHashCode();
        if (!_knownNames.TryGetValue(hash, out var known) || !name.SequenceEqual(known.Bytes))
        {
            known = (name.ToArray(), Encoding.UTF8.GetString(name));

            // Names come from the data: a source with endless distinct names must not grow the cache without bound.
            if (_knownNames.Count >= MaxNames)
            {
                return known.Name;
            }

            _knownNames[hash] = known;
        }

        return Keep(known);
    }

    // Notes the name as the current record's next, for the record after it.
    private string Keep((byte[] Bytes, string Name) name)
    {
        if (_names.Count < MaxNames)
        {
            _names.Add(name);
        }

        return name.Name;
    }

    private static byte[] ColumnsAsJson(ArraySegment<SourceField> fields)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, RawOptions))
        {
            writer.WriteStartObject();
            foreach (var field in fields)
            {
                writer.WriteString(field.Name, field.Value.Span);
            }

            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    // Sized for the batch up front (up to an array the size the large-object heap starts at), not grown by doubling.
    private static List<SourceRecord> NewRecordList(int batchSize) => new(Math.Min(batchSize, 10_000));

    private void DropNotesAbout(long position)
    {
        if (_unreadable.Count > 0 && _unreadable[^1].Position == position)
        {
            _unreadable.RemoveAt(_unreadable.Count - 1);
            _unreadablePositions.Remove(position);
        }
    }

    private void FlushIfFull()
    {
        if (_records.Count + _unreadable.Count >= batchSize)
        {
            Hand();
        }
    }

    private void Hand()
    {
        // The batch takes its blocks along; the next batch's records start blocks of their own.
        var batch = new InputBatch(_records, _unreadable.OrderBy(u => u.Position).ToList()) { Memory = _blocks.EndBatch() };
        Handed += batch.Count;

        // The batch may have filled on a row's first note; the row's further notes must not count it again.
        _unreadablePositions.Clear();
        if (_unreadable.Count > 0)
        {
            _unreadablePositions.Add(_unreadable[^1].Position);
        }

        _records = NewRecordList(batchSize);
        _unreadable = [];

        onBatch(batch);
    }
}
