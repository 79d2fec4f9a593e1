using FsCheck.Xunit;
using Outbound.Deidentification;
using Outbound.Detection;

namespace Outbound.Core.Tests.Deidentification;

public sealed class KeyedTokenTests
{
    // Known answers, computed independently with OpenSSL over the UTF-8 canonical form:
    //   K=outbound-token-known-answer-key-0001
    //   printf %s "$K" | openssl dgst -sha256                           → key id: the first 8 hex digits
    //   printf %s '+8613800138000' | openssl dgst -sha256 -hmac "$K"    → token: the first 32 hex digits
    private const string Key = "outbound-token-known-answer-key-0001";
    private const string KeyId = "32916462";

    [Theory]
    [InlineData(IdentifierType.CnMobile, "+86 138-0013-8000", "24000132ffc223a34cb485a99cce09b1")]      // canonical +8613800138000
    [InlineData(IdentifierType.CnMobile, "13800138000", "24000132ffc223a34cb485a99cce09b1")]            // the same person
    [InlineData(IdentifierType.CnResidentId, "11010519491231002x", "a3a0202b63957ae148bdc7eca1f652d9")] // x is X
    [InlineData(IdentifierType.Email, "Zhang.San@Example.com", "bc229df3aef80203a413b980a015d3d8")]     // lower case
    [InlineData(IdentifierType.MacAddress, "3C:22:FB:A7:1B:2F", "7f7d89e7d0af9650588a02b9f8ac31fd")]    // hex digits only
    [InlineData(IdentifierType.PersonName, "张三", "60b3522fbd2af43e8ad14fd7b087d842")]                   // UTF-8, not UTF-16
    [InlineData(IdentifierType.BankCard, "6222 0212 3456 7890 128", "d6174dbc6f20b4b42bc37ff4f0ff2234")] // digits only
    public void TryApply_KnownAnswer_IsKeyIdAndTruncatedHmacOfCanonicalForm(IdentifierType type, string value, string expectedHex)
    {
        var token = new KeyedToken(System.Text.Encoding.UTF8.GetBytes(Key), type);

        Assert.Equal($"{KeyId}:{expectedHex}", token.Apply(value));
    }

    [Fact]
    public void KeyId_IsTheFirstEightHexDigitsOfTheKeysHash() =>
        Assert.Equal(KeyId, new KeyedToken(System.Text.Encoding.UTF8.GetBytes(Key), null).KeyId);

    [Fact]
    public void TryApply_OtherKey_GivesOtherTokenAndKeyId()
    {
        var first = new KeyedToken(System.Text.Encoding.UTF8.GetBytes(Key), IdentifierType.CnMobile);
        var second = new KeyedToken(System.Text.Encoding.UTF8.GetBytes(Key + "-rotated"), IdentifierType.CnMobile);

        string a = first.Apply("13800138000");
        string b = second.Apply("13800138000");

        Assert.NotEqual(a[..8], b[..8]);
        Assert.NotEqual(a[9..], b[9..]);
    }

    [Fact]
    public void Constructor_ShortKey_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new KeyedToken(new byte[31], null));

        Assert.StartsWith("The token key needs at least 32 bytes but has 31.", error.Message, StringComparison.Ordinal);
    }

    [Property(MaxTest = 500)]
    public bool TryApply_AnyValue_IsDeterministicFixedLengthAndNeverHoldsTheValue(string? value)
    {
        value ??= "";
        var token = new KeyedToken(System.Text.Encoding.UTF8.GetBytes(Key), null);

        string once = token.Apply(value);

        return once == token.Apply(value)
            && once.Length == KeyedToken.TokenLength
            && (value.Length < 4 || !once.Contains(value, StringComparison.Ordinal));
    }
}
