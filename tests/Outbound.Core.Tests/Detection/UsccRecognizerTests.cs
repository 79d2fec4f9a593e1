using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Detection;
using Outbound.Detection.Recognizers;
using static Outbound.Core.Tests.Detection.IdentityNumbers;

namespace Outbound.Core.Tests.Detection;

public sealed class UsccRecognizerTests
{
    // GB 32100-2015 §5.2 worked example: registered by 工商 (9), an enterprise (1), in 福州市 (350100).
    private const string PublishedExample = "91350100M000100Y43";

    private static readonly UsccRecognizer Recognizer = new();

    [Fact]
    public void Compute_PublishedExample_GivesItsCheckCharacter() =>
        Assert.Equal((byte)'3', UsccChecksum.Compute("91350100M000100Y4"u8));

    [Fact]
    public void IsValidOrganisationCode_PublishedExample_ReturnsTrue() =>
        Assert.True(UsccChecksum.IsValidOrganisationCode("M000100Y4"u8)); // positions 9–17 pass GB 11714 as well

    [Fact]
    public void Scan_PublishedExampleInChineseText_ReportsExactBytes()
    {
        const string text = "统一社会信用代码：91350100M000100Y43。";

        var findings = Scan(Recognizer, text);

        Assert.Equal([new Finding(IdentifierType.CnUscc, 27, 18, UsccRecognizer.FullScore)], findings);
        Assert.Equal(ByteOffset(text, PublishedExample), findings[0].Start);
    }

    [Theory]
    [InlineData("91110000100000008J", UsccRecognizer.FullScore)] // national registration (100000) with a valid organisation code
    [InlineData("92440300MA5D0K7B71", UsccRecognizer.FullScore)] // 个体工商户 (92), MA organisation code series
    [InlineData("91110000100000000R", UsccRecognizer.CodeCheckOnlyScore)] // organisation code fails GB 11714
    [InlineData("911101084646869521", UsccRecognizer.FullScore - UsccRecognizer.DigitsOnlyPenalty)] // digits only
    [InlineData("131100200004068355", UsccRecognizer.CodeCheckOnlyScore - UsccRecognizer.DigitsOnlyPenalty)] // digits only, no GB 11714
    public void Scan_ValidCode_ReportsItsScore(string code, float score) =>
        Assert.Equal([new Finding(IdentifierType.CnUscc, 0, 18, score)], Scan(Recognizer, code));

    [Theory]
    [InlineData("91350100M000100Y44")] // check character wrong
    [InlineData("91350100M000100Y4")] // 17 characters
    [InlineData("91350100M000100Y43A")] // glued to a letter after
    [InlineData("X91350100M000100Y43")] // glued to a letter before
    [InlineData("91350100M000100Y437")] // part of a 19-character run
    [InlineData("91350100m000100y43")] // lower case is not the code alphabet
    [InlineData("91350100O000100Y43")] // O is not in the alphabet
    public void Scan_NearMiss_ReportsNothing(string text) => Assert.Empty(Scan(Recognizer, text));

    [Theory]
    [InlineData("94350100M000100Y4")] // 工商 has no category 4
    [InlineData("Z1350100M000100Y4")] // Z is no registration authority
    [InlineData("91990100M000100Y4")] // division in no province (99)
    [InlineData("91810000M000100Y4")] // Hong Kong's code is no registration authority's
    [InlineData("9135A100M000100Y4")] // division code not numeric
    public void Scan_WrongStructureWithCorrectCheckCharacter_ReportsNothing(string body)
    {
        string code = body[0] == 'Z' ? body + "0" : Uscc(body);

        Assert.Empty(Scan(Recognizer, code));
    }

    [Theory]
    [InlineData("131100200004068355")] // valid as both; the code fails GB 11714
    [InlineData("131121198505111069")] // valid as both; the code passes GB 11714 too
    public void Scan_DigitsValidAsIdAndCode_KeepsTheIdentityNumber(string digits)
    {
        Assert.True(ResidentIdChecksum.IsValid(Encoding.ASCII.GetBytes(digits)));
        Assert.True(UsccChecksum.IsValid(Encoding.ASCII.GetBytes(digits)));
        var findings = new List<Finding>();

        // The code recognizer comes first, so only its lower score lets the identity number win.
        new Scanner([Recognizer, new ResidentIdRecognizer()]).Scan(Encoding.UTF8.GetBytes(digits), new ScanContext(ReferenceDate), findings);

        Assert.Equal(IdentifierType.CnResidentId, Assert.Single(findings).Type);
    }

    [Fact]
    public void Scan_JsonField_ReportsExactBytes()
    {
        const string text = """{"company":"示例科技有限公司","uscc":"91350100M000100Y43"}""";

        var finding = Assert.Single(Scan(Recognizer, text));

        Assert.Equal((ByteOffset(text, PublishedExample), 18), (finding.Start, finding.Length));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1_000)]
    public bool Scan_GeneratedValidCode_IsFound(ValidCode code)
    {
        var finding = Assert.Single(Scan(Recognizer, $"代码 {code.Value}"));
        return finding.Start == 7 && finding.Length == 18 && finding.Score > 0.8f;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1_000)]
    public bool Scan_AnySingleCharacterChanged_ReportsNothing(ValidCode code, Position position, Replacement replacement)
    {
        string? changed = Replace(code.Value, position.Index, replacement.Value);
        return changed is null || (!UsccChecksum.IsValid(Encoding.ASCII.GetBytes(changed)) && Scan(Recognizer, changed).Count == 0);
    }

    public sealed record ValidCode(string Value)
    {
        public override string ToString() => Value;
    }

    public sealed record Position(int Index);

    public sealed record Replacement(char Value);

    public static class Generators
    {
        private static readonly string[] Registrations =
            ["11", "12", "13", "19", "21", "29", "31", "32", "33", "34", "35", "39", "41", "49", "51", "52", "53", "59",
             "61", "62", "69", "71", "72", "79", "81", "89", "91", "92", "93", "A1", "A9", "N1", "N2", "N3", "N9", "Y1"];

        private static readonly int[] MainlandDivisions = [.. Divisions.Where(code => DivisionCodes.IsMainlandProvince(code / 10_000))];

        private static readonly string CodeAlphabet = Encoding.ASCII.GetString(UsccChecksum.Alphabet);

        public static Arbitrary<ValidCode> Code() =>
            (from registration in Gen.Elements(Registrations)
             from division in Gen.Elements(MainlandDivisions)
             from body in Gen.ArrayOf(Gen.Elements(CodeAlphabet.ToCharArray()), 9)
             select new ValidCode(Uscc(registration + division.ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + new string(body))))
            .ToArbitrary();

        public static Arbitrary<Position> Position() => Gen.Choose(0, 17).Select(i => new Position(i)).ToArbitrary();

        public static Arbitrary<Replacement> Replacement() => Gen.Elements(CodeAlphabet.ToCharArray()).Select(c => new Replacement(c)).ToArbitrary();
    }
}
