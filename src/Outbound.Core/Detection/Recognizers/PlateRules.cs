using System.Runtime.CompilerServices;

namespace Outbound.Detection.Recognizers;

/// <summary>The characters of motor-vehicle number plates (机动车号牌) under GA 36-2018.</summary>
/// <remarks>Thread-safe.</remarks>
internal static class PlateRules
{
    /// <summary>The abbreviations (简称) of the 31 mainland provincial-level divisions, the first character of a plate.</summary>
    public const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    /// <summary>The first UTF-8 byte of the characters <see cref="ProvinceBits"/> covers: U+4000 to U+9FFF, where the provinces' are.</summary>
    private const byte FirstLead = 0xE4;

    /// <summary>The UTF-8 lead bytes <see cref="ProvinceBits"/> covers, from <see cref="FirstLead"/>.</summary>
    private const int Leads = 6;

    /// <summary>One bit for each character from U+4000 to U+9FFF, set for the provinces: a lookup without a search.</summary>
    private static readonly ulong[] ProvinceBits = BuildProvinceBits();

    /// <summary>Gets the key of 粤 (Guangdong), the only province of Hong Kong and Macau cross-boundary plates (粤Z…港/澳).</summary>
    public static int Guangdong { get; } = RecognizerBytes.Utf8KeyOf('粤');

    /// <summary>Gets the key of 使, the first character of an embassy plate.</summary>
    public static int Embassy { get; } = RecognizerBytes.Utf8KeyOf('使');

    /// <summary>Gets the key of 领, the last character of a consulate plate.</summary>
    public static int Consulate { get; } = RecognizerBytes.Utf8KeyOf('领');

    /// <summary>Gets the key of 警 (police).</summary>
    public static int Police { get; } = RecognizerBytes.Utf8KeyOf('警');

    /// <summary>Gets the key of 学 (driving school).</summary>
    public static int DrivingSchool { get; } = RecognizerBytes.Utf8KeyOf('学');

    /// <summary>Gets the key of 挂 (trailer).</summary>
    public static int Trailer { get; } = RecognizerBytes.Utf8KeyOf('挂');

    /// <summary>Gets the key of 港 (Hong Kong).</summary>
    public static int HongKong { get; } = RecognizerBytes.Utf8KeyOf('港');

    /// <summary>Gets the key of 澳 (Macau).</summary>
    public static int Macau { get; } = RecognizerBytes.Utf8KeyOf('澳');

    /// <summary>Returns <see langword="true"/> when the three bytes at <paramref name="index"/> are a province abbreviation.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsProvinceAt(ReadOnlySpan<byte> text, int index)
    {
        if (index < 0 || index + 3 > text.Length)
        {
            return false;
        }

        uint lead = unchecked((uint)(text[index] - FirstLead));
        int second = text[index + 1];
        int third = text[index + 2];
        if (lead >= Leads || (second & 0xC0) != 0x80 || (third & 0xC0) != 0x80)
        {
            return false;
        }

        int bit = (int)(lead << 12) | ((second & 0x3F) << 6) | (third & 0x3F);
        return (ProvinceBits[bit >> 6] & (1UL << bit)) != 0;
    }

    /// <summary>
    /// Returns <see langword="true"/> when <paramref name="value"/> can be the issuing-authority letter (发牌机关代号):
    /// A–Z except I. O is kept: provinces issue it to public-security and other official vehicles (e.g. 粤O).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsAuthority(byte value) => value is >= (byte)'A' and <= (byte)'Z' and not (byte)'I';

    /// <summary>Returns <see langword="true"/> when <paramref name="value"/> can be a character of a serial number (序号): 0–9 and A–Z except I and O.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSerial(byte value) =>
        RecognizerBytes.IsDigit(value) || (value is >= (byte)'A' and <= (byte)'Z' and not (byte)'I' and not (byte)'O');

    /// <summary>
    /// Returns <see langword="true"/> when <paramref name="value"/> marks a small new-energy plate's first serial
    /// character: D, A, B, C, E for battery-electric and F, G, H, J, K for other new-energy cars (GA 36-2018 and the
    /// 2022 extension of the letters).
    /// </summary>
    public static bool IsSmallNewEnergyMark(byte value) => value is >= (byte)'A' and <= (byte)'H' or (byte)'J' or (byte)'K';

    /// <summary>Returns <see langword="true"/> when <paramref name="value"/> marks a large new-energy vehicle's last serial character: D (battery-electric) or F.</summary>
    public static bool IsLargeNewEnergyMark(byte value) => value is (byte)'D' or (byte)'F';

    /// <summary>
    /// Returns the length in bytes of a plate separator at <paramref name="index"/>: the middle dot <c>·</c> (U+00B7),
    /// the bullet <c>•</c> (U+2022), a space or a dash; 0 when there is none.
    /// </summary>
    public static int SeparatorLength(ReadOnlySpan<byte> text, int index) => RecognizerBytes.At(text, index) switch
    {
        (byte)' ' or (byte)'-' => 1,
        0xC2 when RecognizerBytes.At(text, index + 1) == 0xB7 => 2,
        0xE2 when RecognizerBytes.At(text, index + 1) == 0x80 && RecognizerBytes.At(text, index + 2) == 0xA2 => 3,
        _ => 0,
    };

    private static ulong[] BuildProvinceBits()
    {
        var bits = new ulong[Leads * 4096 / 64];
        foreach (char province in Provinces)
        {
            int bit = province - 0x4000;
            if (bit is < 0 or >= Leads * 4096)
            {
                throw new InvalidOperationException($"{province} is outside the characters the province lookup covers.");
            }

            bits[bit >> 6] |= 1UL << bit;
        }

        return bits;
    }
}
