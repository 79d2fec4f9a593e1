using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds passport numbers of the People's Republic of China (中华人民共和国护照).</summary>
/// <remarks>
/// <para>Passport numbers carry no check digit, so only the exact published formats are accepted, as a whole word
/// (capital letters only):</para>
/// <list type="bullet">
/// <item>ordinary passports (普通护照): <c>E</c> + 8 digits (electronic, 2012); <c>E</c> + a letter other than I and O
/// + 7 digits (from 5 April 2017, when the E + 8 digits range ran out); <c>G</c> + 8 digits (before 2012);</item>
/// <item>diplomatic (外交护照): <c>DE</c> + 7 digits, <c>D</c> + 8 digits; service (公务护照): <c>SE</c> + 7 digits,
/// <c>S</c> + 8 digits; public affairs (公务普通护照): <c>PE</c> + 7 digits.</item>
/// </list>
/// <para>These score <see cref="HintedScore"/> in a field named for passports or after 护照 or passport within 24
/// bytes, else <see cref="UnhintedScore"/> with <see cref="FindingTraits.Weak"/>: the shape alone is common in part
/// numbers. Older or rarer formats whose shape says even less are reported only with that evidence, at
/// <see cref="LegacyScore"/>: <c>14</c>/<c>15</c> + 7 digits (ordinary, 1990s), <c>S.</c>/<c>P.</c> + 7 digits,
/// <c>K</c> + 8 digits (Hong Kong SAR) and <c>MA</c> + 7 digits (Macau SAR).</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class PassportRecognizer : IRecognizer
{
    /// <summary>The score of a current format with a field name or context word.</summary>
    public const float HintedScore = 0.95f;

    /// <summary>The score of a current format on its shape alone.</summary>
    public const float UnhintedScore = 0.6f;

    /// <summary>The score of a legacy or special-region format, which needs a field name or context word.</summary>
    public const float LegacyScore = 0.85f;

    private const int Length = 9;

    private static readonly SearchValues<byte> FirstBytes = SearchValues.Create("EGDSPKM1"u8);

    private static readonly ContextWords Words = new("护照", "護照", "passport");

    private enum Evidence
    {
        None,
        Shape,
        NeedsHint,
    }

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.CnPassport;

    /// <inheritdoc/>
    public SearchValues<byte> Triggers => FirstBytes;

    /// <inheritdoc/>
    public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
    {
        finding = default;
        var evidence = Classify(text, position);
        if (evidence == Evidence.None
            || !RecognizerBytes.IsClearBefore(text, position)
            || !RecognizerBytes.IsClearAfter(text, position + Length))
        {
            return false;
        }

        bool hinted = context.FieldType == IdentifierType.CnPassport || Words.AppearBefore(text, position);
        if (hinted)
        {
            finding = new Finding(IdentifierType.CnPassport, position, Length, evidence == Evidence.Shape ? HintedScore : LegacyScore);
            return true;
        }

        if (evidence == Evidence.Shape)
        {
            finding = new Finding(IdentifierType.CnPassport, position, Length, UnhintedScore, FindingTraits.Weak);
            return true;
        }

        return false;
    }

    private static Evidence Classify(ReadOnlySpan<byte> text, int position)
    {
        if (position + Length > text.Length)
        {
            return Evidence.None;
        }

        byte first = text[position];
        byte second = text[position + 1];
        if (first == '1')
        {
            return second is (byte)'4' or (byte)'5' && RecognizerBytes.DigitRun(text, position) == Length ? Evidence.NeedsHint : Evidence.None;
        }

        if (RecognizerBytes.IsDigit(second))
        {
            if (RecognizerBytes.DigitRun(text, position + 1) != 8)
            {
                return Evidence.None;
            }

            return first switch
            {
                (byte)'E' or (byte)'G' or (byte)'D' or (byte)'S' => Evidence.Shape,
                (byte)'K' => Evidence.NeedsHint,
                _ => Evidence.None,
            };
        }

        if (RecognizerBytes.DigitRun(text, position + 2) != 7)
        {
            return Evidence.None;
        }

        return (first, second) switch
        {
            ((byte)'E', >= (byte)'A' and <= (byte)'Z' and not (byte)'I' and not (byte)'O') => Evidence.Shape,
            ((byte)'D' or (byte)'S' or (byte)'P', (byte)'E') => Evidence.Shape,
            ((byte)'S' or (byte)'P', (byte)'.') => Evidence.NeedsHint,
            ((byte)'M', (byte)'A') => Evidence.NeedsHint,
            _ => Evidence.None,
        };
    }
}
