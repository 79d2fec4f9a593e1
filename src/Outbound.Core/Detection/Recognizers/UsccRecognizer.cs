using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds unified social credit codes of organisations (统一社会信用代码, GB 32100-2015).</summary>
/// <remarks>
/// <para>A code is reported when it is 18 characters of the code alphabet (no I, O, S, V or Z; capitals only), its
/// first two characters are a registration authority and one of its categories, positions 3–8 are a province's
/// division code (or 100000), and the GB 32100 check character holds. When the organisation code in positions 9–17
/// also passes its GB 11714 check the evidence is stronger, and the score is higher.</para>
/// <para>An 18-digit string can pass both this check and the identity number's. Equal length, so the scanner keeps
/// the higher score: a code of digits only scores a little lower (<see cref="DigitsOnlyPenalty"/>), so a fully valid
/// identity number (0.99) wins the tie. Against an identity number whose division code is unknown (0.85), an all-digit
/// code wins when its organisation code checks too (0.97) and loses when it does not (0.83).</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class UsccRecognizer : IRecognizer
{
    /// <summary>The score when both the GB 32100 and the embedded GB 11714 checks hold.</summary>
    public const float FullScore = 0.99f;

    /// <summary>The score when only the GB 32100 check holds.</summary>
    public const float CodeCheckOnlyScore = 0.85f;

    /// <summary>How much lower a code of digits only scores (see the remarks).</summary>
    public const float DigitsOnlyPenalty = 0.02f;

    private static readonly SearchValues<byte> Authorities = SearchValues.Create("123456789ANY"u8);

    private static readonly SearchValues<byte> CodeCharacters = SearchValues.Create(UsccChecksum.Alphabet);

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.CnUscc;

    /// <inheritdoc/>
    public SearchValues<byte> Triggers => Authorities;

    /// <inheritdoc/>
    public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
    {
        finding = default;
        if (position + 18 > text.Length
            || !RecognizerBytes.IsClearBefore(text, position)
            || !RecognizerBytes.IsClearAfter(text, position + 18))
        {
            return false;
        }

        var candidate = text.Slice(position, 18);
        if (candidate.ContainsAnyExcept(CodeCharacters)
            || !UsccRules.IsRegistration(candidate[0], candidate[1])
            || !UsccRules.IsDivision(candidate.Slice(2, 6))
            || !UsccChecksum.IsValid(candidate))
        {
            return false;
        }

        float score = UsccChecksum.IsValidOrganisationCode(candidate.Slice(8, 9)) ? FullScore : CodeCheckOnlyScore;
        if (!candidate.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            score -= DigitsOnlyPenalty;
        }

        finding = new Finding(IdentifierType.CnUscc, position, 18, score);
        return true;
    }
}
