using System.Globalization;
using System.Numerics;

namespace Outbound.Deidentification;

/// <summary>
/// Makes a coordinate coarse (<c>coarsen</c>): rounds latitude and longitude to a number of decimals, or moves the
/// point to the centre of its grid cell of a given size in metres. Takes one value (a latitude or a longitude) or a
/// pair (<c>31.2304, 121.4737</c>, <c>[121.4737,31.2304]</c>), and writes WGS-84.
/// </summary>
/// <remarks>
/// <para>
/// <b>Datum.</b> Input declared as GCJ-02 is converted to WGS-84 first (the public transform), so output is always
/// WGS-84 whatever the input's datum. The conversion needs both halves of a point: a lone GCJ-02 latitude or
/// longitude is declined (a <c>RecordTransformer</c> pairs the latitude and longitude fields of a record first).
/// </para>
/// <para>
/// <b>Which number is which.</b> As the detection engine reads them: a pair is latitude first unless the first value
/// is above 60 and the second below (GeoJSON's longitude-first order), since mainland latitudes lie below 55° and
/// longitudes above 73°; a lone value above 60 is a longitude.
/// </para>
/// <para>
/// <b>Grid.</b> Rows are <see cref="CellMetres"/> high on a sphere of mean radius 6,371,008.8 m; a row's cells are
/// as wide in metres at the row's middle latitude. A lone longitude has no row, so its cells are sized at 55° north,
/// where they are narrowest in degrees: at least the cell size wide anywhere in mainland China. Output is the cell's
/// centre.
/// </para>
/// <para>
/// <b>Protection.</b> At most <see cref="AnonymousMaxDecimals"/> decimals (about 1.1 km) or cells of at least
/// <see cref="AnonymousMinCellMetres"/> m anonymise a location; finer output is only de-identified (it remains precise
/// location, GB/T 35273). Instances are immutable and thread-safe.
/// </para>
/// </remarks>
[System.Runtime.CompilerServices.SkipLocalsInit]
public sealed class LocationCoarsening : Transform
{
    /// <summary>The most decimals that still anonymise: 0.01° is about 1.1 km of latitude.</summary>
    public const int AnonymousMaxDecimals = 2;

    /// <summary>The smallest grid cell that anonymises, in metres.</summary>
    public const int AnonymousMinCellMetres = 1000;

    /// <summary>The most decimals accepted (about 11 cm).</summary>
    public const int MaxDecimals = 6;

    /// <summary>The smallest grid cell accepted, in metres.</summary>
    public const int MinCellMetres = 10;

    /// <summary>The largest grid cell accepted, in metres.</summary>
    public const int MaxCellMetres = 1_000_000;

    // 2πR / 360 on the mean Earth radius R = 6,371,008.8 m (IUGG).
    private const double MetresPerDegree = 111_195.0797;

    // A lone longitude's cells are sized where degrees of longitude are shortest in mainland China (it ends near 53.6° N).
    private const double LoneLongitudeLatitude = 55.0;

    private const double LatitudeBelow = 60.0;
    private const int MaxTextChars = 64;

    // 10^0 to 10^15, each exact as a double.
    private static readonly double[] PowersOfTen = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    // Longest number rounded from its text without a decimal: well within decimal's 28 digits.
    private const int MaxExactChars = 20;

    private readonly string _format;

    private LocationCoarsening(int? decimals, int? cellMetres, GeodeticDatum datum)
    {
        if (!Enum.IsDefined(datum))
        {
            throw new ArgumentOutOfRangeException(nameof(datum), datum, "Unknown datum.");
        }

        (Decimals, CellMetres, Datum) = (decimals, cellMetres, datum);
        _format = "F" + (decimals ?? GridDecimals()).ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Gets the decimals kept, or <see langword="null"/> for a grid.</summary>
    public int? Decimals { get; }

    /// <summary>Gets the size of a grid cell in metres, or <see langword="null"/> when rounding to decimals.</summary>
    public int? CellMetres { get; }

    /// <summary>Gets the datum the input is in; output is WGS-84.</summary>
    public GeodeticDatum Datum { get; }

    /// <inheritdoc/>
    public override Protection Protection =>
        Decimals <= AnonymousMaxDecimals || CellMetres >= AnonymousMinCellMetres ? Protection.Anonymised : Protection.Deidentified;

    /// <summary>Returns a coarsening that rounds to <paramref name="decimals"/> decimals.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is not 0 to 6.</exception>
    public static LocationCoarsening ToDecimals(int decimals, GeodeticDatum datum = GeodeticDatum.Wgs84)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(decimals);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(decimals, MaxDecimals);
        return new LocationCoarsening(decimals, null, datum);
    }

    /// <summary>Returns a coarsening that snaps to the centres of grid cells <paramref name="cellMetres"/> metres across.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cellMetres"/> is not 10 to 1,000,000.</exception>
    public static LocationCoarsening ToGrid(int cellMetres, GeodeticDatum datum = GeodeticDatum.Wgs84)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(cellMetres, MinCellMetres);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cellMetres, MaxCellMetres);
        return new LocationCoarsening(null, cellMetres, datum);
    }

    /// <inheritdoc/>
    public override int GetMaxOutputLength(ReadOnlySpan<char> input) => input.Length + MaxTextChars;

    /// <inheritdoc/>
    public override bool TryApply(ReadOnlySpan<char> input, Span<char> destination, out int written)
    {
        CheckDestination(input, destination);
        written = 0;
        Span<Range> numbers = stackalloc Range[3];
        int count = FindNumbers(input, numbers);
        if (count is < 1 or > 2)
        {
            return false;
        }

        Span<double> values = stackalloc double[2];
        for (int i = 0; i < count; i++)
        {
            values[i] = ParseNumber(input[numbers[i]]);
        }

        Span<char> first = stackalloc char[MaxTextChars];
        Span<char> second = stackalloc char[MaxTextChars];
        int firstLength;
        int secondLength = 0;
        if (count == 2)
        {
            bool longitudeFirst = Math.Abs(values[0]) > 90 || (values[0] > LatitudeBelow && values[1] < LatitudeBelow);
            double latitude = longitudeFirst ? values[1] : values[0];
            double longitude = longitudeFirst ? values[0] : values[1];
            if (!TryCoarsen(latitude, longitude, out double lat, out double lon))
            {
                return false;
            }

            firstLength = Format(longitudeFirst ? lon : lat, first);
            secondLength = Format(longitudeFirst ? lat : lon, second);
        }
        else if (!TryCoarsenLone(values[0], IsLongitude(values[0]), input[numbers[0]], first, out firstLength))
        {
            return false;
        }

        var text = new CharWriter(destination);
        text.Append(input[..numbers[0].Start.Value]);
        text.Append(first[..firstLength]);
        if (count == 2)
        {
            text.Append(input[numbers[0].End.Value..numbers[1].Start.Value]);
            text.Append(second[..secondLength]);
        }

        text.Append(input[numbers[count - 1].End.Value..]);
        written = text.Length;
        return true;
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Reads a lone WGS-84 value rounded to decimals, written as plain decimal text of at most 15 digits (what
    /// <see cref="ParseNumber"/> reads exactly and <see cref="TryRoundText"/> rounds); anything else goes by characters.
    /// </remarks>
    internal override bool TryApplyUtf8(ReadOnlySpan<byte> input, Span<byte> destination, out int written)
    {
        const int MaxExactDigits = 15;
        written = 0;
        int point = input.IndexOf((byte)'.');
        ReadOnlySpan<byte> whole = point < 0 ? input : input[..point];
        ReadOnlySpan<byte> fraction = point < 0 ? [] : input[(point + 1)..];
        if (Decimals is not { } decimals || Datum != GeodeticDatum.Wgs84
            || whole.IsEmpty || (point >= 0 && fraction.IsEmpty) || whole.Length + fraction.Length > MaxExactDigits
            || whole.ContainsAnyExceptInRange((byte)'0', (byte)'9') || fraction.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return false;
        }

        // What TryCoarsenLone does, on the bytes: the value and its range, then the rounding of the text.
        if (!TryParseExact(input, out double value) || !IsInRange(value, IsLongitude(value)))
        {
            return false;
        }

        if (TryRoundText(input, decimals, destination, out written))
        {
            return true;
        }

        // Text the rounding does not take (a leading zero) goes by characters.
        Span<char> text = stackalloc char[MaxExactDigits + 1];
        int length = System.Text.Encoding.ASCII.GetChars(input, text);
        Span<char> output = stackalloc char[MaxTextChars];
        if (!TryCoarsenLone(value, IsLongitude(value), text[..length], output, out int outputLength))
        {
            return false;
        }

        written = System.Text.Encoding.ASCII.GetBytes(output[..outputLength], destination);
        return true;
    }

    /// <inheritdoc/>
    internal override int GetMaxUtf8OutputLength(int inputLength) => inputLength + MaxTextChars;

    /// <summary>Returns <see langword="true"/> when a lone value is read as a longitude.</summary>
    internal static bool IsLongitude(double value) => Math.Abs(value) > 90 || value > LatitudeBelow;

    /// <summary>Coarsens a point given in <see cref="Datum"/>; the result is WGS-84.</summary>
    /// <returns><see langword="false"/> when the point is out of range.</returns>
    internal bool TryCoarsen(double latitude, double longitude, out double coarseLatitude, out double coarseLongitude)
    {
        coarseLatitude = coarseLongitude = 0;
        if (!IsLatitude(latitude) || !IsLongitudeValue(longitude))
        {
            return false;
        }

        if (Datum == GeodeticDatum.Gcj02)
        {
            (latitude, longitude) = Gcj02.ToWgs84(latitude, longitude);
        }

        if (Decimals is { } decimals)
        {
            coarseLatitude = Round(latitude, decimals);
            coarseLongitude = Round(longitude, decimals);
            return true;
        }

        coarseLatitude = SnapLatitude(latitude);
        coarseLongitude = SnapLongitude(longitude, coarseLatitude);
        return true;
    }

    /// <summary>Coarsens a lone latitude or longitude; declined for GCJ-02, which needs the whole point.</summary>
    internal bool TryCoarsenLone(double value, bool longitude, ReadOnlySpan<char> written, out string output)
    {
        Span<char> buffer = stackalloc char[MaxTextChars];
        bool coarsened = TryCoarsenLone(value, longitude, written, buffer, out int length);
        output = coarsened ? new string(buffer[..length]) : "";
        return coarsened;
    }

    /// <summary>Formats a coarsened latitude with the decimals its precision needs.</summary>
    internal string FormatLatitude(double value) => value.ToString(_format, CultureInfo.InvariantCulture);

    /// <summary>Formats a coarsened longitude with the decimals its precision needs.</summary>
    internal string FormatLongitude(double value) => value.ToString(_format, CultureInfo.InvariantCulture);

    // Coarsens a lone value into `output` (MaxTextChars long).
    private bool TryCoarsenLone(double value, bool longitude, ReadOnlySpan<char> written, Span<char> output, out int length)
    {
        length = 0;
        if (Datum == GeodeticDatum.Gcj02 || !IsInRange(value, longitude))
        {
            return false;
        }

        if (Decimals is { } decimals)
        {
            // Rounded from the text itself, so 36.645 is exactly half-way, as written.
            if (TryRoundText(written, decimals, output, out length))
            {
                return true;
            }

            if (decimal.TryParse(written, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out decimal exact))
            {
                return decimal.Round(exact, decimals, MidpointRounding.AwayFromZero).TryFormat(output, out length, _format, CultureInfo.InvariantCulture)
                    || Overflow();
            }

            length = Format(Round(value, decimals), output);
            return true;
        }

        length = Format(longitude ? SnapLongitude(value, LoneLongitudeLatitude) : SnapLatitude(value), output);
        return true;
    }

    // Rounds plain decimal text (digits, an optional fraction, no sign, no leading zero) half away from zero, as a
    // decimal would, and writes it with exactly `decimals` decimals; false for any other text, which goes through decimal.
    // The text is characters, or UTF-8 bytes (ASCII, as digits and points are).
    private static bool TryRoundText<T>(ReadOnlySpan<T> text, int decimals, Span<T> output, out int length)
        where T : unmanaged, IBinaryInteger<T>
    {
        T zero = T.CreateTruncating('0');
        T nine = T.CreateTruncating('9');
        length = 0;
        int point = text.IndexOf(T.CreateTruncating('.'));
        ReadOnlySpan<T> whole = point < 0 ? text : text[..point];
        ReadOnlySpan<T> fraction = point < 0 ? [] : text[(point + 1)..];
        if (text.Length > MaxExactChars || whole.IsEmpty || (whole.Length > 1 && whole[0] == zero)
            || whole.ContainsAnyExceptInRange(zero, nine) || fraction.ContainsAnyExceptInRange(zero, nine))
        {
            return false;
        }

        // The kept digits, whole and fraction, with a spare place in front for a carry.
        Span<T> digits = stackalloc T[MaxExactChars + MaxDecimals + 1];
        digits[0] = zero;
        whole.CopyTo(digits[1..]);
        int kept = Math.Min(fraction.Length, decimals);
        fraction[..kept].CopyTo(digits[(1 + whole.Length)..]);
        digits.Slice(1 + whole.Length + kept, decimals - kept).Fill(zero);
        int end = 1 + whole.Length + decimals;
        if (fraction.Length > decimals && fraction[decimals] >= T.CreateTruncating('5'))
        {
            int i = end - 1;
            while (digits[i] == nine)
            {
                digits[i--] = zero;
            }

            digits[i] += T.One;
        }

        int start = digits[0] == zero ? 1 : 0;
        int wholeDigits = end - decimals - start;
        digits.Slice(start, wholeDigits).CopyTo(output);
        length = wholeDigits;
        if (decimals > 0)
        {
            output[length++] = T.CreateTruncating('.');
            digits.Slice(end - decimals, decimals).CopyTo(output[length..]);
            length += decimals;
        }

        return true;
    }

    private static bool Overflow() => throw new InvalidOperationException("A coarsened coordinate is longer than expected.");

    private int Format(double value, Span<char> output)
    {
        if (!value.TryFormat(output, out int length, _format, CultureInfo.InvariantCulture))
        {
            Overflow();
        }

        return length;
    }

    // Enough decimals to tell neighbouring cell centres apart: one more than the cell's size in degrees needs.
    private int GridDecimals() =>
        Math.Clamp((int)Math.Ceiling(-Math.Log10(CellMetres!.Value / MetresPerDegree)) + 1, 0, 7);

    private double SnapLatitude(double latitude)
    {
        double cell = CellMetres!.Value / MetresPerDegree;
        return Math.Clamp((Math.Floor(latitude / cell) + 0.5) * cell, -90, 90);
    }

    private double SnapLongitude(double longitude, double atLatitude)
    {
        double cosine = Math.Cos(Math.Clamp(atLatitude, -89.0, 89.0) * Math.PI / 180.0);
        double cell = CellMetres!.Value / (MetresPerDegree * cosine);
        return Math.Clamp((Math.Floor(longitude / cell) + 0.5) * cell, -180, 180);
    }

    private static double Round(double value, int decimals) =>
        (double)decimal.Round((decimal)value, decimals, MidpointRounding.AwayFromZero);

    private static bool IsLatitude(double value) => value is >= -90 and <= 90;

    private static bool IsLongitudeValue(double value) => value is >= -180 and <= 180;

    private static bool IsInRange(double value, bool longitude) => longitude ? IsLongitudeValue(value) : IsLatitude(value);

    /// <summary>Returns the value of a number <see cref="FindNumbers"/> found: an optional minus, digits, and optionally a point and digits.</summary>
    /// <remarks>
    /// Exactly what <see cref="double.Parse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?)"/> gives, faster for
    /// coordinates: with at most 15 digits both the digits and the power of ten are exact doubles, so
    /// one correctly rounded division gives the correctly rounded value. Anything else goes to <see cref="double.Parse(ReadOnlySpan{char}, NumberStyles, IFormatProvider?)"/>.
    /// </remarks>
    internal static double ParseNumber(ReadOnlySpan<char> number) =>
        TryParseExact(number, out double value)
            ? value
            : double.Parse(number, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);

    // The work of ParseNumber, on characters or on UTF-8 bytes: false for a number it does not read exactly.
    private static bool TryParseExact<T>(ReadOnlySpan<T> number, out double value)
        where T : unmanaged, IBinaryInteger<T>
    {
        const int MaxExactDigits = 15;
        value = 0;
        bool negative = !number.IsEmpty && number[0] == T.CreateTruncating('-');
        ulong digits = 0;
        int count = 0;
        int decimals = -1;
        for (int i = negative ? 1 : 0; i < number.Length; i++)
        {
            uint c = uint.CreateTruncating(number[i]);
            if (c == '.' && decimals < 0)
            {
                decimals = 0;
                continue;
            }

            uint digit = unchecked(c - '0');
            if (digit > 9 || ++count > MaxExactDigits)
            {
                return false;
            }

            digits = (digits * 10) + digit;
            decimals += decimals >= 0 ? 1 : 0;
        }

        if (count == 0)
        {
            return false;
        }

        double parsed = decimals > 0 ? digits / PowersOfTen[decimals] : digits;
        value = negative ? -parsed : parsed;
        return true;
    }

    /// <summary>Finds decimal numbers (optional minus, digits, optional fraction) in the text; records at most as many as <paramref name="numbers"/> holds.</summary>
    internal static int FindNumbers(ReadOnlySpan<char> text, Span<Range> numbers)
    {
        int count = 0;
        int i = 0;
        while (i < text.Length && count < numbers.Length)
        {
            int start = i;
            int j = text[i] == '-' ? i + 1 : i;
            if (j >= text.Length || !char.IsAsciiDigit(text[j]))
            {
                i++;
                continue;
            }

            while (j < text.Length && char.IsAsciiDigit(text[j]))
            {
                j++;
            }

            if (j + 1 < text.Length && text[j] == '.' && char.IsAsciiDigit(text[j + 1]))
            {
                j++;
                while (j < text.Length && char.IsAsciiDigit(text[j]))
                {
                    j++;
                }
            }

            numbers[count++] = start..j;
            i = j;
        }

        return count;
    }
}
