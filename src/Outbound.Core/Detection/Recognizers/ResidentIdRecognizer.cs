using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>
/// Finds citizen identity numbers (公民身份号码, GB 11643-1999): 18 characters with the MOD 11-2 check character,
/// and the 15-digit numbers of first-generation cards. Residence permits for Hong Kong, Macau and Taiwan residents
/// (港澳台居民居住证) carry numbers of the same form with the codes 810000, 820000 and 830000.
/// </summary>
/// <remarks>
/// <para>An 18-character number is reported when its check character, its birth date (a real date from 1900 on, not
/// after <see cref="ScanContext.ReferenceDate"/>) and its division code hold. A division code the shipped GB/T 2260
/// table knows (current or historical) gives <see cref="FullScore"/>. A code the table lacks but whose first two
/// digits name a mainland province is still accepted, at <see cref="UnknownDivisionScore"/> and
/// <see cref="FindingTraits.Weak"/>: an identity number keeps the code of the year it was issued, and no table is
/// complete back to 1984.</para>
/// <para>A 15-digit number (division, YYMMDD in 19YY, sequence) has no check digit, so it needs a known division
/// code and a real date, and scores <see cref="FirstGenerationScore"/>, or <see cref="FirstGenerationHintedScore"/>
/// in a field named for identity numbers. That score sits above an IMEI found without context, the other 15-digit
/// type.</para>
/// <para>A birth date that makes the holder younger than 14 on the reference date adds
/// <see cref="FindingTraits.MinorUnder14"/>. Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class ResidentIdRecognizer : IRecognizer
{
    /// <summary>The score of an 18-character number whose check character, date and division code all hold.</summary>
    public const float FullScore = 0.99f;

    /// <summary>The score of an 18-character number whose division code is unknown but lies in a mainland province.</summary>
    public const float UnknownDivisionScore = 0.85f;

    /// <summary>The score of a 15-digit first-generation number with a known division code and a real date.</summary>
    public const float FirstGenerationScore = 0.8f;

    /// <summary>The score of a 15-digit first-generation number in a field named for identity numbers.</summary>
    public const float FirstGenerationHintedScore = 0.9f;

    private static readonly SearchValues<byte> FirstDigits = SearchValues.Create("12345678"u8);

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.CnResidentId;

    /// <inheritdoc/>
    public SearchValues<byte> Triggers => FirstDigits;

    /// <inheritdoc/>
    public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
    {
        finding = default;
        if (!RecognizerBytes.IsClearBefore(text, position))
        {
            return false;
        }

        int digits = RecognizerBytes.DigitRun(text, position);
        int length = digits switch
        {
            // 17 digits followed by the check character X.
            17 when position + 17 < text.Length && text[position + 17] is (byte)'X' or (byte)'x' => 18,
            18 or 15 => digits,
            _ => 0,
        };
        if (length == 0 || !RecognizerBytes.IsClearAfter(text, position + length))
        {
            return false;
        }

        var candidate = text.Slice(position, length);
        return length == 18
            ? TryMatchCurrent(candidate, position, context, out finding)
            : TryMatchFirstGeneration(candidate, position, context, out finding);
    }

    private static bool TryMatchCurrent(ReadOnlySpan<byte> candidate, int position, in ScanContext context, out Finding finding)
    {
        finding = default;
        if (!ResidentIdChecksum.IsValid(candidate)
            || !ResidentIdRules.TryParseBirthDate(candidate.Slice(6, 8), out var birth)
            || birth > context.ReferenceDate)
        {
            return false;
        }

        int division = RecognizerBytes.ParseDigits(candidate[..6]);
        float score;
        var traits = FindingTraits.None;
        if (DivisionCodes.IsKnown(division))
        {
            score = FullScore;
        }
        else if (DivisionCodes.IsMainlandProvince(division / 10_000))
        {
            // A field named for ID numbers is evidence enough for a code no table has yet.
            score = context.FieldType == IdentifierType.CnResidentId ? FullScore - 0.04f : UnknownDivisionScore;
            traits = FindingTraits.Weak;
        }
        else
        {
            return false;
        }

        if (ResidentIdRules.IsUnder(ResidentIdRules.SensitiveMinorAge, birth, context.ReferenceDate))
        {
            traits |= FindingTraits.MinorUnder14;
        }

        finding = new Finding(IdentifierType.CnResidentId, position, 18, score, traits);
        return true;
    }

    private static bool TryMatchFirstGeneration(ReadOnlySpan<byte> candidate, int position, in ScanContext context, out Finding finding)
    {
        finding = default;
        if (!DivisionCodes.IsKnown(RecognizerBytes.ParseDigits(candidate[..6]))
            || !ResidentIdRules.TryParseShortBirthDate(candidate.Slice(6, 6), out var birth)
            || birth > context.ReferenceDate)
        {
            return false;
        }

        var traits = ResidentIdRules.IsUnder(ResidentIdRules.SensitiveMinorAge, birth, context.ReferenceDate)
            ? FindingTraits.MinorUnder14
            : FindingTraits.None;
        float score = context.FieldType == IdentifierType.CnResidentId ? FirstGenerationHintedScore : FirstGenerationScore;
        finding = new Finding(IdentifierType.CnResidentId, position, 15, score, traits);
        return true;
    }
}
