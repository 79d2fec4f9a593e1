namespace Outbound.Detection.Recognizers;

/// <summary>Which issuer identification number ranges (ISO/IEC 7812) and lengths make a payment card number.</summary>
/// <remarks>
/// Only 16 to 19 digits count as a card number here, as the issue asks; American Express (34, 37: 15 digits) and the
/// 14-digit Diners Club numbers are therefore out, and so is any 13-digit number (Visa's old length, and a
/// millisecond timestamp).
/// </remarks>
internal static class BankCardRules
{
    /// <summary>Returns <see langword="true"/> when a number of <paramref name="length"/> digits starting with <paramref name="digits"/> lies in a known issuer range.</summary>
    /// <param name="digits">At least the first four digits of the number.</param>
    /// <param name="length">How many digits the number has.</param>
    public static bool IsIssued(ReadOnlySpan<byte> digits, int length)
    {
        if (length is < 16 or > 19 || digits.Length < 4)
        {
            return false;
        }

        int first2 = RecognizerBytes.ParseDigits(digits[..2]);
        int first4 = RecognizerBytes.ParseDigits(digits[..4]);
        return first2 switch
        {
            // China UnionPay (银联): 62, in 16 to 19 digits.
            62 => true,

            // Domestic ranges older than the 62 BINs still in use on Chinese debit cards (e.g. 601382 Bank of China,
            // 9558 ICBC, 9559 ABC); 60 also holds Discover's 6011.
            60 or 95 => true,

            // Visa: 16 or 19 digits (ISO/IEC 7812 as Visa issues them; 18-digit numbers starting with 4 are not Visa cards).
            >= 40 and <= 49 => length is 16 or 19,

            // Mastercard: 51–55 and 2221–2720, 16 digits.
            >= 51 and <= 55 => length == 16,
            >= 22 and <= 27 => length == 16 && first4 is >= 2221 and <= 2720,

            // JCB 3528–3589; Diners Club International 300–305, 3095, 36, 38, 39.
            35 => first4 is >= 3528 and <= 3589,
            30 => first4 is (>= 3000 and <= 3059) or 3095,
            36 or 38 or 39 => true,

            // Discover 644–649 and 65.
            64 => first4 >= 6440,
            65 => true,
            _ => false,
        };
    }

    /// <summary>Returns <see langword="true"/> for a China UnionPay number (IIN 62).</summary>
    public static bool IsUnionPay(ReadOnlySpan<byte> digits) => digits.Length >= 2 && digits[0] == '6' && digits[1] == '2';
}
