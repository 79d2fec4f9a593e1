using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Deidentification;

namespace Outbound.Core.Tests.Deidentification;

/// <summary>FF1 against the nine sample vectors NIST publishes for SP 800-38G (FF1samples.pdf), and round trips.</summary>
public sealed class Ff1Tests
{
    private const string Key128 = "2B7E151628AED2A6ABF7158809CF4F3C";
    private const string Key192 = "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F";
    private const string Key256 = "2B7E151628AED2A6ABF7158809CF4F3CEF4359D8D580AA4F7F036D6F04FC6A94";
    private const string NoTweak = "";
    private const string Tweak10 = "39383736353433323130";
    private const string Tweak11 = "3737373770717273373737";

    // Numerals are written with the digits and lower-case letters, as NIST writes them: a = 10 … z = 35.
    private const string SampleAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

    public static TheoryData<string, string, int, string, string> NistSamples => new()
    {
        { Key128, NoTweak, 10, "0123456789", "2433477484" },                   // Sample #1
        { Key128, Tweak10, 10, "0123456789", "6124200773" },                   // Sample #2
        { Key128, Tweak11, 36, "0123456789abcdefghi", "a9tv40mll9kdu509eum" }, // Sample #3
        { Key192, NoTweak, 10, "0123456789", "2830668132" },                   // Sample #4
        { Key192, Tweak10, 10, "0123456789", "2496655549" },                   // Sample #5
        { Key192, Tweak11, 36, "0123456789abcdefghi", "xbj3kv35jrawxv32ysr" }, // Sample #6
        { Key256, NoTweak, 10, "0123456789", "6657667009" },                   // Sample #7
        { Key256, Tweak10, 10, "0123456789", "1001623463" },                   // Sample #8
        { Key256, Tweak11, 36, "0123456789abcdefghi", "xs8a0azh2avyalyzuwd" }, // Sample #9
    };

    [Theory]
    [MemberData(nameof(NistSamples))]
    public void Encrypt_NistSample_GivesPublishedCiphertext(string key, string tweak, int radix, string plaintext, string ciphertext)
    {
        var ff1 = new Ff1(Convert.FromHexString(key), radix);
        int[] output = new int[plaintext.Length];

        ff1.Encrypt(Numerals(plaintext), Convert.FromHexString(tweak), output);

        Assert.Equal(ciphertext, Text(output));
    }

    [Theory]
    [MemberData(nameof(NistSamples))]
    public void Decrypt_NistSample_GivesPublishedPlaintext(string key, string tweak, int radix, string plaintext, string ciphertext)
    {
        var ff1 = new Ff1(Convert.FromHexString(key), radix);
        int[] output = new int[ciphertext.Length];

        ff1.Decrypt(Numerals(ciphertext), Convert.FromHexString(tweak), output);

        Assert.Equal(plaintext, Text(output));
    }

    [Theory]
    [InlineData(10, 6)]  // 10^6 is exactly the million SP 800-38G asks for
    [InlineData(36, 4)]  // 36^3 = 46,656 is too few
    [InlineData(62, 4)]  // 62^3 = 238,328 is too few
    [InlineData(2, 20)]  // 2^20 = 1,048,576
    public void MinimumLength_IsTheShortestLengthWithAMillionValues(int radix, int expected) =>
        Assert.Equal(expected, new Ff1(Convert.FromHexString(Key128), radix).MinimumLength);

    [Fact]
    public void Encrypt_TooShort_Throws()
    {
        var ff1 = new Ff1(Convert.FromHexString(Key128), 10);

        var error = Assert.Throws<ArgumentException>(() => ff1.Encrypt([1, 2, 3, 4, 5], [], new int[5]));

        Assert.StartsWith("FF1 with radix 10 needs 6 to 4096 numerals but got 5.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Encrypt_NumeralOutsideRadix_Throws()
    {
        var ff1 = new Ff1(Convert.FromHexString(Key128), 10);

        Assert.Throws<ArgumentException>(() => ff1.Encrypt([1, 2, 3, 4, 5, 10], [], new int[6]));
    }

    [Theory]
    [InlineData(15)]
    [InlineData(33)]
    public void Constructor_KeyNotAnAesLength_Throws(int length)
    {
        var error = Assert.Throws<ArgumentException>(() => new Ff1(new byte[length], 10));

        Assert.Contains("16, 24 or 32 bytes", error.Message, StringComparison.Ordinal);
    }

    // Long inputs make d exceed one block, so S needs the extra CIPH(R ⊕ [j]) blocks the samples never reach.
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public bool Decrypt_AfterEncrypt_GivesTheInputBack(NumeralString input)
    {
        var ff1 = new Ff1(Convert.FromHexString(Key256), input.Radix);
        int[] cipher = new int[input.Numerals.Length];
        int[] plain = new int[input.Numerals.Length];

        ff1.Encrypt(input.Numerals, input.Tweak, cipher);
        ff1.Decrypt(cipher, input.Tweak, plain);

        return plain.SequenceEqual(input.Numerals) && cipher.All(numeral => numeral >= 0 && numeral < input.Radix);
    }

    [Fact]
    public void Encrypt_FromManyThreads_GivesOneAnswer()
    {
        var ff1 = new Ff1(Convert.FromHexString(Key128), 10);
        int[] input = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];

        string[] outputs = new string[64];
        Parallel.For(0, outputs.Length, i =>
        {
            int[] output = new int[input.Length];
            ff1.Encrypt(input, [], output);
            outputs[i] = Text(output);
        });

        Assert.All(outputs, output => Assert.Equal("2433477484", output));
    }

    private static int[] Numerals(string text) => [.. text.Select(c => SampleAlphabet.IndexOf(c, StringComparison.Ordinal))];

    private static string Text(int[] numerals) => new([.. numerals.Select(n => SampleAlphabet[n])]);

    public sealed record NumeralString(int Radix, int[] Numerals, byte[] Tweak)
    {
        public override string ToString() => $"radix {Radix}, {Numerals.Length} numerals, tweak of {Tweak.Length} bytes";
    }

    public static class Generators
    {
        public static Arbitrary<NumeralString> NumeralString() =>
            (from radix in Gen.Elements(10, 36, 62, 2, 1000)
             let minimum = new Ff1(new byte[16], radix).MinimumLength
             from length in Gen.Choose(minimum, minimum + 120)
             from numerals in Gen.ArrayOf(Gen.Choose(0, radix - 1), length)
             from tweakLength in Gen.Choose(0, 40)
             from tweak in Gen.ArrayOf(Gen.Choose(0, 255).Select(b => (byte)b), tweakLength)
             select new NumeralString(radix, numerals, tweak)).ToArbitrary();
    }
}
