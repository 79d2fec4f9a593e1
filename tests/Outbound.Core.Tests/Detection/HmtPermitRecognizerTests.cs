using Outbound.Detection;
using Outbound.Detection.Recognizers;
using static Outbound.Core.Tests.Detection.IdentityNumbers;

namespace Outbound.Core.Tests.Detection;

// Permit numbers have no check digit. CA0000001 is the first number of the second 往来港澳通行证 range, published by
// the National Immigration Administration on 10 December 2018; every other number here is synthetic.
public sealed class HmtPermitRecognizerTests
{
    private static readonly HmtPermitRecognizer Recognizer = new();

    [Fact]
    public void Scan_PublishedFirstNumberOfNewRange_IsFound()
    {
        const string text = "往来港澳通行证号码：CA0000001";

        var findings = Scan(Recognizer, text);

        Assert.Equal([new Finding(IdentifierType.CnHmtPermit, 30, 9, HmtPermitRecognizer.WordHintedScore)], findings);
        Assert.Equal(ByteOffset(text, "CA"), findings[0].Start);
    }

    [Theory]
    [InlineData("H1234567801")] // 回乡证: H + 8-digit lifelong number + 2-digit renewal count
    [InlineData("M1234567800")] // Macau resident
    public void Scan_HomeReturnPermitWithRenewalCount_IsFoundWithoutContext(string number) =>
        Assert.Equal([new Finding(IdentifierType.CnHmtPermit, 0, 11, HmtPermitRecognizer.DistinctiveScore)], Scan(Recognizer, number));

    [Fact]
    public void Scan_HomeReturnPermitAfterContextWord_ReportsHintedScore() =>
        Assert.Equal(
            [new Finding(IdentifierType.CnHmtPermit, 12, 11, HmtPermitRecognizer.DistinctiveHintedScore)],
            Scan(Recognizer, "回乡证：H1234567801"));

    [Theory]
    [InlineData("港澳通行证 C12345678", 16)] // 2014 card
    [InlineData("通行证号 W12345678", 13)] // booklet
    [InlineData("回鄉證 H12345678", 10)] // 2019 card shows the lifelong number only
    [InlineData("往来台湾通行证 L12345678", 22)] // 2017 card
    [InlineData("往来台湾通行证 T12345678", 22)] // booklet
    [InlineData("Exit-Entry Permit: CB1234567", 19)]
    public void Scan_LetteredFormatAfterContextWord_ReportsWordHintedScore(string text, int start) =>
        Assert.Equal([new Finding(IdentifierType.CnHmtPermit, start, 9, HmtPermitRecognizer.WordHintedScore)], Scan(Recognizer, text));

    [Theory]
    [InlineData("台胞证号码：12345678", 18, 8)] // 2015 card
    [InlineData("台胞證 1234567890", 10, 10)] // booklet
    public void Scan_DigitsAfterContextWord_ReportsWeakFinding(string text, int start, int length) =>
        Assert.Equal([new Finding(IdentifierType.CnHmtPermit, start, length, HmtPermitRecognizer.DigitsWordHintedScore, FindingTraits.Weak)], Scan(Recognizer, text));

    [Theory]
    [InlineData("12345678")]
    [InlineData("C12345678")]
    [InlineData("T12345678")]
    public void Scan_InPermitField_ReportsFieldHintedScore(string number) =>
        Assert.Equal(HmtPermitRecognizer.FieldHintedScore, Assert.Single(Scan(Recognizer, number, IdentifierType.CnHmtPermit)).Score);

    [Theory]
    [InlineData("C12345678")] // shape alone is not enough
    [InlineData("W12345678")]
    [InlineData("H12345678")]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("通行证 CI1234567")] // I is not used as the second letter
    [InlineData("通行证 H123456789")] // 9 digits
    [InlineData("H12345678012")] // 11 digits
    [InlineData("通行证 c12345678")] // lower case
    [InlineData("XH1234567801")] // glued to a letter
    [InlineData("H1234567801X")] // glued to a letter
    [InlineData("H1234567801@example.com")] // an e-mail's local part
    [InlineData("通行证 123456789")] // 9 digits
    [InlineData("通行证 Q12345678")] // no permit starts with Q
    public void Scan_NearMiss_ReportsNothing(string text) => Assert.Empty(Scan(Recognizer, text));
}
