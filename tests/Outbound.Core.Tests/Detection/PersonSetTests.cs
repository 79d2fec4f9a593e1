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
}
