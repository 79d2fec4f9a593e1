using System.Text;
using Outbound.Detection;

namespace Outbound.Core.Tests.Detection;

public sealed class SubjectKeyerTests
{
    // Known answers: HMAC-SHA256 under this key over the UTF-8 canonical form, computed independently.
    private static readonly SubjectKeyer Keyer = new("outbound-known-answer-key-01"u8);

    [Theory]
    [InlineData(IdentifierType.CnResidentId, "11010519491231002x", "0f8c5d429c8f49f0b428c7e342a93d9dd039b8ba00ea109c1d2e7e45eec3a2d0")] // x is X
    [InlineData(IdentifierType.CnMobile, "+86 138-0013-8000", "7eb75b951e90199d45d2df36b28bf6e0812816c36a0ef0a80f1ca2a44882e5b6")]
    [InlineData(IdentifierType.CnMobile, "13800138000", "7eb75b951e90199d45d2df36b28bf6e0812816c36a0ef0a80f1ca2a44882e5b6")]          // same person
    [InlineData(IdentifierType.CnMobile, "0086 13800138000", "7eb75b951e90199d45d2df36b28bf6e0812816c36a0ef0a80f1ca2a44882e5b6")]     // same person
    [InlineData(IdentifierType.Email, "Zhang.San@Example.com", "7eee15686d8da549c0f0add25c52d8a386a72735a01a7cdea9313ccb01209814")]
    [InlineData(IdentifierType.BankCard, "6222 0212 3456 7890 128", "2d517e0111aedb2c4dd651d968aef27c5a508e4592d1d1ed1f9a9fb8f9aa7912")]
    [InlineData(IdentifierType.Vin, "1m8gdm9axkp042788", "c7c7388e363ccc2ec10843356c6f2fc7f830adba45077a0dff0f340138affada")]
    [InlineData(IdentifierType.CnPlate, "京A·12345", "f97bc09a0b53385dedd03ebe133630c073c78f82ad503a61d36e366a09c54ea5")]
    [InlineData(IdentifierType.CnPlate, "京a 12345", "f97bc09a0b53385dedd03ebe133630c073c78f82ad503a61d36e366a09c54ea5")]
    public void Key_KnownAnswer_MatchesHmacOfCanonicalForm(IdentifierType type, string value, string expectedHex)
    {
        var key = Keyer.Key(type, Encoding.UTF8.GetBytes(value));

        Assert.Equal($"252f94cb:{expectedHex}", key.ToString());
    }

    // More than one group of lanes, short and long forms mixed: each the key that one person alone gets.
    [Fact]
    public void KeysOfCanonical_ManyAtOnce_GivesEachTheKeyOfOne()
    {
        string[] forms = [.. Enumerable.Range(0, 150).Select(i => i % 10 == 9 ? new string('z', 60 + i) + "@example.com" : "+86139" + (10_000_000 + (i * 7919)).ToString(System.Globalization.CultureInfo.InvariantCulture))];
        byte[] data = Encoding.UTF8.GetBytes(string.Concat(forms));
        var ranges = new Range[forms.Length];
        int offset = 0;
        for (int i = 0; i < forms.Length; i++)
        {
            ranges[i] = new Range(offset, offset + forms[i].Length);
            offset += forms[i].Length;
        }

        var keys = new SubjectKey[forms.Length];
        Keyer.KeysOfCanonical(data, ranges, keys);

        for (int i = 0; i < forms.Length; i++)
        {
            Assert.Equal(Keyer.KeyOfCanonical(Encoding.UTF8.GetBytes(forms[i])), keys[i]);
        }

        Assert.Equal(forms.Length, keys.Distinct().Count());
    }

    [Fact]
    public void KeyId_IsTheFirstEightHexDigitsOfTheSecretsHash() => Assert.Equal("252f94cb", Keyer.KeyId);

    [Fact]
    public void Key_DifferentSecrets_GiveDifferentKeysForOnePerson()
    {
        var other = new SubjectKeyer("another-secret-of-enough-bytes"u8);

        Assert.NotEqual(Keyer.Key(IdentifierType.CnMobile, "13800138000"u8), other.Key(IdentifierType.CnMobile, "13800138000"u8));
    }

    // Values already canonical are copied whole; the others lose separators and gain capitals.
    [Theory]
    [InlineData(IdentifierType.Vin, "LVS1YUVE5TE184838", "LVS1YUVE5TE184838")]
    [InlineData(IdentifierType.Vin, "lvs1yuve5te184838", "LVS1YUVE5TE184838")]
    [InlineData(IdentifierType.CnResidentId, "11010519491231002X", "11010519491231002X")]
    [InlineData(IdentifierType.CnResidentId, "110105 19491231 002x", "11010519491231002X")]
    [InlineData(IdentifierType.BankCard, "6222021234567890128", "6222021234567890128")]
    [InlineData(IdentifierType.BankCard, "6222-0212-3456-7890-128", "6222021234567890128")]
    [InlineData(IdentifierType.CnPassport, "E12345678", "E12345678")]
    public void CanonicalForm_Write_GivesTheCanonicalBytes(IdentifierType type, string value, string expected)
    {
        byte[] destination = new byte[CanonicalForm.MaxLength];

        int length = CanonicalForm.Write(type, Encoding.UTF8.GetBytes(value), destination);

        Assert.Equal(expected, Encoding.UTF8.GetString(destination, 0, length));
    }

    [Theory]
    [InlineData("LVS1YUVE5TE184838")]
    [InlineData("lvs1yuve5te184838")]
    public void CanonicalForm_Write_DestinationTooShort_WritesNothing(string vin) =>
        Assert.Equal(0, CanonicalForm.Write(IdentifierType.Vin, Encoding.UTF8.GetBytes(vin), new byte[16]));

    [Fact]
    public void Key_TypeWithoutCanonicalForm_ReturnsNull() =>
        Assert.Null(Keyer.Key(IdentifierType.GpsCoord, "31.2304,121.4737"u8));

    [Fact]
    public void Constructor_ShortSecret_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => new SubjectKeyer("short"u8));

        Assert.StartsWith("The subject-key secret needs at least 16 bytes but has 5.", error.Message, StringComparison.Ordinal);
    }
}
