using Outbound.Detection;

namespace Outbound.Core.Tests.Detection;

public sealed class SipHash128Tests
{
    // vectors_sip128 of the reference implementation (github.com/veorq/SipHash, vectors.h): key 00 01 … 0f, message 00 01 … (length - 1).
    [Theory]
    [InlineData(0, "a3817f04ba25a8e66df67214c7550293")]
    [InlineData(1, "da87c1d86b99af44347659119b22fc45")]
    [InlineData(7, "a1f1ebbed8dbc153c0b84aa61ff08239")]
    [InlineData(8, "3b62a9ba6258f5610f83e264f31497b4")]
    [InlineData(15, "5493e99933b0a8117e08ec0f97cfc3d9")]
    [InlineData(16, "6ee2a4ca67b054bbfd3315bf85230577")]
    [InlineData(17, "473d06e8738db89854c066c47ae47740")]
    public void Hash_ReferenceVector_MatchesTheReferenceOutput(int length, string expectedHex)
    {
        byte[] key = [.. Enumerable.Range(0, 16).Select(i => (byte)i)];
        byte[] message = [.. Enumerable.Range(0, length).Select(i => (byte)i)];

        var hash = new SipHash128(key).Hash(message);

        Assert.Equal(expectedHex, hash.ToString("x32", System.Globalization.CultureInfo.InvariantCulture));
    }
}
