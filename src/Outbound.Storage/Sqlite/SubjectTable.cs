using System.Runtime.Intrinsics.X86;

namespace Outbound.Storage.Sqlite;

/// <summary>A set of 32-byte subject keys held inline in one open-addressing table: one probe, mostly one cache line, per lookup.</summary>
/// <remarks>
/// Keys are HMAC outputs, so their low bits are as good a hash as any. Linear probing over a power-of-two table at
/// most three-quarters full; the all-zero key, which marks an empty slot, is held apart. No removal: the recent level
/// only grows until it is moved, and then the table is cleared. Not thread-safe.
/// </remarks>
internal sealed class SubjectTable
{
    /// <summary>How many keys ahead of a lookup its slot is fetched (<see cref="Prefetch"/>): enough lookups to hide a wait for memory.</summary>
    public const int PrefetchDistance = 8;

    private const int InitialCapacity = 1024;

    private Slot[] _slots = new Slot[InitialCapacity];
    private bool _hasZero;

    /// <summary>Gets the number of keys held.</summary>
    public int Count { get; private set; }

    /// <summary>Returns whether <paramref name="high"/> and <paramref name="low"/> (the key's two halves) are held.</summary>
    public bool Contains(UInt128 high, UInt128 low)
    {
        if (high == UInt128.Zero && low == UInt128.Zero)
        {
            return _hasZero;
        }

        var slots = _slots;
        int mask = slots.Length - 1;
        for (int i = IndexOf(low, mask); ; i = (i + 1) & mask)
        {
            ref readonly var slot = ref slots[i];
            if (slot.Low == low && slot.High == high)
            {
                return true;
            }

            if (slot.IsEmpty)
            {
                return false;
            }
        }
    }

    /// <summary>
    /// Asks the processor to fetch the slot where a lookup of the key (by <paramref name="low"/>, its low half) starts,
    /// so that a lookup a few keys later finds it in the cache: in a table of a million keys nearly every lookup
    /// otherwise waits for memory, one after the other.
    /// </summary>
    public unsafe void Prefetch(UInt128 low)
    {
        if (Sse.IsSupported)
        {
            var slots = _slots;
            fixed (Slot* slot = &slots[IndexOf(low, slots.Length - 1)])
            {
                Sse.Prefetch0(slot);
            }
        }
    }

    /// <summary>Adds the key; returns <see langword="false"/> when it was held already.</summary>
    public bool Add(UInt128 high, UInt128 low)
    {
        if (high == UInt128.Zero && low == UInt128.Zero)
        {
            if (_hasZero)
            {
                return false;
            }

            _hasZero = true;
            Count++;
            return true;
        }

        if ((Count + 1) * 4L > _slots.Length * 3L)
        {
            Grow();
        }

        if (!Place(_slots, high, low))
        {
            return false;
        }

        Count++;
        return true;
    }

    /// <summary>Forgets every key, keeping the room the table grew to: it is filled again about as far.</summary>
    public void Clear()
    {
        Array.Clear(_slots);
        _hasZero = false;
        Count = 0;
    }

    private static int IndexOf(UInt128 low, int mask) => (int)(ulong)low & mask;

    private static bool Place(Slot[] slots, UInt128 high, UInt128 low)
    {
        int mask = slots.Length - 1;
        for (int i = IndexOf(low, mask); ; i = (i + 1) & mask)
        {
            ref var slot = ref slots[i];
            if (slot.IsEmpty)
            {
                slot = new Slot(high, low);
                return true;
            }

            if (slot.Low == low && slot.High == high)
            {
                return false;
            }
        }
    }

    private void Grow()
    {
        var larger = new Slot[_slots.Length * 2];
        foreach (var slot in _slots)
        {
            if (!slot.IsEmpty)
            {
                Place(larger, slot.High, slot.Low);
            }
        }

        _slots = larger;
    }

    private readonly record struct Slot(UInt128 High, UInt128 Low)
    {
        public bool IsEmpty => High == UInt128.Zero && Low == UInt128.Zero;
    }
}
