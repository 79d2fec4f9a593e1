using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds International Mobile Equipment Identities (IMEI, 设备识别码): 15 digits ending in a Luhn check digit (3GPP TS 23.003 §6.2.1).</summary>
/// <remarks>
/// <para>The digits may be written together or grouped 2-6-6-1 (RBI, rest of the TAC, serial, check digit) with single
/// spaces or dashes, as GSMA TS.06 presents them. The first two digits must be a known Reporting Body Identifier.</para>
/// <para>One 15-digit number in ten passes Luhn, so the evidence decides the score: in a field named for IMEIs or after
/// a context word (IMEI, 设备号, 串号) within 24 bytes, <see cref="HintedScore"/>; grouped 2-6-6-1, whose shape is
/// itself evidence, <see cref="GroupedScore"/>; written together without either, only with an RBI of a body that
/// allocates today's TACs (01, 35, 86, 99), at <see cref="UnhintedScore"/> and <see cref="FindingTraits.Weak"/>. That
/// is below a 15-digit first-generation identity number, which wins when a number is valid as both.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class ImeiRecognizer : IRecognizer
{
    /// <summary>The score with a field name or context word.</summary>
    public const float HintedScore = 0.95f;

    /// <summary>The score of the 2-6-6-1 grouped form without a field name or context word.</summary>
    public const float GroupedScore = 0.85f;

    /// <summary>The score of 15 plain digits without a field name or context word.</summary>
    public const float UnhintedScore = 0.6f;

    private const int Length = 15;

    private static readonly SearchValues<byte> FirstDigits = SearchValues.Create("0134589"u8);

    private static readonly ContextWords Words = new("IMEI", "设备号", "串号", "设备识别码", "移动设备识别码");

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.Imei;

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

        Span<byte> buffer = stackalloc byte[Length];
        scoped ReadOnlySpan<byte> digits;
        int run = RecognizerBytes.DigitRun(text, position);
        int end;
        bool grouped = false;
        if (run == Length)
        {
            digits = text.Slice(position, Length);
            end = position + Length;
        }
        else if (run == 2 && TryReadGroups(text, position, buffer, out end))
        {
            digits = buffer;
            grouped = true;
        }
        else
        {
            return false;
        }

        int rbi = RecognizerBytes.ParseDigits(digits[..2]);
        if (!RecognizerBytes.IsClearAfter(text, end) || !ImeiRules.IsKnownReportingBody(rbi) || !Luhn.IsValid(digits))
        {
            return false;
        }

        float score;
        var traits = FindingTraits.None;
        if (context.FieldType == IdentifierType.Imei || Words.AppearBefore(text, position))
        {
            score = HintedScore;
        }
        else if (grouped)
        {
            score = GroupedScore;
        }
        else if (ImeiRules.IsCurrentReportingBody(rbi))
        {
            score = UnhintedScore;
            traits = FindingTraits.Weak;
        }
        else
        {
            return false;
        }

        finding = new Finding(IdentifierType.Imei, position, end - position, score, traits);
        return true;
    }

    private static bool TryReadGroups(ReadOnlySpan<byte> text, int position, Span<byte> digits, out int end)
    {
        // 2-6-6-1 with one separator throughout: NN-XXXXXX-ZZZZZZ-C.
        end = position + 2;
        if (end >= text.Length || text[end] is not ((byte)' ' or (byte)'-'))
        {
            return false;
        }

        byte separator = text[end];
        text.Slice(position, 2).CopyTo(digits);
        int length = 2;
        foreach (int size in (ReadOnlySpan<int>)[6, 6, 1])
        {
            if (end >= text.Length || text[end] != separator || RecognizerBytes.DigitRun(text, end + 1) != size)
            {
                return false;
            }

            text.Slice(end + 1, size).CopyTo(digits[length..]);
            length += size;
            end += 1 + size;
        }

        return true;
    }
}
