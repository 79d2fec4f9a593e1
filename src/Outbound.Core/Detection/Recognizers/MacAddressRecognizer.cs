using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds MAC addresses (物理地址): six hex pairs with <c>:</c> or <c>-</c>, or Cisco's three dotted groups of four.</summary>
/// <remarks>
/// The separator must be the same throughout. Not reported: the all-zero address and the broadcast address
/// FF:FF:FF:FF:FF:FF (placeholders, not devices), and pairs inside a longer run such as a certificate fingerprint
/// (<c>AB:CD:…</c> with more than six pairs) or an EUI-64. Twelve hex digits without separators are not reported: they
/// cannot be told from a hash fragment. Instances are immutable and thread-safe.
/// </remarks>
public sealed class MacAddressRecognizer : IRecognizer
{
    private const float ValidatedScore = 0.9f;

    private static readonly SearchValues<byte> TriggerBytes = SearchValues.Create("0123456789abcdefABCDEF"u8);

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.MacAddress;

    /// <inheritdoc/>
    public SearchValues<byte> Triggers => TriggerBytes;

    /// <inheritdoc/>
    public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
    {
        finding = default;
        if (!RecognizerBytes.IsClearBefore(text, position)
            || !MacAddressRules.TryParse(text, position, out int end, out byte separator, out ulong address)
            || MacAddressRules.IsPlaceholder(address))
        {
            return false;
        }

        // Part of a longer run of groups, before or after.
        if ((RecognizerBytes.At(text, position - 1) == separator && RecognizerBytes.IsHexDigit(RecognizerBytes.At(text, position - 2)))
            || (RecognizerBytes.At(text, end) == separator && RecognizerBytes.IsHexDigit(RecognizerBytes.At(text, end + 1)))
            || !RecognizerBytes.IsClearAfter(text, end))
        {
            return false;
        }

        finding = new Finding(IdentifierType.MacAddress, position, end - position, ValidatedScore);
        return true;
    }
}
