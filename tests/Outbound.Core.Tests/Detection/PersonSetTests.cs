using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Detection;

namespace Outbound.Core.Tests.Detection;

public sealed class PersonSetTests
{
    private static readonly SubjectKeyer Keyer = new("outbound-known-answer-key-01"u8);

    [Fact]
    public void Add_SamePersonTwice_CountsOnceAndKeepsTheSensitiveMark()
    {
        var set = new PersonSet();
        var person = Keyer.Key(IdentifierType.CnMobile, "13800138000"u8)!.Value;

        set.Add(person, sensitive: false);
        set.Add(person, sensitive: true);
        set.Add(person, sensitive: false);

        Assert.Equal(1, set.Count);
        Assert.Equal(1, set.SensitiveCount);
    }

    [Fact]
    public void UnionWith_OverlappingSets_CountsEachPersonOnce()
    {
        var first = new PersonSet();
        var second = new PersonSet();
        var a = Keyer.Key(IdentifierType.CnMobile, "13800138000"u8)!.Value;
        var b = Keyer.Key(IdentifierType.CnMobile, "13912345678"u8)!.Value;
        var c = Keyer.Key(IdentifierType.CnResidentId, "11010519491231002X"u8)!.Value;
        first.Add(a, sensitive: false);
        first.Add(b, sensitive: false);
        second.Add(b, sensitive: true);
        second.Add(c, sensitive: true);

        first.UnionWith(second);

        Assert.Equal(3, first.Count);
        Assert.Equal(2, first.SensitiveCount);
    }

    [Fact]
    public void AddFingerprint_SamePersonWrittenTwoWays_CountsOnce()
    {
        var set = new PersonSet();

        set.AddFingerprint(Keyer.Fingerprint("+8613800138000"u8), sensitive: false);
        set.AddFingerprint(Keyer.Fingerprint("+8613800138000"u8), sensitive: true);
        set.AddFingerprint(Keyer.Fingerprint("+8613912345678"u8), sensitive: false);

        Assert.Equal(2, set.Count);
        Assert.Equal(1, set.SensitiveCount);
    }

    [Fact]
    public void UnionWith_FingerprintsIntoSubjectKeys_Throws()
    {
        var keys = new PersonSet();
        var fingerprints = new PersonSet();
        keys.Add(Keyer.Key(IdentifierType.CnMobile, "13800138000"u8)!.Value, sensitive: false);
        fingerprints.AddFingerprint(Keyer.Fingerprint("+8613800138000"u8), sensitive: false);

        Assert.Throws<InvalidOperationException>(() => keys.UnionWith(fingerprints));
    }

    [Fact]
    public void Fingerprint_SameSecretInTwoKeyers_Agrees()
    {
        var again = new SubjectKeyer("outbound-known-answer-key-01"u8);

        Assert.Equal(Keyer.Fingerprint("+8613800138000"u8), again.Fingerprint("+8613800138000"u8));
        Assert.NotEqual(Keyer.Fingerprint("+8613800138000"u8), new SubjectKeyer("another-secret-of-enough-bytes"u8).Fingerprint("+8613800138000"u8));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public bool AddFingerprint_AnyPersons_CountsAsAReferenceSetDoes(Person[] persons)
    {
        var set = new PersonSet();
        foreach (var person in persons)
        {
            set.AddFingerprint(person.Value, person.Sensitive);
        }

        var reference = Reference(persons);
        return set.Count == reference.Count && set.SensitiveCount == reference.Values.Count(sensitive => sensitive);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public bool UnionWith_AnySplit_CountsAsOneSetOfAll(Person[] first, Person[] second)
    {
        var left = new PersonSet();
        var right = new PersonSet();
        foreach (var person in first)
        {
            left.AddFingerprint(person.Value, person.Sensitive);
        }

        foreach (var person in second)
        {
            right.AddFingerprint(person.Value, person.Sensitive);
        }

        _ = right.Count; // places part of the persons in the table before the union
        left.UnionWith(right);

        var reference = Reference([.. first, .. second]);
        return left.Count == reference.Count && left.SensitiveCount == reference.Values.Count(sensitive => sensitive);
    }

    [Fact]
    public void AddFingerprint_ManyPersonsWithRepeats_CountsExactlyAndGrowsByDoubling()
    {
        var set = new PersonSet();
        var reference = AddRandomPersons(set, new Random(20261129), withZero: false);

        Assert.Equal(reference.Count, set.Count);
        Assert.Equal(reference.Values.Count(sensitive => sensitive), set.SensitiveCount);
        Assert.True(System.Numerics.BitOperations.IsPow2(set.Capacity));
        Assert.InRange(set.Count, set.Capacity / 4, set.Capacity / 4 * 3);
    }

    [Fact]
    public void AddFingerprint_PersonsSharingTheirHomeSlot_AreAllKept()
    {
        // Equal XOR of the two halves: every value starts probing at the same slot.
        var set = new PersonSet();
        for (ulong i = 0; i < 1_000; i++)
        {
            set.AddFingerprint(new UInt128(i, i ^ 0x5555), sensitive: i % 2 == 0);
            set.AddFingerprint(new UInt128(i, i ^ 0x5555), sensitive: false);
        }

        Assert.Equal(1_000, set.Count);
        Assert.Equal(500, set.SensitiveCount);
    }

    [Fact]
    public void AddFingerprint_Zero_IsAPersonLikeAnyOther()
    {
        var set = new PersonSet();
        set.AddFingerprint(UInt128.Zero, sensitive: false);
        set.AddFingerprint(UInt128.One, sensitive: false);
        set.AddFingerprint(UInt128.Zero, sensitive: true);
        var other = new PersonSet();
        other.UnionWith(set);

        Assert.Equal(2, set.Count);
        Assert.Equal(1, set.SensitiveCount);
        Assert.Equal(2, other.Count);
        Assert.Equal(1, other.SensitiveCount);
    }

    [Fact]
    public void UnionWith_ItselfOrAnEmptySet_ChangesNothing()
    {
        var set = new PersonSet();
        set.AddFingerprint(Keyer.Fingerprint("+8613800138000"u8), sensitive: true);

        set.UnionWith(set);
        set.UnionWith(new PersonSet());

        Assert.Equal(1, set.Count);
        Assert.Equal(1, set.SensitiveCount);
    }

    // A set that spills from its first person on counts as one that never does, however its persons come.
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool AddFingerprint_Spilled_CountsAsAReferenceSetDoes(Person[] persons, Person[] later)
    {
        var set = new PersonSet(spillAt: 1);
        foreach (var person in persons)
        {
            set.AddFingerprint(person.Value, person.Sensitive);
        }

        var reference = Reference(persons);
        bool before = set.Count == reference.Count && set.SensitiveCount == reference.Values.Count(sensitive => sensitive);
        foreach (var person in later)
        {
            set.AddFingerprint(person.Value, person.Sensitive);
        }

        reference = Reference([.. persons, .. later]);
        return before
            && set.Count == reference.Count
            && set.SensitiveCount == reference.Values.Count(sensitive => sensitive)
            && set.Spilled == (persons.Length + later.Length > 1);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool UnionWith_SpilledOrNot_CountsAsOneSetOfAll(Person[] first, Person[] second, bool leftSpills, bool rightSpills)
    {
        var left = new PersonSet(leftSpills ? 1 : int.MaxValue);
        var right = new PersonSet(rightSpills ? 1 : int.MaxValue);
        foreach (var person in first)
        {
            left.AddFingerprint(person.Value, person.Sensitive);
        }

        foreach (var person in second)
        {
            right.AddFingerprint(person.Value, person.Sensitive);
        }

        _ = right.Count;
        left.UnionWith(right);

        var reference = Reference([.. first, .. second]);
        return left.Count == reference.Count && left.SensitiveCount == reference.Values.Count(sensitive => sensitive)
            && right.Count == Reference(second).Count;
    }

    [Fact]
    public void AddFingerprint_PastTheSpillLimit_LetsTheTableGoAndStaysExact()
    {
        var set = new PersonSet(spillAt: 10_000);
        var foldersBefore = Directory.GetDirectories(Path.GetTempPath(), "outbound-persons-*").Length;
        var reference = AddRandomPersons(set, new Random(20261130), withZero: true);

        Assert.True(set.Spilled);
        Assert.Equal(0, set.Capacity);
        Assert.Equal(reference.Count, set.Count);
        Assert.Equal(reference.Values.Count(sensitive => sensitive), set.SensitiveCount);
        Assert.Equal(reference.Count, set.Count);

        // The partition files are unlinked from the start: nothing of them shows in the temporary folder.
        Assert.Equal(foldersBefore, Directory.GetDirectories(Path.GetTempPath(), "outbound-persons-*").Length);
    }

    [Fact]
    public void AddFingerprint_NoFolderToSpillTo_SaysWhereAndWhatIsNeeded()
    {
        string missing = Path.Combine(Path.GetTempPath(), "outbound-no-such-folder-" + Guid.NewGuid().ToString("N"), "inner");
        var set = new PersonSet(spillAt: 10, spillFolder: missing);

        var error = Assert.Throws<PersonSpillException>(() =>
        {
            for (int i = 0; i < 100; i++)
            {
                set.AddFingerprint(new UInt128((ulong)i, (ulong)i * 7919), sensitive: false);
            }

            _ = set.Count;
        });

        Assert.Equal(missing, error.Folder);
        Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        Assert.Contains("TMPDIR", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }

    [Fact]
    public void AddFingerprint_SpillFolderUnderAFile_SaysWhere()
    {
        string file = Path.GetTempFileName();
        try
        {
            var set = new PersonSet(spillAt: 1, spillFolder: file);
            set.AddFingerprint(UInt128.One, sensitive: false);
            set.AddFingerprint(UInt128.MaxValue, sensitive: true);

            var error = Assert.Throws<PersonSpillException>(() => set.Count);
            Assert.Equal(file, error.Folder);
        }
        finally
        {
            File.Delete(file);
        }
    }

    // Adds 200,000 persons, a third of them repeats, values spread over all 128 bits (zero among them if asked), checking
    // the count along the way; returns each person's sensitive mark.
    private static Dictionary<UInt128, bool> AddRandomPersons(PersonSet set, Random random, bool withZero)
    {
        var reference = new Dictionary<UInt128, bool>();
        var seen = new List<UInt128>();
        for (int i = 0; i < 200_000; i++)
        {
            UInt128 value = withZero && i == 5 ? UInt128.Zero
                : seen.Count > 0 && random.Next(3) == 0 ? seen[random.Next(seen.Count)]
                : Random128(random);
            bool sensitive = random.Next(4) == 0;
            set.AddFingerprint(value, sensitive);
            seen.Add(value);
            reference[value] = (reference.TryGetValue(value, out bool marked) && marked) || sensitive;
            if (i % 50_000 == 0)
            {
                Assert.Equal(reference.Count, set.Count);
            }
        }

        return reference;
    }

    private static UInt128 Random128(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(bytes);
    }

    private static Dictionary<UInt128, bool> Reference(IEnumerable<Person> persons)
    {
        var reference = new Dictionary<UInt128, bool>();
        foreach (var person in persons)
        {
            reference[person.Value] = (reference.TryGetValue(person.Value, out bool marked) && marked) || person.Sensitive;
        }

        return reference;
    }

    /// <summary>A person added to a set: a 128-bit value and whether this record is sensitive.</summary>
    public sealed record Person(UInt128 Value, bool Sensitive);

    public static class Generators
    {
        /// <summary>
        /// Values from a small pool (so that persons repeat, zero among them), or anywhere in 128 bits: uniform over the
        /// whole range, so that their top bits (which pick a spilled person's partition) take every value.
        /// </summary>
        public static Arbitrary<Person> Person() =>
            (from small in Gen.Choose(0, 40)
             from a in Gen.Choose(int.MinValue, int.MaxValue)
             from b in Gen.Choose(int.MinValue, int.MaxValue)
             from c in Gen.Choose(int.MinValue, int.MaxValue)
             from d in Gen.Choose(int.MinValue, int.MaxValue)
             from pooled in ArbMap.Default.GeneratorFor<bool>()
             from sensitive in ArbMap.Default.GeneratorFor<bool>()
             select new Person(pooled ? (UInt128)(ulong)small : new UInt128(((ulong)(uint)a << 32) | (uint)b, ((ulong)(uint)c << 32) | (uint)d), sensitive)).ToArbitrary();
    }
}
