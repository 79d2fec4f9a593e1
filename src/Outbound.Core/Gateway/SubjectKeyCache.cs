using Outbound.Detection;

namespace Outbound.Gateway;

/// <summary>
/// Gives records their subject keys for one thread: a person met again lately (a vehicle reporting every few seconds)
/// is keyed from memory, and new persons are keyed together, many at once.
/// </summary>
/// <remarks>
/// <para>
/// Recent keys are direct-mapped by a hash of the canonical form; a hit compares the canonical bytes in full, so a key
/// is exactly what <see cref="SubjectKeyer.KeyOfCanonical(ReadOnlySpan{byte})"/> gives. A record whose person is not
/// held waits until <see cref="Flush"/> (or until <see cref="PendingLimit"/> wait), which keys them together with
/// <see cref="SubjectKeyer.KeysOfCanonical"/>: call it before anything reads the records' keys.
/// </para>
/// <para>Holds no identifier beyond the life of the thread's work. Not thread-safe: one per thread.</para>
/// </remarks>
internal sealed class SubjectKeyCache(SubjectKeyer keyer)
{
    /// <summary>The records that wait for their keys at most.</summary>
    public const int PendingLimit = 64;

    private const int SlotBits = 13;
    private const int Slots = 1 << SlotBits;

    /// <summary>The longest canonical form kept: IDs, phones, VINs and plates fit; a longer one (an e-mail) is keyed each time.</summary>
    private const int SlotBytes = 64;

    private readonly byte[] _canonical = new byte[Slots * SlotBytes];
    private readonly int[] _lengths = new int[Slots];
    private readonly SubjectKey[] _keys = new SubjectKey[Slots];

    // The records waiting for keys, and their canonical forms one after another in _pendingBytes.
    private readonly ExaminedRecord[] _pending = new ExaminedRecord[PendingLimit];
    private readonly Range[] _pendingRanges = new Range[PendingLimit];
    private readonly int[] _pendingSlots = new int[PendingLimit];
    private readonly SubjectKey[] _pendingKeys = new SubjectKey[PendingLimit];
    private readonly byte[] _pendingBytes = new byte[PendingLimit * CanonicalForm.MaxLength];
    private int _pendingCount;
    private int _pendingUsed;

    /// <summary>Gets the number of keys computed (not found in the cache), for tests.</summary>
    internal long Computed { get; private set; }

    /// <summary>Sets <paramref name="record"/>'s subject key to that of the already canonical <paramref name="canonical"/>, now or at the next <see cref="Flush"/>.</summary>
    public void KeyInto(ExaminedRecord record, ReadOnlySpan<byte> canonical)
    {
        int slot = SlotOf(canonical);
        if (slot >= 0 && _lengths[slot] == canonical.Length && _canonical.AsSpan(slot * SlotBytes, canonical.Length).SequenceEqual(canonical))
        {
            record.Subject = _keys[slot];
            return;
        }

        if (canonical.Length > _pendingBytes.Length)
        {
            Computed++;
            record.Subject = keyer.KeyOfCanonical(canonical);
            return;
        }

        if (_pendingCount == PendingLimit || canonical.Length > _pendingBytes.Length - _pendingUsed)
        {
            Flush();
        }

        canonical.CopyTo(_pendingBytes.AsSpan(_pendingUsed));
        _pendingRanges[_pendingCount] = new Range(_pendingUsed, _pendingUsed + canonical.Length);
        _pendingSlots[_pendingCount] = slot;
        _pending[_pendingCount++] = record;
        _pendingUsed += canonical.Length;
    }

    /// <summary>Keys every record still waiting.</summary>
    public void Flush()
    {
        if (_pendingCount == 0)
        {
            return;
        }

        keyer.KeysOfCanonical(_pendingBytes, _pendingRanges.AsSpan(0, _pendingCount), _pendingKeys);
        Computed += _pendingCount;
        for (int i = 0; i < _pendingCount; i++)
        {
            _pending[i].Subject = _pendingKeys[i];
            _pending[i] = null!;
            if (_pendingSlots[i] is >= 0 and var slot)
            {
                var canonical = _pendingBytes.AsSpan(_pendingRanges[i]);
                canonical.CopyTo(_canonical.AsSpan(slot * SlotBytes, SlotBytes));
                _lengths[slot] = canonical.Length;
                _keys[slot] = _pendingKeys[i];
            }
        }

        _pendingCount = 0;
        _pendingUsed = 0;
    }

    // The slot of a canonical form, or -1 for one too long to hold (or empty).
    private static int SlotOf(ReadOnlySpan<byte> canonical)
    {
        if (canonical.IsEmpty || canonical.Length > SlotBytes)
        {
            return -1;
        }

        var hash = default(HashCode);
        hash.AddBytes(canonical);
        return hash.ToHashCode() & (Slots - 1);
    }
}
