using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds e-mail addresses (电子邮件地址), anchored at their <c>@</c>.</summary>
/// <remarks>
/// <para>
/// The local part is read backwards from the <c>@</c> over RFC 5322 dot-atom characters (<see cref="EmailRules.IsLocalCharacter"/>),
/// at most 64; it starts after any <c>..</c> and at its first letter, digit or underscore, and must not end with a dot.
/// The domain is read forwards: at least two DNS labels of letters, digits and inner hyphens, at most 253 characters,
/// the last being a top-level domain in the IANA root zone (ASCII, or punycode <c>xn--</c> for IDNs). So
/// <c>@Override</c>, <c>user@localhost</c>, <c>icon@2x.png</c> and <c>lodash@4.17.21</c> are not addresses.
/// Addresses with a Unicode local part or domain (RFC 6531) and quoted local parts are not recognised.
/// Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class EmailRecognizer : IRecognizer
{
    private const float ValidatedScore = 0.97f;

    private static readonly SearchValues<byte> TriggerBytes = SearchValues.Create("@"u8);

    private static readonly SearchValues<byte> AsciiLetters = SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.Email;

    /// <inheritdoc/>
    public SearchValues<byte> Triggers => TriggerBytes;

    /// <inheritdoc/>
    public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
    {
        finding = default;
        int start = LocalPartStart(text, position);
        if (start < 0)
        {
            return false;
        }

        int end = DomainEnd(text, position + 1);
        if (end < 0)
        {
            return false;
        }

        finding = new Finding(IdentifierType.Email, start, end - start, ValidatedScore);
        return true;
    }

    /// <summary>Returns where the local part before the <c>@</c> at <paramref name="at"/> starts, or -1 when there is none.</summary>
    private static int LocalPartStart(ReadOnlySpan<byte> text, int at)
    {
        if (RecognizerBytes.At(text, at - 1) == '.')
        {
            return -1;
        }

        int start = at;
        while (start > 0 && at - start <= EmailRules.MaxLocalLength && EmailRules.IsLocalCharacter(text[start - 1]))
        {
            start--;
            if (text[start] == '.' && RecognizerBytes.At(text, start + 1) == '.')
            {
                // A double dot cannot be inside a dot-atom: the address starts after it.
                start += 2;
                break;
            }
        }

        if (at - start > EmailRules.MaxLocalLength)
        {
            return -1;
        }

        while (start < at && !RecognizerBytes.IsLetterOrDigit(text[start]) && text[start] != '_')
        {
            start++;
        }

        return start < at ? start : -1;
    }

    /// <summary>Returns the end of a domain with a known top-level domain starting at <paramref name="start"/>, or -1.</summary>
    private static int DomainEnd(ReadOnlySpan<byte> text, int start)
    {
        int index = start;
        int labels = 0;
        int lastLabel = start;
        while (true)
        {
            int label = index;
            while (EmailRules.IsLabelCharacter(RecognizerBytes.At(text, index)))
            {
                index++;
            }

            int length = index - label;
            if (length == 0 || length > EmailRules.MaxLabelLength || text[label] == '-' || text[index - 1] == '-')
            {
                return -1;
            }

            labels++;
            lastLabel = label;
            if (RecognizerBytes.At(text, index) == '.' && EmailRules.IsLabelCharacter(RecognizerBytes.At(text, index + 1)))
            {
                index++;
                continue;
            }

            break;
        }

        if (labels < 2 || index - start > EmailRules.MaxDomainLength)
        {
            return -1;
        }

        ReadOnlySpan<byte> topLevel = text[lastLabel..index];
        bool known = topLevel.StartsWith("xn--"u8) || topLevel.StartsWith("XN--"u8)
            ? EmailRules.IsTopLevelDomain(topLevel)
            : !topLevel.ContainsAnyExcept(AsciiLetters) && EmailRules.IsTopLevelDomain(topLevel);
        byte after = RecognizerBytes.At(text, index);
        return known && after is not ((byte)'_' or (byte)'@') ? index : -1;
    }
}
