using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

public sealed class MobileRecognizerTests
{
    private readonly MobileRecognizer _recognizer = new();

    // 13800138000 is the placeholder that Chinese documentation and SDK samples conventionally print; 13123456789 is
    // the example number of libphonenumber's CN mobile metadata.
    [Theory]
    [InlineData("13800138000", "13800138000")]
    [InlineData("电话13800138000。", "13800138000")]                       // inside Chinese text
    [InlineData("{\"phone\":\"13123456789\"}", "13123456789")]             // JSON string
    [InlineData("+86 138-0013-8000", "+86 138-0013-8000")]                 // the example
    [InlineData("call +8613800138000 now", "+8613800138000")]
    [InlineData("138 0013 8000", "138 0013 8000")]
    [InlineData("138-0013-8000", "138-0013-8000")]
    [InlineData("0086 13800138000", "0086 13800138000")]
    [InlineData("0086-138 0013 8000", "0086-138 0013 8000")]
    [InlineData("86-13800138000", "86-13800138000")]
    [InlineData("(+86) 13800138000", "(+86) 13800138000")]
    [InlineData("(86)13800138000", "(86)13800138000")]
    [InlineData("手机：+86 19912345678；", "+86 19912345678")]             // 199, China Telecom
    [InlineData("17012345678", "17012345678")]                             // 170, virtual operators
    [InlineData("14912345678", "14912345678")]                             // 149, data-only
    [InlineData("17400123456", "17400123456")]                             // 17400, satellite
    [InlineData("16212345678", "16212345678")]                             // 162
    [InlineData("19212345678", "19212345678")]                             // 192, China Broadnet
    public void Scan_ValidNumber_ReportsExactSpan(string text, string expected) =>
        Assert.Equal(0.99f, RecognizerScan.AssertSingle(_recognizer, text, expected).Score);

    [Fact]
    public void Scan_CountryCodeGlued_ReportsAtLowerScore()
    {
        var finding = RecognizerScan.AssertSingle(_recognizer, "8613800138000", "8613800138000");

        Assert.Equal(0.9f, finding.Score);
    }

    [Theory]
    [InlineData("12345678901")]          // 12x: no segment
    [InlineData("10086100861")]          // 10x: no segment
    [InlineData("11012345678")]          // 11x: no segment
    [InlineData("15412345678")]          // 154 is not allocated
    [InlineData("19412345678")]          // 194 is not allocated
    [InlineData("14412345678")]          // 144 carries 13-digit IoT numbers only
    [InlineData("17912345678")]          // 179 is not allocated
    [InlineData("17410123456")]          // 174 outside 17400–17405
    [InlineData("16012345678")]          // 160 is not allocated
    [InlineData("1732838400000")]        // 13-digit epoch milliseconds
    [InlineData("1380013800")]           // ten digits
    [InlineData("138001380001")]         // twelve digits
    [InlineData("A13800138000")]         // glued to a letter before
    [InlineData("13800138000B")]         // glued to a letter after
    [InlineData("913800138000")]         // glued to a digit before
    [InlineData("13800138000@qq.com")]   // an e-mail's local part
    [InlineData("3.13800138000")]        // the decimals of a number
    [InlineData("13800138000.5")]        // the integer part of a decimal
    [InlineData("+13800138000")]         // +1, a North American number
    [InlineData("+44 13800138000")]      // another country code
    [InlineData("138-0013-8000-1234")]   // part of a longer dashed number
    [InlineData("1380-013-8000")]        // not grouped 3-4-4
    [InlineData("138  0013  8000")]      // two spaces between groups
    [InlineData("order 8613800138000123")] // inside a longer number
    public void Scan_NotAMobileNumber_ReportsNothing(string text) => RecognizerScan.AssertNone(_recognizer, text);

    [Fact]
    public void Scan_TwoNumbersSeparatedBySpace_ReportsBoth()
    {
        var findings = RecognizerScan.Scan(_recognizer, "13800138000 13912345678");

        Assert.Equal([new Finding(IdentifierType.CnMobile, 0, 11, 0.99f), new Finding(IdentifierType.CnMobile, 12, 11, 0.99f)], findings);
    }

    [Fact]
    public void Scan_AfterMultibyteText_ReportsByteOffsets()
    {
        // "联系人张先生，手机" is 9 characters of 3 bytes each.
        var finding = Assert.Single(RecognizerScan.Scan(_recognizer, "联系人张先生，手机13800138000"));

        Assert.Equal(27, finding.Start);
        Assert.Equal(11, finding.Length);
    }

    [Theory]
    [InlineData("130")] // China Unicom
    [InlineData("141")] // data-only
    [InlineData("145")]
    [InlineData("146")]
    [InlineData("147")]
    [InlineData("148")]
    [InlineData("150")]
    [InlineData("1610")]
    [InlineData("165")]
    [InlineData("167")]
    [InlineData("171")]
    [InlineData("178")]
    [InlineData("17405")]
    [InlineData("180")]
    [InlineData("190")]
    [InlineData("197")]
    public void IsAllocated_SegmentInTable_ReturnsTrue(string prefix)
    {
        string number = (prefix + "00000000000")[..11];

        Assert.True(MobileNumberRules.IsValid(Encoding.ASCII.GetBytes(number)));
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1_000)]
    public bool Scan_GeneratedAllocatedNumber_ReportsIt(AllocatedNumber number) =>
        RecognizerScan.Scan(_recognizer, $"tel: {number.Digits};") is [{ Start: 5, Length: 11 }];

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 1_000)]
    public bool Scan_GeneratedNumberGluedToDigit_ReportsNothing(AllocatedNumber number, Digit digit) =>
        RecognizerScan.Scan(_recognizer, number.Digits + digit.Value).Count == 0
        && RecognizerScan.Scan(_recognizer, digit.Value + number.Digits).Count == 0;

    public sealed record AllocatedNumber(string Digits);

    public sealed record Digit(char Value);

    public static class Generators
    {
        private static readonly string[] Segments =
            ["130", "131", "133", "135", "138", "139", "145", "147", "149", "150", "153", "158", "166", "173", "177", "181", "186", "189", "191", "195", "198"];

        public static Arbitrary<AllocatedNumber> Number() =>
            Gen.Elements(Segments)
               .SelectMany(segment => Gen.ArrayOf(Gen.Choose('0', '9').Select(c => (char)c), 8).Select(rest => new AllocatedNumber(segment + new string(rest))))
               .ToArbitrary();

        public static Arbitrary<Digit> Digit() => Gen.Choose('0', '9').Select(c => new Digit((char)c)).ToArbitrary();
    }
}
