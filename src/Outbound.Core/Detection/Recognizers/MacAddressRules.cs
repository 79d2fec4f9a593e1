namespace Outbound.Detection.Recognizers;

/// <summary>Parses 48-bit MAC addresses (IEEE 802, EUI-48) in their common text forms.</summary>
/// <remarks>Thread-safe and allocation-free.</remarks>
internal static class MacAddressRules
{
    /// <summary>
    /// Parses six hex pairs separated consistently by <c>:</c> or <c>-</c> (<c>00:1A:2B:3C:4D:5E</c>), or three groups
    /// of four separated by <c>.</c> (Cisco, <c>001a.2b3c.4d5e</c>), at <paramref name="start"/>.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="start">Where the address starts.</param>
    /// <param name="end">Where it ends.</param>
    /// <param name="separator">The separator used.</param>
    /// <param name="address">The 48 bits.</param>
    public static bool TryParse(ReadOnlySpan<byte> text, int start, out int end, out byte separator, out ulong address)
    {
        end = start;
        address = 0;
        separator = RecognizerBytes.At(text, start + 2);
        int groups;
        int groupLength;
        if (separator is (byte)':' or (byte)'-')
        {
            (groups, groupLength) = (6, 2);
        }
        else
        {
            separator = RecognizerBytes.At(text, start + 4);
            if (separator != '.')
            {
                return false;
            }

            (groups, groupLength) = (3, 4);
        }

        int index = start;
        for (int group = 0; group < groups; group++)
        {
            if (group > 0)
            {
                if (RecognizerBytes.At(text, index) != separator)
                {
                    return false;
                }

                index++;
            }

            if (RecognizerBytes.HexRun(text, index) != groupLength)
            {
                return false;
            }

            for (int i = index; i < index + groupLength; i++)
            {
                address = (address << 4) | HexValue(text[i]);
            }

            index += groupLength;
        }

        end = index;
        return true;
    }

    /// <summary>Returns <see langword="true"/> for the all-zero address and the broadcast address FF:FF:FF:FF:FF:FF, which name no device.</summary>
    public static bool IsPlaceholder(ulong address) => address is 0 or 0xFFFF_FFFF_FFFF;

    private static uint HexValue(byte value) => value switch
    {
        <= (byte)'9' => (uint)(value - '0'),
        <= (byte)'F' => (uint)(value - 'A' + 10),
        _ => (uint)(value - 'a' + 10),
    };
}
