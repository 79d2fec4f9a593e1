namespace Outbound.Detection.Recognizers;

/// <summary>Parses IPv4 (RFC 791 dotted quads) and IPv6 (RFC 4291 text forms) addresses in UTF-8 text, and tells versions from addresses.</summary>
/// <remarks>Thread-safe and allocation-free.</remarks>
internal static class IpAddressRules
{
    private const int MaxZoneLength = 32;
    private const int MaxKeyLength = 24;

    // Words that, right before a dotted quad, make it a version (固件版本 2.1.0.15, "firmware": "3.10.2.1").
    private static readonly string[] VersionWords = ["version", "ver", "firmware", "fw", "build", "release", "rev", "v", "sw", "sdk", "os"];

    // 版本 (version), 固件 (firmware); a key ending in them (版本号 ends in 号, so it is listed too).
    private static readonly int[] VersionCharacters = [RecognizerBytes.Utf8KeyOf('本'), RecognizerBytes.Utf8KeyOf('件'), RecognizerBytes.Utf8KeyOf('号')];

    /// <summary>Parses four decimal octets 0–255 without leading zeros at <paramref name="start"/>; returns the end and the address.</summary>
    public static bool TryParseIPv4(ReadOnlySpan<byte> text, int start, out int end, out uint address)
    {
        end = start;
        address = 0;
        for (int part = 0; part < 4; part++)
        {
            if (part > 0)
            {
                if (RecognizerBytes.At(text, end) != '.')
                {
                    return false;
                }

                end++;
            }

            int run = RecognizerBytes.DigitRun(text, end);
            if (run is 0 or > 3 || (run > 1 && text[end] == '0'))
            {
                return false;
            }

            int octet = RecognizerBytes.ParseDigits(text.Slice(end, run));
            if (octet > 255)
            {
                return false;
            }

            address = (address << 8) | (uint)octet;
            end += run;
        }

        return true;
    }

    /// <summary>
    /// Parses an IPv6 address at <paramref name="start"/>: eight groups of one to four hex digits, or fewer with one
    /// <c>::</c>, the last two groups optionally written as IPv4, and an optional zone (<c>%eth0</c>).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Where the address starts.</param>
    /// <param name="end">Where it ends.</param>
    /// <param name="compressed">Whether it uses <c>::</c>.</param>
    /// <param name="hasDigit">Whether it contains a decimal digit (<c>dead::beef</c> does not).</param>
    /// <param name="longestGroup">The most hex digits in one group (4 for an IPv4 tail).</param>
    public static bool TryParseIPv6(ReadOnlySpan<byte> text, int start, out int end, out bool compressed, out bool hasDigit, out int longestGroup)
    {
        end = start;
        compressed = false;
        hasDigit = false;
        longestGroup = 0;
        int groups = 0;
        int index = start;
        if (RecognizerBytes.At(text, index) == ':')
        {
            if (RecognizerBytes.At(text, index + 1) != ':')
            {
                return false;
            }

            compressed = true;
            index += 2;
        }

        while (true)
        {
            int run = RecognizerBytes.HexRun(text, index);
            if (run == 0)
            {
                // Only "::" may be followed by nothing.
                if (groups > 0 && !compressed)
                {
                    return false;
                }

                break;
            }

            if (RecognizerBytes.At(text, index + run) == '.')
            {
                // An IPv4 tail stands for the last two groups.
                if (groups > 6 || !TryParseIPv4(text, index, out int tail, out _))
                {
                    return false;
                }

                groups += 2;
                hasDigit = true;
                longestGroup = 4;
                index = tail;
                break;
            }

            if (run > 4)
            {
                return false;
            }

            for (int i = index; i < index + run; i++)
            {
                hasDigit |= RecognizerBytes.IsDigit(text[i]);
            }

            groups++;
            longestGroup = Math.Max(longestGroup, run);
            index += run;
            if (RecognizerBytes.At(text, index) != ':')
            {
                break;
            }

            if (RecognizerBytes.At(text, index + 1) == ':')
            {
                if (compressed)
                {
                    return false;
                }

                compressed = true;
                index += 2;
                continue;
            }

            if (!RecognizerBytes.IsHexDigit(RecognizerBytes.At(text, index + 1)))
            {
                // A trailing colon ends a sentence or a field, not the address.
                break;
            }

            index++;
        }

        if (compressed ? groups > 7 : groups != 8)
        {
            return false;
        }

        if (RecognizerBytes.At(text, index) == '%')
        {
            int zone = index + 1;
            while (zone - index <= MaxZoneLength && (RecognizerBytes.IsLetterOrDigit(RecognizerBytes.At(text, zone)) || RecognizerBytes.At(text, zone) is (byte)'_' or (byte)'.' or (byte)'~' or (byte)'-'))
            {
                zone++;
            }

            if (zone > index + 1)
            {
                index = zone;
            }
        }

        end = index;
        return true;
    }

    /// <summary>
    /// Returns <see langword="true"/> when the word just before <paramref name="start"/> (past quotes, colons, equals
    /// signs and spaces) names a version: <c>version</c>, <c>fw</c>, <c>firmware_version</c>, <c>固件版本</c>, …
    /// </summary>
    public static bool FollowsVersionWord(ReadOnlySpan<byte> text, int start)
    {
        int index = start - 1;
        int skipped = 0;
        while (index >= 0 && skipped < 4)
        {
            byte value = text[index];
            if (value is (byte)' ' or (byte)'"' or (byte)'\'' or (byte)':' or (byte)'=' or (byte)'\t')
            {
                index--;
                skipped++;
            }
            else if (index >= 2 && RecognizerBytes.Utf8Key(text, index - 2) == 0xEFBC9A)
            {
                // A full-width colon (：).
                index -= 3;
                skipped++;
            }
            else
            {
                break;
            }
        }

        if (index < 0)
        {
            return false;
        }

        if (index >= 2 && text[index] >= 0x80)
        {
            return Array.IndexOf(VersionCharacters, RecognizerBytes.Utf8Key(text, index - 2)) >= 0;
        }

        // The last part of an ASCII key: "firmware_version" → "version", "fwVer" → "Ver".
        int wordEnd = index + 1;
        int wordStart = wordEnd;
        while (wordStart > 0 && wordEnd - wordStart < MaxKeyLength && RecognizerBytes.IsLetter(text[wordStart - 1]))
        {
            wordStart--;
            if (text[wordStart] is >= (byte)'A' and <= (byte)'Z' && wordStart > 0 && text[wordStart - 1] is >= (byte)'a' and <= (byte)'z')
            {
                break;
            }
        }

        ReadOnlySpan<byte> word = text[wordStart..wordEnd];
        foreach (string candidate in VersionWords)
        {
            if (System.Text.Ascii.EqualsIgnoreCase(word, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns <see langword="true"/> for addresses that name no host: 0.0.0.0/8 and contiguous netmasks such as 255.255.255.0 and 255.255.255.255.</summary>
    public static bool IsNonHost(uint address)
    {
        if ((address >> 24) == 0)
        {
            return true;
        }

        uint inverted = ~address;
        return (address >> 24) == 255 && (inverted & unchecked(inverted + 1)) == 0;
    }
}
