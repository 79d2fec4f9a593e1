namespace Outbound.Detection.Recognizers;

/// <summary>Computes and checks the check digit of a vehicle identification number (ISO 3779, GB 16735, 49 CFR 565).</summary>
/// <remarks>
/// Each character is transliterated (digits as themselves; A–H 1–8, J–N 1–5, P 7, R 9, S–Z 2–9), multiplied by its
/// position's weight (8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2), and the sum taken modulo 11; 10 is written X. The check
/// digit is the ninth character.
/// </remarks>
internal static class VinChecksum
{
    /// <summary>The length of a VIN.</summary>
    public const int Length = 17;

    /// <summary>The index of the check digit.</summary>
    public const int CheckIndex = 8;

    private static ReadOnlySpan<byte> Weights => [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    // Transliteration of 'A'..'Z'; 0 marks I, O and Q, which a VIN never contains.
    private static ReadOnlySpan<byte> LetterValues => [1, 2, 3, 4, 5, 6, 7, 8, 0, 1, 2, 3, 4, 5, 0, 7, 0, 9, 2, 3, 4, 5, 6, 7, 8, 9];

    /// <summary>Returns <see langword="true"/> when <paramref name="value"/> may appear in a VIN: 0–9 and A–Z except I, O and Q.</summary>
    public static bool IsVinCharacter(byte value) =>
        RecognizerBytes.IsDigit(value) || (value is >= (byte)'A' and <= (byte)'Z' && LetterValues[value - 'A'] != 0);

    /// <summary>Returns the check character for <paramref name="vin"/> (17 VIN characters; the ninth is ignored), or 0 when a character is not allowed.</summary>
    public static byte Compute(ReadOnlySpan<byte> vin)
    {
        if (vin.Length != Length)
        {
            return 0;
        }

        int sum = 0;
        for (int i = 0; i < Length; i++)
        {
            byte value = vin[i];
            int number;
            if (RecognizerBytes.IsDigit(value))
            {
                number = value - '0';
            }
            else if (IsVinCharacter(value))
            {
                number = LetterValues[value - 'A'];
            }
            else
            {
                return 0;
            }

            sum += number * Weights[i];
        }

        int remainder = sum % 11;
        return remainder == 10 ? (byte)'X' : (byte)('0' + remainder);
    }

    /// <summary>Returns <see langword="true"/> when <paramref name="vin"/> is 17 VIN characters whose ninth is the right check digit.</summary>
    public static bool IsValid(ReadOnlySpan<byte> vin)
    {
        byte check = Compute(vin);
        return check != 0 && vin[CheckIndex] == check;
    }
}
