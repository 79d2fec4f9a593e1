using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Detection;
using Outbound.Detection.Recognizers;
using static Outbound.Core.Tests.Detection.IdentityNumbers;

namespace Outbound.Core.Tests.Detection;

public sealed class ImeiRecognizerTests
{
    private static readonly ImeiRecognizer Recognizer = new();

    [Fact]
    public void LuhnCompute_3gppExample_GivesCheckDigit7() =>
        Assert.Equal((byte)'7', Luhn.Compute("26053179311383"u8)); // 3GPP TS 23.003 Annex B.3

    [Fact]
    public void Scan_3gppExampleWithUnallocatedReportingBody_ReportsNothing() =>
        Assert.Empty(Scan(Recognizer, "IMEI: 260531793113837")); // the check digit holds, but 26 is no Reporting Body (GSMA TS.06 Annex A)

    [Theory]
    [InlineData("IMEI: 352099001761481", 6)]
    [InlineData("imei=860123456789014", 5)]
    [InlineData("设备号：012345678901237", 12)]
    [InlineData("串号 990001234567899", 7)]
    [InlineData("IMEI 490154203237518", 5)] // 49: BZT/BAPT, no longer allocating, fine with a context word
    [InlineData("IMEI: 911234567890127", 6)] // 91: MSAI (India)
    public void Scan_AfterContextWord_ReportsHintedScoreAtExactBytes(string text, int start) =>
        Assert.Equal([new Finding(IdentifierType.Imei, start, 15, ImeiRecognizer.HintedScore)], Scan(Recognizer, text));

    [Fact]
    public void Scan_JsonImeiField_ReportsExactBytes()
    {
        const string text = """{"device":"T-BOX 01","imei":"860123456789014","ts":1732867200000}""";

        var findings = Scan(Recognizer, text);

        Assert.Equal([new Finding(IdentifierType.Imei, ByteOffset(text, "8601"), 15, ImeiRecognizer.HintedScore)], findings);
    }

    [Fact]
    public void Scan_InImeiField_ReportsHintedScore() =>
        Assert.Equal(ImeiRecognizer.HintedScore, Assert.Single(Scan(Recognizer, "490154203237518", IdentifierType.Imei)).Score);

    [Theory]
    [InlineData("352099001761481")] // 35 BABT
    [InlineData("860123456789014")] // 86 TAF (China)
    [InlineData("012345678901237")] // 01 PTCRB
    [InlineData("990001234567899")] // 99 GHA
    public void Scan_PlainDigitsOfCurrentReportingBody_ReportsWeakFinding(string number) =>
        Assert.Equal([new Finding(IdentifierType.Imei, 0, 15, ImeiRecognizer.UnhintedScore, FindingTraits.Weak)], Scan(Recognizer, number));

    [Theory]
    [InlineData("35-209900-176148-1")]
    [InlineData("35 209900 176148 1")]
    [InlineData("49-015420-323751-8")] // a body that no longer allocates: the grouping is evidence enough
    public void Scan_Grouped2661_ReportsGroupedScore(string text) =>
        Assert.Equal([new Finding(IdentifierType.Imei, 0, 18, ImeiRecognizer.GroupedScore)], Scan(Recognizer, text));

    [Theory]
    [InlineData("352099001761482")] // check digit wrong
    [InlineData("490154203237518")] // legacy body, plain digits, no context
    [InlineData("IMEI: 000000000000000")] // 00 is the test-IMEI range
    [InlineData("IMEI: 3520990017614810")] // 16 digits (an IMEISV has no Luhn digit)
    [InlineData("IMEI: 35209900176148")] // 14 digits
    [InlineData("IMEI: A352099001761481")] // glued to a letter
    [InlineData("IMEI: 352099001761481B")] // glued to a letter
    [InlineData("35-209900-1761481")] // wrong grouping
    [InlineData("35-209900 176148-1")] // mixed separators
    [InlineData("35-209900-176148-2")] // grouped, wrong check digit
    [InlineData("IMEI 写在下面的设备标签上面，编号为 352099001761482")] // wrong check digit, word far away
    public void Scan_NearMiss_ReportsNothing(string text) => Assert.Empty(Scan(Recognizer, text));

    [Fact]
    public void Scan_DigitsValidAsOldIdAndImei_KeepsIdWithoutContextAndImeiWithIt()
    {
        // 350102 福州市鼓楼区, born 1980-01-01, sequence 123; the last digit also makes it Luhn-valid with RBI 35.
        const string digits = "350102800101123";
        var scanner = new Scanner([Recognizer, new ResidentIdRecognizer()]);
        var plain = new List<Finding>();
        var labelled = new List<Finding>();

        scanner.Scan(Encoding.UTF8.GetBytes(digits), new ScanContext(ReferenceDate), plain);
        scanner.Scan(Encoding.UTF8.GetBytes("IMEI " + digits), new ScanContext(ReferenceDate), labelled);

        Assert.Equal(IdentifierType.CnResidentId, Assert.Single(plain).Type);
        Assert.Equal(IdentifierType.Imei, Assert.Single(labelled).Type);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1_000)]
    public bool Scan_GeneratedImeiAfterContextWord_IsFound(GeneratedImei imei)
    {
        var finding = Assert.Single(Scan(Recognizer, $"设备 IMEI：{imei.Number}"));
        return finding.Start == 14 && finding.Length == 15 && finding.Score == ImeiRecognizer.HintedScore;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1_000)]
    public bool Scan_AnySingleDigitChanged_ReportsNothing(GeneratedImei imei, Position position, Digit digit)
    {
        string? changed = Replace(imei.Number, position.Index, digit.Value);
        return changed is null || (!Luhn.IsValid(Encoding.ASCII.GetBytes(changed)) && Scan(Recognizer, "IMEI " + changed).Count == 0);
    }

    public sealed record GeneratedImei(string Number)
    {
        public override string ToString() => Number;
    }

    public sealed record Position(int Index);

    public sealed record Digit(char Value);

    public static class Generators
    {
        public static Arbitrary<GeneratedImei> Imei() =>
            (from rbi in Gen.Elements("01", "35", "86", "99", "44", "91")
             from body in Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), 12)
             select new GeneratedImei(WithLuhn(rbi + new string(body)))).ToArbitrary();

        public static Arbitrary<Position> Position() => Gen.Choose(0, 14).Select(i => new Position(i)).ToArbitrary();

        public static Arbitrary<Digit> Digit() => Gen.Elements("0123456789".ToCharArray()).Select(c => new Digit(c)).ToArbitrary();
    }
}
