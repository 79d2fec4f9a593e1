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
/// Memory is not bounded: 100 million distinct persons take about 2 to 4 GB. Not yet done, a bounded set would spill
/// past a limit: write each 128-bit value and its mark to one of 2ᵏ files by its top k bits, then count each file on its
/// own (sort, merge marks): the partitions share no person, so the sum of their counts stays exact.
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
            Place();
            return _count;
        }
    }

    /// <summary>Gets the number of distinct persons with sensitive personal information.</summary>
    public int SensitiveCount
    {
        get
        {
            Place();
            return _sensitiveCount;
        }
    }

    /// <summary>Gets the number of slots in the table, for tests of its growth.</summary>
    internal int Capacity => _slots.Length;

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
            if (_pendingCount == PendingLimit)
            {
                Place();
            }
            else
            {
                int size = Math.Max(64, _pendingCount * 2);
                Array.Resize(ref _pending, size);
                Array.Resize(ref _pendingSensitive, size);
            }
        }

        _pending[_pendingCount] = key;
        _pendingSensitive[_pendingCount] = sensitive;
        _pendingCount++;
    }

    /// <summary>Places every noted person in the table, loading the slots of a batch before probing them.</summary>
    private void Place()
    {
        var pending = _pending;
        for (int start = 0; start < _pendingCount; start += Batch)
        {
            int end = Math.Min(_pendingCount, start + Batch);
            if (_count + (end - start) > _growAt)
            {
                Grow();
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

    /// <summary>Returns the home slot of <paramref name="key"/>: its two halves mixed, top bits taken.</summary>
    private int IndexOf(UInt128 key) => unchecked((int)((((ulong)key ^ (ulong)(key >> 64)) * 0x9E3779B97F4A7C15UL) >> _shift));

    /// <summary>Doubles the table (or makes the first) and moves every person and mark into it.</summary>
    private void Grow()
    {
        var oldSlots = _slots;
        var oldMarks = _marks;
        int capacity = Math.Max(MinimumCapacity, oldSlots.Length * 2);
        while (_count + Batch > capacity / 4 * 3)
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
}
