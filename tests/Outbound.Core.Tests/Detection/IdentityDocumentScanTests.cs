using System.Text;
using Outbound.Detection;
using Outbound.Detection.Recognizers;
using static Outbound.Core.Tests.Detection.IdentityNumbers;

namespace Outbound.Core.Tests.Detection;

/// <summary>The six identity, organisation, card and device recognizers scanning one document together.</summary>
public sealed class IdentityDocumentScanTests
{
    private static readonly Scanner AllSix = new(
    [
        new ResidentIdRecognizer(),
        new UsccRecognizer(),
        new BankCardRecognizer(),
        new ImeiRecognizer(),
        new PassportRecognizer(),
        new HmtPermitRecognizer(),
    ]);

    [Fact]
    public void Scan_MixedChineseDocument_FindsEachIdentifierOnceAtItsBytes()
    {
        const string text =
            "客户：张三，身份证11010519491231002X，护照号E12345678，回乡证H1234567801；" +
            "单位统一社会信用代码91350100M000100Y43，工资卡 6222 0202 0011 2345 679，" +
            "手机IMEI 352099001761481。订单号 110105194912310021，时间戳 1732867200000。";
        var findings = new List<Finding>();

        AllSix.Scan(Encoding.UTF8.GetBytes(text), new ScanContext(ReferenceDate), findings);

        Assert.Equal(
            [
                (IdentifierType.CnResidentId, ByteOffset(text, "11010519491231002X"), 18),
                (IdentifierType.CnPassport, ByteOffset(text, "E12345678"), 9),
                (IdentifierType.CnHmtPermit, ByteOffset(text, "H1234567801"), 11),
                (IdentifierType.CnUscc, ByteOffset(text, "91350100M000100Y43"), 18),
                (IdentifierType.BankCard, ByteOffset(text, "6222 0202"), 23),
                (IdentifierType.Imei, ByteOffset(text, "352099001761481"), 15),
            ],
            findings.Select(finding => (finding.Type, finding.Start, finding.Length)));
    }

    [Theory]
    [InlineData("110105194912310021")] // 18-digit order number failing MOD 11-2
    [InlineData("1101051949123100212")] // 19-digit run
    [InlineData("20261129143015000123")] // 20-digit order number
    [InlineData("1732867200000")] // millisecond timestamp
    [InlineData("3.14159265358979323")] // a long decimal
    [InlineData("v1.2.3.4")] // a firmware version
    [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")] // a SHA-256 hash
    public void Scan_HardLookAlike_FindsNothing(string text)
    {
        var findings = new List<Finding>();

        AllSix.Scan(Encoding.UTF8.GetBytes(text), new ScanContext(ReferenceDate), findings);

        Assert.Empty(findings);
    }
}
