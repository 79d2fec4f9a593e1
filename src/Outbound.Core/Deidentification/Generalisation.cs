using System.Globalization;
using System.Text;
using Outbound.Detection.Recognizers;

namespace Outbound.Deidentification;

/// <summary>What a value is generalised to.</summary>
/// <remarks>
/// Dates: <see cref="Month"/>, <see cref="Year"/>, <see cref="Decade"/>. Ages: <see cref="AgeBand"/>. Addresses:
/// <see cref="District"/>, <see cref="City"/>, <see cref="Province"/>. Resident ID numbers: all the levels from
/// <see cref="City"/> down, and the ones with a birth year.
/// </remarks>
public enum GeneraliseLevel
{
    /// <summary>A date to its month: <c>1990-08</c>.</summary>
    Month,

    /// <summary>A date to its year: <c>1990</c>; an ID number to the holder's birth year.</summary>
    Year,

    /// <summary>A date to its decade: <c>1990-1999</c>.</summary>
    Decade,

    /// <summary>An age in years to a band of a set width: <c>30-39</c>.</summary>
    AgeBand,

    /// <summary>An address to its county-level division: <c>江苏省苏州市姑苏区</c>.</summary>
    District,

    /// <summary>An address, or an ID number's region, to its prefecture-level city: <c>江苏省苏州市</c> (a municipality: <c>北京市</c>).</summary>
    City,

    /// <summary>An address, or an ID number's region, to its province: <c>江苏省</c>.</summary>
    Province,

    /// <summary>An ID number to its region's city and the holder's birth year: <c>江苏省苏州市 1963</c>.</summary>
    RegionAndBirthYear,

    /// <summary>An ID number to its province and the holder's birth year: <c>江苏省 1963</c>.</summary>
    ProvinceAndBirthYear,
}

/// <summary>
/// Replaces a quasi-identifier with a coarser value (<c>generalise</c>): a birth date with its year, an age with its
/// band, an address with its city or district, a resident ID number with its region and birth year. Anonymising only
/// together with k-anonymity over the released values (<see cref="Protection.Generalised"/>).
/// </summary>
/// <remarks>
/// <para>
/// Regions are written as full GB/T 2260 names from the province down, taken from the division table, so one place is
/// always written one way. An address is read by its leading divisions (江苏省苏州市姑苏区…, 广州市海珠区…); one whose
/// divisions the table cannot resolve is cut after its first 省/自治区, 市 or 区/县 marker. An ID number's region is its
/// first six digits (GB 11643), its birth year digits 7–10 (15-digit numbers: 19 and digits 7–8).
/// </para>
/// <para>
/// Every level also reads the output of a finer level of its kind (<c>1990-08</c> to <c>1990</c>; <c>30-39</c> to
/// <c>20-39</c>; <c>江苏省苏州市 1963</c> to <c>江苏省 1963</c>), so k-anonymity can generalise a released value further.
/// A value not in a form the level reads is declined. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class Generalisation : Transform
{
    /// <summary>The default width of an age band, in years.</summary>
    public const int DefaultBandWidth = 10;

    private const int MaxAge = 150;
    private const int MaxRegionChars = 48;

    /// <summary>Initializes a new instance of the <see cref="Generalisation"/> class.</summary>
    /// <param name="level">What values are generalised to.</param>
    /// <param name="bandWidth">The width of an age band in years (2 to 150); used by <see cref="GeneraliseLevel.AgeBand"/> only.</param>
    /// <exception cref="ArgumentOutOfRangeException">The level is unknown or the width out of range.</exception>
    public Generalisation(GeneraliseLevel level, int bandWidth = DefaultBandWidth)
    {
        if (!Enum.IsDefined(level))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "Unknown generalisation level.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(bandWidth, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bandWidth, MaxAge);
        (Level, BandWidth) = (level, bandWidth);
    }

    /// <summary>Gets what values are generalised to.</summary>
    public GeneraliseLevel Level { get; }

    /// <summary>Gets the width of an age band in years.</summary>
    public int BandWidth { get; }

    /// <inheritdoc/>
    public override Protection Protection => Protection.Generalised;

    /// <inheritdoc/>
    public override int GetMaxOutputLength(ReadOnlySpan<char> input) => Math.Max(input.Length, MaxRegionChars);

    /// <inheritdoc/>
    public override bool TryApply(ReadOnlySpan<char> input, Span<char> destination, out int written)
    {
        CheckDestination(input, destination);
        ReadOnlySpan<char> value = input.Trim();
        string? output = Level switch
        {
            GeneraliseLevel.Month or GeneraliseLevel.Year or GeneraliseLevel.Decade when TryReadDate(value, out int year, out int month) =>
                Level switch
                {
                    GeneraliseLevel.Month when month > 0 => Invariant($"{year:D4}-{month:D2}"),
                    GeneraliseLevel.Month => null,
                    GeneraliseLevel.Year => Invariant($"{year:D4}"),
                    _ => Invariant($"{year / 10 * 10:D4}-{(year / 10 * 10) + 9:D4}"),
                },
            GeneraliseLevel.AgeBand when TryReadAge(value, out int age) =>
                Invariant($"{age / BandWidth * BandWidth}-{(age / BandWidth * BandWidth) + BandWidth - 1}"),
            GeneraliseLevel.District or GeneraliseLevel.City or GeneraliseLevel.Province when IdentityNumber.IsShaped(value) =>
                IdentityNumber.Region(value, Level),
            GeneraliseLevel.District or GeneraliseLevel.City or GeneraliseLevel.Province => Address(value, Level),
            GeneraliseLevel.RegionAndBirthYear or GeneraliseLevel.ProvinceAndBirthYear => RegionAndYear(value, Level),
            _ => null,
        };

        // Year also reads an ID number (the birth year) and a region with a birth year (江苏省 1963).
        if (output is null && Level == GeneraliseLevel.Year)
        {
            int space = value.LastIndexOf(' ');
            output = IdentityNumber.IsShaped(value) ? Invariant($"{IdentityNumber.BirthYear(value):D4}")
                : space > 0 && value.Length - space - 1 == 4 && IsDigits(value[(space + 1)..]) ? value[(space + 1)..].ToString()
                : null;
        }

        written = 0;
        if (output is null)
        {
            return false;
        }

        output.CopyTo(destination);
        written = output.Length;
        return true;
    }

    /// <summary>Returns <see langword="true"/> when a value generalised to <paramref name="finer"/> can be generalised further to <paramref name="coarser"/>.</summary>
    public static bool IsCoarser(GeneraliseLevel finer, GeneraliseLevel coarser) => (finer, coarser) switch
    {
        (GeneraliseLevel.Month, GeneraliseLevel.Year or GeneraliseLevel.Decade) => true,
        (GeneraliseLevel.Year, GeneraliseLevel.Decade) => true,
        (GeneraliseLevel.District, GeneraliseLevel.City or GeneraliseLevel.Province) => true,
        (GeneraliseLevel.City, GeneraliseLevel.Province) => true,
        (GeneraliseLevel.RegionAndBirthYear, GeneraliseLevel.ProvinceAndBirthYear or GeneraliseLevel.City or GeneraliseLevel.Province or GeneraliseLevel.Year) => true,
        (GeneraliseLevel.ProvinceAndBirthYear, GeneraliseLevel.Province or GeneraliseLevel.Year) => true,
        _ => false,
    };

    /// <summary>Reads a date (<c>1990-08-23</c>, <c>1990/8/23</c>, <c>19900823</c>, <c>1990年8月23日</c>, a timestamp), a month (<c>1990-08</c>), a year or a decade (<c>1990-1999</c>).</summary>
    internal static bool TryReadDate(ReadOnlySpan<char> value, out int year, out int month)
    {
        year = 0;
        month = 0;
        if (value.Length < 4 || !IsDigits(value[..4]))
        {
            return false;
        }

        year = Number(value[..4]);
        ReadOnlySpan<char> rest = value[4..];
        if (rest.IsEmpty)
        {
            return true;
        }

        // A decade as this operator writes it.
        if (rest.Length == 5 && rest[0] == '-' && IsDigits(rest[1..]) && year % 10 == 0 && Number(rest[1..]) == year + 9)
        {
            return true;
        }

        // Compact YYYYMMDD.
        if (rest.Length == 4 && IsDigits(rest))
        {
            month = Number(rest[..2]);
            int day = Number(rest[2..]);
            return month is >= 1 and <= 12 && day is >= 1 and <= 31;
        }

        if (rest[0] is not ('-' or '/' or '.' or '年'))
        {
            return false;
        }

        rest = rest[1..];
        int monthDigits = rest.IndexOfAnyExceptInRange('0', '9') is var end and >= 0 ? end : rest.Length;
        if (monthDigits is < 1 or > 2)
        {
            return false;
        }

        month = Number(rest[..monthDigits]);
        if (month is < 1 or > 12)
        {
            return false;
        }

        rest = rest[monthDigits..];
        if (rest.IsEmpty || rest is "月")
        {
            return true;
        }

        if (rest[0] is not ('-' or '/' or '.' or '月'))
        {
            return false;
        }

        rest = rest[1..];
        int dayDigits = rest.IndexOfAnyExceptInRange('0', '9') is var dayEnd and >= 0 ? dayEnd : rest.Length;
        if (dayDigits is < 1 or > 2 || Number(rest[..dayDigits]) is < 1 or > 31)
        {
            return false;
        }

        // Whatever follows the day (日, a time, an offset) is finer than a month and does not matter.
        rest = rest[dayDigits..];
        return rest.IsEmpty || rest[0] is '日' or 'T' or 't' or ' ';
    }

    // An age in whole years (34, 34岁, 34.5), or a band as this operator writes it (30-39).
    private static bool TryReadAge(ReadOnlySpan<char> value, out int age)
    {
        age = 0;
        if (value.EndsWith("岁"))
        {
            value = value[..^1];
        }

        int dash = value.IndexOf('-');
        if (dash > 0)
        {
            ReadOnlySpan<char> low = value[..dash];
            ReadOnlySpan<char> high = value[(dash + 1)..];
            if (!IsDigits(low) || !IsDigits(high) || low.Length > 3 || high.Length > 3 || Number(high) < Number(low))
            {
                return false;
            }

            age = Number(low);
            return age <= MaxAge;
        }

        int dot = value.IndexOf('.');
        ReadOnlySpan<char> whole = dot >= 0 ? value[..dot] : value;
        if (whole.IsEmpty || whole.Length > 3 || !IsDigits(whole) || (dot >= 0 && !IsDigits(value[(dot + 1)..])))
        {
            return false;
        }

        age = Number(whole);
        return age <= MaxAge;
    }

    private static string? Address(ReadOnlySpan<char> value, GeneraliseLevel level)
    {
        DivisionLevel target = ToDivisionLevel(level);
        byte[] utf8 = Encoding.UTF8.GetBytes(value.ToString());
        int code = DivisionNames.Resolve(utf8, out _);
        if (code != 0)
        {
            return DivisionNames.Region(code, target);
        }

        return CutAtMarker(value, target);
    }

    // The divisions are not in the table: keep the text up to the marker of the level (the province's 省 or 自治区, the city's 市, the district's 区 or 县).
    private static string? CutAtMarker(ReadOnlySpan<char> value, DivisionLevel target)
    {
        int provinceEnd = EndAfter(value, 0, "省", "自治区");
        int cityEnd = EndAfter(value, Math.Max(provinceEnd, 0), "市", "自治州", "地区", "盟");
        int districtEnd = EndAfter(value, Math.Max(Math.Max(provinceEnd, cityEnd), 0), "区", "县", "旗");
        int end = target switch
        {
            DivisionLevel.Province => provinceEnd > 0 ? provinceEnd : cityEnd,
            DivisionLevel.City => cityEnd > 0 ? cityEnd : provinceEnd,
            _ => districtEnd > 0 ? districtEnd : cityEnd > 0 ? cityEnd : provinceEnd,
        };
        return end > 0 ? value[..end].ToString() : null;
    }

    private static int EndAfter(ReadOnlySpan<char> value, int from, params ReadOnlySpan<string> markers)
    {
        const int MaxDivisionChars = 12;
        int best = -1;
        foreach (string marker in markers)
        {
            int at = value[from..].IndexOf(marker, StringComparison.Ordinal);
            if (at >= 1 && at + marker.Length <= MaxDivisionChars && (best < 0 || from + at + marker.Length < best))
            {
                best = from + at + marker.Length;
            }
        }

        return best;
    }

    private static string? RegionAndYear(ReadOnlySpan<char> value, GeneraliseLevel level)
    {
        DivisionLevel target = level == GeneraliseLevel.RegionAndBirthYear ? DivisionLevel.City : DivisionLevel.Province;
        if (IdentityNumber.IsShaped(value))
        {
            return IdentityNumber.Region(value, level) is { } region ? Invariant($"{region} {IdentityNumber.BirthYear(value):D4}") : null;
        }

        // A finer output of this operator: a region, a space and a year.
        int space = value.LastIndexOf(' ');
        if (space <= 0 || value.Length - space - 1 != 4 || !IsDigits(value[(space + 1)..]))
        {
            return null;
        }

        return Address(value[..space], target == DivisionLevel.City ? GeneraliseLevel.City : GeneraliseLevel.Province) is { } generalised
            ? string.Concat(generalised, value[space..])
            : null;
    }

    private static DivisionLevel ToDivisionLevel(GeneraliseLevel level) => level switch
    {
        GeneraliseLevel.Province or GeneraliseLevel.ProvinceAndBirthYear => DivisionLevel.Province,
        GeneraliseLevel.City or GeneraliseLevel.RegionAndBirthYear => DivisionLevel.City,
        _ => DivisionLevel.County,
    };

    private static bool IsDigits(ReadOnlySpan<char> value) => !value.IsEmpty && !value.ContainsAnyExceptInRange('0', '9');

    private static int Number(ReadOnlySpan<char> digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>The parts of a resident ID number the generalisers keep: the region and the birth year.</summary>
    private static class IdentityNumber
    {
        // 18 characters (17 digits and a digit or X) or 15 digits.
        public static bool IsShaped(ReadOnlySpan<char> value) =>
            (value.Length == 18 && IsDigits(value[..17]) && (char.IsAsciiDigit(value[17]) || value[17] is 'X' or 'x'))
            || (value.Length == 15 && IsDigits(value));

        public static string? Region(ReadOnlySpan<char> value, GeneraliseLevel level) =>
            DivisionNames.Region(Number(value[..6]), ToDivisionLevel(level));

        public static int BirthYear(ReadOnlySpan<char> value) =>
            value.Length == 18 ? Number(value.Slice(6, 4)) : 1900 + Number(value.Slice(6, 2));
    }
}
