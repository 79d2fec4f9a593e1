using System.Text;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

public sealed class PlateRecognizerTests
{
    private readonly PlateRecognizer _recognizer = new();

    // Layouts from GA 36-2018 (机动车号牌): the serials are made up.
    [Theory]
    [InlineData("京A12345", "京A12345")]                        // ordinary, 7 characters
    [InlineData("京A·12345", "京A·12345")]                      // with the middle dot U+00B7
    [InlineData("沪B 7D9X2", "沪B 7D9X2")]                      // with a space; letters in the serial
    [InlineData("浙A-12345", "浙A-12345")]                      // with a dash
    [InlineData("车牌号粤B12345的车", "粤B12345")]               // inside Chinese text
    [InlineData("{\"plate\":\"川A88888\"}", "川A88888")]         // JSON string
    [InlineData("粤BD12345", "粤BD12345")]                      // small new-energy, battery-electric
    [InlineData("粤B·DF1234", "粤B·DF1234")]                    // small new-energy, letter in the second place
    [InlineData("苏E·F12345", "苏E·F12345")]                    // small new-energy, not battery-electric
    [InlineData("京A·A12345", "京A·A12345")]                    // 2022 extension of the new-energy letters
    [InlineData("鲁B12345D", "鲁B12345D")]                      // large new-energy, mark last
    [InlineData("京A·0006警", "京A·0006警")]                    // police
    [InlineData("渝A1234学", "渝A1234学")]                      // driving school
    [InlineData("冀B1234挂", "冀B1234挂")]                      // trailer
    [InlineData("沪A1234领", "沪A1234领")]                      // consulate
    [InlineData("粤Z1234港", "粤Z1234港")]                      // Hong Kong cross-boundary
    [InlineData("粤Z·A123澳", "粤Z·A123澳")]                    // Macau cross-boundary
    [InlineData("使014578", "使014578")]                        // embassy
    [InlineData("使014·578", "使014·578")]
    [InlineData("使 014578", "使 014578")]
    [InlineData("大使馆车辆使014578停靠", "使014578")]              // 使 inside a word is no plate
    [InlineData("粤O12345", "粤O12345")]                        // O: official vehicles of the province
    [InlineData("琼A12345", "琼A12345")]
    [InlineData("藏A12345", "藏A12345")]
    public void Scan_ValidPlate_ReportsExactSpan(string text, string expected) =>
        RecognizerScan.AssertSingle(_recognizer, text, expected);

    [Fact]
    public void Scan_EveryProvince_ReportsItsPlate()
    {
        foreach (char province in PlateRules.Provinces)
        {
            RecognizerScan.AssertSingle(_recognizer, $"车辆 {province}C·12345 已登记", $"{province}C·12345");
        }
    }

    // Every character written in three UTF-8 bytes, and every such triple with a byte that cannot continue a character:
    // a province exactly when it is one of the 31.
    [Fact]
    public void IsProvinceAt_EveryThreeByteCharacterAndBrokenTriple_IsTrueForTheProvincesOnly()
    {
        int provinces = 0;
        for (int code = 0x800; code <= 0xFFFF; code++)
        {
            if (code is >= 0xD800 and <= 0xDFFF)
            {
                continue;
            }

            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(((char)code).ToString());
            bool expected = PlateRules.Provinces.Contains((char)code);
            Assert.True(expected == PlateRules.IsProvinceAt(bytes, 0), $"U+{code:X4}");
            provinces += expected ? 1 : 0;
            foreach (int broken in new[] { 1, 2 })
            {
                byte[] changed = [.. bytes];
                changed[broken] = (byte)(changed[broken] & 0x3F);
                Assert.False(PlateRules.IsProvinceAt(changed, 0), $"U+{code:X4} with byte {broken} broken");
            }
        }

        Assert.Equal(31, provinces);
        Assert.False(PlateRules.IsProvinceAt("京"u8[..2], 0));
    }

    [Theory]
    [InlineData("京I12345")]        // I is no authority letter
    [InlineData("京A1234")]         // four serial characters without a class
    [InlineData("京A1234567")]      // seven
    [InlineData("京AO2345")]        // O is not a serial character
    [InlineData("京A1I345")]        // I neither
    [InlineData("京a12345")]        // lowercase
    [InlineData("京AABCD1")]        // four letters in an ordinary serial
    [InlineData("台A12345")]        // 台 is no province abbreviation
    [InlineData("港A12345")]
    [InlineData("X京A12345")]       // glued to a letter before
    [InlineData("京A12345X")]       // glued after
    [InlineData("京A12345@qq.com")]
    [InlineData("沪A1234港")]       // 港 plates are 粤Z only
    [InlineData("粤B1234港")]
    [InlineData("京A1234车")]       // 车 is no class character
    [InlineData("使01457")]         // embassy plates have six digits
    [InlineData("使0145789")]
    [InlineData("粤BZ12345")]       // Z cannot mark a small new-energy car
    [InlineData("粤B1234ZD")]       // large new-energy plates have five digits before the mark
    public void Scan_NotAPlate_ReportsNothing(string text) => RecognizerScan.AssertNone(_recognizer, text);

    [Fact]
    public void Scan_AfterMultibyteText_ReportsByteOffsets()
    {
        var finding = Assert.Single(RecognizerScan.Scan(_recognizer, "车牌：粤B·D12345"));

        Assert.Equal(Encoding.UTF8.GetByteCount("车牌："), finding.Start);
        Assert.Equal(3 + 1 + 2 + 6, finding.Length); // 粤, B, the middle dot, six serial characters
    }

    [Fact]
    public void Scan_TwoPlatesInASentence_ReportsBoth()
    {
        var findings = RecognizerScan.Scan(_recognizer, "京A12345与沪C·D12345相撞");

        Assert.Equal(["京A12345", "沪C·D12345"], findings.Select(finding => RecognizerScan.Covered("京A12345与沪C·D12345相撞", finding)));
    }
}
