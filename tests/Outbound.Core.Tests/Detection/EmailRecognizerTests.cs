using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

public sealed class EmailRecognizerTests
{
    private readonly EmailRecognizer _recognizer = new();

    // example.com/.org/.net and .test are reserved for documentation (RFC 2606, RFC 6761).
    [Theory]
    [InlineData("user@example.com", "user@example.com")]
    [InlineData("联系邮箱zhang.san@example.com。", "zhang.san@example.com")]           // inside Chinese text
    [InlineData("{\"email\":\"li_si+tag@mail.example.org\"}", "li_si+tag@mail.example.org")] // JSON string
    [InlineData("mailto:wang-wu@example.net?subject=hi", "wang-wu@example.net")]
    [InlineData("<13800138000@example.cn>", "13800138000@example.cn")]                   // digits in the local part
    [InlineData("a!#$%*+^_~-b@example.com", "a!#$%*+^_~-b@example.com")]                 // dot-atom punctuation
    [InlineData("see ...user@example.com", "user@example.com")]                         // leading dots are not the address
    [InlineData("x..user@example.com", "user@example.com")]                              // nor what precedes a double dot
    [InlineData("href='user@example.com'", "user@example.com")]                          // a quote delimits
    [InlineData("?a=1&email=user@example.com", "user@example.com")]                      // so do = and &
    [InlineData("User@Example.COM.", "User@Example.COM")]                                // the sentence's full stop
    [InlineData("user@sub-domain.example.co.uk", "user@sub-domain.example.co.uk")]
    public void Scan_Address_ReportsExactSpan(string text, string expected) =>
        RecognizerScan.AssertSingle(_recognizer, text, expected);

    [Theory]
    [InlineData("user@xn--fiqs8s.xn--fiqs8s", "user@xn--fiqs8s.xn--fiqs8s")] // 中国.中国 in punycode
    [InlineData("user@example.xn--55qx5d", "user@example.xn--55qx5d")]        // .公司
    public void Scan_PunycodeDomain_ReportsExactSpan(string text, string expected) =>
        RecognizerScan.AssertSingle(_recognizer, text, expected);

    [Theory]
    [InlineData("@Override")]                 // a Java annotation
    [InlineData("    @Override\n    public")]
    [InlineData("@javax.annotation.Nullable")]
    [InlineData("user@localhost")]            // one label
    [InlineData("icon@2x.png")]               // .png is no top-level domain
    [InlineData("logo@3x.jpg")]
    [InlineData("lodash@4.17.21")]            // a package version
    [InlineData("@types/node")]
    [InlineData("user.@example.com")]         // local part ends with a dot
    [InlineData("user@example")]
    [InlineData("user@-example.com")]         // label starts with a hyphen
    [InlineData("user@example-.com")]
    [InlineData("user@example..com")]
    [InlineData("user@example.c")]            // one-letter top-level domain
    [InlineData("user@example.com_x")]
    [InlineData("user@192.168.1.1")]
    [InlineData("user@xn--fiqs8s")]           // a bare top-level domain
    public void Scan_NotAnAddress_ReportsNothing(string text) => RecognizerScan.AssertNone(_recognizer, text);

    [Fact]
    public void Scan_TwoAtSigns_ReportsTheAddressAfterTheSecond() =>
        RecognizerScan.AssertSingle(_recognizer, "a@b@example.com", "b@example.com");

    [Fact]
    public void Scan_LocalPartLongerThan64_ReportsNothing() =>
        RecognizerScan.AssertNone(_recognizer, new string('a', 65) + "@example.com");

    [Fact]
    public void Scan_LocalPartOf64_ReportsIt() =>
        RecognizerScan.AssertSingle(_recognizer, new string('a', 64) + "@example.com", new string('a', 64) + "@example.com");

    [Fact]
    public void Scan_TwoAddresses_ReportsBoth()
    {
        const string text = "a@example.com,b@example.org";

        Assert.Equal(["a@example.com", "b@example.org"], RecognizerScan.Scan(_recognizer, text).Select(finding => RecognizerScan.Covered(text, finding)));
    }

    [Fact]
    public void TopLevelDomains_Table_HasTheRootZone()
    {
        Assert.True(EmailRules.TopLevelDomainCount > 1_400);
        Assert.True(EmailRules.IsTopLevelDomain("cn"u8));
        Assert.True(EmailRules.IsTopLevelDomain("COM"u8));
        Assert.True(EmailRules.IsTopLevelDomain("xn--fiqs8s"u8));
        Assert.False(EmailRules.IsTopLevelDomain("png"u8));
    }
}
