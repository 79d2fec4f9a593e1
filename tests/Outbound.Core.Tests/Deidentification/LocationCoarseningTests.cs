using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Deidentification;

namespace Outbound.Core.Tests.Deidentification;

public sealed class LocationCoarseningTests
{
    // The public transform's reference points, as published with the eviltransform project's tests (WGS-84 → GCJ-02).
    public static TheoryData<double, double, double, double> KnownPoints => new()
    {
        { 31.1774276, 121.5272106, 31.17530398364597, 121.531541859215 },   // Shanghai
        { 22.543847, 113.912316, 22.540796131694766, 113.9171764808363 },   // Shenzhen
        { 39.911954, 116.377817, 39.91334545536069, 116.38404722455657 },   // Beijing
    };

    [Theory]
    [MemberData(nameof(KnownPoints))]
    public void Gcj02_FromWgs84_MatchesThePublishedPoint(double wgsLat, double wgsLon, double gcjLat, double gcjLon)
    {
        var (lat, lon) = Gcj02.FromWgs84(wgsLat, wgsLon);

        Assert.Equal(gcjLat, lat, 1e-9);
        Assert.Equal(gcjLon, lon, 1e-9);
    }

    [Theory]
    [MemberData(nameof(KnownPoints))]
    public void Gcj02_ToWgs84_RecoversThePublishedPoint(double wgsLat, double wgsLon, double gcjLat, double gcjLon)
    {
        var (lat, lon) = Gcj02.ToWgs84(gcjLat, gcjLon);

        Assert.Equal(wgsLat, lat, 1e-7); // about 1 cm
        Assert.Equal(wgsLon, lon, 1e-7);
    }

    [Fact]
    public void Gcj02_OutsideChina_LeavesThePoint() => Assert.Equal((35.681236, 139.767125), Gcj02.FromWgs84(35.681236, 139.767125)); // Tokyo

    [Theory]
    [InlineData(2, "36.644591", "36.64")]
    [InlineData(2, "36.645", "36.65")]                        // half-way, as written, rounds away from zero
    [InlineData(1, "117.113161", "117.1")]
    [InlineData(0, "36.644591", "37")]
    [InlineData(2, "31.2304, 121.4737", "31.23, 121.47")]     // a pair keeps its separator
    [InlineData(2, "[121.4737,31.2304]", "[121.47,31.23]")]   // GeoJSON order
    [InlineData(3, "31.2", "31.200")]
    public void TryApply_Decimals_RoundsEachValue(int decimals, string input, string expected) =>
        Assert.Equal(expected, LocationCoarsening.ToDecimals(decimals).Apply(input));

    [Fact]
    public void TryApply_Gcj02Pair_IsConvertedToWgs84BeforeRounding()
    {
        // The published Shanghai point, given in GCJ-02: its WGS-84 latitude 31.1774276 rounds to 31.1774, not 31.1753.
        string output = LocationCoarsening.ToDecimals(4, GeodeticDatum.Gcj02).Apply("31.17530398364597,121.531541859215");

        Assert.Equal("31.1774,121.5272", output);
    }

    [Fact]
    public void TryApply_LoneGcj02Value_IsDeclined() =>
        Assert.False(LocationCoarsening.ToDecimals(2, GeodeticDatum.Gcj02).TryApply("31.1753", out _));

    [Theory]
    [InlineData("31.23,121.47,5")] // three numbers
    [InlineData("north")]
    [InlineData("200.5")]          // neither a latitude nor a longitude
    [InlineData("95.5,200.5")]
    public void TryApply_NotACoordinate_IsDeclined(string input) =>
        Assert.False(LocationCoarsening.ToGrid(1000).TryApply(input, out _));

    [Theory]
    [InlineData(2, Protection.Anonymised)]
    [InlineData(3, Protection.Deidentified)] // about 110 m: still precise location
    public void Protection_DependsOnDecimals(int decimals, Protection expected) =>
        Assert.Equal(expected, LocationCoarsening.ToDecimals(decimals).Protection);

    [Theory]
    [InlineData(1000, Protection.Anonymised)]
    [InlineData(999, Protection.Deidentified)]
    public void Protection_DependsOnCellSize(int metres, Protection expected) =>
        Assert.Equal(expected, LocationCoarsening.ToGrid(metres).Protection);

    [Fact]
    public void TryApply_GridPair_GivesACellCentreWithinHalfACell()
    {
        var grid = LocationCoarsening.ToGrid(1000);

        string[] parts = grid.Apply("36.644591,117.113161").Split(',');

        double lat = double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        double lon = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(Metres(36.644591, 117.113161, lat, lon), 0, 1000 * Math.Sqrt(2) / 2 + 1);
        Assert.Equal(4, parts[0].Split('.')[1].Length); // 1 km cells: 4 decimals tell centres apart
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool TryApply_GridCell_IsNoFartherThanHalfItsDiagonalAndSharedByItsNeighbourhood(MainlandPoint point, CellSize size)
    {
        var grid = LocationCoarsening.ToGrid(size.Metres);
        string text = FormattableString.Invariant($"{point.Latitude:F6},{point.Longitude:F6}");

        string[] parts = grid.Apply(text).Split(',');
        double lat = double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        double lon = double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);

        // Cells are size × size metres at their middle latitude; the far corner is within half a diagonal, plus the
        // centre's rounding to the decimals written (half a unit of the last one, on each axis).
        int dot = parts[0].IndexOf('.', StringComparison.Ordinal);
        int written = dot < 0 ? 0 : parts[0].Length - dot - 1;
        double rounding = 0.5 * Math.Pow(10, -written) * 111_195 * Math.Sqrt(2);
        return Metres(point.Latitude, point.Longitude, lat, lon) <= (size.Metres * 0.71) + rounding + 5
            && grid.Apply(grid.Apply(text)) == grid.Apply(text);
    }

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 500)]
    public bool TryApply_Decimals_MovesAPointByAtMostHalfAStep(MainlandPoint point)
    {
        string text = FormattableString.Invariant($"{point.Latitude:F6},{point.Longitude:F6}");

        string[] parts = LocationCoarsening.ToDecimals(2).Apply(text).Split(',');

        return Math.Abs(double.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture) - Math.Round(point.Latitude, 6)) <= 0.005 + 1e-9
            && Math.Abs(double.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture) - Math.Round(point.Longitude, 6)) <= 0.005 + 1e-9;
    }

    [Property(MaxTest = 2000)]
    public bool TryApply_LoneValueDecimals_RoundsTheTextAsADecimalWould(bool negative, byte whole, ulong fraction, byte fractionDigits, byte decimals, bool leadingZero)
    {
        int places = decimals % (LocationCoarsening.MaxDecimals + 1);
        string digits = fraction.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(20, '0')[..(fractionDigits % 12)];
        string text = (negative ? "-" : "") + (leadingZero ? "0" : "") + (whole % 181).ToString(System.Globalization.CultureInfo.InvariantCulture)
            + (digits.Length > 0 ? "." + digits : "");
        string expected = decimal.Round(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture), places, MidpointRounding.AwayFromZero)
            .ToString("F" + places.ToString(System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

        return LocationCoarsening.ToDecimals(places).TryApply(text, out string? output) ? output == expected : Math.Abs(decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture)) > 180;
    }

    [Theory]
    [InlineData(2, "9.995", "10.00")]
    [InlineData(2, "99.999", "100.00")]
    [InlineData(0, "0.5", "1")]
    [InlineData(1, "179.96", "180.0")]
    [InlineData(2, "-36.645", "-36.65")]
    [InlineData(2, "036.645", "36.65")]
    [InlineData(2, "0.001", "0.00")]
    public void TryApply_LoneValueDecimals_CarriesAndPads(int decimals, string input, string expected) =>
        Assert.Equal(expected, LocationCoarsening.ToDecimals(decimals).Apply(input));

    // Short numbers take the exact fast path, long ones the platform's parser: both give what double.Parse gives.
    [Property(MaxTest = 5000)]
    public bool ParseNumber_AnyPlainNumber_IsWhatDoubleParseGives(bool negative, ulong whole, ulong fraction, byte wholeDigits, byte fractionDigits)
    {
        string integer = whole.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(20, '0')[(20 - (1 + (wholeDigits % 20)))..];
        string decimals = fraction.ToString(System.Globalization.CultureInfo.InvariantCulture).PadLeft(20, '0')[..(fractionDigits % 21)];
        string text = (negative ? "-" : "") + integer + (decimals.Length > 0 ? "." + decimals : "");
        double expected = double.Parse(text, System.Globalization.NumberStyles.AllowLeadingSign | System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture);

        return BitConverter.DoubleToInt64Bits(LocationCoarsening.ParseNumber(text)) == BitConverter.DoubleToInt64Bits(expected);
    }

    [Theory]
    [InlineData("36.644591")]
    [InlineData("-0.0")]
    [InlineData("0.1")]
    [InlineData("117.113161")]
    [InlineData("999999999999999")]
    [InlineData("9999999999999999")]
    [InlineData("0.30000000000000004")]
    [InlineData("179.999999999999999999")]
    public void ParseNumber_EdgesOfTheFastPath_IsWhatDoubleParseGives(string text) =>
        Assert.Equal(
            BitConverter.DoubleToInt64Bits(double.Parse(text, System.Globalization.CultureInfo.InvariantCulture)),
            BitConverter.DoubleToInt64Bits(LocationCoarsening.ParseNumber(text)));

    // Great-circle distance on the mean sphere.
    private static double Metres(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6_371_008.8;
        double p1 = lat1 * Math.PI / 180, p2 = lat2 * Math.PI / 180;
        double dp = p2 - p1, dl = (lon2 - lon1) * Math.PI / 180;
        double a = Math.Sin(dp / 2) * Math.Sin(dp / 2) + Math.Cos(p1) * Math.Cos(p2) * Math.Sin(dl / 2) * Math.Sin(dl / 2);
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public sealed record MainlandPoint(double Latitude, double Longitude);

    public sealed record CellSize(int Metres);

    public static class Generators
    {
        public static Arbitrary<MainlandPoint> Point() =>
            (from lat in Gen.Choose(18_000_000, 53_000_000)
             from lon in Gen.Choose(74_000_000, 134_000_000)
             select new MainlandPoint(lat / 1e6, lon / 1e6)).ToArbitrary();

        public static Arbitrary<CellSize> Size() => Gen.Elements(100, 500, 1000, 2000, 5000, 10_000).Select(m => new CellSize(m)).ToArbitrary();
    }
}
