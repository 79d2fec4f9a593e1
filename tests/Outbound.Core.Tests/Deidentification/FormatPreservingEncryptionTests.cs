using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Deidentification;
using Outbound.Detection;

namespace Outbound.Core.Tests.Deidentification;

public sealed class FormatPreservingEncryptionTests
{
    private static readonly byte[] Key128 = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C");
    private static readonly byte[] Key256 = Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94");

    // NIST sample #2's tweak 39383736353433323130 is the ASCII text "9876543210".
    [Fact]
    public void TryApply_DigitsWithNistSampleTweak_GivesSampleTwoCiphertext() =>
        Assert.Equal("6124200773", new FormatPreservingEncryption(Key128, FpeAlphabet.Digits, "9876543210").Apply("0123456789"));

    // NIST sample #9 (AES-256, radix 36, tweak "7777pqrs777"): our alphabet writes numerals 10–35 as A–Z.
    [Fact]
    public void TryApply_UpperAlphanumericWithNistSampleTweak_GivesSampleNineCiphertext() =>
        Assert.Equal("XS8A0AZH2AVYALYZUWD", new FormatPreservingEncryption(Key256, FpeAlphabet.UpperAlphanumeric, "7777pqrs777").Apply("0123456789abcdefghi"));

    [Fact]
    public void TryApply_SeparatorsBetweenDigits_StayInPlaceAndDigitsEncryptAsOneString()
    {
        var fpe = new FormatPreservingEncryption(Key128, FpeAlphabet.Digits, "9876543210");

        Assert.Equal("612-420-0773", fpe.Apply("012-345-6789"));
    }

    [Fact]
    public void TryApply_ResidentIdWithCheckX_KeepsTheXUnderDigits()
    {
        var fpe = new FormatPreservingEncryption(Key128, FpeAlphabet.Digits, "CN_RESIDENT_ID");

        string output = fpe.Apply("11010519491231002X");

        Assert.Equal(18, output.Length);
        Assert.Equal('X', output[17]);
        Assert.True(output[..17].All(char.IsAsciiDigit));
        Assert.NotEqual("11010519491231002", output[..17]);
    }

    [Fact]
    public void TryApply_PlateUnderUpperAlphanumeric_KeepsTheProvinceCharacter()
    {
        var fpe = new FormatPreservingEncryption(Key128, FpeAlphabet.UpperAlphanumeric, "CN_PLATE");

        string output = fpe.Apply("京A·12345");

        Assert.Equal('京', output[0]);
        Assert.Equal('·', output[2]);
        Assert.True(fpe.TryDecrypt(output, out string? plain));
        Assert.Equal("京A·12345", plain);
    }

    [Theory]
    [InlineData(FpeAlphabet.Digits, "12345")]           // 10^5 values: below FF1's million
    [InlineData(FpeAlphabet.UpperAlphanumeric, "A1B")]  // 36^3 values
    [InlineData(FpeAlphabet.Digits, "张三")]             // nothing to encrypt
    public void TryApply_TooFewAlphabetCharacters_DeclinesTheValue(FpeAlphabet alphabet, string input) =>
        Assert.False(new FormatPreservingEncryption(Key128, alphabet, "").TryApply(input, out _));

    [Fact]
    public void TryApply_OtherTweak_GivesOtherCiphertext()
    {
        var mobile = new FormatPreservingEncryption(Key128, FpeAlphabet.Digits, "CN_MOBILE");
        var card = new FormatPreservingEncryption(Key128, FpeAlphabet.Digits, "BANK_CARD");

        Assert.NotEqual(mobile.Apply("13800138000"), card.Apply("13800138000"));
    }

    [Fact]
    public void DefaultTweak_IsTheWireName()
    {
        Assert.Equal("CN_RESIDENT_ID", FormatPreservingEncryption.DefaultTweak(IdentifierType.CnResidentId));
        Assert.Equal("", FormatPreservingEncryption.DefaultTweak(null));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool TryDecrypt_AfterTryApply_GivesTheInputBack(FpeCase value)
    {
        var fpe = new FormatPreservingEncryption(Key256, value.Alphabet, "property");
        if (!fpe.TryApply(value.Text, out string? cipher))
        {
            return CountAlphabet(value.Text, value.Alphabet) < fpe.MinimumLength;
        }

        return fpe.TryDecrypt(cipher, out string? plain) && plain == value.Text;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool TryApply_KeepsLengthAlphabetAndSeparators(FpeCase value)
    {
        var fpe = new FormatPreservingEncryption(Key256, value.Alphabet, "property");
        if (!fpe.TryApply(value.Text, out string? cipher))
        {
            return true;
        }

        return cipher.Length == value.Text.Length
            && value.Text.Zip(cipher).All(pair => InAlphabet(pair.First, value.Alphabet)
                ? InAlphabet(pair.Second, value.Alphabet)
                : pair.First == pair.Second);
    }

    private static int CountAlphabet(string text, FpeAlphabet alphabet) => text.Count(c => InAlphabet(c, alphabet));

    private static bool InAlphabet(char c, FpeAlphabet alphabet) => alphabet switch
    {
        FpeAlphabet.Digits => char.IsAsciiDigit(c),
        FpeAlphabet.UpperAlphanumeric => char.IsAsciiDigit(c) || char.IsAsciiLetterUpper(c),
        _ => char.IsAsciiLetterOrDigit(c),
    };

    public sealed record FpeCase(FpeAlphabet Alphabet, string Text);

    public static class Generators
    {
        // Upper case only under radix 36, which writes letters in upper case; separators and Chinese characters anywhere.
        public static Arbitrary<FpeCase> Case() =>
            (from alphabet in Gen.Elements(FpeAlphabet.Digits, FpeAlphabet.UpperAlphanumeric, FpeAlphabet.Alphanumeric)
             let characters = alphabet switch
             {
                 FpeAlphabet.Digits => "0123456789",
                 FpeAlphabet.UpperAlphanumeric => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
                 _ => "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz",
             }
             from text in Gen.ArrayOf(Gen.Frequency((6, Gen.Elements(characters.ToCharArray())), (1, Gen.Elements(' ', '-', '·', '京', '@', '.'))))
             select new FpeCase(alphabet, new string(text))).ToArbitrary();
    }
}
