using System.Collections.Frozen;

namespace Outbound.Detection.Recognizers;

/// <summary>What an e-mail address may contain: local-part characters and the IANA top-level domains.</summary>
/// <remarks>
/// The domains are <c>Data/tlds.txt</c> (IANA's root zone via the <c>tlds</c> package; see <c>Data/SOURCES.md</c>), held
/// in a frozen set looked up by span without allocating. Thread-safe.
/// </remarks>
internal static class EmailRules
{
    /// <summary>The longest local part RFC 5321 allows.</summary>
    public const int MaxLocalLength = 64;

    /// <summary>The longest domain RFC 1035 allows.</summary>
    public const int MaxDomainLength = 253;

    /// <summary>The longest DNS label.</summary>
    public const int MaxLabelLength = 63;

    private const string ResourceName = "Outbound.Detection.Data.tlds.txt";

    // The root zone's domains, plus the names RFC 2606 reserves for documentation and tests (example, test, invalid):
    // addresses under them are written as addresses of persons in specimens and test data.
    private static readonly FrozenSet<string> TopLevelDomains =
        RecognizerBytes.ReadDataLines(ResourceName).Concat(["example", "test", "invalid"]).ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TopLevelDomainLookup =
        TopLevelDomains.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Gets how many top-level domains the table holds.</summary>
    public static int TopLevelDomainCount => TopLevelDomains.Count;

    /// <summary>
    /// Returns <see langword="true"/> when <paramref name="value"/> may be part of a local part as this recognizer reads
    /// it: letters, digits and <c>. ! # $ % * + ^ _ ~ -</c>.
    /// </summary>
    /// <remarks>
    /// RFC 5322's dot-atom also allows <c>' / = ? &amp; ` { | }</c>. In running text, URLs, query strings and markup those
    /// delimit an address far more often than they belong to one (<c>href='a@b.cn'</c>, <c>?email=a@b.cn</c>), so an
    /// address is read as starting after them.
    /// </remarks>
    public static bool IsLocalCharacter(byte value) =>
        RecognizerBytes.IsLetterOrDigit(value) || value is (byte)'.' or (byte)'!' or (byte)'#' or (byte)'$' or (byte)'%'
            or (byte)'*' or (byte)'+' or (byte)'^' or (byte)'_' or (byte)'~' or (byte)'-';

    /// <summary>Returns <see langword="true"/> when <paramref name="value"/> may appear in a DNS label: letters, digits, hyphen.</summary>
    public static bool IsLabelCharacter(byte value) => RecognizerBytes.IsLetterOrDigit(value) || value == '-';

    /// <summary>Returns <see langword="true"/> when <paramref name="label"/> (ASCII) is a top-level domain in the IANA root zone.</summary>
    public static bool IsTopLevelDomain(ReadOnlySpan<byte> label)
    {
        if (label.Length is < 2 or > MaxLabelLength)
        {
            return false;
        }

        Span<char> chars = stackalloc char[MaxLabelLength];
        for (int i = 0; i < label.Length; i++)
        {
            chars[i] = (char)label[i];
        }

        return TopLevelDomainLookup.Contains(chars[..label.Length]);
    }
}
