using System.Text.Json;

namespace Outbound.Formats.Records;

/// <summary>Saying what a malformed JSON line should have had where it went wrong.</summary>
internal sealed partial class JsonLinesReader
{
    /// <summary>Describes what was expected at the end of <paramref name="before"/>, the line up to the byte the JSON reader rejected.</summary>
    /// <param name="before">The line up to the rejected byte.</param>
    /// <param name="consumed">Where the last token the reader accepted ends.</param>
    /// <param name="last">The last token the reader accepted.</param>
    /// <param name="depth">How many objects and arrays are open.</param>
    /// <param name="inArray">Whether the innermost open one is an array.</param>
    private static string ExpectedAt(ReadOnlySpan<byte> before, int consumed, JsonTokenType last, int depth, bool inArray)
    {
        if (last == JsonTokenType.None)
        {
            return "a JSON object";
        }

        if (depth == 0)
        {
            return "the end of the line after the object";
        }

        // A token that started but could not be finished: a string, a literal or a number.
        int start = SkipSpace(before, consumed);
        if (start < before.Length && before[start] is (byte)',' or (byte)':')
        {
            start = SkipSpace(before, start + 1);
        }

        if (start < before.Length)
        {
            return before[start] switch
            {
                (byte)'"' when ClosingQuote(before, start) < 0 => "a string closed by a double quote, with control characters and backslashes escaped",
                (byte)'"' => "':' after the field name",
                (byte)'t' or (byte)'f' or (byte)'n' => "true, false or null",
                _ => "a number",
            };
        }

        // Nothing could start here: what may follow the byte before.
        int previous = before.LastIndexOfAnyExcept(" \t\r\n"u8);
        if (previous < 0)
        {
            return "a JSON object";
        }

        return before[previous] switch
        {
            (byte)'{' => "a field name in double quotes, or '}'",
            (byte)'[' => "a value or ']'",
            (byte)':' => "a value",
            (byte)',' => inArray ? "a value" : "a field name in double quotes",
            (byte)'"' when !inArray && IsFieldName(before, previous) => "':' after the field name",
            _ => inArray ? "',' or ']'" : "',' or '}'",
        };
    }

    private static int SkipSpace(ReadOnlySpan<byte> text, int from)
    {
        int offset = text[from..].IndexOfAnyExcept(" \t\r\n"u8);
        return offset < 0 ? text.Length : from + offset;
    }

    /// <summary>Returns the index of the quote that closes the string opened at <paramref name="open"/>, or -1.</summary>
    private static int ClosingQuote(ReadOnlySpan<byte> text, int open)
    {
        for (int i = open + 1; i < text.Length; i++)
        {
            if (text[i] == (byte)'\\')
            {
                i++;
            }
            else if (text[i] == (byte)'"')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Returns whether the string closed at <paramref name="close"/> follows '{' or ',', where a field name goes.</summary>
    private static bool IsFieldName(ReadOnlySpan<byte> text, int close)
    {
        int open = close - 1;
        while (open >= 0 && !(text[open] == (byte)'"' && EvenBackslashesBefore(text, open)))
        {
            open--;
        }

        int previous = open <= 0 ? -1 : text[..open].LastIndexOfAnyExcept(" \t\r\n"u8);
        return previous >= 0 && text[previous] is (byte)'{' or (byte)',';
    }

    private static bool EvenBackslashesBefore(ReadOnlySpan<byte> text, int index)
    {
        int count = 0;
        while (index - count - 1 >= 0 && text[index - count - 1] == (byte)'\\')
        {
            count++;
        }

        return count % 2 == 0;
    }
}
