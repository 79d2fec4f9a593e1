namespace Outbound.Detection.Recognizers;

/// <summary>The number segments (号段) of mainland mobile numbers that MIIT has allocated: which 11-digit numbers can exist.</summary>
/// <remarks>
/// <para>
/// Voice and SMS segments follow libphonenumber's CN mobile pattern (metadata of google-libphonenumber 3.2.47,
/// Apache-2.0): 13x; 145, 147; 15x except 154; 1610; 162, 165–167; 170–173, 175–178 (170 and 171 are the virtual
/// operators' segments); 17400–17405 (satellite); 18x; 19x except 194. The 11-digit data-only segments (上网卡 and
/// IoT data cards) 141, 146, 148 and 149 are added: they are allocated to the operators but missing from that pattern.
/// 140 and 144 carry 13-digit IoT numbers only, and 10x, 11x, 12x, 142, 143, 154, 160, 161 (but 1610), 163, 164, 168,
/// 169, 174 (but 17400–17405), 179 and 194 are not allocated, so no mobile number starts with them.
/// </para>
/// <para>Sources and review dates are in <c>Data/SOURCES.md</c>. Thread-safe.</para>
/// </remarks>
internal static class MobileNumberRules
{
    /// <summary>The allocated segments as ranges of the first three, four or five digits.</summary>
    internal const string Segments =
        "130-139 141 145-149 150-153 155-159 1610 162 165-167 170-173 175-178 17400-17405 180-189 190-193 195-199";

    // One bit per five-digit prefix 10000–19999.
    private static readonly ulong[] Allocated = Build();

    /// <summary>Returns <see langword="true"/> when an 11-digit number starting with <paramref name="prefix"/> (its first five digits) is in an allocated segment.</summary>
    public static bool IsAllocated(int prefix)
    {
        int index = prefix - 10_000;
        return unchecked((uint)index < 10_000u) && (Allocated[index >> 6] & (1UL << (index & 63))) != 0;
    }

    /// <summary>Returns <see langword="true"/> when the 11 digits in <paramref name="digits"/> form an allocated mainland mobile number.</summary>
    public static bool IsValid(ReadOnlySpan<byte> digits) =>
        digits.Length == 11
        && !digits.ContainsAnyExceptInRange((byte)'0', (byte)'9')
        && IsAllocated(RecognizerBytes.ParseDigits(digits[..5]));

    private static ulong[] Build()
    {
        var bits = new ulong[(10_000 + 63) / 64];
        foreach (string range in Segments.Split(' '))
        {
            string[] ends = range.Split('-');
            string low = ends[0];
            string high = ends.Length > 1 ? ends[1] : low;
            int scale = (int)Math.Pow(10, 5 - low.Length);
            int from = int.Parse(low, System.Globalization.CultureInfo.InvariantCulture) * scale;
            int to = ((int.Parse(high, System.Globalization.CultureInfo.InvariantCulture) + 1) * scale) - 1;
            for (int prefix = from; prefix <= to; prefix++)
            {
                int index = prefix - 10_000;
                bits[index >> 6] |= 1UL << (index & 63);
            }
        }

        return bits;
    }
}
