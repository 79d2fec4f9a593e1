using System.Runtime.CompilerServices;

namespace Outbound.Detection.Recognizers;

/// <summary>Reads decimal degrees and the latitude/longitude keys around them in UTF-8 text.</summary>
/// <remarks>Thread-safe and allocation-free.</remarks>
internal static class GpsCoordinateRules
{
    /// <summary>The fewest decimals a value needs to be reported without a field hint (about 110 m).</summary>
    public const int MinimumDecimals = 3;

    /// <summary>The fewest decimals for a precise location (about 11 m; GB/T 35273 treats precise location as sensitive).</summary>
    public const int PreciseDecimals = 4;

    // Mainland China spans about 18.2°–53.6° N and 73.5°–134.8° E; the ranges are a little wider.
    private const double SouthernmostLatitude = 15;
    private const double NorthernmostLatitude = 54;
    private const double WesternmostLongitude = 73;
    private const double EasternmostLongitude = 136;

    private const int MaxIntegerDigits = 3;
    private const int MaxValueDecimals = 15;

    /// <summary>Gets 10⁰ to 10¹⁵, the scale of a fraction of up to <see cref="MaxValueDecimals"/> digits.</summary>
    private static ReadOnlySpan<long> PowersOfTen =>
    [
        1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
        10_000_000_000L, 100_000_000_000L, 1_000_000_000_000L, 10_000_000_000_000L, 100_000_000_000_000L, 1_000_000_000_000_000L,
    ];
    private const int MaxKeyLength = 24;

    private static readonly int Latitude = RecognizerBytes.Utf8KeyOf('纬');
    private static readonly int Longitude = RecognizerBytes.Utf8KeyOf('经');
    private static readonly int Degree = RecognizerBytes.Utf8KeyOf('度');

    /// <summary>What a key before a value says it is.</summary>
    public enum Key
    {
        /// <summary>No latitude or longitude key.</summary>
        None,

        /// <summary><c>lat</c>, <c>latitude</c>, <c>纬度</c>, …</summary>
        Latitude,

        /// <summary><c>lng</c>, <c>lon</c>, <c>long</c>, <c>longitude</c>, <c>经度</c>, …</summary>
        Longitude,
    }

    /// <summary>Returns <see langword="true"/> when <paramref name="value"/> is within mainland China's span of latitudes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLatitude(double value) => value is >= SouthernmostLatitude and <= NorthernmostLatitude;

    /// <summary>Returns <see langword="true"/> when <paramref name="value"/> is within mainland China's span of longitudes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLongitude(double value) => value is >= WesternmostLongitude and <= EasternmostLongitude;

    /// <summary>Parses a decimal number with one to three integer digits and at least one decimal at <paramref name="start"/>.</summary>
    public static bool TryParseDecimal(ReadOnlySpan<byte> text, int start, out int end, out double value, out int decimals)
    {
        unchecked
        {
            // One pass: the digits are read and added up at once.
            end = start;
            value = 0;
            decimals = 0;
            int i = start;
            int whole = 0;
            for (uint digit; i < text.Length && i - start <= MaxIntegerDigits && (digit = (uint)(text[i] - '0')) <= 9; i++)
            {
                whole = (whole * 10) + (int)digit;
            }

            if (i == start || i - start > MaxIntegerDigits || RecognizerBytes.At(text, i) != '.')
            {
                return false;
            }

            int point = ++i;
            long fraction = 0;
            for (uint digit; i < text.Length && (digit = (uint)(text[i] - '0')) <= 9; i++)
            {
                // At most 15 digits are used: no overflow.
                if (i - point < MaxValueDecimals)
                {
                    fraction = (fraction * 10) + digit;
                }
            }

            decimals = i - point;
            if (decimals == 0)
            {
                return false;
            }

            value = whole + ((double)fraction / PowersOfTen[Math.Min(decimals, MaxValueDecimals)]);
            end = i;
            return true;
        }
    }

    /// <summary>Returns the key just before <paramref name="start"/> (past quotes, colons, equals signs and spaces) and where that key starts.</summary>
    public static Key KeyBefore(ReadOnlySpan<byte> text, int start, out int keyStart)
    {
        keyStart = start;
        int index = SkipBackward(text, start - 1, allowComma: false);
        if (index < 0)
        {
            return Key.None;
        }

        if (text[index] >= 0x80)
        {
            // 纬度 / 经度, possibly as the end of a longer key (GPS纬度).
            if (index >= 5 && RecognizerBytes.Utf8Key(text, index - 2) == Degree)
            {
                int kind = RecognizerBytes.Utf8Key(text, index - 5);
                keyStart = index - 5;
                return kind == Latitude ? Key.Latitude : kind == Longitude ? Key.Longitude : Key.None;
            }

            return Key.None;
        }

        int wordEnd = index + 1;
        int tokenStart = wordEnd;
        while (tokenStart > 0 && wordEnd - tokenStart < MaxKeyLength && IsKeyCharacter(text[tokenStart - 1]))
        {
            tokenStart--;
        }

        keyStart = tokenStart;
        return Classify(text[tokenStart..wordEnd]);
    }

    /// <summary>
    /// Looks for the other half of a keyed pair after the value ending at <paramref name="end"/>: a comma, a key of the
    /// <paramref name="wanted"/> kind and its value (<c>, "lng": 121.4737</c>).
    /// </summary>
    public static bool TryFindPartnerAfter(ReadOnlySpan<byte> text, int end, Key wanted, out double value, out int decimals)
    {
        value = 0;
        decimals = 0;
        int index = SkipForward(text, end, allowComma: true, out bool sawComma);
        if (!sawComma)
        {
            return false;
        }

        int keyStart = index;
        while (index - keyStart < MaxKeyLength && IsKeyCharacter(RecognizerBytes.At(text, index)))
        {
            index++;
        }

        if (index == keyStart)
        {
            // 纬度 / 经度.
            if (!RecognizerBytes.CharAt(text, index + 3, Degree))
            {
                return false;
            }

            int kind = RecognizerBytes.Utf8Key(text, index);
            if ((wanted == Key.Latitude && kind != Latitude) || (wanted == Key.Longitude && kind != Longitude))
            {
                return false;
            }

            index += 6;
        }
        else if (Classify(text[keyStart..index]) != wanted)
        {
            return false;
        }

        index = SkipForward(text, index, allowComma: false, out _);
        return RecognizerBytes.IsClearBefore(text, index)
            && TryParseDecimal(text, index, out int partnerEnd, out value, out decimals)
            && RecognizerBytes.IsClearAfter(text, partnerEnd);
    }

    /// <summary>Looks for the other half of a keyed pair before the key starting at <paramref name="keyStart"/> (<c>"lat": 31.2304, </c>).</summary>
    public static bool TryFindPartnerBefore(ReadOnlySpan<byte> text, int keyStart, Key wanted, out double value, out int decimals)
    {
        value = 0;
        decimals = 0;
        int last = SkipBackward(text, keyStart - 1, allowComma: true);
        if (last < 0 || !RecognizerBytes.IsDigit(text[last]))
        {
            return false;
        }

        int start = last;
        while (start > 0 && (RecognizerBytes.IsDigit(text[start - 1]) || text[start - 1] == '.') && last - start < 20)
        {
            start--;
        }

        return RecognizerBytes.IsClearBefore(text, start)
            && TryParseDecimal(text, start, out int end, out value, out decimals)
            && end == last + 1
            && KeyBefore(text, start, out _) == wanted;
    }

    private static Key Classify(ReadOnlySpan<byte> token)
    {
        // The last part of the key counts: gps_lat, location.lng, startLat.
        int partStart = token.Length;
        while (partStart > 0 && RecognizerBytes.IsLetter(token[partStart - 1]))
        {
            partStart--;
            if (token[partStart] is >= (byte)'A' and <= (byte)'Z' && partStart > 0 && token[partStart - 1] is >= (byte)'a' and <= (byte)'z')
            {
                break;
            }
        }

        ReadOnlySpan<byte> part = token[partStart..];
        if (System.Text.Ascii.EqualsIgnoreCase(part, "lat") || System.Text.Ascii.EqualsIgnoreCase(part, "latitude"))
        {
            return Key.Latitude;
        }

        return System.Text.Ascii.EqualsIgnoreCase(part, "lng") || System.Text.Ascii.EqualsIgnoreCase(part, "lon") || System.Text.Ascii.EqualsIgnoreCase(part, "long") || System.Text.Ascii.EqualsIgnoreCase(part, "longitude")
            ? Key.Longitude
            : Key.None;
    }

    private static bool IsKeyCharacter(byte value) => RecognizerBytes.IsLetterOrDigit(value) || value is (byte)'_' or (byte)'.';

    private static int SkipBackward(ReadOnlySpan<byte> text, int index, bool allowComma)
    {
        for (int skipped = 0; index >= 0 && skipped < 6; skipped++)
        {
            byte value = text[index];
            if (value is (byte)' ' or (byte)'"' or (byte)'\'' or (byte)'\t' || (!allowComma && value is (byte)':' or (byte)'=') || (allowComma && value == ','))
            {
                index--;
            }
            else if (index >= 2 && RecognizerBytes.Utf8Key(text, index - 2) == (allowComma ? 0xEFBC8C : 0xEFBC9A))
            {
                // A full-width comma (，) or colon (：).
                index -= 3;
            }
            else
            {
                break;
            }
        }

        return index;
    }

    private static int SkipForward(ReadOnlySpan<byte> text, int index, bool allowComma, out bool sawComma)
    {
        sawComma = false;
        for (int skipped = 0; index < text.Length && skipped < 6; skipped++)
        {
            byte value = text[index];
            if (value is (byte)' ' or (byte)'"' or (byte)'\'' or (byte)'\t' || (!allowComma && value is (byte)':' or (byte)'='))
            {
                index++;
            }
            else if (allowComma && value == ',')
            {
                sawComma = true;
                index++;
            }
            else if (index + 3 <= text.Length && RecognizerBytes.Utf8Key(text, index) == (allowComma ? 0xEFBC8C : 0xEFBC9A))
            {
                sawComma |= allowComma;
                index += 3;
            }
            else
            {
                break;
            }
        }

        return index;
    }
}
