namespace Outbound.Detection.Recognizers;

/// <summary>Byte-level helpers shared by the recognizers: boundaries, digit runs and context words.</summary>
internal static class RecognizerText
{
    /// <summary>How many bytes before an identifier are searched for a context word such as 护照 or card.</summary>
    public const int ContextWindow = 24;

    /// <summary>Returns <see langword="true"/> when <paramref name="value"/> is an ASCII digit.</summary>
    public static bool IsDigit(byte value) => value is >= (byte)'0' and <= (byte)'9';

    /// <summary>Returns <see langword="true"/> when <paramref name="value"/> is an ASCII letter or digit.</summary>
    public static bool IsLetterOrDigit(byte value) => char.IsAsciiLetterOrDigit((char)value);

    /// <summary>
    /// Returns <see langword="true"/> when nothing before <paramref name="start"/> continues the identifier: the byte
    /// before is not an ASCII letter or digit, nor the point of a decimal (<c>3.1415…</c>).
    /// </summary>
    public static bool IsClearBefore(ReadOnlySpan<byte> text, int start)
    {
        if (start <= 0)
        {
            return true;
        }

        byte before = text[start - 1];
        return !IsLetterOrDigit(before) && !(before == '.' && start >= 2 && IsDigit(text[start - 2]));
    }

    /// <summary>
    /// Returns <see langword="true"/> when nothing at <paramref name="end"/> continues the identifier: not an ASCII
    /// letter or digit, not the '@' of an e-mail address, not a point followed by a digit (a decimal or a version).
    /// </summary>
    public static bool IsClearAfter(ReadOnlySpan<byte> text, int end)
    {
        if (end >= text.Length)
        {
            return true;
        }

        byte after = text[end];
        return !IsLetterOrDigit(after)
            && after != '@'
            && !(after == '.' && end + 1 < text.Length && IsDigit(text[end + 1]));
    }

    /// <summary>Returns how many ASCII digits start at <paramref name="start"/>.</summary>
    public static int DigitRun(ReadOnlySpan<byte> text, int start)
    {
        if (start >= text.Length)
        {
            return 0;
        }

        int run = text[start..].IndexOfAnyExceptInRange((byte)'0', (byte)'9');
        return run < 0 ? text.Length - start : run;
    }

    /// <summary>Returns the value of a short run of ASCII digits (at most nine).</summary>
    public static int ParseDigits(ReadOnlySpan<byte> digits)
    {
        int value = 0;
        foreach (byte digit in digits)
        {
            value = (value * 10) + (digit - '0');
        }

        return value;
    }

    /// <summary>Returns <see langword="true"/> when every byte of <paramref name="digits"/> is the same.</summary>
    public static bool AllSame(ReadOnlySpan<byte> digits) =>
        digits.Length > 0 && !digits.ContainsAnyExcept(digits[0]);
}
