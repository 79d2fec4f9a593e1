using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

public sealed class VinRecognizerTests
{
    // The worked example of the check-digit calculation in 49 CFR 565 and the Wikipedia article on VINs.
    private const string PublishedExample = "1M8GDM9AXKP042788";

    private readonly VinRecognizer _recognizer = new();

    [Fact]
    public void Compute_PublishedExample_ReturnsX() =>
        Assert.Equal((byte)'X', VinChecksum.Compute(Encoding.ASCII.GetBytes(PublishedExample)));

    [Theory]
    [InlineData(PublishedExample, PublishedExample)]
    [InlineData("VIN: 1M8GDM9AXKP042788.", PublishedExample)]
    [InlineData("车架号1M8GDM9AXKP042788，", PublishedExample)]
    [InlineData("{\"vin\":\"1M8GDM9AXKP042788\"}", PublishedExample)]
    public void Scan_PublishedExample_ReportsExactSpan(string text, string expected) =>
        Assert.Equal(0.99f, RecognizerScan.AssertSingle(_recognizer, text, expected).Score);

    [Theory]
    [InlineData("1M8GDM9A1KP042788")]     // wrong check digit
    [InlineData("1M8GDM9AXKP04278")]      // sixteen characters
    [InlineData("1M8GDM9AXKP0427880")]    // eighteen
    [InlineData("1M8GDM9AXKP042788A")]    // glued after
    [InlineData("A1M8GDM9AXKP042788")]    // glued before
    [InlineData("1m8gdm9axkp042788")]     // lowercase
    [InlineData("1M8GDM9AXKP04278O")]     // O is not a VIN character
    [InlineData("11111111111111111")]     // passes the check digit, but no real VIN
    [InlineData("1M8GDM9AXKP042788@x.cn")]
    public void Scan_NotAVin_ReportsNothing(string text) => RecognizerScan.AssertNone(_recognizer, text);

    [Fact]
    public void Scan_PartNumberWithWrongCheckDigitInVinField_ReportsWeak()
    {
        var finding = RecognizerScan.AssertSingle(_recognizer, "1M8GDM9A1KP042788", "1M8GDM9A1KP042788", IdentifierType.Vin);

        Assert.Equal(FindingTraits.Weak, finding.Traits);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1_000)]
    public bool Scan_GeneratedVin_ReportsIt(Vin vin) =>
        RecognizerScan.Scan(_recognizer, $"车辆 {vin.Value} 上报") is [{ Start: 7, Length: 17 }];

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1_000)]
    public bool Scan_AnySingleCharacterChanged_ReportsNothing(Vin vin, Position position, VinCharacter replacement)
    {
        char[] changed = vin.Value.ToCharArray();
        if (Transliterate(changed[position.Index]) == Transliterate(replacement.Value))
        {
            return true; // R and 9, or A and 1, weigh the same: the check digit cannot see the change
        }

        changed[position.Index] = replacement.Value;
        return RecognizerScan.Scan(_recognizer, new string(changed)).Count == 0;
    }

    // The vector check of a VIN's shape must give what the check one character at a time gives: on generated VINs, with
    // one or two bytes changed to anything, and on random strings of VIN characters, letters and other bytes.
    [Fact]
    public void CheckOfShape_GeneratedAndChangedVinsAndRandomStrings_AgreesWithTheCheckByCharacter()
    {
        var random = new Random(20261130);
        const string Bytes = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcz@[_`/:-. ";
        const string Alphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
        int vins = 0;
        for (int n = 0; n < 200_000; n++)
        {
            byte[] text = [.. Enumerable.Range(0, 17).Select(_ => (byte)(n % 2 == 0 ? Alphabet : Bytes)[random.Next(n % 2 == 0 ? Alphabet.Length : Bytes.Length)])];
            if (n % 2 == 0)
            {
                // A VIN: China's L first, a year that is not 0, U or Z, a serial of digits, and its check digit.
                text[0] = (byte)'L';
                text[9] = (byte)'A';
                for (int i = 13; i < 17; i++)
                {
                    text[i] = (byte)('0' + random.Next(10));
                }

                text[8] = VinChecksum.Compute(text);
            }

            for (int change = n % 3; change > 0; change--)
            {
                text[random.Next(17)] = (byte)random.Next(256);
            }

            byte expected = VinRecognizer.CheckOfShapeByCharacter(text);
            Assert.True(expected == VinRecognizer.CheckOfShape(text), $"{Convert.ToHexString(text)}: {VinRecognizer.CheckOfShape(text)} instead of {expected}");
            vins += expected != 0 && text[8] == expected ? 1 : 0;
        }

        // Both kinds of answer are met: valid VINs, and strings with no check character.
        Assert.InRange(vins, 10_000, 190_000);
    }

    [Fact]
    public void IsVinCharacter_EveryByte_IsTrueForDigitsAndCapitalsExceptIOQ()
    {
        for (int b = 0; b < 256; b++)
        {
            bool expected = char.IsAsciiDigit((char)b) || (char.IsAsciiLetterUpper((char)b) && b is not ('I' or 'O' or 'Q'));
            Assert.True(expected == VinChecksum.IsVinCharacter((byte)b), $"byte {b}");
        }
    }

    private static int Transliterate(char value) =>
        char.IsAsciiDigit(value) ? value - '0' : "12345678_12345_7_923456789"[value - 'A'] - '0';

    public sealed record Vin(string Value);

    public sealed record Position(int Index);

    public sealed record VinCharacter(char Value);

    public static class Generators
    {
        private const string Alphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
        private const string Years = "123456789ABCDEFGHJKLMNPRSTVWXY";

        // Chinese world manufacturer identifiers start with L (ISO 3780).
        public static Arbitrary<Vin> Vin() =>
            (from wmi in Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray()), 2)
             from vds in Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray()), 5)
             from year in Gen.Elements(Years.ToCharArray())
             from plant in Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray()), 3)
             from serial in Gen.ArrayOf(Gen.Choose('0', '9').Select(c => (char)c), 4)
             select Complete("L" + new string(wmi) + new string(vds) + "0" + year + new string(plant) + new string(serial))).ToArbitrary();

        public static Arbitrary<Position> Position() => Gen.Choose(0, 16).Select(i => new Position(i)).ToArbitrary();

        public static Arbitrary<VinCharacter> Character() => Gen.Elements(Alphabet.ToCharArray()).Select(c => new VinCharacter(c)).ToArbitrary();

        private static Vin Complete(string body)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(body);
            bytes[8] = VinChecksum.Compute(bytes);
            return new Vin(Encoding.ASCII.GetString(bytes));
        }
    }
}
