using System.Runtime.InteropServices;

namespace Outbound.Detection;

/// <summary>An exact set of persons by subject key, each marked when any of their records is sensitive.</summary>
/// <remarks>
/// Persons are held by the first 128 bits of their HMAC, so memory grows with the number of distinct persons, not
/// with the size of the data: about 40 bytes a person. Two different persons share 128 bits with a probability near
/// n² / 2¹²⁹ — for a billion persons about 10⁻²¹ — so the count is exact for any real dataset. All keys must come
/// from one secret. Not thread-safe.
/// </remarks>
public sealed class PersonSet
{
    private readonly Dictionary<UInt128, bool> _persons = [];

    /// <summary>Gets the number of distinct persons.</summary>
    public int Count => _persons.Count;

    /// <summary>Gets the number of distinct persons with sensitive personal information.</summary>
    public int SensitiveCount { get; private set; }

    /// <summary>Adds a person, marking them sensitive when <paramref name="sensitive"/> is set.</summary>
    public void Add(SubjectKey key, bool sensitive) => Add(key.High, sensitive);

    /// <summary>Adds every person of <paramref name="other"/>.</summary>
    public void UnionWith(PersonSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        foreach (var (key, sensitive) in other._persons)
        {
            Add(key, sensitive);
        }
    }

    private void Add(UInt128 key, bool sensitive)
    {
        ref bool marked = ref CollectionsMarshal.GetValueRefOrAddDefault(_persons, key, out _);
        if (sensitive && !marked)
        {
            marked = true;
            SensitiveCount++;
        }
    }
}
