using System.Runtime.CompilerServices;

namespace Outbound.Detection.Recognizers;

/// <summary>Byte-level helpers shared by the recognizers: character classes, boundaries, digit runs and data files.</summary>
internal static class RecognizerBytes
{
    /// <summary>How many bytes before an identifier are searched for a context word such as 护照 or card.</summary>
    public const int ContextWindow = 24;

    /// <summary>Returns <see langword="true"/> when <paramref name="value"/> is an ASCII digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsDigit(byte value) => unchecked((uint)(value - '0') <= 9);

    /// <summary>Returns <see langword="true"/> when <paramref name="value"/> is an ASCII letter.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetter(byte value) => (ByteClass.Of(value) & (ByteClass.AlphaNumeric | ByteClass.Digit)) == ByteClass.AlphaNumeric;

    /// <summary>Returns <see langword="true"/> when <paramref name="value"/> is an ASCII letter or digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsLetterOrDigit(byte value) => (ByteClass.Of(value) & ByteClass.AlphaNumeric) != 0;

    /// <summary>Returns <see langword="true"/> when <paramref name="value"/> is an ASCII hexadecimal digit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsHexDigit(byte value) => (ByteClass.Of(value) & ByteClass.Hex) != 0;

    /// <summary>Returns the byte at <paramref name="index"/>, or 0 outside the text.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte At(ReadOnlySpan<byte> text, int index) =>
        unchecked((uint)index < (uint)text.Length) ? text[index] : (byte)0;

    /// <summary>Returns <see langword="true"/> when a digit is at <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool DigitAt(ReadOnlySpan<byte> text, int index) => IsDigit(At(text, index));

    /// <summary>
    /// Returns <see langword="true"/> when nothing before <paramref name="start"/> continues the identifier: the byte
    /// before is not an ASCII letter or digit, nor the point of a decimal (<c>3.1415…</c>).
    /// </summary>
    public static bool IsClearBefore(ReadOnlySpan<byte> text, int start)
    {
        byte before = At(text, start - 1);
        return !IsLetterOrDigit(before) && !(before == '.' && DigitAt(text, start - 2));
    }

    /// <summary>
    /// Returns <see langword="true"/> when nothing at <paramref name="end"/> continues the identifier: not an ASCII
    /// letter or digit, not the '@' of an e-mail address, not a point followed by a digit (a decimal or a version).
    /// </summary>
    public static bool IsClearAfter(ReadOnlySpan<byte> text, int end)
    {
        byte after = At(text, end);
        return !IsLetterOrDigit(after) && after != '@' && !(after == '.' && DigitAt(text, end + 1));
    }

    /// <summary>Returns how many ASCII digits start at <paramref name="start"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int DigitRun(ReadOnlySpan<byte> text, int start)
    {
        int i = start;
        while (DigitAt(text, i))
        {
            i++;
        }

        return i - start;
    }

    /// <summary>Returns how many ASCII hexadecimal digits start at <paramref name="start"/>.</summary>
    public static int HexRun(ReadOnlySpan<byte> text, int start)
    {
        int i = start;
        while (IsHexDigit(At(text, i)))
        {
            i++;
        }

        return i - start;
    }

    /// <summary>Returns the value of a short run of ASCII digits (at most nine, so it cannot overflow).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int ParseDigits(ReadOnlySpan<byte> digits)
    {
        int value = 0;
        foreach (byte digit in digits)
        {
            value = unchecked((value * 10) + (digit - '0'));
        }

        return value;
    }

    /// <summary>Returns <see langword="true"/> when every byte of <paramref name="digits"/> is the same.</summary>
    public static bool AllSame(ReadOnlySpan<byte> digits) =>
        digits.Length > 0 && !digits.ContainsAnyExcept(digits[0]);

    /// <summary>Returns <see langword="true"/> when the three bytes at <paramref name="index"/> are the UTF-8 encoding of <paramref name="character"/>.</summary>
    public static bool CharAt(ReadOnlySpan<byte> text, int index, int character) =>
        index >= 0 && index + 3 <= text.Length && Utf8Key(text, index) == character;

    /// <summary>Returns the three bytes at <paramref name="index"/> as one number, the key used for three-byte UTF-8 characters.</summary>
    public static int Utf8Key(ReadOnlySpan<byte> text, int index) => (text[index] << 16) | (text[index + 1] << 8) | text[index + 2];

    /// <summary>Returns the key of a character of the Basic Multilingual Plane beyond U+07FF, as <see cref="Utf8Key(ReadOnlySpan{byte}, int)"/> computes it.</summary>
    public static int Utf8KeyOf(char character) =>
        ((0xE0 | (character >> 12)) << 16) | ((0x80 | ((character >> 6) & 0x3F)) << 8) | (0x80 | (character & 0x3F));

    /// <summary>Reads the lines of an embedded data file, skipping blank lines and <c>#</c> comments.</summary>
    /// <exception cref="InvalidOperationException">The resource is missing from the assembly.</exception>
    public static IEnumerable<string> ReadDataLines(string resourceName)
    {
        using var stream = typeof(RecognizerBytes).Assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded data file {resourceName} is missing from the assembly.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }
}
