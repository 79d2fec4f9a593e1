namespace Outbound.Deidentification;

/// <summary>The geodetic datum coordinates are written in.</summary>
public enum GeodeticDatum
{
    /// <summary>WGS-84, what GPS receivers and international maps use.</summary>
    Wgs84,

    /// <summary>GCJ-02 (国测局坐标系), the obfuscated datum that maps published in mainland China must use.</summary>
    Gcj02,
}

/// <summary>
/// Converts between WGS-84 and GCJ-02 with the well-known public transform (the formula of the open-source
/// <c>eviltransform</c> and <c>coordtransform</c> projects: Krasovsky ellipsoid a = 6,378,245 m, e² = 0.00669342162296594323).
/// </summary>
/// <remarks>
/// The forward transform is the published formula; the inverse is found by fixed-point iteration to better than
/// 1e-9° (about 0.1 mm). Points outside the rectangle the formula is defined on (longitude 72.004–137.8347°, latitude
/// 0.8293–55.8271°) are not shifted. Thread-safe.
/// </remarks>
internal static class Gcj02
{
    private const double SemiMajorAxis = 6378245.0;
    private const double EccentricitySquared = 0.00669342162296594323;
    private const double Tolerance = 1e-10;
    private const int MaxIterations = 30;

    /// <summary>Returns <see langword="true"/> when the transform leaves the point unshifted.</summary>
    public static bool IsOutside(double latitude, double longitude) =>
        longitude < 72.004 || longitude > 137.8347 || latitude < 0.8293 || latitude > 55.8271;

    /// <summary>Converts a WGS-84 point to GCJ-02.</summary>
    public static (double Latitude, double Longitude) FromWgs84(double latitude, double longitude)
    {
        if (IsOutside(latitude, longitude))
        {
            return (latitude, longitude);
        }

        var (dLat, dLon) = Delta(latitude, longitude);
        return (latitude + dLat, longitude + dLon);
    }

    /// <summary>Converts a GCJ-02 point to WGS-84.</summary>
    public static (double Latitude, double Longitude) ToWgs84(double latitude, double longitude)
    {
        if (IsOutside(latitude, longitude))
        {
            return (latitude, longitude);
        }

        // Find the WGS-84 point whose forward transform is the given point; the shift varies slowly, so this converges fast.
        double wgsLat = latitude;
        double wgsLon = longitude;
        for (int i = 0; i < MaxIterations; i++)
        {
            var (gcjLat, gcjLon) = FromWgs84(wgsLat, wgsLon);
            double errorLat = latitude - gcjLat;
            double errorLon = longitude - gcjLon;
            wgsLat += errorLat;
            wgsLon += errorLon;
            if (Math.Abs(errorLat) < Tolerance && Math.Abs(errorLon) < Tolerance)
            {
                break;
            }
        }

        return (wgsLat, wgsLon);
    }

    private static (double Latitude, double Longitude) Delta(double latitude, double longitude)
    {
        double x = longitude - 105.0;
        double y = latitude - 35.0;
        double dLat = TransformLatitude(x, y);
        double dLon = TransformLongitude(x, y);
        double radLat = latitude / 180.0 * Math.PI;
        double magic = Math.Sin(radLat);
        magic = 1 - (EccentricitySquared * magic * magic);
        double sqrtMagic = Math.Sqrt(magic);
        dLat = dLat * 180.0 / (SemiMajorAxis * (1 - EccentricitySquared) / (magic * sqrtMagic) * Math.PI);
        dLon = dLon * 180.0 / (SemiMajorAxis / sqrtMagic * Math.Cos(radLat) * Math.PI);
        return (dLat, dLon);
    }

    private static double TransformLatitude(double x, double y)
    {
        double result = -100.0 + (2.0 * x) + (3.0 * y) + (0.2 * y * y) + (0.1 * x * y) + (0.2 * Math.Sqrt(Math.Abs(x)));
        result += ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0;
        result += ((20.0 * Math.Sin(y * Math.PI)) + (40.0 * Math.Sin(y / 3.0 * Math.PI))) * 2.0 / 3.0;
        result += ((160.0 * Math.Sin(y / 12.0 * Math.PI)) + (320.0 * Math.Sin(y * Math.PI / 30.0))) * 2.0 / 3.0;
        return result;
    }

    private static double TransformLongitude(double x, double y)
    {
        double result = 300.0 + x + (2.0 * y) + (0.1 * x * x) + (0.1 * x * y) + (0.1 * Math.Sqrt(Math.Abs(x)));
        result += ((20.0 * Math.Sin(6.0 * x * Math.PI)) + (20.0 * Math.Sin(2.0 * x * Math.PI))) * 2.0 / 3.0;
        result += ((20.0 * Math.Sin(x * Math.PI)) + (40.0 * Math.Sin(x / 3.0 * Math.PI))) * 2.0 / 3.0;
        result += ((150.0 * Math.Sin(x / 12.0 * Math.PI)) + (300.0 * Math.Sin(x / 30.0 * Math.PI))) * 2.0 / 3.0;
        return result;
    }
}
