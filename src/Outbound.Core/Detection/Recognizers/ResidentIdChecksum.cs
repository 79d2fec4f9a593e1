namespace Outbound.Detection.Recognizers;

/// <summary>
/// Computes and checks the final character of an 18-character citizen identity number (公民身份号码,
/// GB 11643-1999 §8, ISO 7064 MOD 11-2).
/// </summary>
internal static class ResidentIdChecksum
{
    private static ReadOnlySpan<byte> CheckCharacters => "10X98765432"u8;

    // 2^(17-i) mod 11 for positions 1..17 (GB 11643-1999 §8.2).
    private static ReadOnlySpan<byte> Weights => [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

    /// <summary>Returns the check character (<c>0</c>–<c>9</c> or <c>X</c>) for the 17 digits of <paramref name="body"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="body"/> is not 17 ASCII digits.</exception>
    public static byte Compute(ReadOnlySpan<byte> body)
    {
        if (body.Length != 17 || body.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            throw new ArgumentException($"Expected 17 ASCII digits but got {body.Length} bytes.", nameof(body));
        }

        int sum = 0;
        for (int i = 0; i < Weights.Length; i++)
        {
            sum += (body[i] - '0') * Weights[i];
        }

        return CheckCharacters[sum % 11];
    }

    /// <summary>Returns <see langword="true"/> when <paramref name="candidate"/> is 17 digits followed by their check character (<c>x</c> counts as <c>X</c>).</summary>
    public static bool IsValid(ReadOnlySpan<byte> candidate) =>
        candidate.Length == 18
        && !candidate[..17].ContainsAnyExceptInRange((byte)'0', (byte)'9')
        && (candidate[17] == 'x' ? (byte)'X' : candidate[17]) == Compute(candidate[..17]);
}
