using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

/// <summary>The contact, network, vehicle and location recognizers in one scanner: each finding goes to the right type.</summary>
public sealed class ContactRecognizersTogetherTests
{
    private static readonly IRecognizer[] All =
    [
        new MobileRecognizer(), new LandlineRecognizer(), new PlateRecognizer(), new VinRecognizer(),
        new EmailRecognizer(), new IpAddressRecognizer(), new MacAddressRecognizer(), new GpsCoordinateRecognizer(),
    ];

    [Fact]
    public void Scan_MixedRecord_FindsEachIdentifierOnce()
    {
        const string text =
            "司机王先生，手机+86 138-0013-8000，座机(010) 6552-8888，邮箱 13800138000@example.com，" +
            "车牌粤B·D12345，VIN 1M8GDM9AXKP042788，位置 31.2304,121.4737，终端 192.0.2.10 / 2001:db8::10，" +
            "MAC 00:00:5E:00:53:01，固件 v2.10.3.1，订单 1732838400000，哈希 d41d8cd98f00b204e9800998ecf8427e。";

        var findings = RecognizerScan.Scan(All, text);

        Assert.Equal(
            [
                (IdentifierType.CnMobile, "+86 138-0013-8000"),
                (IdentifierType.CnLandline, "(010) 6552-8888"),
                (IdentifierType.Email, "13800138000@example.com"),
                (IdentifierType.CnPlate, "粤B·D12345"),
                (IdentifierType.Vin, "1M8GDM9AXKP042788"),
                (IdentifierType.GpsCoord, "31.2304,121.4737"),
                (IdentifierType.IpAddress, "192.0.2.10"),
                (IdentifierType.IpAddress, "2001:db8::10"),
                (IdentifierType.MacAddress, "00:00:5E:00:53:01"),
            ],
            findings.Select(finding => (finding.Type, RecognizerScan.Covered(text, finding))));
    }

    [Theory]
    [InlineData("1M8GDM9A1KP042788")]                 // a part number: wrong VIN check digit
    [InlineData("12345678901 10012345678 15412345678")] // 11-digit numbers no mobile range allows
    [InlineData("1732838400000")]                      // epoch milliseconds
    [InlineData("d41d8cd98f00b204e9800998ecf8427e")]   // MD5
    [InlineData("da39a3ee5e6b4b0d3255bfef95601890afd80709")] // SHA-1
    [InlineData("v2.10.3.1 firmware 3.1.4.1")]         // versions shaped like IPv4
    [InlineData("37.5665,126.9780 35.6762,139.6503")]  // Seoul and Tokyo
    [InlineData("@Override user@localhost icon@2x.png")]
    [InlineData("12:30:45 2026-11-29")]
    public void Scan_NearMisses_FindsNothing(string text) => Assert.Empty(RecognizerScan.Scan(All, text));
}
