using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Detection;
using Outbound.Detection.Recognizers;
using static Outbound.Core.Tests.Detection.IdentityNumbers;

namespace Outbound.Core.Tests.Detection;

public sealed class ResidentIdRecognizerTests
{
    // GB 11643-1999 Appendix A: 北京市朝阳区, born 31 December 1949, sequence 002 (female), check character X.
    private const string PublishedExample = "11010519491231002X";

    private static readonly ResidentIdRecognizer Recognizer = new();

    [Fact]
    public void Scan_PublishedExampleInChineseText_ReportsExactBytes()
    {
        const string text = "客户身份证号：11010519491231002X，已核验。";

        var findings = Scan(Recognizer, text);

        Assert.Equal([new Finding(IdentifierType.CnResidentId, 21, 18, ResidentIdRecognizer.FullScore)], findings);
        Assert.Equal(ByteOffset(text, PublishedExample), findings[0].Start);
    }

    [Theory]
    [InlineData("11010519491231002X")] // GB 11643-1999 Appendix A
    [InlineData("11010519491231002x")] // lower-case check character
    [InlineData("110103198001011235")] // 110103 崇文区, a code retired in 2010: IDs keep the code of their issue
    [InlineData("110105201211290014")] // turned 14 on the reference date: not a minor
    [InlineData("810000199001010019")] // residence permit of a Hong Kong resident (2018 rules)
    [InlineData("830000199001010020")] // residence permit of a Taiwan resident
    [InlineData("11010519000101001X")] // the earliest accepted birth date
    public void Scan_ValidNumber_ReportsItWithFullScore(string number)
    {
        var findings = Scan(Recognizer, number);

        Assert.Equal([new Finding(IdentifierType.CnResidentId, 0, 18, ResidentIdRecognizer.FullScore)], findings);
    }

    [Fact]
    public void ChecksumIsValid_SecondAppendixExample_ReturnsTrue() =>
        Assert.True(ResidentIdChecksum.IsValid("440524188001010014"u8)); // GB 11643-1999 Appendix A, born 1880

    [Fact]
    public void Scan_SecondAppendixExampleBornIn1880_FindsIt() =>
        Assert.Single(Scan(Recognizer, "440524188001010014")); // the standard's own example: birth years from 1800 on are read

    [Theory]
    [InlineData("110105201211300016")] // turns 14 the day after the reference date
    [InlineData("110105202611290018")] // born on the reference date itself
    public void Scan_HolderUnder14_SetsMinorTrait(string number)
    {
        var finding = Assert.Single(Scan(Recognizer, number));

        Assert.Equal(FindingTraits.MinorUnder14, finding.Traits);
    }

    [Theory]
    [InlineData("2026-02-28", true)] // born 29 February 2012: in 2026 the 14th birthday falls on 1 March
    [InlineData("2026-03-01", false)]
    [InlineData("2024-02-28", true)]
    public void IsUnder_LeapDayBirth_CountsFromFirstOfMarch(string reference, bool expected) =>
        Assert.Equal(expected, ResidentIdRules.IsUnder(14, new DateOnly(2012, 2, 29), DateOnly.Parse(reference, System.Globalization.CultureInfo.InvariantCulture)));

    [Fact]
    public void Scan_UnknownDivisionInAMainlandProvince_ReportsWeakFinding()
    {
        // 110199 is in Beijing's range but in no table shipped.
        Assert.False(DivisionCodes.IsKnown(110199));

        var findings = Scan(Recognizer, "110199198001011238");

        Assert.Equal([new Finding(IdentifierType.CnResidentId, 0, 18, ResidentIdRecognizer.UnknownDivisionScore, FindingTraits.Weak)], findings);
    }

    [Theory]
    [InlineData("11010519491231002")] // 17 digits
    [InlineData("110105194912310021")] // check character wrong (an 18-digit order number)
    [InlineData("11010519491231002Y")] // not a check character
    [InlineData("110105199913320011")] // 1999-13-32: no such date, though the check character holds
    [InlineData("110105202701010016")] // born after the reference date
    [InlineData("11010520261130001X")] // born the day after the reference date
    [InlineData("110105179912310015")] // born before 1800
    [InlineData("990105198001011231")] // province 99 does not exist
    [InlineData("710000198001011234")] // Taiwan's table code: no identity number uses it
    [InlineData("A11010519491231002X")] // glued to a letter before
    [InlineData("11010519491231002XA")] // glued to a letter after
    [InlineData("11010519491231002X7")] // part of a 19-character run
    [InlineData("911010519491231002X")] // part of a 19-character run
    [InlineData("0.11010519491231002X")] // the fraction of a decimal
    [InlineData("11010519491231002X@example.com")] // an e-mail's local part
    public void Scan_NearMiss_ReportsNothing(string text) => Assert.Empty(Scan(Recognizer, text));

    [Fact]
    public void Scan_FirstGenerationNumber_ReportsLowerScore()
    {
        // The 15-digit first-generation form of the Appendix A example: division, YYMMDD, sequence, no check digit.
        var findings = Scan(Recognizer, "旧证 110105491231002 ");

        Assert.Equal([new Finding(IdentifierType.CnResidentId, 7, 15, ResidentIdRecognizer.FirstGenerationScore)], findings);
    }

    [Fact]
    public void Scan_FirstGenerationNumberInIdField_ReportsHintedScore() =>
        Assert.Equal(ResidentIdRecognizer.FirstGenerationHintedScore, Assert.Single(Scan(Recognizer, "110105491231002", IdentifierType.CnResidentId)).Score);

    [Theory]
    [InlineData("110105491332002")] // month 13
    [InlineData("990105491231002")] // no such division
    [InlineData("110199491231002")] // a plausible but unknown division: with no check digit, not enough
    [InlineData("1101054912310021")] // 16 digits
    public void Scan_FirstGenerationNearMiss_ReportsNothing(string text) => Assert.Empty(Scan(Recognizer, text));

    [Fact]
    public void Scan_JsonLineWithTwoNumbers_ReportsBothAtTheirBytes()
    {
        const string text = """{"name":"张三","id_no":"11010519491231002X","guardian":{"id":"110103198001011235"}}""";

        var findings = Scan(Recognizer, text);

        Assert.Equal(
            [
                new Finding(IdentifierType.CnResidentId, ByteOffset(text, PublishedExample), 18, ResidentIdRecognizer.FullScore),
                new Finding(IdentifierType.CnResidentId, ByteOffset(text, "110103198001011235"), 18, ResidentIdRecognizer.FullScore),
            ],
            findings);
    }

    [Theory]
    [InlineData("身份证:11010519491231002X")]
    [InlineData("id=11010519491231002X&x=1")]
    [InlineData("\t11010519491231002X\n")]
    [InlineData("（11010519491231002X）")]
    public void Scan_NumberBetweenPunctuation_IsFound(string text)
    {
        var finding = Assert.Single(Scan(Recognizer, text));

        Assert.Equal((ByteOffset(text, "1101"), 18), (finding.Start, finding.Length));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1_000)]
    public bool Scan_GeneratedValidNumber_IsFound(ValidResidentId id)
    {
        var finding = Assert.Single(Scan(Recognizer, $"号码 {id.Number} 结束"));
        return finding.Start == 7 && finding.Length == 18 && finding.Score == ResidentIdRecognizer.FullScore
            && finding.Traits.HasFlag(FindingTraits.MinorUnder14) == (id.Birth > ReferenceDate.AddYears(-14));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1_000)]
    public bool Scan_AnySingleCharacterChanged_ReportsNothing(ValidResidentId id, Position position, Replacement replacement)
    {
        string? changed = Replace(id.Number, position.Index, replacement.Value);
        return changed is null || (!ResidentIdChecksum.IsValid(Encoding.ASCII.GetBytes(changed)) && Scan(Recognizer, changed).Count == 0);
    }

    public sealed record ValidResidentId(string Number, DateOnly Birth)
    {
        public override string ToString() => Number;
    }

    public sealed record Position(int Index);

    public sealed record Replacement(char Value);

    public static class Generators
    {
        public static Arbitrary<ValidResidentId> Id() =>
            (from division in Gen.Elements(Divisions)
             from days in Gen.Choose(0, ReferenceDate.DayNumber - new DateOnly(1900, 1, 1).DayNumber)
             from sequence in Gen.Choose(0, 999)
             let birth = new DateOnly(1900, 1, 1).AddDays(days)
             select new ValidResidentId(ResidentId(division, birth, sequence), birth)).ToArbitrary();

        public static Arbitrary<Position> Position() => Gen.Choose(0, 17).Select(i => new Position(i)).ToArbitrary();

        public static Arbitrary<Replacement> Replacement() => Gen.Elements("0123456789X".ToCharArray()).Select(c => new Replacement(c)).ToArbitrary();
    }
}
