using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Outbound.Storage.Sqlite;

/// <summary>
/// The subject keys of <c>ledger_recent</c> as one process last read them, by scope: which persons of the recent
/// level are known, without reading the table for every batch.
/// </summary>
/// <remarks>
/// Read again from where it stopped at the start of every write transaction (the database's write lock is held, so
/// everything past that point is committed), and from the start when another process moved the recent keys into
/// <c>ledger_block</c> (a new generation). Keys a transaction adds are pending until the next read brings them in as
/// committed; a rolled-back transaction's keys are simply never read. Bounded by the move threshold, not by the ledger.
/// Not thread-safe: the store uses it only while it holds the database's write lock.
/// </remarks>
internal sealed class RecentSubjects
{
    private readonly Dictionary<long, SubjectTable> _committed = [];
    private readonly Dictionary<long, HashSet<Subject>> _pending = [];
    private readonly List<(long Scope, Subject Subject)> _pendingLog = [];

    /// <summary>Gets the generation the keys belong to, or -1 before the first read.</summary>
    public long Generation { get; private set; } = -1;

    /// <summary>Gets the id of the last row read.</summary>
    public long LastId { get; private set; }

    /// <summary>Gets the number of committed keys held.</summary>
    public int Count { get; private set; }

    /// <summary>Forgets everything, to read the generation <paramref name="generation"/> from its start.</summary>
    /// <remarks>
    /// The keys pending from a transaction that never committed go too: a new generation is found when another process
    /// moved the keys, or when this process's move was rolled back with the keys its transaction then added.
    /// </remarks>
    public void Reset(long generation)
    {
        // The tables stay, emptied, with their room: the next generation fills them about as far again.
        foreach (var table in _committed.Values)
        {
            table.Clear();
        }

        DropPending();
        Generation = generation;
        LastId = 0;
        Count = 0;
    }

    /// <summary>Forgets the keys added since the last read (the transaction that added them ended).</summary>
    public void DropPending()
    {
        // The sets stay, emptied, with their room: every transaction fills about as many again.
        foreach (var set in _pending.Values)
        {
            set.Clear();
        }

        _pendingLog.Clear();
        PendingLastId = 0;
    }

    /// <summary>Gets or sets the id of the last row the current transaction added.</summary>
    public long PendingLastId { get; set; }

    /// <summary>Takes the keys the current transaction added as committed (it committed, holding the write lock throughout, so no row of another comes before them).</summary>
    public void CommitPending()
    {
        // As in MarkKnown, each key's slot is fetched a few keys ahead of its own.
        const int Ahead = SubjectTable.PrefetchDistance;
        var log = CollectionsMarshal.AsSpan(_pendingLog);
        for (int i = 0; i < log.Length; i++)
        {
            if (i + Ahead < log.Length && _committed.TryGetValue(log[i + Ahead].Scope, out var ahead))
            {
                ahead.Prefetch(log[i + Ahead].Subject.Low);
            }

            var (scope, subject) = log[i];
            if (Committed(scope).Add(subject.High, subject.Low))
            {
                Count++;
            }
        }

        LastId = Math.Max(LastId, PendingLastId);
        DropPending();
    }

    /// <summary>Returns a mark of the keys added so far, for <see cref="DropPendingAfter"/>.</summary>
    public int PendingMark => _pendingLog.Count;

    /// <summary>Forgets the keys added after <paramref name="mark"/> (their savepoint was rolled back).</summary>
    public void DropPendingAfter(int mark)
    {
        for (int i = mark; i < _pendingLog.Count; i++)
        {
            _pending[_pendingLog[i].Scope].Remove(_pendingLog[i].Subject);
        }

        _pendingLog.RemoveRange(mark, _pendingLog.Count - mark);
    }

    /// <summary>Adds a committed row read from the table.</summary>
    public void AddCommitted(long id, long scope, ReadOnlySpan<byte> subject)
    {
        var key = Subject.Of(subject);
        if (Committed(scope).Add(key.High, key.Low))
        {
            Count++;
        }

        LastId = Math.Max(LastId, id);
    }

    /// <summary>Whether the key is in the recent level, committed or added by the current transaction.</summary>
    public bool Contains(long scope, ReadOnlySpan<byte> subject)
    {
        var key = Subject.Of(subject);
        return (_committed.TryGetValue(scope, out var committed) && committed.Contains(key.High, key.Low))
            || (_pending.TryGetValue(scope, out var pending) && pending.Contains(key));
    }

    /// <summary>Sets <paramref name="known"/>[i] for each key i of <paramref name="keys"/> (32 bytes each) that the recent level holds.</summary>
    public void MarkKnown(long scope, ReadOnlySpan<byte> keys, Span<bool> known)
    {
        // The committed table is large: each key's slot is fetched a few lookups ahead of its own.
        const int Ahead = SubjectTable.PrefetchDistance;
        _committed.TryGetValue(scope, out var committed);
        var pending = _pending.TryGetValue(scope, out var set) && set.Count > 0 ? set : null;
        int count = known.Length;
        for (int i = 0; i < count; i++)
        {
            var key = Subject.Of(keys.Slice(i * SubjectGroup.KeySize, SubjectGroup.KeySize));
            if (committed is not null && i + Ahead < count)
            {
                committed.Prefetch(BinaryPrimitives.ReadUInt128BigEndian(keys.Slice(((i + Ahead) * SubjectGroup.KeySize) + 16, 16)));
            }

            known[i] = (committed is not null && committed.Contains(key.High, key.Low)) || (pending is not null && pending.Contains(key));
        }
    }

    /// <summary>Notes a key the current transaction added.</summary>
    public void AddPending(long scope, ReadOnlySpan<byte> subject)
    {
        var key = Subject.Of(subject);
        if (Set(_pending, scope).Add(key))
        {
            _pendingLog.Add((scope, key));
        }
    }

    private SubjectTable Committed(long scope)
    {
        if (!_committed.TryGetValue(scope, out var table))
        {
            _committed[scope] = table = new SubjectTable();
        }

        return table;
    }

    private static HashSet<Subject> Set(Dictionary<long, HashSet<Subject>> sets, long scope)
    {
        if (!sets.TryGetValue(scope, out var set))
        {
            sets[scope] = set = [];
        }

        return set;
    }

    /// <summary>A 32-byte subject key as two 128-bit halves.</summary>
    private readonly record struct Subject(UInt128 High, UInt128 Low)
    {
        public static Subject Of(ReadOnlySpan<byte> bytes) =>
            new(BinaryPrimitives.ReadUInt128BigEndian(bytes), BinaryPrimitives.ReadUInt128BigEndian(bytes[16..]));

        public bool Equals(Subject other) => High == other.High && Low == other.Low;

        // Keys are HMAC outputs: any 32 of their bits are as good a hash as any.
        public override int GetHashCode() => (int)(ulong)Low;
    }
}
