using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

public sealed class MacAddressRecognizerTests
{
    private readonly MacAddressRecognizer _recognizer = new();

    // 00:00:5E:00:53:xx is IANA's documentation block for MAC addresses (RFC 7042 §2.1.2).
    [Theory]
    [InlineData("00:00:5E:00:53:01", "00:00:5E:00:53:01")]
    [InlineData("00-00-5e-00-53-2a", "00-00-5e-00-53-2a")]
    [InlineData("0000.5e00.5301", "0000.5e00.5301")]                   // Cisco
    [InlineData("设备MAC：00:00:5E:00:53:AF，", "00:00:5E:00:53:AF")]   // inside Chinese text
    [InlineData("{\"mac\":\"00-00-5E-00-53-10\"}", "00-00-5E-00-53-10")]
    [InlineData("mac=00:00:5e:00:53:ff;", "00:00:5e:00:53:ff")]
    public void Scan_Address_ReportsExactSpan(string text, string expected) =>
        RecognizerScan.AssertSingle(_recognizer, text, expected);

    [Theory]
    [InlineData("00:00:00:00:00:00")]                       // all zero
    [InlineData("FF:FF:FF:FF:FF:FF")]                       // broadcast
    [InlineData("ff-ff-ff-ff-ff-ff")]
    [InlineData("00:00:5E-00:53:01")]                       // mixed separators
    [InlineData("00:00:5E:00:53")]                          // five pairs
    [InlineData("00:00:5E:00:53:01:02")]                    // seven
    [InlineData("00:00:5E:00:53:01:02:03")]                 // EUI-64
    [InlineData("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01")] // a SHA-1 fingerprint
    [InlineData("00:00:5E:00:53:0G")]
    [InlineData("000:00:5E:00:53:01")]
    [InlineData("00005E005301")]                            // no separators
    [InlineData("x00:00:5E:00:53:01")]
    [InlineData("00:00:5E:00:53:01x")]
    [InlineData("0000.5e00.5301.1")]
    [InlineData("12:30:45")]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e")]
    public void Scan_NotAnAddress_ReportsNothing(string text) => RecognizerScan.AssertNone(_recognizer, text);
}
