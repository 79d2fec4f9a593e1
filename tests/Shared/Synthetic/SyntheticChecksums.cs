namespace Outbound.Testing.Synthetic;

/// <summary>
/// The check-digit algorithms of the identifiers, written again from the standards for the test harness, so that
/// the labelled data never depends on the product code it is used to measure.
/// </summary>
internal static class SyntheticChecksums
{
    /// <summary>GB 11643-1999 §7.2 weights W<sub>i</sub> = 2<sup>i-1</sup> mod 11, for positions 18 down to 2.</summary>
    private static readonly int[] ResidentIdWeights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>GB 32100-2015 §4.2: the 31 characters of the code, in the order of their values 0..30.</summary>
    private const string UsccAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    /// <summary>GB 32100-2015 §4.2 weights W<sub>i</sub> = 3<sup>i-1</sup> mod 31.</summary>
    private static readonly int[] UsccWeights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>GB 11714-1997 weights of the organisation code's eight body characters.</summary>
    private static readonly int[] OrganizationCodeWeights = [3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>ISO 3779 / GB 16735 position weights (position 9 holds the check digit and weighs 0).</summary>
    private static readonly int[] VinWeights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    /// <summary>Returns the GB 11643 MOD 11-2 check character ('0'..'9' or 'X') of 17 body digits.</summary>
    public static char ResidentIdCheck(ReadOnlySpan<char> body)
    {
        if (body.Length != 17)
        {
            throw new ArgumentException("A resident ID body has 17 digits.", nameof(body));
        }

        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            sum += Digit(body[i]) * ResidentIdWeights[i];
        }

        return "10X98765432"[sum % 11];
    }

    /// <summary>
    /// Returns whether <paramref name="value"/> has the shape, province prefix, birth date and check character of an
    /// 18-character resident ID, or the shape, province prefix and birth date of a 15-digit first-generation one.
    /// </summary>
    /// <remarks>Division codes are judged by province prefix only: this is the widest acceptance a recognizer may apply.</remarks>
    public static bool IsPlausibleResidentId(string value)
    {
        if (value.Length == 18)
        {
            return IsDigits(value.AsSpan(0, 17))
                && (char.IsAsciiDigit(value[17]) || value[17] is 'X' or 'x')
                && IsProvince(value.AsSpan(0, 2))
                && IsDate(Number(value.AsSpan(6, 4)), Number(value.AsSpan(10, 2)), Number(value.AsSpan(12, 2)))
                && char.ToUpperInvariant(value[17]) == ResidentIdCheck(value.AsSpan(0, 17));
        }

        return value.Length == 15
            && IsDigits(value)
            && IsProvince(value.AsSpan(0, 2))
            && IsDate(1900 + Number(value.AsSpan(6, 2)), Number(value.AsSpan(8, 2)), Number(value.AsSpan(10, 2)));
    }

    /// <summary>Returns the Luhn (ISO/IEC 7812-1 Annex B) check digit to append to <paramref name="payload"/>.</summary>
    public static char LuhnCheck(ReadOnlySpan<char> payload)
    {
        int sum = 0;
        bool twice = true;
        for (int i = payload.Length - 1; i >= 0; i--)
        {
            int d = Digit(payload[i]);
            if (twice)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
            twice = !twice;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>Returns whether the digits of <paramref name="value"/> pass the Luhn check.</summary>
    public static bool IsLuhnValid(ReadOnlySpan<char> value) =>
        value.Length >= 2 && IsDigits(value) && LuhnCheck(value[..^1]) == value[^1];

    /// <summary>Returns the GB 11714 check character ('0'..'9' or 'X') of an organisation code's eight body characters.</summary>
    public static char OrganizationCodeCheck(ReadOnlySpan<char> body)
    {
        if (body.Length != 8)
        {
            throw new ArgumentException("An organisation code body has 8 characters.", nameof(body));
        }

        int sum = 0;
        for (int i = 0; i < 8; i++)
        {
            char c = body[i];
            int value = char.IsAsciiDigit(c) ? c - '0' : c - 'A' + 10;
            sum += value * OrganizationCodeWeights[i];
        }

        int check = 11 - (sum % 11);
        return check switch
        {
            10 => 'X',
            11 => '0',
            _ => (char)('0' + check),
        };
    }

    /// <summary>Returns the GB 32100 check character of a unified social credit code's 17 body characters.</summary>
    public static char UsccCheck(ReadOnlySpan<char> body)
    {
        if (body.Length != 17)
        {
            throw new ArgumentException("A unified social credit code body has 17 characters.", nameof(body));
        }

        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            int value = UsccAlphabet.IndexOf(body[i], StringComparison.Ordinal);
            if (value < 0)
            {
                throw new ArgumentException($"'{body[i]}' is not a character of GB 32100.", nameof(body));
            }

            sum += value * UsccWeights[i];
        }

        return UsccAlphabet[(31 - (sum % 31)) % 31];
    }

    /// <summary>Returns whether <paramref name="value"/> is 18 characters of GB 32100 with a correct check character.</summary>
    public static bool IsUsccValid(string value) =>
        value.Length == 18
        && value.All(c => UsccAlphabet.Contains(c, StringComparison.Ordinal))
        && UsccCheck(value.AsSpan(0, 17)) == value[17];

    /// <summary>Returns whether <paramref name="c"/> may appear in a unified social credit code.</summary>
    public static bool IsUsccCharacter(char c) => UsccAlphabet.Contains(c, StringComparison.Ordinal);

    /// <summary>Returns the ISO 3779 check digit ('0'..'9' or 'X') of a 17-character VIN; position 9 is ignored.</summary>
    public static char VinCheck(ReadOnlySpan<char> vin)
    {
        if (vin.Length != 17)
        {
            throw new ArgumentException("A VIN has 17 characters.", nameof(vin));
        }

        int sum = 0;
        for (int i = 0; i < 17; i++)
        {
            sum += VinValue(vin[i]) * VinWeights[i];
        }

        int check = sum % 11;
        return check == 10 ? 'X' : (char)('0' + check);
    }

    /// <summary>Returns whether <paramref name="vin"/> is 17 VIN characters whose ninth is the correct check digit.</summary>
    public static bool IsVinValid(string vin) =>
        vin.Length == 17 && vin.All(IsVinCharacter) && VinCheck(vin) == vin[8];

    /// <summary>Returns whether <paramref name="c"/> may appear in a VIN (digits and capitals except I, O and Q).</summary>
    public static bool IsVinCharacter(char c) => char.IsAsciiDigit(c) || (char.IsAsciiLetterUpper(c) && c is not ('I' or 'O' or 'Q'));

    /// <summary>ISO 3779 transliteration: A-H = 1-8, J-N = 1-5, P = 7, R = 9, S-Z = 2-9.</summary>
    private static int VinValue(char c) => c switch
    {
        >= '0' and <= '9' => c - '0',
        >= 'A' and <= 'H' => c - 'A' + 1,
        >= 'J' and <= 'N' => c - 'J' + 1,
        'P' => 7,
        'R' => 9,
        >= 'S' and <= 'Z' => c - 'S' + 2,
        _ => throw new ArgumentException($"'{c}' is not a VIN character.", nameof(c)),
    };

    /// <summary>Returns whether every character of <paramref name="value"/> is an ASCII digit.</summary>
    public static bool IsDigits(ReadOnlySpan<char> value)
    {
        foreach (char c in value)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return value.Length > 0;
    }

    private static int Digit(char c) => char.IsAsciiDigit(c)
        ? c - '0'
        : throw new ArgumentException($"'{c}' is not a digit.", nameof(c));

    private static int Number(ReadOnlySpan<char> digits)
    {
        int n = 0;
        foreach (char c in digits)
        {
            n = (n * 10) + Digit(c);
        }

        return n;
    }

    /// <summary>GB/T 2260 province-level prefixes, 11 (Beijing) to 82 (Macao).</summary>
    private static bool IsProvince(ReadOnlySpan<char> prefix) => Number(prefix) is
        11 or 12 or 13 or 14 or 15 or 21 or 22 or 23 or 31 or 32 or 33 or 34 or 35 or 36 or 37
        or 41 or 42 or 43 or 44 or 45 or 46 or 50 or 51 or 52 or 53 or 54 or 61 or 62 or 63 or 64 or 65
        or 71 or 81 or 82;

    private static bool IsDate(int year, int month, int day) =>
        year is >= 1800 and <= 2099 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
}
