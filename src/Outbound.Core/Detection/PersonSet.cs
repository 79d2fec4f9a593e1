using System.Runtime.InteropServices;

namespace Outbound.Detection;

/// <summary>An exact set of persons, each marked when any of their records is sensitive.</summary>
/// <remarks>
/// <para>
/// Persons are held by 128 bits: the first 128 bits of their HMAC (<see cref="Add(SubjectKey, bool)"/>) or their
/// fingerprint (<see cref="AddFingerprint"/>, <see cref="SubjectKeyer.Fingerprint"/>), so memory grows with the number of
/// distinct persons, not with the size of the data: about 40 bytes a person. Two different persons share 128 bits with
/// a probability near n² / 2¹²⁹ — for a billion persons about 10⁻²¹ — so the count is exact for any real dataset.
/// </para>
/// <para>
/// All keys must come from one secret, and one set holds either subject keys or fingerprints: mixing them would count
/// a person twice, so it throws. Not thread-safe.
/// </para>
/// <para>
/// Memory is not bounded: 100 million distinct persons take about 4 GB. Not yet done, a bounded set would spill past a
/// limit: write each 128-bit value and its mark to one of 2ᵏ files by its top k bits, then count each file on its own
/// (sort, merge marks): the partitions share no person, so the sum of their counts stays exact.
/// </para>
/// </remarks>
public sealed class PersonSet
{
    private readonly Dictionary<UInt128, bool> _persons = [];
    private Holding _holding;

    private enum Holding
    {
        Nothing,
        SubjectKeys,
        Fingerprints,
    }

    /// <summary>Gets the number of distinct persons.</summary>
    public int Count => _persons.Count;

    /// <summary>Gets the number of distinct persons with sensitive personal information.</summary>
    public int SensitiveCount { get; private set; }

    /// <summary>Adds a person, marking them sensitive when <paramref name="sensitive"/> is set.</summary>
    /// <exception cref="InvalidOperationException">The set holds fingerprints.</exception>
    public void Add(SubjectKey key, bool sensitive)
    {
        Hold(Holding.SubjectKeys);
        Add(key.High, sensitive);
    }

    /// <summary>Adds a person by their <see cref="SubjectKeyer.Fingerprint"/>, marking them sensitive when <paramref name="sensitive"/> is set.</summary>
    /// <exception cref="InvalidOperationException">The set holds subject keys.</exception>
    public void AddFingerprint(UInt128 fingerprint, bool sensitive)
    {
        Hold(Holding.Fingerprints);
        Add(fingerprint, sensitive);
    }

    /// <summary>Adds every person of <paramref name="other"/>.</summary>
    /// <exception cref="InvalidOperationException">One set holds subject keys and the other fingerprints.</exception>
    public void UnionWith(PersonSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other._holding == Holding.Nothing)
        {
            return;
        }

        Hold(other._holding);
        foreach (var (key, sensitive) in other._persons)
        {
            Add(key, sensitive);
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
