using System.Text;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

public sealed class GpsCoordinateRecognizerTests
{
    private readonly GpsCoordinateRecognizer _recognizer = new();

    // Decimal degrees: one to three digits, a point and at least one decimal, of which the first 15 count. On random
    // digits, points and other bytes, the reading must match that rule written out with a regular expression.
    [Fact]
    public void TryParseDecimal_RandomDigitsAndPoints_ReadsWhatTheRuleSays()
    {
        var random = new Random(20261130);
        var rule = new System.Text.RegularExpressions.Regex(@"^([0-9]{1,3})\.([0-9]+)");
        int read = 0;
        for (int n = 0; n < 50_000; n++)
        {
            var text = new StringBuilder();
            for (int i = random.Next(1, 30); i > 0; i--)
            {
                text.Append("0123456789012345678901234567890123456789..-a "[random.Next(45)]);
            }

            string value = text.ToString();
            bool parsed = GpsCoordinateRules.TryParseDecimal(Encoding.ASCII.GetBytes(value), 0, out int end, out double number, out int decimals);
            var match = rule.Match(value);
            Assert.True(match.Success == parsed, value);
            if (parsed)
            {
                string fraction = match.Groups[2].Value;
                double expected = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                    + ((double)long.Parse(fraction[..Math.Min(fraction.Length, 15)], System.Globalization.CultureInfo.InvariantCulture) / Math.Pow(10, Math.Min(fraction.Length, 15)));
                Assert.Equal((match.Length, fraction.Length, expected), (end, decimals, number));
                read++;
            }
        }

        Assert.InRange(read, 1_000, 49_000);
    }

    // City centres as published by public gazetteers (rounded); they are places, not persons.
    [Theory]
    [InlineData("31.2304, 121.4737", "31.2304, 121.4737")]                         // Shanghai, lat-lon
    [InlineData("[121.4737,31.2304]", "121.4737,31.2304")]                         // GeoJSON lon-lat
    [InlineData("{\"type\":\"Point\",\"coordinates\":[116.4074, 39.9042]}", "116.4074, 39.9042")] // Beijing
    [InlineData("位置：22.5431，114.0579。", "22.5431，114.0579")]                   // Shenzhen, full-width comma
    [InlineData("loc 30.5728 104.0668 ok", "30.5728 104.0668")]                    // Chengdu, space-separated
    [InlineData("43.8256,87.6168", "43.8256,87.6168")]                             // Urumqi
    [InlineData("29.6520,91.1721", "29.6520,91.1721")]                             // Lhasa
    [InlineData("24.4798,118.0894", "24.4798,118.0894")]                           // Xiamen island
    [InlineData("29.9853,122.2072", "29.9853,122.2072")]                           // Zhoushan island
    [InlineData("22.2707,113.5767", "22.2707,113.5767")]                           // Zhuhai, beside Macau
    [InlineData("18.2528,109.5120", "18.2528,109.5120")]                           // Sanya, Hainan
    [InlineData("52.9720,122.5380", "52.9720,122.5380")]                           // Mohe, the far north
    [InlineData("39.4704,75.9898", "39.4704,75.9898")]                             // Kashgar, the far west
    [InlineData("16.8340,112.3380", "16.8340,112.3380")]                           // Yongxing Island (Paracels)
    [InlineData("31.230416000000001,121.473701", "31.230416000000001,121.473701")] // many decimals
    public void Scan_PairInMainland_ReportsExactSpan(string text, string expected)
    {
        var finding = RecognizerScan.AssertSingle(_recognizer, text, expected);

        Assert.Equal(0.95f, finding.Score);
        Assert.Equal(FindingTraits.None, finding.Traits);
    }

    [Theory]
    [InlineData("37.5665, 126.9780")]    // Seoul: inside China's bounding box
    [InlineData("35.6762, 139.6503")]    // Tokyo: inside the box's latitudes and just east of it
    [InlineData("126.9780,37.5665")]     // Seoul, lon-lat
    [InlineData("47.8864, 106.9057")]    // Ulaanbaatar
    [InlineData("21.0278, 105.8342")]    // Hanoi
    [InlineData("25.0330, 121.5654")]    // Taipei: Taiwan is outside the mainland here
    [InlineData("22.3193, 114.1694")]    // Hong Kong
    [InlineData("22.1987, 113.5439")]    // Macau
    [InlineData("24.4490, 118.3767")]    // Kinmen, across the water from Xiamen
    [InlineData("39.0392, 125.7625")]    // Pyongyang
    [InlineData("40.1006, 124.3982")]    // Sinuiju, across the Yalu from Dandong
    [InlineData("43.1198, 131.8869")]    // Vladivostok
    [InlineData("35.0000, 123.0000")]    // the Yellow Sea
    [InlineData("27.7172, 85.3240")]     // Kathmandu
    [InlineData("43.2220, 76.8512")]     // Almaty
    public void Scan_PairOutsideMainland_ReportsNothing(string text) => RecognizerScan.AssertNone(_recognizer, text);

    [Theory]
    [InlineData("31.23, 121.47")]               // two decimals: not precise, not reported
    [InlineData("31.2304")]                     // a single value without a key
    [InlineData("-31.2304, 121.4737")]          // southern hemisphere
    [InlineData("31.2304.1, 121.4737")]         // version-like
    [InlineData("v31.2304, 121.4737")]          // glued
    [InlineData("31.2304, 121.4737.5")]
    [InlineData("31.2304, 121.4737x")]
    [InlineData("1.2304, 121.4737")]            // latitude outside the mainland's span
    [InlineData("31.2304, 21.4737")]
    [InlineData("31, 121")]                     // integers
    [InlineData("Python 3.12.1")]
    public void Scan_NotACoordinate_ReportsNothing(string text) => RecognizerScan.AssertNone(_recognizer, text);

    [Fact]
    public void Scan_ThreeDecimals_ReportsWeak()
    {
        var finding = RecognizerScan.AssertSingle(_recognizer, "31.230,121.474", "31.230,121.474");

        Assert.Equal(FindingTraits.Weak, finding.Traits);
        Assert.Equal(3, GpsCoordinateRecognizer.DecimalPlaces(Encoding.UTF8.GetBytes("31.230,121.474"), finding));
    }

    [Theory]
    [InlineData("31.2304, 121.47370", 4)]
    [InlineData("31.230416, 121.473701", 6)]
    public void DecimalPlaces_Pair_ReturnsTheFewest(string text, int expected)
    {
        var finding = Assert.Single(RecognizerScan.Scan(_recognizer, text));

        Assert.Equal(expected, GpsCoordinateRecognizer.DecimalPlaces(Encoding.UTF8.GetBytes(text), finding));
    }

    [Fact]
    public void Scan_KeyedJsonPair_ReportsEachValue()
    {
        const string text = "{\"lat\": 31.2304, \"lng\": 121.4737, \"speed\": 12.5}";

        var findings = RecognizerScan.Scan(_recognizer, text);

        Assert.Equal(["31.2304", "121.4737"], findings.Select(finding => RecognizerScan.Covered(text, finding)));
        Assert.All(findings, finding => Assert.Equal(0.95f, finding.Score));
    }

    [Theory]
    [InlineData("{\"lat\": 37.5665, \"lng\": 126.9780}")]          // Seoul
    [InlineData("{\"latitude\":35.6762,\"longitude\":139.6503}")] // Tokyo
    [InlineData("{\"lng\": 126.9780, \"lat\": 37.5665}")]          // Seoul, longitude first
    [InlineData("纬度：37.5665，经度：126.9780")]
    public void Scan_KeyedPairOutsideMainland_ReportsNothing(string text) => RecognizerScan.AssertNone(_recognizer, text);

    [Theory]
    [InlineData("纬度：31.2304，经度：121.4737", "31.2304")]
    [InlineData("gps_lat=31.2304&gps_lng=121.4737", "31.2304")]
    [InlineData("startLat: 31.2304, startLng: 121.4737", "31.2304")]
    public void Scan_KeyedPairInMainland_ReportsBothValues(string text, string first)
    {
        var findings = RecognizerScan.Scan(_recognizer, text);

        Assert.Equal(2, findings.Count);
        Assert.Equal(first, RecognizerScan.Covered(text, findings[0]));
    }

    [Fact]
    public void Scan_KeyedValueWithoutPartner_ReportsItAtLowerScore()
    {
        var finding = RecognizerScan.AssertSingle(_recognizer, "{\"lat\": 31.2304}", "31.2304");

        Assert.Equal(0.7f, finding.Score);
    }

    [Theory]
    [InlineData("31.2304", 0.8f)]
    [InlineData("121.4737", 0.8f)]
    [InlineData("31.2", 0.5f)]          // coarse, but the field says it is a coordinate
    public void Scan_ValueInCoordinateField_ReportsIt(string text, float score) =>
        Assert.Equal(score, RecognizerScan.AssertSingle(_recognizer, text, text, IdentifierType.GpsCoord).Score);

    [Theory]
    [InlineData("12.5")]                // outside both spans
    [InlineData("-31.2304")]
    [InlineData("31")]
    public void Scan_NotAValueInCoordinateField_ReportsNothing(string text) =>
        RecognizerScan.AssertNone(_recognizer, text, IdentifierType.GpsCoord);

    [Fact]
    public void Scan_PairInCoordinateFieldWithFewDecimals_ReportsWeak()
    {
        var finding = RecognizerScan.AssertSingle(_recognizer, "31.23,121.47", "31.23,121.47", IdentifierType.GpsCoord);

        Assert.Equal(FindingTraits.Weak, finding.Traits);
    }

    [Fact]
    public void MainlandBoundary_Data_IsWithinTheVertexBudget()
    {
        int edges = MainlandBoundary.Instance.MainlandEdgeCount;

        Assert.InRange(edges, 200, 2_000);
    }

    [Theory]
    [InlineData(31.2304, 121.4737, true)]   // Shanghai
    [InlineData(39.9042, 116.4074, true)]   // Beijing
    [InlineData(45.8038, 126.5349, true)]   // Harbin
    [InlineData(49.5978, 117.3790, true)]   // Manzhouli, by the Russian border
    [InlineData(24.0126, 97.8517, true)]    // Ruili, by the Myanmar border
    [InlineData(21.5476, 107.9722, true)]   // Dongxing, by the Vietnamese border
    [InlineData(22.5218, 114.0550, true)]   // Shenzhen Futian, by the Hong Kong border
    [InlineData(37.5665, 126.9780, false)]  // Seoul
    [InlineData(35.6762, 139.6503, false)]  // Tokyo
    [InlineData(22.3193, 114.1694, false)]  // Hong Kong
    [InlineData(22.1560, 113.5560, false)]  // Taipa, Macau
    [InlineData(25.0330, 121.5654, false)]  // Taipei
    [InlineData(0, 0, false)]
    public void Contains_Place_MatchesTheMap(double latitude, double longitude, bool expected) =>
        Assert.Equal(expected, MainlandBoundary.Instance.Contains(latitude, longitude));
}
