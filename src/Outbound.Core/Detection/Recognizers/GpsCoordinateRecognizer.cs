using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds latitude/longitude values and pairs in decimal degrees that lie in mainland China (precise location, 精确定位).</summary>
/// <remarks>
/// <para>
/// Pairs: two decimal numbers separated by a comma (ASCII or full-width) and/or spaces, in either order: latitude first
/// (<c>31.2304, 121.4737</c>) or longitude first as GeoJSON writes them (<c>[121.4737,31.2304]</c>); the order is told by
/// the ranges, which do not overlap in China. The point must lie in mainland China by <see cref="MainlandBoundary"/>, a
/// boundary polygon rather than a bounding box: Seoul and Tokyo lie inside China's box and are rejected, and so are Hong
/// Kong, Macau and Taiwan, which are outside the mainland for cross-border purposes.
/// </para>
/// <para>
/// Single values are reported when a key names them (<c>"lat": 31.2304</c>, <c>gps_lng=121.4737</c>, <c>纬度：31.2304</c>)
/// or the field is a coordinate field (<see cref="ScanContext.FieldType"/> is <see cref="IdentifierType.GpsCoord"/>). A
/// keyed value whose partner is found next to it (<c>"lat": 37.5665, "lng": 126.9780</c>) is checked as a pair; one
/// without a partner, or a value in a coordinate field, can only be checked against the range of the mainland's
/// latitudes or longitudes, and a record-level caller should pair the fields.
/// </para>
/// <para>
/// Precision: a value with fewer than <see cref="PreciseDecimals"/> decimals (about 11 m) is not a precise location. A
/// pair or keyed value whose values all have at least four decimals scores 0.95; with three decimals (about 110 m) it is
/// reported as <see cref="FindingTraits.Weak"/> at 0.6; with fewer it is not reported unless the field is a coordinate
/// field. A lone value in a coordinate field scores 0.8 with four decimals or more, else 0.5 and weak. Callers get the
/// decimals of a finding from <see cref="DecimalPlaces"/>. Not reported: negative values, values glued to letters or
/// digits, version-like strings (<c>31.2304.1</c>) and degrees-minutes-seconds notation. Instances are immutable and
/// thread-safe.
/// </para>
/// </remarks>
public sealed class GpsCoordinateRecognizer : IRecognizer
{
    /// <summary>The fewest decimals of a precise location (about 11 m).</summary>
    public const int PreciseDecimals = GpsCoordinateRules.PreciseDecimals;

    private const float PreciseScore = 0.95f;
    private const float CoarseScore = 0.6f;
    private const float UnpairedScore = 0.7f;
    private const float FieldValueScore = 0.8f;
    private const float CoarseFieldValueScore = 0.5f;

    private static readonly SearchValues<byte> TriggerBytes = SearchValues.Create("123456789"u8);

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.GpsCoord;

    /// <inheritdoc/>
    public SearchValues<byte> Triggers => TriggerBytes;

    /// <summary>Returns the fewest decimals among the values a <see cref="IdentifierType.GpsCoord"/> finding covers in <paramref name="text"/>.</summary>
    /// <param name="text">The text that was scanned.</param>
    /// <param name="finding">A finding of this recognizer in <paramref name="text"/>.</param>
    /// <returns>The decimals, e.g. 4 for <c>31.2304, 121.47370</c>; 0 when the span holds no decimal number.</returns>
    public static int DecimalPlaces(ReadOnlySpan<byte> text, Finding finding)
    {
        ReadOnlySpan<byte> span = text.Slice(finding.Start, finding.Length);
        int fewest = int.MaxValue;
        int index = 0;
        while (index < span.Length)
        {
            if (RecognizerBytes.IsDigit(span[index]) && GpsCoordinateRules.TryParseDecimal(span, index, out int end, out _, out int decimals))
            {
                fewest = Math.Min(fewest, decimals);
                index = end;
            }
            else
            {
                index++;
            }
        }

        return fewest == int.MaxValue ? 0 : fewest;
    }

    /// <inheritdoc/>
    public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
    {
        finding = default;
        if (!RecognizerBytes.IsClearBefore(text, position)
            || RecognizerBytes.At(text, position - 1) == '-'
            || !GpsCoordinateRules.TryParseDecimal(text, position, out int end, out double first, out int firstDecimals)
            || (RecognizerBytes.At(text, end) == '.' && RecognizerBytes.DigitAt(text, end + 1)))
        {
            return false;
        }

        bool hinted = context.FieldType == IdentifierType.GpsCoord;
        if (TryReadPair(text, end, out int pairEnd, out double second, out int secondDecimals))
        {
            if (GpsCoordinateRules.IsLatitude(first) && GpsCoordinateRules.IsLongitude(second))
            {
                return TryReport(position, pairEnd, first, second, Math.Min(firstDecimals, secondDecimals), hinted, out finding);
            }

            if (GpsCoordinateRules.IsLongitude(first) && GpsCoordinateRules.IsLatitude(second))
            {
                return TryReport(position, pairEnd, second, first, Math.Min(firstDecimals, secondDecimals), hinted, out finding);
            }
        }

        if (!RecognizerBytes.IsClearAfter(text, end))
        {
            return false;
        }

        var key = GpsCoordinateRules.KeyBefore(text, position, out int keyStart);
        if (key == GpsCoordinateRules.Key.Latitude ? GpsCoordinateRules.IsLatitude(first) : key == GpsCoordinateRules.Key.Longitude && GpsCoordinateRules.IsLongitude(first))
        {
            var wanted = key == GpsCoordinateRules.Key.Latitude ? GpsCoordinateRules.Key.Longitude : GpsCoordinateRules.Key.Latitude;
            if (GpsCoordinateRules.TryFindPartnerAfter(text, end, wanted, out double partner, out int partnerDecimals)
                || GpsCoordinateRules.TryFindPartnerBefore(text, keyStart, wanted, out partner, out partnerDecimals))
            {
                (double latitude, double longitude) = key == GpsCoordinateRules.Key.Latitude ? (first, partner) : (partner, first);
                return GpsCoordinateRules.IsLatitude(latitude) && GpsCoordinateRules.IsLongitude(longitude)
                    && TryReport(position, end, latitude, longitude, Math.Min(firstDecimals, partnerDecimals), hinted, out finding);
            }

            if (firstDecimals >= GpsCoordinateRules.MinimumDecimals)
            {
                finding = new Finding(IdentifierType.GpsCoord, position, end - position, UnpairedScore, firstDecimals >= PreciseDecimals ? FindingTraits.None : FindingTraits.Weak);
                return true;
            }
        }

        if (hinted && (GpsCoordinateRules.IsLatitude(first) || GpsCoordinateRules.IsLongitude(first)))
        {
            finding = firstDecimals >= PreciseDecimals
                ? new Finding(IdentifierType.GpsCoord, position, end - position, FieldValueScore)
                : new Finding(IdentifierType.GpsCoord, position, end - position, CoarseFieldValueScore, FindingTraits.Weak);
            return true;
        }

        return false;
    }

    /// <summary>Reads the second number of a pair after a comma and/or spaces following <paramref name="end"/>.</summary>
    private static bool TryReadPair(ReadOnlySpan<byte> text, int end, out int pairEnd, out double second, out int decimals)
    {
        pairEnd = end;
        second = 0;
        decimals = 0;
        int index = end;
        bool separated = false;
        while (RecognizerBytes.At(text, index) == ' ')
        {
            index++;
            separated = true;
        }

        if (RecognizerBytes.At(text, index) == ',')
        {
            index++;
            separated = true;
        }
        else if (index + 3 <= text.Length && RecognizerBytes.Utf8Key(text, index) == 0xEFBC8C)
        {
            // A full-width comma (，).
            index += 3;
            separated = true;
        }

        while (RecognizerBytes.At(text, index) == ' ')
        {
            index++;
        }

        return separated
            && index - end <= 6
            && RecognizerBytes.IsDigit(RecognizerBytes.At(text, index))
            && GpsCoordinateRules.TryParseDecimal(text, index, out pairEnd, out second, out decimals)
            && RecognizerBytes.IsClearAfter(text, pairEnd);
    }

    private static bool TryReport(int start, int end, double latitude, double longitude, int decimals, bool hinted, out Finding finding)
    {
        finding = default;
        if ((decimals < GpsCoordinateRules.MinimumDecimals && !hinted) || !MainlandBoundary.Instance.Contains(latitude, longitude))
        {
            return false;
        }

        finding = decimals >= PreciseDecimals
            ? new Finding(IdentifierType.GpsCoord, start, end - start, PreciseScore)
            : new Finding(IdentifierType.GpsCoord, start, end - start, CoarseScore, FindingTraits.Weak);
        return true;
    }
}
