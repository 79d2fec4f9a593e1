namespace Outbound.Detection.Recognizers;

/// <summary>The Luhn check digit (ISO/IEC 7812-1 Annex B), used by payment card numbers and IMEIs (3GPP TS 23.003 Annex B).</summary>
internal static class Luhn
{
    /// <summary>Returns <see langword="true"/> when the last digit of <paramref name="digits"/> is the Luhn check digit of the others.</summary>
    /// <remarks><paramref name="digits"/> must be ASCII digits; the caller has checked them.</remarks>
    public static bool IsValid(ReadOnlySpan<byte> digits) => digits.Length >= 2 && Sum(digits, doubleLast: false) % 10 == 0;

    /// <summary>Returns the Luhn check digit (as an ASCII digit) to append to <paramref name="body"/>.</summary>
    public static byte Compute(ReadOnlySpan<byte> body) => (byte)('0' + ((10 - (Sum(body, doubleLast: true) % 10)) % 10));

    private static int Sum(ReadOnlySpan<byte> digits, bool doubleLast)
    {
        int sum = 0;
        bool doubled = doubleLast;
        for (int i = digits.Length - 1; i >= 0; i--)
        {
            int digit = digits[i] - '0';
            if (doubled)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
            doubled = !doubled;
        }

        return sum;
    }
}
