namespace Outbound.Detection.Recognizers;

/// <summary>
/// Check characters of the unified social credit code (统一社会信用代码, GB 32100-2015 §5) and of the organisation
/// code it embeds in positions 9–17 (组织机构代码, GB 11714-1997 §5).
/// </summary>
internal static class UsccChecksum
{
    /// <summary>The 31 characters of the code, in value order: digits, then capitals without I, O, S, V and Z.</summary>
    public static ReadOnlySpan<byte> Alphabet => "0123456789ABCDEFGHJKLMNPQRTUWXY"u8;

    // 3^(i-1) mod 31 for positions 1..17 (GB 32100-2015 §5.2).
    private static ReadOnlySpan<byte> Weights => [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    // GB 11714-1997 §5.2.
    private static ReadOnlySpan<byte> OrganisationWeights => [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Returns the value (0–30) of a code character, or −1 when it is not one.</summary>
    public static int ValueOf(byte character) => character switch
    {
        >= (byte)'0' and <= (byte)'9' => character - '0',
        >= (byte)'A' and <= (byte)'H' => character - 'A' + 10,
        >= (byte)'J' and <= (byte)'N' => character - 'J' + 18,
        >= (byte)'P' and <= (byte)'R' => character - 'P' + 23,
        (byte)'T' or (byte)'U' => character - 'T' + 26,
        >= (byte)'W' and <= (byte)'Y' => character - 'W' + 28,
        _ => -1,
    };

    /// <summary>Returns the check character for the first 17 characters of a code.</summary>
    /// <exception cref="ArgumentException"><paramref name="body"/> is not 17 code characters.</exception>
    public static byte Compute(ReadOnlySpan<byte> body)
    {
        if (body.Length != 17)
        {
            throw new ArgumentException($"Expected 17 code characters but got {body.Length} bytes.", nameof(body));
        }

        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            int value = ValueOf(body[i]);
            if (value < 0)
            {
                throw new ArgumentException($"Byte {i} is not a code character.", nameof(body));
            }

            sum += value * Weights[i];
        }

        return Alphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>Returns <see langword="true"/> when <paramref name="candidate"/> is 18 code characters ending in their check character.</summary>
    public static bool IsValid(ReadOnlySpan<byte> candidate)
    {
        if (candidate.Length != 18)
        {
            return false;
        }

        foreach (byte character in candidate)
        {
            if (ValueOf(character) < 0)
            {
                return false;
            }
        }

        return candidate[17] == Compute(candidate[..17]);
    }

    /// <summary>
    /// Returns <see langword="true"/> when <paramref name="code"/> (nine characters) is an organisation code whose last
    /// character checks its first eight: C9 = 11 − (Σ Ci·Wi mod 11), written X for 10 and 0 for 11.
    /// </summary>
    public static bool IsValidOrganisationCode(ReadOnlySpan<byte> code)
    {
        if (code.Length != 9)
        {
            return false;
        }

        int sum = 0;
        for (int i = 0; i < 8; i++)
        {
            int value = code[i] switch
            {
                >= (byte)'0' and <= (byte)'9' => code[i] - '0',
                >= (byte)'A' and <= (byte)'Z' => code[i] - 'A' + 10,
                _ => -1,
            };
            if (value < 0)
            {
                return false;
            }

            sum += value * OrganisationWeights[i];
        }

        int check = 11 - (sum % 11);
        byte expected = check switch
        {
            10 => (byte)'X',
            11 => (byte)'0',
            _ => (byte)('0' + check),
        };
        return code[8] == expected;
    }
}
