using System.Buffers;

namespace Outbound.Detection;

/// <summary>An exact set of persons, each marked when any of their records is sensitive.</summary>
/// <remarks>
/// <para>
/// Persons are held by 128 bits: the first 128 bits of their HMAC (<see cref="Add(SubjectKey, bool)"/>) or their
/// fingerprint (<see cref="AddFingerprint"/>, <see cref="SubjectKeyer.Fingerprint"/>), so memory grows with the number of
/// distinct persons, not with the size of the data. Two different persons share 128 bits with a probability near
/// n² / 2¹²⁹ — for a billion persons about 10⁻²¹ — so the count is exact for any real dataset.
/// </para>
/// <para>
/// The 128-bit values sit in an open-addressing table with linear probing, at most three-quarters full and doubled when
/// fuller, with one bit a slot for the sensitive mark: 16 bytes a slot, so 21 to 43 bytes a person. Persons are first
/// noted in a list of up to <see cref="PendingLimit"/> and placed in the table in batches: the table lookups of a batch
/// are started together, so their cache misses overlap, and a set that is only merged into another (one chunk of a
/// file) seldom builds a table of its own.
/// </para>
/// <para>
/// All keys must come from one secret, and one set holds either subject keys or fingerprints: mixing them would count
/// a person twice, so it throws. Not thread-safe.
/// </para>
/// <para>
/// Memory is bounded: past <see cref="DefaultSpillAt"/> persons the set spills. Every person held, and every one added
/// after, is written (16 bytes and the mark) to one of 64 partition files by the top bits of their value, in the
/// temporary folder, unlinked as soon as opened so that nothing stays behind even if the process is killed. Counting
/// then reads one partition at a time into a table of its own: the partitions share no person, so the sum of their
/// counts is exact. Memory is then one partition's table and the write buffers, whatever the number of persons.
/// </para>
/// </remarks>
public sealed class PersonSet
{
    /// <summary>Persons noted before they are placed in the table.</summary>
    internal const int PendingLimit = 1 << 16;

    /// <summary>Table lookups started together when placing noted persons.</summary>
    private const int Batch = 16;

    /// <summary>The smallest table, in slots.</summary>
    private const int MinimumCapacity = 64;

    /// <summary>The persons a set holds in its table before it spills to partition files.</summary>
    internal const int DefaultSpillAt = 1 << 18;

    private readonly int _spillAt;
    private readonly string? _spillFolder;
    private Spill? _spill;

    /// <summary>Whether the counts include everything written to the spill.</summary>
    private bool _spillCounted;

    private UInt128[] _slots = [];
    private ulong[] _marks = [];
    private int _shift = 64;
    private int _growAt;

    private UInt128[] _pending = [];
    private bool[] _pendingSensitive = [];
    private int _pendingCount;

    private int _count;
    private int _sensitiveCount;

    // Zero marks an empty slot, so the person whose value is zero (one in 2¹²⁸) is kept apart.
    private bool _holdsZero;
    private bool _zeroSensitive;

    private Holding _holding;

    /// <summary>Keeps the loads of <see cref="Place"/> from being optimised away.</summary>
    private ulong _touched;

    /// <summary>Initializes a new instance of the <see cref="PersonSet"/> class that spills past <see cref="DefaultSpillAt"/> persons.</summary>
    public PersonSet()
        : this(DefaultSpillAt)
    {
    }

    /// <summary>Initializes a new instance of the <see cref="PersonSet"/> class that spills past <paramref name="spillAt"/> persons.</summary>
    /// <param name="spillAt">The persons held in memory before the set spills.</param>
    /// <param name="spillFolder">Where the partition files go; the temporary folder when <see langword="null"/>.</param>
    internal PersonSet(int spillAt, string? spillFolder = null) => (_spillAt, _spillFolder) = (Math.Max(1, spillAt), spillFolder);

    private enum Holding
    {
        Nothing,
        SubjectKeys,
        Fingerprints,
    }

    /// <summary>Gets the number of distinct persons.</summary>
    public int Count
    {
        get
        {
            Settle();
            return _count;
        }
    }

    /// <summary>Gets the number of distinct persons with sensitive personal information.</summary>
    public int SensitiveCount
    {
        get
        {
            Settle();
            return _sensitiveCount;
        }
    }

    /// <summary>Gets the number of slots in the table, for tests of its growth.</summary>
    internal int Capacity => _slots.Length;

    /// <summary>Gets a value indicating whether the set has spilled to partition files.</summary>
    internal bool Spilled => _spill is not null;

    /// <summary>Adds a person, marking them sensitive when <paramref name="sensitive"/> is set.</summary>
    /// <exception cref="InvalidOperationException">The set holds fingerprints.</exception>
    public void Add(SubjectKey key, bool sensitive)
    {
        Hold(Holding.SubjectKeys);
        Note(key.High, sensitive);
    }

    /// <summary>Adds a person by their <see cref="SubjectKeyer.Fingerprint"/>, marking them sensitive when <paramref name="sensitive"/> is set.</summary>
    /// <exception cref="InvalidOperationException">The set holds subject keys.</exception>
    public void AddFingerprint(UInt128 fingerprint, bool sensitive)
    {
        Hold(Holding.Fingerprints);
        Note(fingerprint, sensitive);
    }

    /// <summary>Adds every person of <paramref name="other"/>.</summary>
    /// <exception cref="InvalidOperationException">One set holds subject keys and the other fingerprints.</exception>
    public void UnionWith(PersonSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._holding == Holding.Nothing || ReferenceEquals(other, this))
        {
            return;
        }

        Hold(other._holding);
        if (other._spill is { } spill)
        {
            spill.CopyTo(this);
        }
        else
        {
            if (other._holdsZero)
            {
                Note(UInt128.Zero, other._zeroSensitive);
            }

            var slots = other._slots;
            var marks = other._marks;
            for (int i = 0; i < slots.Length; i++)
            {
                if (slots[i] != UInt128.Zero)
                {
                    Note(slots[i], (marks[i >> 6] & (1UL << i)) != 0);
                }
            }
        }

        for (int i = 0; i < other._pendingCount; i++)
        {
            Note(other._pending[i], other._pendingSensitive[i]);
        }
    }

    private void Hold(Holding holding)
    {
        if (_holding == holding)
        {
            return;
        }

        if (_holding != Holding.Nothing)
        {
            throw new InvalidOperationException("A set of persons holds either subject keys or fingerprints, never both: the same person would count twice.");
        }

        _holding = holding;
    }

    /// <summary>Notes a person, to be placed in the table with the next batch.</summary>
    private void Note(UInt128 key, bool sensitive)
    {
        if (_pendingCount == _pending.Length)
        {
            if (_pendingCount >= PendingLimit)
            {
                Place();
            }
            else
            {
                // From the shared pool: sets of chunks come and go, and their lists would otherwise be garbage of the
                // large-object heap, which only a full collection returns.
                int size = Math.Max(64, _pendingCount * 2);
                var pending = ArrayPool<UInt128>.Shared.Rent(size);
                var marks = ArrayPool<bool>.Shared.Rent(size);
                _pending.AsSpan(0, _pendingCount).CopyTo(pending);
                _pendingSensitive.AsSpan(0, _pendingCount).CopyTo(marks);
                ReturnPending();
                (_pending, _pendingSensitive) = (pending, marks);
            }
        }

        _pending[_pendingCount] = key;
        _pendingSensitive[_pendingCount] = sensitive;
        _pendingCount++;
    }

    /// <summary>Empties the set: its table is kept (cleared) for reuse, its list of noted persons goes back to the shared pool, its spill is dropped.</summary>
    internal void Reset()
    {
        Array.Clear(_slots);
        Array.Clear(_marks);
        _pendingCount = 0;
        ReturnPending();
        _spill?.Dispose();
        _spill = null;
        _spillCounted = false;
        (_count, _sensitiveCount, _holdsZero, _zeroSensitive, _holding) = (0, 0, false, false, Holding.Nothing);
    }

    private void ReturnPending()
    {
        if (_pending.Length > 0)
        {
            ArrayPool<UInt128>.Shared.Return(_pending);
            ArrayPool<bool>.Shared.Return(_pendingSensitive);
            (_pending, _pendingSensitive) = ([], []);
        }
    }

    /// <summary>Brings the counts up to date: places the noted persons, or counts the spilled partitions.</summary>
    private void Settle()
    {
        Place();
        if (_spill is { } spill && !_spillCounted)
        {
            (_count, _sensitiveCount) = spill.Count();
            _spillCounted = true;
        }
    }

    /// <summary>Places every noted person in the table, loading the slots of a batch before probing them; or writes them to the spill.</summary>
    private void Place()
    {
        var pending = _pending;
        if (_spill is { } spill)
        {
            for (int i = 0; i < _pendingCount; i++)
            {
                spill.Write(pending[i], _pendingSensitive[i]);
            }

            _spillCounted &= _pendingCount == 0;
            _pendingCount = 0;
            return;
        }

        for (int start = 0; start < _pendingCount; start += Batch)
        {
            int end = Math.Min(_pendingCount, start + Batch);
            if (_count + (end - start) > _spillAt)
            {
                // The rest of the noted persons go to the spill with the table's.
                StartSpill();
                pending.AsSpan(start, _pendingCount - start).CopyTo(pending);
                _pendingSensitive.AsSpan(start, _pendingCount - start).CopyTo(_pendingSensitive);
                _pendingCount -= start;
                Place();
                return;
            }

            if (_count + (end - start) > _growAt)
            {
                Grow(_count + Batch);
            }

            // Independent loads the processor can have in flight together; the probes below then mostly hit the cache.
            var slots = _slots;
            ulong touched = 0;
            for (int i = start; i < end; i++)
            {
                touched ^= unchecked((ulong)slots[IndexOf(pending[i])]);
            }

            _touched = touched;
            for (int i = start; i < end; i++)
            {
                Insert(pending[i], _pendingSensitive[i]);
            }
        }

        _pendingCount = 0;
    }

    /// <summary>Puts one person in the table (or finds them there) and sets their sensitive mark when <paramref name="sensitive"/> is set.</summary>
    private void Insert(UInt128 key, bool sensitive)
    {
        if (key == UInt128.Zero)
        {
            if (!_holdsZero)
            {
                _holdsZero = true;
                _count++;
            }

            if (sensitive && !_zeroSensitive)
            {
                _zeroSensitive = true;
                _sensitiveCount++;
            }

            return;
        }

        var slots = _slots;
        int mask = slots.Length - 1;
        int i = IndexOf(key);
        while (true)
        {
            UInt128 slot = slots[i];
            if (slot == key)
            {
                break;
            }

            if (slot == UInt128.Zero)
            {
                slots[i] = key;
                _count++;
                break;
            }

            i = (i + 1) & mask;
        }

        if (sensitive)
        {
            ref ulong word = ref _marks[i >> 6];
            ulong bit = 1UL << i;
            if ((word & bit) == 0)
            {
                word |= bit;
                _sensitiveCount++;
            }
        }
    }

    /// <summary>Moves every person of the table to a new spill and lets the table go.</summary>
    private void StartSpill()
    {
        var spill = new Spill(_spillFolder ?? Path.GetTempPath());
        if (_holdsZero)
        {
            spill.Write(UInt128.Zero, _zeroSensitive);
        }

        for (int i = 0; i < _slots.Length; i++)
        {
            if (_slots[i] != UInt128.Zero)
            {
                spill.Write(_slots[i], (_marks[i >> 6] & (1UL << i)) != 0);
            }
        }

        (_slots, _marks, _shift, _growAt) = ([], [], 64, 0);
        (_holdsZero, _zeroSensitive) = (false, false);
        _spill = spill;
        _spillCounted = false;
    }

    /// <summary>Returns the home slot of <paramref name="key"/>: its two halves mixed, top bits taken.</summary>
    private int IndexOf(UInt128 key) => unchecked((int)((((ulong)key ^ (ulong)(key >> 64)) * 0x9E3779B97F4A7C15UL) >> _shift));

    /// <summary>Doubles the table (or makes the first), more if it is to hold <paramref name="persons"/>, and moves every person and mark into it.</summary>
    private void Grow(int persons)
    {
        var oldSlots = _slots;
        var oldMarks = _marks;
        int capacity = Math.Max(MinimumCapacity, oldSlots.Length * 2);
        while (persons > capacity / 4 * 3)
        {
            capacity *= 2;
        }

        _slots = new UInt128[capacity];
        _marks = new ulong[capacity / 64];
        _shift = 64 - System.Numerics.BitOperations.Log2((uint)capacity);
        _growAt = capacity / 4 * 3;
        int mask = capacity - 1;
        for (int old = 0; old < oldSlots.Length; old++)
        {
            UInt128 key = oldSlots[old];
            if (key == UInt128.Zero)
            {
                continue;
            }

            int i = IndexOf(key);
            while (_slots[i] != UInt128.Zero)
            {
                i = (i + 1) & mask;
            }

            _slots[i] = key;
            if ((oldMarks[old >> 6] & (1UL << old)) != 0)
            {
                _marks[i >> 6] |= 1UL << i;
            }
        }
    }

    /// <summary>Persons written to partition files by the top bits of their value, each with its sensitive mark.</summary>
    private sealed class Spill : IDisposable
    {
        private const int PartitionBits = 6;
        private const int Partitions = 1 << PartitionBits;
        private const int EntryBytes = 17;
        private const int BufferBytes = EntryBytes * 4096;

        private readonly FileStream[] _files = new FileStream[Partitions];
        private readonly byte[][] _buffers = new byte[Partitions][];
        private readonly int[] _used = new int[Partitions];
        private readonly string _parent;

        public Spill(string parent)
        {
            _parent = parent;
            string folder = Path.Combine(parent, "outbound-persons-" + Guid.NewGuid().ToString("N"));
            try
            {
                if (!Directory.Exists(parent))
                {
                    throw new DirectoryNotFoundException("The folder does not exist.");
                }

                Directory.CreateDirectory(folder);
                try
                {
                    for (int p = 0; p < Partitions; p++)
                    {
                        string path = Path.Combine(folder, p.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        _files[p] = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
                        _buffers[p] = new byte[BufferBytes];
                    }
                }
                finally
                {
                    // Unlinked while open: the files live as long as their handles, and nothing stays behind if the process dies.
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception error) when (error is IOException or UnauthorizedAccessException)
            {
                Dispose();
                throw new PersonSpillException(parent, error);
            }
        }

        public void Write(UInt128 value, bool sensitive)
        {
            int partition = (int)(value >> (128 - PartitionBits));
            int used = _used[partition];
            if (used == BufferBytes)
            {
                Flush(partition);
                used = 0;
            }

            var entry = _buffers[partition].AsSpan(used, EntryBytes);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt128LittleEndian(entry, value);
            entry[16] = sensitive ? (byte)1 : (byte)0;
            _used[partition] = used + EntryBytes;
        }

        /// <summary>Notes every entry written in <paramref name="target"/>, partition by partition (a person may come more than once).</summary>
        public void CopyTo(PersonSet target)
        {
            for (int p = 0; p < Partitions; p++)
            {
                ReadPartition(p, target, place: false);
            }
        }

        /// <summary>Counts the distinct persons and the sensitive ones, one partition at a time.</summary>
        /// <remarks>
        /// A partition's table is made large enough for all its entries before they are read, and each entry goes straight
        /// into it, with no list of noted persons between and no growing on the way.
        /// </remarks>
        public (int Count, int Sensitive) Count()
        {
            int count = 0;
            int sensitive = 0;
            var partition = new PersonSet(int.MaxValue);
            for (int p = 0; p < Partitions; p++)
            {
                partition.Reset();
                ReadPartition(p, partition, place: true);
                count += partition.Count;
                sensitive += partition.SensitiveCount;
            }

            partition.Reset();
            return (count, sensitive);
        }

        /// <summary>Closes the partition files, which are then gone.</summary>
        public void Dispose()
        {
            foreach (var file in _files)
            {
                file?.Dispose();
            }
        }

        private void Flush(int partition)
        {
            try
            {
                _files[partition].Write(_buffers[partition], 0, _used[partition]);
            }
            catch (IOException error)
            {
                throw new PersonSpillException(_parent, error);
            }

            _used[partition] = 0;
        }

        /// <summary>Reads the entries of <paramref name="partition"/> into <paramref name="target"/>: placed in its table, sized first for all of them, when <paramref name="place"/> is set, else noted.</summary>
        private void ReadPartition(int partition, PersonSet target, bool place)
        {
            Flush(partition);
            var file = _files[partition];
            long end = file.Position;
            if (place && end / EntryBytes > target._growAt - target._count)
            {
                target.Grow((int)Math.Min(target._count + (end / EntryBytes), Array.MaxLength / 2));
            }

            file.Position = 0;
            var block = _buffers[partition];
            while (file.Position < end)
            {
                int read = (int)Math.Min(block.Length, end - file.Position);
                file.ReadExactly(block, 0, read);
                for (int at = 0; at + EntryBytes <= read; at += EntryBytes)
                {
                    var value = System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(block.AsSpan(at, 16));
                    bool sensitive = block[at + 16] != 0;
                    if (place)
                    {
                        target.Insert(value, sensitive);
                    }
                    else
                    {
                        target.Note(value, sensitive);
                    }
                }
            }

            file.Position = end;
        }
    }
}

/// <summary>The persons of a dataset could not be spilled to the temporary folder (missing, not writable, or full).</summary>
public sealed class PersonSpillException : IOException
{
    /// <summary>Initializes a new instance of the <see cref="PersonSpillException"/> class.</summary>
    /// <param name="folder">The folder the partition files were to go to.</param>
    /// <param name="inner">What went wrong there.</param>
    public PersonSpillException(string folder, Exception inner)
        : base($"Counting more than {PersonSet.DefaultSpillAt:N0} distinct persons needs room for temporary files in '{folder}': {inner.Message} Point TMPDIR to a writable folder with space (17 bytes a person).", inner)
    {
        Folder = folder;
    }

    /// <summary>Gets the folder the partition files were to go to.</summary>
    public string Folder { get; }
}
