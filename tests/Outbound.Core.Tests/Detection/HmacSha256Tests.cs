using System.Security.Cryptography;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Detection;

namespace Outbound.Core.Tests.Detection;

public sealed class HmacSha256Tests
{
    // RFC 4231, test cases 1, 2, 3, 4, 6 and 7 (case 5 truncates the output).
    public static TheoryData<string, string, string> Rfc4231 => new()
    {
        { "0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b0b", Convert.ToHexString("Hi There"u8), "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7" },
        { Convert.ToHexString("Jefe"u8), Convert.ToHexString("what do ya want for nothing?"u8), "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
        { string.Concat(Enumerable.Repeat("aa", 20)), string.Concat(Enumerable.Repeat("dd", 50)), "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe" },
        { "0102030405060708090a0b0c0d0e0f10111213141516171819", string.Concat(Enumerable.Repeat("cd", 50)), "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b" },
        { string.Concat(Enumerable.Repeat("aa", 131)), Convert.ToHexString("Test Using Larger Than Block-Size Key - Hash Key First"u8), "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
        {
            string.Concat(Enumerable.Repeat("aa", 131)),
            Convert.ToHexString("This is a test using a larger than block-size key and a larger than block-size data. The key needs to be hashed before being used by the HMAC algorithm."u8),
            "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2"
        },
    };

    [Theory]
    [MemberData(nameof(Rfc4231))]
    public void Compute_Rfc4231_GivesThePublishedDigest(string keyHex, string dataHex, string expectedHex)
    {
        var hmac = new HmacSha256(Convert.FromHexString(keyHex));
        byte[] data = Convert.FromHexString(dataHex);
        byte[] one = new byte[HmacSha256.DigestBytes];
        byte[] many = new byte[HmacSha256.DigestBytes];

        hmac.Compute(data, one);
        hmac.Compute(data, [new Range(0, data.Length)], many);

        Assert.Equal(expectedHex, Convert.ToHexStringLower(one));
        Assert.Equal(expectedHex, Convert.ToHexStringLower(many));
    }

    // Every length around the block's edges: 55 fits the lanes, 56 to 64 need a second padding block, 64 fills one.
    [Fact]
    public void Compute_EveryLengthUpToThreeBlocks_MatchesThePlatform()
    {
        byte[] key = Encoding.UTF8.GetBytes("outbound-known-answer-key-01");
        var hmac = new HmacSha256(key);
        byte[] data = [.. Enumerable.Range(0, 200).Select(i => (byte)((i * 37) + 11))];
        var ranges = new List<Range>();
        for (int length = 0; length <= 192; length++)
        {
            ranges.Add(new Range(length % 7, (length % 7) + length));
        }

        byte[] digests = new byte[ranges.Count * HmacSha256.DigestBytes];
        hmac.Compute(data, [.. ranges], digests);

        byte[] one = new byte[HmacSha256.DigestBytes];
        for (int i = 0; i < ranges.Count; i++)
        {
            byte[] expected = HMACSHA256.HashData(key, data[ranges[i]]);
            hmac.Compute(data.AsSpan(ranges[i]), one);
            Assert.True(expected.AsSpan().SequenceEqual(one), $"one message of {i} bytes");
            Assert.True(expected.AsSpan().SequenceEqual(digests.AsSpan(i * HmacSha256.DigestBytes, HmacSha256.DigestBytes)), $"message {i} of {ranges.Count}");
        }
    }

    // Any key, any mix of short and long messages in any number (so lanes are full, partly full, and interleaved with long ones).
    [Property(MaxTest = 300)]
    public bool Compute_AnyKeyAndMessages_MatchesThePlatform(byte[] key, byte[][] messages)
    {
        key ??= [];
        messages = [.. (messages ?? []).Select(message => message ?? [])];
        var hmac = new HmacSha256(key);
        byte[] data = [.. messages.SelectMany(message => message)];
        var ranges = new Range[messages.Length];
        int offset = 0;
        for (int i = 0; i < messages.Length; i++)
        {
            ranges[i] = new Range(offset, offset + messages[i].Length);
            offset += messages[i].Length;
        }

        byte[] digests = new byte[messages.Length * HmacSha256.DigestBytes];
        hmac.Compute(data, ranges, digests);
        return messages.Select((message, i) => HMACSHA256.HashData(key, message).AsSpan().SequenceEqual(digests.AsSpan(i * HmacSha256.DigestBytes, HmacSha256.DigestBytes))).All(same => same);
    }

    [Fact]
    public void Compute_DestinationTooShort_Throws()
    {
        var hmac = new HmacSha256("key"u8);

        var error = Assert.Throws<ArgumentException>(() => hmac.Compute("ab"u8, [0..1, 1..2], new byte[40]));

        Assert.StartsWith("2 digests need 64 bytes but the destination has 40.", error.Message, StringComparison.Ordinal);
    }
}
