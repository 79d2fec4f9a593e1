using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds the numbers of travel permits between the mainland, Hong Kong, Macau and Taiwan (港澳台通行证).</summary>
/// <remarks>
/// <para>Formats (whole words, capital letters only; none has a check digit):</para>
/// <list type="bullet">
/// <item>往来港澳通行证 (mainland residents to Hong Kong and Macau): <c>C</c> + 8 digits (card, May 2014), <c>C</c> + a
/// letter other than I and O + 7 digits (when that range ran out, from <c>CA0000001</c>; National Immigration
/// Administration, 10 December 2018), <c>W</c> + 8 digits (booklet);</item>
/// <item>港澳居民来往内地通行证 (回乡证, Hong Kong and Macau residents to the mainland): <c>H</c> (Hong Kong) or <c>M</c>
/// (Macau) + 8 digits of the holder's lifelong number + 2 digits counting renewals (Ministry of Public Security,
/// 2010), or the 8-digit lifelong number alone as the 2019 card shows it;</item>
/// <item>台湾居民来往大陆通行证 (台胞证, Taiwan residents to the mainland): 8 digits (card, 2015), or 10 digits (booklet);</item>
/// <item>往来台湾通行证 (mainland residents to Taiwan): <c>L</c> + 8 digits (card, 2017), <c>T</c> + 8 digits (booklet).</item>
/// </list>
/// <para>Only <c>H</c>/<c>M</c> + 10 digits is distinctive enough to report on its shape
/// (<see cref="DistinctiveScore"/>, or <see cref="DistinctiveHintedScore"/> with evidence). Every other shape needs a
/// field named for permits (<see cref="FieldHintedScore"/>) or a context word within 24 bytes before: 通行证, 回乡证,
/// 台胞证 (or their traditional forms) or permit (<see cref="WordHintedScore"/>; digits alone after only a word score
/// <see cref="DigitsWordHintedScore"/> with <see cref="FindingTraits.Weak"/>).</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class HmtPermitRecognizer : IRecognizer
{
    /// <summary>The score of <c>H</c>/<c>M</c> + 10 digits on its shape alone.</summary>
    public const float DistinctiveScore = 0.85f;

    /// <summary>The score of <c>H</c>/<c>M</c> + 10 digits with a field name or context word.</summary>
    public const float DistinctiveHintedScore = 0.97f;

    /// <summary>The score of any other format in a field named for permits.</summary>
    public const float FieldHintedScore = 0.95f;

    /// <summary>The score of a letter-prefixed format after a context word.</summary>
    public const float WordHintedScore = 0.9f;

    /// <summary>The score of an all-digit format after a context word.</summary>
    public const float DigitsWordHintedScore = 0.7f;

    private static readonly SearchValues<byte> FirstBytes = SearchValues.Create("CWHMTL0123456789"u8);

    private static readonly ContextWords Words = new("通行证", "回乡证", "台胞证", "通行證", "回鄉證", "台胞證", "permit");

    private enum Shape
    {
        None,
        Distinctive,
        Lettered,
        Digits,
    }

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.CnHmtPermit;

    /// <inheritdoc/>
    public SearchValues<byte> Triggers => FirstBytes;

    /// <inheritdoc/>
    public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
    {
        finding = default;
        var shape = Classify(text, position, out int length);
        if (shape == Shape.None
            || !RecognizerBytes.IsClearBefore(text, position)
            || !RecognizerBytes.IsClearAfter(text, position + length))
        {
            return false;
        }

        bool field = context.FieldType == IdentifierType.CnHmtPermit;
        bool word = !field && Words.AppearBefore(text, position);
        (float score, var traits) = shape switch
        {
            Shape.Distinctive => (field || word ? DistinctiveHintedScore : DistinctiveScore, FindingTraits.None),
            _ when field => (FieldHintedScore, FindingTraits.None),
            Shape.Lettered when word => (WordHintedScore, FindingTraits.None),
            Shape.Digits when word => (DigitsWordHintedScore, FindingTraits.Weak),
            _ => (0f, FindingTraits.None),
        };
        if (score == 0f)
        {
            return false;
        }

        finding = new Finding(IdentifierType.CnHmtPermit, position, length, score, traits);
        return true;
    }

    private static Shape Classify(ReadOnlySpan<byte> text, int position, out int length)
    {
        byte first = text[position];
        if (RecognizerBytes.IsDigit(first))
        {
            length = RecognizerBytes.DigitRun(text, position);
            return length is 8 or 10 ? Shape.Digits : Shape.None;
        }

        int digits = RecognizerBytes.DigitRun(text, position + 1);
        length = 1 + digits;
        if (digits == 0 && position + 1 < text.Length && first == 'C')
        {
            // C + a letter other than I and O + 7 digits.
            byte letter = text[position + 1];
            length = 2 + RecognizerBytes.DigitRun(text, position + 2);
            return letter is >= (byte)'A' and <= (byte)'Z' and not (byte)'I' and not (byte)'O' && length == 9 ? Shape.Lettered : Shape.None;
        }

        return (first, digits) switch
        {
            ((byte)'H' or (byte)'M', 10) => Shape.Distinctive,
            ((byte)'H' or (byte)'M' or (byte)'C' or (byte)'W' or (byte)'T' or (byte)'L', 8) => Shape.Lettered,
            _ => Shape.None,
        };
    }
}
