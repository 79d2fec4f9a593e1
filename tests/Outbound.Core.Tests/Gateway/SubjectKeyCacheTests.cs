using System.Text;
using Outbound.Detection;
using Outbound.Gateway;

namespace Outbound.Core.Tests.Gateway;

public sealed class SubjectKeyCacheTests
{
    private static readonly SubjectKeyer Keyer = new("outbound-known-answer-key-01"u8);

    // Far more identifiers than slots, met again near and far: every key is the one the keyer gives, whatever the cache held.
    [Fact]
    public void KeyOf_ManyIdentifiersWithRepeats_AlwaysTheKeyersKey()
    {
        using var cache = new SubjectKeyCache(Keyer);
        var random = new Random(20261130);
        var seen = new List<string>();
        for (int i = 0; i < 20_000; i++)
        {
            string canonical = seen.Count > 0 && random.Next(2) == 0
                ? seen[random.Next(Math.Max(0, seen.Count - 50), seen.Count)]
                : "+86139" + random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            seen.Add(canonical);
            byte[] bytes = Encoding.UTF8.GetBytes(canonical);

            Assert.Equal(Keyer.KeyOfCanonical(bytes), cache.KeyOf(bytes));
        }

        // Each identifier is keyed at least once; the repeats (about half of all) are mostly found again.
        Assert.InRange(cache.Computed, seen.Distinct(StringComparer.Ordinal).Count(), 19_999);
    }

    [Fact]
    public void KeyOf_SamePersonAgain_IsNotKeyedAgain()
    {
        using var cache = new SubjectKeyCache(Keyer);

        var first = cache.KeyOf("LVS1YUVE5TE184838"u8);
        var again = cache.KeyOf("LVS1YUVE5TE184838"u8);
        var other = cache.KeyOf("LFVAJS410N3537949"u8);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(2, cache.Computed);
        Assert.Equal(Keyer.KeyOfCanonical("LVS1YUVE5TE184838"u8), first);
    }

    [Fact]
    public void KeyOf_LongCanonicalForm_IsKeyedEachTimeAndRight()
    {
        using var cache = new SubjectKeyCache(Keyer);
        byte[] email = Encoding.UTF8.GetBytes(new string('a', 70) + "@example.com");

        Assert.Equal(Keyer.KeyOfCanonical(email), cache.KeyOf(email));
        Assert.Equal(Keyer.KeyOfCanonical(email), cache.KeyOf(email));
        Assert.Equal(2, cache.Computed);
    }
}
