using Outbound.Detection;
using Outbound.Detection.Recognizers;
using static Outbound.Core.Tests.Detection.IdentityNumbers;

namespace Outbound.Core.Tests.Detection;

// Passport numbers have no check digit and no published specimen numbers; every number here is synthetic,
// built to the formats the Ministry of Public Security and the National Immigration Administration describe.
public sealed class PassportRecognizerTests
{
    private static readonly PassportRecognizer Recognizer = new();

    [Fact]
    public void Scan_OrdinaryPassportAfterContextWord_ReportsExactBytes()
    {
        const string text = "申请人护照号码：E12345678，有效期至2030年";

        var findings = Scan(Recognizer, text);

        Assert.Equal([new Finding(IdentifierType.CnPassport, 24, 9, PassportRecognizer.HintedScore)], findings);
        Assert.Equal(ByteOffset(text, "E123"), findings[0].Start);
    }

    [Theory]
    [InlineData("E12345678")] // ordinary electronic passport, 2012
    [InlineData("EA0000001")] // ordinary, from April 2017: E + letter + 7 digits
    [InlineData("EH1234567")]
    [InlineData("G12345678")] // ordinary, before 2012
    [InlineData("DE1234567")] // diplomatic, electronic
    [InlineData("D12345678")] // diplomatic
    [InlineData("SE1234567")] // service, electronic
    [InlineData("S12345678")] // service
    [InlineData("PE1234567")] // public affairs, electronic
    public void Scan_CurrentFormatAlone_ReportsWeakFinding(string number) =>
        Assert.Equal([new Finding(IdentifierType.CnPassport, 0, 9, PassportRecognizer.UnhintedScore, FindingTraits.Weak)], Scan(Recognizer, number));

    [Theory]
    [InlineData("Passport No.: EB7654321", 14)]
    [InlineData("PASSPORT G12345678", 9)]
    [InlineData("護照 E12345678", 7)]
    [InlineData("""{"passport_no":"DE1234567"}""", 16)]
    public void Scan_CurrentFormatAfterContextWord_ReportsHintedScore(string text, int start) =>
        Assert.Equal([new Finding(IdentifierType.CnPassport, start, 9, PassportRecognizer.HintedScore)], Scan(Recognizer, text));

    [Fact]
    public void Scan_InPassportField_ReportsHintedScore() =>
        Assert.Equal(PassportRecognizer.HintedScore, Assert.Single(Scan(Recognizer, "E12345678", IdentifierType.CnPassport)).Score);

    [Theory]
    [InlineData("护照 141234567", 7)] // ordinary, 1990s: 14 + 7 digits
    [InlineData("护照 151234567", 7)]
    [InlineData("护照 S.1234567", 7)] // service, old style
    [InlineData("护照 P.1234567", 7)] // public affairs, old style
    [InlineData("护照 K12345678", 7)] // Hong Kong SAR
    [InlineData("护照 MA1234567", 7)] // Macau SAR
    public void Scan_LegacyFormatAfterContextWord_ReportsLegacyScore(string text, int start) =>
        Assert.Equal([new Finding(IdentifierType.CnPassport, start, 9, PassportRecognizer.LegacyScore)], Scan(Recognizer, text));

    [Theory]
    [InlineData("141234567")] // nine digits alone are just a number
    [InlineData("S.1234567")]
    [InlineData("K12345678")]
    [InlineData("MA1234567")]
    [InlineData("EI1234567")] // I is not used as the second letter
    [InlineData("EO1234567")] // nor O
    [InlineData("E1234567")] // 7 digits
    [InlineData("E123456789")] // 9 digits
    [InlineData("e12345678")] // lower case
    [InlineData("XE12345678")] // glued to a letter
    [InlineData("E12345678X")] // glued to a letter
    [InlineData("7E12345678")] // glued to a digit
    [InlineData("E12345678@example.com")] // an e-mail's local part
    [InlineData("F12345678")] // no passport type F
    [InlineData("护照 161234567")] // 16 is no old ordinary range
    [InlineData("护照 PA1234567")] // public affairs uses PE
    public void Scan_NearMiss_ReportsNothing(string text) => Assert.Empty(Scan(Recognizer, text));

    [Fact]
    public void Scan_ContextWordMoreThan24BytesBefore_ReportsWeakFinding()
    {
        const string text = "护照信息已在上一页填写完毕，编号 E12345678";

        Assert.Equal(FindingTraits.Weak, Assert.Single(Scan(Recognizer, text)).Traits);
    }
}
