using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds IPv4 and IPv6 addresses (IP 地址).</summary>
/// <remarks>
/// <para>
/// IPv4: four octets 0–255 without leading zeros. Not reported: a quad inside a longer dotted number (preceded by
/// <c>digit.</c> or followed by <c>.digit</c>, as in <c>1.2.3.4.5</c>), glued to letters (<c>v2.10.3.1</c>), after a
/// word naming a version (<c>version 1.2.3.4</c>, <c>"fw": "2.1.0.15"</c>, <c>固件版本：2.1.0.15</c>, unless the field
/// is an IP field), and addresses that name no host (0.x.x.x, netmasks such as 255.255.255.0, and 255.255.255.255).
/// </para>
/// <para>
/// IPv6: the full form, the <c>::</c> compressed form, an IPv4 tail (<c>::ffff:192.0.2.1</c>) and a zone
/// (<c>fe80::1%eth0</c>). Not reported: <c>::</c> alone, addresses without any decimal digit (<c>dead::beef</c>, C++
/// scopes such as <c>A::B</c>), compressed addresses whose groups all have one or two digits other than <c>::1</c>
/// (Python slices such as <c>a[1::2]</c>), times (<c>12:30:45</c>) and MAC addresses (six groups), which are not
/// eight groups.
/// Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class IpAddressRecognizer : IRecognizer
{
    private const float IPv4Score = 0.9f;
    private const float IPv6Score = 0.9f;
    private const float CompressedIPv6Score = 0.85f;

    private static readonly SearchValues<byte> TriggerBytes = SearchValues.Create("0123456789abcdefABCDEF:"u8);

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.IpAddress;

    /// <inheritdoc/>
    public SearchValues<byte> Triggers => TriggerBytes;

    /// <inheritdoc/>
    public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
    {
        finding = default;

        // A colon only starts the compressed form "::"; JSON's key-value colons end here, before any look-back.
        if (text[position] == ':' && RecognizerBytes.At(text, position + 1) != ':')
        {
            return false;
        }

        byte before = RecognizerBytes.At(text, position - 1);
        if (!RecognizerBytes.IsClearBefore(text, position) || before is (byte)':' or (byte)'.')
        {
            return false;
        }

        // A first group followed by a dot (31.2304, 192.168.1.1) can only begin an IPv4 address: IPv6 needs a colon after it.
        int end;
        bool dotted = text[position] != ':' && RecognizerBytes.At(text, position + RecognizerBytes.HexRun(text, position)) == '.';
        if (!dotted && IpAddressRules.TryParseIPv6(text, position, out end, out bool compressed, out bool hasDigit, out int longestGroup))
        {
            // A compressed address needs a group of three or more digits, or is the loopback ::1; slices such as
            // a[1::2] and a[::2] are not addresses.
            bool plausible = !compressed || longestGroup >= 3 || text[position..end].SequenceEqual("::1"u8);
            if (hasDigit && plausible && IsClearAfter(text, end))
            {
                finding = new Finding(IdentifierType.IpAddress, position, end - position, compressed ? CompressedIPv6Score : IPv6Score);
                return true;
            }

            return false;
        }

        if (!RecognizerBytes.IsDigit(text[position])
            || !IpAddressRules.TryParseIPv4(text, position, out end, out uint address)
            || !IsClearAfter(text, end)
            || IpAddressRules.IsNonHost(address)
            || (context.FieldType != IdentifierType.IpAddress && IpAddressRules.FollowsVersionWord(text, position)))
        {
            return false;
        }

        finding = new Finding(IdentifierType.IpAddress, position, end - position, IPv4Score);
        return true;
    }

    private static bool IsClearAfter(ReadOnlySpan<byte> text, int end) =>
        RecognizerBytes.IsClearAfter(text, end)
        && !(RecognizerBytes.At(text, end) == ':' && (RecognizerBytes.IsHexDigit(RecognizerBytes.At(text, end + 1)) || RecognizerBytes.At(text, end + 1) == ':') && !RecognizerBytes.DigitAt(text, end + 1))
        && RecognizerBytes.At(text, end) != '%';
}
