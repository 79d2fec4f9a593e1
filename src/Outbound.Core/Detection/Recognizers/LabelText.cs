using System.Collections.Frozen;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds the label a value follows: a Chinese label such as 姓名： or a JSON or CSV key such as <c>"name": </c>.</summary>
internal static class LabelText
{
    private const int MaxKeyLength = 40;

    /// <summary>Returns the index just after the label that ends before <paramref name="index"/>, skipping quotes, colons, spaces and a connecting 是 or 为.</summary>
    public static int SkipSeparatorsBackward(ReadOnlySpan<byte> text, int index) => SkipSeparatorsBackward(text, index, out _);

    /// <summary>Returns the index just after the label that ends before <paramref name="index"/>, and whether a colon or equals sign was skipped.</summary>
    public static int SkipSeparatorsBackward(ReadOnlySpan<byte> text, int index, out bool colon)
    {
        int i = SkipPunctuation(text, index, out colon);
        int connector = HanText.DecodeBefore(text, i);
        if (connector is '是' or '为')
        {
            i = SkipPunctuation(text, i - HanText.Width, out bool colonBefore);
            colon |= colonBefore;
        }

        return i;
    }

    /// <summary>
    /// Returns <see langword="true"/> when an ASCII key ends just before <paramref name="end"/> that, lower-cased and without
    /// <c>_</c>, <c>-</c> and <c>.</c>, is one of <paramref name="keys"/>, or ends in <paramref name="suffix"/> without starting with one of <paramref name="excludedPrefixes"/>.
    /// </summary>
    public static bool AsciiKeyBefore(
        ReadOnlySpan<byte> text, int end, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> keys, string suffix, ReadOnlySpan<string> excludedPrefixes)
    {
        int start = end;
        while (start > 0 && end - start < MaxKeyLength && IsKeyByte(text[start - 1]))
        {
            start--;
        }

        if (start == end || HanText.IsAsciiLetterOrDigitAt(text, start - 1))
        {
            return false;
        }

        Span<char> key = stackalloc char[MaxKeyLength];
        int length = 0;
        foreach (byte b in text[start..end])
        {
            if (b is not ((byte)'_' or (byte)'-' or (byte)'.'))
            {
                key[length++] = char.ToLowerInvariant((char)b);
            }
        }

        var normalized = key[..length];
        if (keys.Contains(normalized))
        {
            return true;
        }

        if (!normalized.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (string prefix in excludedPrefixes)
        {
            if (normalized.StartsWith(prefix, StringComparison.Ordinal))
            {
                return false;
            }
        }

        return true;
    }

    private static int SkipPunctuation(ReadOnlySpan<byte> text, int index, out bool colon)
    {
        colon = false;
        int i = index;
        int floor = Math.Max(0, index - 12);
        while (i > floor)
        {
            byte b = text[i - 1];
            if (b is (byte)' ' or (byte)'\t' or (byte)'"' or (byte)'\'' or (byte)':' or (byte)'=' or (byte)'|')
            {
                colon |= b is (byte)':' or (byte)'=';
                i--;
                continue;
            }

            // ： “ ” 「 」 and the ideographic space.
            if (i >= 3 && text[i - 3] == 0xEF && text[i - 2] == 0xBC && b == 0x9A)
            {
                colon = true;
                i -= 3;
                continue;
            }

            if (i >= 3 && ((text[i - 3] == 0xE2 && text[i - 2] == 0x80 && b is 0x9C or 0x9D)
                || (text[i - 3] == 0xE3 && text[i - 2] == 0x80 && b is 0x8C or 0x8D or 0x80)))
            {
                i -= 3;
                continue;
            }

            break;
        }

        return i;
    }

    private static bool IsKeyByte(byte b) => char.IsAsciiLetterOrDigit((char)b) || b is (byte)'_' or (byte)'-' or (byte)'.';
}
