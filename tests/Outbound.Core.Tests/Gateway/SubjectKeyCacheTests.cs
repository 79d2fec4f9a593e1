using System.Text;
using Outbound.Detection;
using Outbound.Gateway;

namespace Outbound.Core.Tests.Gateway;

public sealed class SubjectKeyCacheTests
{
    private static readonly SubjectKeyer Keyer = new("outbound-known-answer-key-01"u8);

    // Far more identifiers than slots, met again near and far: every key is the one the keyer gives, whatever the cache held.
    [Fact]
    public void KeyInto_ManyIdentifiersWithRepeats_AlwaysTheKeyersKey()
    {
        var cache = new SubjectKeyCache(Keyer);
        var random = new Random(20261130);
        var seen = new List<string>();
        var records = new List<ExaminedRecord>();
        for (int i = 0; i < 20_000; i++)
        {
            string canonical = seen.Count > 0 && random.Next(2) == 0
                ? seen[random.Next(Math.Max(0, seen.Count - 50), seen.Count)]
                : "+86139" + random.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
            seen.Add(canonical);
            records.Add(NewRecord(i));
            cache.KeyInto(records[^1], Encoding.UTF8.GetBytes(canonical));
        }

        cache.Flush();

        for (int i = 0; i < seen.Count; i++)
        {
            Assert.Equal(Keyer.KeyOfCanonical(Encoding.UTF8.GetBytes(seen[i])), records[i].Subject);
        }

        // Each identifier is keyed at least once; the repeats (about half of all) are mostly found again.
        Assert.InRange(cache.Computed, seen.Distinct(StringComparer.Ordinal).Count(), 19_999);
    }

    [Fact]
    public void KeyInto_SamePersonAfterAFlush_IsNotKeyedAgain()
    {
        var cache = new SubjectKeyCache(Keyer);
        var (first, again, other) = (NewRecord(1), NewRecord(2), NewRecord(3));

        cache.KeyInto(first, "LVS1YUVE5TE184838"u8);
        Assert.Null(first.Subject);
        cache.Flush();
        cache.KeyInto(again, "LVS1YUVE5TE184838"u8);
        cache.KeyInto(other, "LFVAJS410N3537949"u8);
        cache.Flush();

        Assert.Equal(Keyer.KeyOfCanonical("LVS1YUVE5TE184838"u8), first.Subject);
        Assert.Equal(first.Subject, again.Subject);
        Assert.NotEqual(first.Subject, other.Subject);
        Assert.Equal(2, cache.Computed);
    }

    // A full queue keys itself: the records before the last are keyed without a flush.
    [Fact]
    public void KeyInto_MoreThanThePendingLimit_KeysTheFullQueueAtOnce()
    {
        var cache = new SubjectKeyCache(Keyer);
        var records = Enumerable.Range(0, SubjectKeyCache.PendingLimit + 1).Select(NewRecord).ToList();

        for (int i = 0; i < records.Count; i++)
        {
            cache.KeyInto(records[i], Encoding.UTF8.GetBytes($"+8613800{i:D6}"));
        }

        Assert.All(records[..SubjectKeyCache.PendingLimit], record => Assert.NotNull(record.Subject));
        Assert.Null(records[^1].Subject);
        cache.Flush();
        Assert.Equal(Keyer.KeyOfCanonical(Encoding.UTF8.GetBytes($"+8613800{SubjectKeyCache.PendingLimit:D6}")), records[^1].Subject);
    }

    [Fact]
    public void KeyInto_LongCanonicalForm_IsKeyedEachTimeAndRight()
    {
        var cache = new SubjectKeyCache(Keyer);
        byte[] email = Encoding.UTF8.GetBytes(new string('a', 70) + "@example.com");
        var (first, again) = (NewRecord(1), NewRecord(2));

        cache.KeyInto(first, email);
        cache.Flush();
        cache.KeyInto(again, email);
        cache.Flush();

        Assert.Equal(Keyer.KeyOfCanonical(email), first.Subject);
        Assert.Equal(Keyer.KeyOfCanonical(email), again.Subject);
        Assert.Equal(2, cache.Computed);
    }

    private static ExaminedRecord NewRecord(int position) =>
        new(new SourceRecord(position, RecordShape.JsonObject, [], ReadOnlyMemory<byte>.Empty), null);
}
