using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds payment card numbers (银行卡号): 16 to 19 digits in a known issuer range with a valid Luhn check digit.</summary>
/// <remarks>
/// <para>The digits may be written together or in groups of four separated by single spaces or single dashes (the
/// same separator throughout; the last group may be shorter, as in 4-4-4-4-3 for 19 digits). A grouped number must
/// end where its groups end: a further separator and digit make it part of something longer.</para>
/// <para>A Luhn-valid number in a known range scores <see cref="ValidScore"/>, or <see cref="HintedScore"/> in a
/// field named for cards or after a context word (卡号, 银行卡, 账号, card). Some domestic UnionPay (62) numbers do
/// not follow Luhn, so one that fails it is still reported with such a hint or word, at <see cref="UnionPayUncheckedScore"/>
/// and <see cref="FindingTraits.Weak"/>. Numbers of one repeated digit are never cards.</para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class BankCardRecognizer : IRecognizer
{
    /// <summary>The score of a Luhn-valid number in a known issuer range.</summary>
    public const float ValidScore = 0.9f;

    /// <summary>The score of a Luhn-valid number in a card field or after a context word.</summary>
    public const float HintedScore = 0.98f;

    /// <summary>The score of a UnionPay number that fails Luhn, reported only in a card field or after a context word.</summary>
    public const float UnionPayUncheckedScore = 0.5f;

    private const int MaxDigits = 19;

    private static readonly SearchValues<byte> FirstDigits = SearchValues.Create("234569"u8);

    private static readonly ContextWords Words = new("卡号", "银行卡", "账号", "帐号", "卡號", "帳號", "card");

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.BankCard;

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

        Span<byte> buffer = stackalloc byte[MaxDigits];
        scoped ReadOnlySpan<byte> number;
        int end;
        int run = RecognizerBytes.DigitRun(text, position);
        if (run is >= 16 and <= MaxDigits)
        {
            end = position + run;
            if (!RecognizerBytes.IsClearAfter(text, end))
            {
                return false;
            }

            number = text.Slice(position, run);
        }
        else if (run == 4 && TryReadGroups(text, position, buffer, out int length, out end))
        {
            number = buffer[..length];
        }
        else
        {
            return false;
        }

        if (RecognizerBytes.AllSame(number) || !BankCardRules.IsIssued(number, number.Length))
        {
            return false;
        }

        bool valid = Luhn.IsValid(number);
        if (!valid && !BankCardRules.IsUnionPay(number))
        {
            return false;
        }

        bool hinted = context.FieldType == IdentifierType.BankCard || Words.AppearBefore(text, position);
        if (valid)
        {
            finding = new Finding(IdentifierType.BankCard, position, end - position, hinted ? HintedScore : ValidScore);
            return true;
        }

        if (hinted)
        {
            finding = new Finding(IdentifierType.BankCard, position, end - position, UnionPayUncheckedScore, FindingTraits.Weak);
            return true;
        }

        return false;
    }

    private static bool TryReadGroups(ReadOnlySpan<byte> text, int position, Span<byte> digits, out int length, out int end)
    {
        length = 0;
        end = position + 4;
        if (end + 1 >= text.Length || text[end] is not ((byte)' ' or (byte)'-')
            || (position >= 2 && text[position - 1] is (byte)' ' or (byte)'-' && RecognizerBytes.IsDigit(text[position - 2])))
        {
            // Not grouped, or the groups began earlier.
            return false;
        }

        byte separator = text[end];
        text.Slice(position, 4).CopyTo(digits);
        length = 4;
        while (end + 1 < text.Length && text[end] == separator && RecognizerBytes.IsDigit(text[end + 1]))
        {
            int group = RecognizerBytes.DigitRun(text, end + 1);
            if (group > 4 || length + group > MaxDigits)
            {
                return false;
            }

            text.Slice(end + 1, group).CopyTo(digits[length..]);
            length += group;
            end += 1 + group;
            if (group < 4)
            {
                break;
            }
        }

        return length >= 16
            && !(end + 1 < text.Length && text[end] == separator && RecognizerBytes.IsDigit(text[end + 1]))
            && RecognizerBytes.IsClearAfter(text, end);
    }
}
