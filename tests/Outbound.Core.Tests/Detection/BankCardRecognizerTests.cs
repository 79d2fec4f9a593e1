using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Detection;
using Outbound.Detection.Recognizers;
using static Outbound.Core.Tests.Detection.IdentityNumbers;

namespace Outbound.Core.Tests.Detection;

public sealed class BankCardRecognizerTests
{
    private static readonly BankCardRecognizer Recognizer = new();

    [Theory]
    [InlineData("79927398713", true)] // the Luhn worked example of ISO/IEC 7812-1 Annex B
    [InlineData("79927398710", false)]
    [InlineData("4111111111111111", true)]
    [InlineData("4111111111111112", false)]
    public void LuhnIsValid_PublishedExamples_Agree(string digits, bool expected) =>
        Assert.Equal(expected, Luhn.IsValid(Encoding.ASCII.GetBytes(digits)));

    // Card networks' published test numbers (as listed in the Stripe and PayPal sandbox documentation).
    [Theory]
    [InlineData("4111111111111111")] // Visa
    [InlineData("4000056655665556")] // Visa debit
    [InlineData("5555555555554444")] // Mastercard 51–55
    [InlineData("2223003122003222")] // Mastercard 2-series
    [InlineData("3566002020360505")] // JCB
    [InlineData("6011111111111117")] // Discover
    [InlineData("3056930009020004")] // Diners Club, 16 digits
    [InlineData("6200000000000005")] // UnionPay, 16 digits
    [InlineData("6205500000000000004")] // UnionPay, 19 digits
    public void Scan_PublishedTestNumber_IsFound(string number) =>
        Assert.Equal([new Finding(IdentifierType.BankCard, 0, number.Length, BankCardRecognizer.ValidScore)], Scan(Recognizer, number));

    [Fact]
    public void Scan_UnionPayNumberInChineseText_ReportsExactBytesAndHintedScore()
    {
        const string text = "请转账至银行卡6222020200112345679，谢谢";

        var findings = Scan(Recognizer, text);

        Assert.Equal([new Finding(IdentifierType.BankCard, ByteOffset(text, "6222"), 19, BankCardRecognizer.HintedScore)], findings);
        Assert.Equal(21, findings[0].Start);
    }

    [Theory]
    [InlineData("6222 0202 0011 2345 679", 23)] // 4-4-4-4-3, spaces
    [InlineData("6222-0202-0011-2345-679", 23)] // dashes
    [InlineData("4111 1111 1111 1111", 19)] // 4-4-4-4
    [InlineData("6217 0000 1000 0000 003", 23)]
    public void Scan_GroupedNumber_CoversTheGroups(string number, int length)
    {
        string text = $"card: {number}.";

        var findings = Scan(Recognizer, text);

        Assert.Equal([new Finding(IdentifierType.BankCard, 6, length, BankCardRecognizer.HintedScore)], findings);
    }

    [Theory]
    [InlineData("6222 0202-0011 2345 679")] // mixed separators
    [InlineData("6222  0202 0011 2345 679")] // double space
    [InlineData("6222 0202 0011 2345 67901")] // a last group longer than four
    [InlineData("1234 6222 0202 0011 2345")] // the groups began earlier
    [InlineData("4111 1111 1111 1111 1111")] // a fifth group of four: more than 19 digits
    [InlineData("6222 0202 0011 2345 679 1")] // a group after the short last one
    [InlineData("411 1111 1111 1111 1111")] // a first group of three
    public void Scan_BadGrouping_ReportsNothing(string text) => Assert.Empty(Scan(Recognizer, text));

    [Theory]
    [InlineData("6222020200112345678")] // UnionPay, fails Luhn, no hint
    [InlineData("4111111111111112")] // Visa, fails Luhn
    [InlineData("1234567812345670")] // Luhn-valid but no issuer starts with 1
    [InlineData("7000000000000005")] // Luhn-valid, no issuer range 7
    [InlineData("44444444444444444")] // one repeated digit, though Luhn-valid and in Visa's range
    [InlineData("555555555555444")] // 15 digits
    [InlineData("4111111111111")] // 13 digits: old Visa length, and the length of a millisecond timestamp
    [InlineData("1732867200000")] // a millisecond timestamp
    [InlineData("378282246310005")] // American Express test number: 15 digits, out of the 16–19 rule
    [InlineData("41111111111111111111")] // 20 digits
    [InlineData("A4111111111111111")] // glued to a letter
    [InlineData("4111111111111111B")] // glued to a letter
    [InlineData("0.4111111111111111")] // a decimal's fraction
    [InlineData("5105105105105100123")] // Mastercard range but 19 digits
    public void Scan_NearMiss_ReportsNothing(string text) => Assert.Empty(Scan(Recognizer, text));

    [Fact]
    public void Scan_AlmostRepeatedDigits_IsStillACard() =>
        Assert.Single(Scan(Recognizer, "4444444444444448")); // not one repeated digit, Luhn-valid, in Visa's range

    [Theory]
    [InlineData("卡号：6222020200112345678")]
    [InlineData("银行卡 6222020200112345678")]
    [InlineData("账号: 6222020200112345678")]
    [InlineData("\"card_no\":\"6222020200112345678\"")]
    public void Scan_UnionPayFailingLuhnAfterContextWord_ReportsWeakFinding(string text)
    {
        var findings = Scan(Recognizer, text);

        Assert.Equal([new Finding(IdentifierType.BankCard, ByteOffset(text, "6222"), 19, BankCardRecognizer.UnionPayUncheckedScore, FindingTraits.Weak)], findings);
    }

    [Fact]
    public void Scan_UnionPayFailingLuhnInCardField_ReportsWeakFinding() =>
        Assert.Equal(FindingTraits.Weak, Assert.Single(Scan(Recognizer, "6222020200112345678", IdentifierType.BankCard)).Traits);

    [Theory]
    [InlineData("卡号：4111111111111112")] // only UnionPay numbers are excused Luhn
    [InlineData("卡号是下面这个号码，请在明天之前转账：6222020200112345678")] // the word is more than 24 bytes before
    public void Scan_FailingLuhnWithoutExcuse_ReportsNothing(string text) => Assert.Empty(Scan(Recognizer, text));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1_000)]
    public bool Scan_GeneratedUnionPayNumber_IsFound(Card card)
    {
        var finding = Assert.Single(Scan(Recognizer, $"支付 {card.Number} 元"));
        return finding.Start == 7 && finding.Length == card.Number.Length && finding.Score == BankCardRecognizer.ValidScore;
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1_000)]
    public bool Scan_AnySingleDigitChanged_ReportsNothing(Card card, Position position, Digit digit)
    {
        string? changed = Replace(card.Number, position.Index % card.Number.Length, digit.Value);
        return changed is null || (!Luhn.IsValid(Encoding.ASCII.GetBytes(changed)) && Scan(Recognizer, changed).Count == 0);
    }

    public sealed record Card(string Number)
    {
        public override string ToString() => Number;
    }

    public sealed record Position(int Index);

    public sealed record Digit(char Value);

    public static class Generators
    {
        public static Arbitrary<Card> Card() =>
            (from length in Gen.Choose(16, 19)
             from body in Gen.ArrayOf(Gen.Elements("0123456789".ToCharArray()), length - 3)
             select new Card(WithLuhn("62" + new string(body)))).ToArbitrary();

        public static Arbitrary<Position> Position() => Gen.Choose(0, 18).Select(i => new Position(i)).ToArbitrary();

        public static Arbitrary<Digit> Digit() => Gen.Elements("0123456789".ToCharArray()).Select(c => new Digit(c)).ToArbitrary();
    }
}
