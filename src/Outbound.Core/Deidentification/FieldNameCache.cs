namespace Outbound.Deidentification;

/// <summary>
/// A small cache of what a field name maps to, for names that records of one source repeat: cheaper than a
/// dictionary, which hashes the whole name on every look-up.
/// </summary>
/// <remarks>
/// A name's slot pair comes from its length and three of its characters; each hit checks the name itself. Names that
/// do not fit evict others, so the caller keeps the authoritative map. Entries are immutable and written as one
/// reference, so one instance may be shared by threads.
/// </remarks>
/// <typeparam name="T">What a name maps to.</typeparam>
internal sealed class FieldNameCache<T>
{
    private const int Slots = 128;

    private readonly Entry?[] _entries = new Entry?[Slots];

    /// <summary>Returns the cached value of <paramref name="name"/>, if any.</summary>
    public bool TryGet(string name, out T value)
    {
        int at = SlotOf(name);
        if (_entries[at] is { } first && Holds(first.Name, name))
        {
            value = first.Value;
            return true;
        }

        if (_entries[at + 1] is { } second && Holds(second.Name, name))
        {
            value = second.Value;
            return true;
        }

        value = default!;
        return false;
    }

    /// <summary>Caches <paramref name="value"/> for <paramref name="name"/>, in a free slot of its pair or else in place of the first.</summary>
    public void Set(string name, T value)
    {
        int at = SlotOf(name);
        _entries[_entries[at] is not null && _entries[at + 1] is null ? at + 1 : at] = new Entry(name, value);
    }

    // The even slot of the name's pair.
    private static int SlotOf(string name) =>
        name.Length == 0 ? 0 : (((name.Length * 7) + (name[0] * 31) + (name[name.Length / 2] * 17) + name[^1]) * 2) & (Slots - 2);

    private static bool Holds(string cached, string name) => ReferenceEquals(cached, name) || string.Equals(cached, name, StringComparison.Ordinal);

    private sealed record Entry(string Name, T Value);
}
