using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

public sealed class IpAddressRecognizerTests
{
    private readonly IpAddressRecognizer _recognizer = new();

    // Addresses from the documentation ranges (RFC 5737: 192.0.2.0/24, 198.51.100.0/24, 203.0.113.0/24; RFC 3849:
    // 2001:db8::/32) and the examples of RFC 4291 §2.2 and RFC 5952.
    [Theory]
    [InlineData("192.0.2.1", "192.0.2.1")]
    [InlineData("登录IP：203.0.113.45，", "203.0.113.45")]                  // inside Chinese text
    [InlineData("{\"ip\":\"198.51.100.7\"}", "198.51.100.7")]               // JSON string
    [InlineData("GET from 10.0.0.1:8080", "10.0.0.1")]                      // with a port
    [InlineData("net 192.168.1.0/24", "192.168.1.0")]                       // CIDR
    [InlineData("255.1.2.3", "255.1.2.3")]                                  // not a netmask
    [InlineData("1.1.1.1", "1.1.1.1")]
    [InlineData("2001:db8:0:0:8:800:200c:417a", "2001:db8:0:0:8:800:200c:417a")] // RFC 4291 full form
    [InlineData("2001:DB8::8:800:200C:417A", "2001:DB8::8:800:200C:417A")]       // compressed
    [InlineData("ff01::101", "ff01::101")]
    [InlineData("addr ::1 up", "::1")]                                      // loopback
    [InlineData("::ffff:192.0.2.128", "::ffff:192.0.2.128")]                // IPv4-mapped
    [InlineData("64:ff9b::192.0.2.33", "64:ff9b::192.0.2.33")]              // NAT64 (RFC 6052)
    [InlineData("0:0:0:0:0:0:13.1.68.3", "0:0:0:0:0:0:13.1.68.3")]          // RFC 4291 §2.2 (3)
    [InlineData("fe80::1%eth0 link", "fe80::1%eth0")]                       // zone
    [InlineData("[2001:db8::1]:443", "2001:db8::1")]
    [InlineData("2001:db8::", "2001:db8::")]
    public void Scan_Address_ReportsExactSpan(string text, string expected) =>
        RecognizerScan.AssertSingle(_recognizer, text, expected);

    [Theory]
    [InlineData("1.2.3.4.5")]                 // a longer dotted number
    [InlineData("v2.10.3.1")]                 // a version glued to v
    [InlineData("version 1.2.3.4")]           // a version named
    [InlineData("firmware: 2.1.0.15")]
    [InlineData("{\"fw\":\"3.10.2.1\"}")]
    [InlineData("firmware_version=2.1.0.15")]
    [InlineData("appVer 4.2.0.1")]
    [InlineData("固件版本：2.1.0.15")]
    [InlineData("版本号 1.0.0.1")]
    [InlineData("192.168.01.1")]              // leading zero
    [InlineData("256.1.1.1")]                 // octet out of range
    [InlineData("1.2.3")]
    [InlineData("0.0.0.0")]                   // no host
    [InlineData("255.255.255.255")]           // broadcast
    [InlineData("255.255.255.0")]             // netmask
    [InlineData("0.1.2.3")]
    [InlineData("3.14.15.92.65")]
    [InlineData("192.0.2.1@example.com")]
    [InlineData("x192.0.2.1")]
    [InlineData("::")]                        // unspecified, alone
    [InlineData("12:30:45")]                  // a time
    [InlineData("2026-11-29 12:30:45.123")]
    [InlineData("00:1A:2B:3C:4D:5E")]         // a MAC address
    [InlineData("dead::beef")]                // no digit
    [InlineData("std::vector")]
    [InlineData("Foo::Bar::Baz")]
    [InlineData("1:2:3:4:5:6:7:8:9")]         // nine groups
    [InlineData("1::2::3")]                   // two compressions
    [InlineData("2001:db8::12345")]           // a group of five
    [InlineData("2001:db8::1g")]
    [InlineData("a[1::2]")]                   // a Python slice
    [InlineData("a[::2]")]
    [InlineData("d41d8cd98f00b204e9800998ecf8427e")] // an MD5 hash
    public void Scan_NotAnAddress_ReportsNothing(string text) => RecognizerScan.AssertNone(_recognizer, text);

    [Fact]
    public void Scan_VersionWordInIpField_ReportsTheAddress() =>
        RecognizerScan.AssertSingle(_recognizer, "version 10.1.2.3", "10.1.2.3", IdentifierType.IpAddress);

    [Fact]
    public void Scan_FirmwareAndIpInOneRecord_ReportsOnlyTheIp()
    {
        const string text = "{\"firmware\":\"2.3.10.4\",\"ip\":\"10.2.3.4\"}";

        RecognizerScan.AssertSingle(_recognizer, text, "10.2.3.4");
    }

    [Theory]
    [InlineData(0x00000000u, true)]
    [InlineData(0x00FFFFFFu, true)]
    [InlineData(0xFFFFFFFFu, true)]
    [InlineData(0xFFFF0000u, true)]
    [InlineData(0xFF000000u, true)]
    [InlineData(0xFFFF00FFu, false)]
    [InlineData(0xC0000201u, false)]
    public void IsNonHost_Address_ClassifiesNetmasks(uint address, bool expected) =>
        Assert.Equal(expected, IpAddressRules.IsNonHost(address));
}
