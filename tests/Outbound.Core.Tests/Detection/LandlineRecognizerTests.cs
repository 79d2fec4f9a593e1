using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

public sealed class LandlineRecognizerTests
{
    private readonly LandlineRecognizer _recognizer = new();

    // 010-65528888 is a made-up Beijing number in the shape the issue gives; area codes and subscriber lengths are
    // libphonenumber's (Data/cn-area-codes.txt).
    [Theory]
    [InlineData("010-65528888", "010-65528888")]
    [InlineData("(010) 6552-8888", "(010) 6552-8888")]
    [InlineData("(010)65528888", "(010)65528888")]
    [InlineData("010 6552 8888", "010 6552 8888")]
    [InlineData("01065528888", "01065528888")]
    [InlineData("+86 10 6552 8888", "+86 10 6552 8888")]                 // the example
    [InlineData("+86-10-65528888", "+86-10-65528888")]
    [InlineData("+86 (0)10 6552 8888", "+86 (0)10 6552 8888")]
    [InlineData("0086 755 8888 6666", "0086 755 8888 6666")]
    [InlineData("86-21-62345678", "86-21-62345678")]
    [InlineData("电话：0755-88886666转123。", "0755-88886666转123")]       // extension with 转
    [InlineData("Tel 0571-87654321-8001", "0571-87654321-8001")]          // extension with a dash
    [InlineData("010-6552-8888-123", "010-6552-8888-123")]
    [InlineData("{\"tel\":\"020-38881234\"}", "020-38881234")]           // JSON string
    [InlineData("0592-5123456", "0592-5123456")]                          // Xiamen, seven digits
    [InlineData("0335 3123456", "0335 3123456")]                          // Qinhuangdao, filed under prefix 33 in the geocoding data
    public void Scan_ValidNumber_ReportsExactSpan(string text, string expected) =>
        Assert.Equal(0.95f, RecognizerScan.AssertSingle(_recognizer, text, expected).Score);

    [Fact]
    public void Scan_OtherSubscriberLength_ReportsWeak()
    {
        // 0592 (Xiamen) has seven-digit numbers in the table; eight digits may follow a plan change.
        var finding = RecognizerScan.AssertSingle(_recognizer, "0592-51234567", "0592-51234567");

        Assert.Equal(FindingTraits.Weak, finding.Traits);
        Assert.Equal(0.6f, finding.Score);
    }

    [Theory]
    [InlineData("010-6552888")]            // Beijing numbers have eight digits
    [InlineData("026-65528888")]           // 026 is not an area code
    [InlineData("0266-5528888")]           // nor 0266
    [InlineData("0300-2345678")]           // no 030x code
    [InlineData("0600-2345678")]           // nor 0600
    [InlineData("010-12345678")]           // libphonenumber's CN fixed-line example, but local numbers starting with 1 are service codes
    [InlineData("0755-18886666")]          // subscriber numbers start with 2–9
    [InlineData("0755-08886666")]
    [InlineData("0755-888866661")]         // nine digits
    [InlineData("0755-88866")]             // five digits
    [InlineData("A010-65528888")]          // glued to a letter
    [InlineData("1010-65528888")]          // glued to a digit
    [InlineData("010-65528888X")]
    [InlineData("010-65528888@163.com")]   // an e-mail's local part
    [InlineData("3.01065528888")]          // decimals
    [InlineData("010-65528888-1234567")]   // extension too long
    [InlineData("86 13800138000")]         // a mobile number
    [InlineData("8601065528888")]          // 86 glued to the area code
    [InlineData("2026-01-29")]             // a date
    public void Scan_NotALandline_ReportsNothing(string text) => RecognizerScan.AssertNone(_recognizer, text);

    [Fact]
    public void AreaCodes_Table_HasEveryMainlandCodeOnce()
    {
        var codes = AreaCodes.All().ToList();

        Assert.Equal(327, codes.Count);
        Assert.Equal(codes.Count, AreaCodes.Count);
        Assert.Contains("010", codes);
        Assert.Contains("0755", codes);
        Assert.Contains("0571", codes);
        Assert.Contains("0898", codes);
        Assert.DoesNotContain("026", codes);
        Assert.All(codes, code => Assert.True(code.Length is 3 or 4));
    }

    [Fact]
    public void Scan_EveryAreaCode_ReportsItsNumber()
    {
        foreach (string code in AreaCodes.All())
        {
            int lengths = AreaCodes.SubscriberLengths(int.Parse(code.AsSpan(1), System.Globalization.CultureInfo.InvariantCulture));
            string subscriber = (lengths & AreaCodes.Eight) != 0 ? "62345678" : "6234567";
            string text = $"电话 {code}-{subscriber}";

            var finding = RecognizerScan.AssertSingle(_recognizer, text, $"{code}-{subscriber}");

            Assert.Equal(FindingTraits.None, finding.Traits);
        }
    }
}
