using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds mainland mobile numbers (手机号码) in allocated number segments, with or without <c>+86</c>, <c>0086</c> or <c>86-</c>.</summary>
/// <remarks>
/// <para>
/// Accepted shapes: 11 digits, optionally grouped 3-4-4 by single spaces or dashes (<c>138 0013 8000</c>,
/// <c>138-0013-8000</c>); preceded by <c>+86</c>, <c>(+86)</c>, <c>0086</c> or <c>86</c> with an optional space or dash,
/// or by <c>86</c> glued on (<c>8613800138000</c>, scored lower). The first five digits must lie in a segment MIIT has
/// allocated (<see cref="MobileNumberRules"/>).
/// </para>
/// <para>
/// Rejected: numbers glued to letters or digits (a 13-digit epoch timestamp is not a phone), followed by <c>@</c> (an
/// e-mail's local part), part of a decimal (<c>3.14159265358</c>), continued by a dash and digits, or preceded by a
/// country code other than <c>+86</c> (<c>+1</c>, <c>+44 </c>: a foreign number). Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class MobileRecognizer : IRecognizer
{
    private const float ValidatedScore = 0.99f;
    private const float GluedPrefixScore = 0.9f;

    private static readonly SearchValues<byte> TriggerBytes = SearchValues.Create("1+08("u8);

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.CnMobile;

    /// <inheritdoc/>
    public SearchValues<byte> Triggers => TriggerBytes;

    /// <inheritdoc/>
    public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
    {
        finding = default;
        if (!RecognizerBytes.IsClearBefore(text, position))
        {
            return false;
        }

        int number = position;
        float score = ValidatedScore;
        switch (text[position])
        {
            case (byte)'1':
                if (FollowsCountryCode(text, position))
                {
                    return false;
                }

                break;
            case (byte)'(':
                number = AfterCountryCode(text, position + 1, bracketed: true);
                break;
            case (byte)'+':
                number = AfterCountryCode(text, position + 1, bracketed: false);
                break;
            case (byte)'0':
                number = text[position..].StartsWith("0086"u8) ? AfterCountryCode(text, position + 2, bracketed: false) : -1;
                break;
            case (byte)'8':
                number = AfterCountryCode(text, position, bracketed: false);
                if (number == position + 2)
                {
                    score = GluedPrefixScore;
                }

                break;
            default:
                return false;
        }

        if (number < 0 || !TryReadNumber(text, number, out int end))
        {
            return false;
        }

        finding = new Finding(IdentifierType.CnMobile, position, end - position, score);
        return true;
    }

    /// <summary>Returns <see langword="true"/> when a bare number at <paramref name="position"/> follows a country code (<c>+1</c>, <c>+44 </c>): the number is foreign.</summary>
    private static bool FollowsCountryCode(ReadOnlySpan<byte> text, int position)
    {
        int index = position - 1;
        if (RecognizerBytes.At(text, index) is (byte)' ' or (byte)'-')
        {
            index--;
        }

        int digits = 0;
        while (digits < 4 && RecognizerBytes.DigitAt(text, index))
        {
            index--;
            digits++;
        }

        return RecognizerBytes.At(text, index) == '+' && (digits > 0 || index == position - 1);
    }

    /// <summary>Returns where the national number starts after <c>86</c> at <paramref name="index"/> (and its closing bracket and one separator), or -1.</summary>
    private static int AfterCountryCode(ReadOnlySpan<byte> text, int index, bool bracketed)
    {
        if (bracketed)
        {
            if (RecognizerBytes.At(text, index) == '+')
            {
                index++;
            }
            else if (text[index..].StartsWith("00"u8))
            {
                index += 2;
            }
        }

        if (!text[index..].StartsWith("86"u8))
        {
            return -1;
        }

        index += 2;
        if (bracketed)
        {
            if (RecognizerBytes.At(text, index) != ')')
            {
                return -1;
            }

            index++;
        }

        if (RecognizerBytes.At(text, index) is (byte)' ' or (byte)'-')
        {
            index++;
        }

        return RecognizerBytes.At(text, index) == '1' ? index : -1;
    }

    /// <summary>Reads 11 digits grouped 3-4-4 or not at all from <paramref name="start"/> and checks the segment and the end boundary.</summary>
    private static bool TryReadNumber(ReadOnlySpan<byte> text, int start, out int end)
    {
        end = start;

        // Digits at the fourth and the twelfth place: neither 3-4-4 nor a run of exactly 11 (an epoch timestamp, most often).
        if (RecognizerBytes.DigitAt(text, start + 3) && RecognizerBytes.DigitAt(text, start + 11))
        {
            return false;
        }

        int first = RecognizerBytes.DigitRun(text, start);
        if (first == 11)
        {
            end = start + 11;
            if (!MobileNumberRules.IsAllocated(RecognizerBytes.ParseDigits(text.Slice(start, 5))))
            {
                return false;
            }
        }
        else if (first == 3)
        {
            // 3-4-4 with one space or dash between the groups.
            if (RecognizerBytes.At(text, start + 3) is not ((byte)' ' or (byte)'-')
                || RecognizerBytes.DigitRun(text, start + 4) != 4
                || RecognizerBytes.At(text, start + 8) is not ((byte)' ' or (byte)'-')
                || RecognizerBytes.DigitRun(text, start + 9) != 4)
            {
                return false;
            }

            Span<byte> digits = stackalloc byte[11];
            text.Slice(start, 3).CopyTo(digits);
            text.Slice(start + 4, 4).CopyTo(digits[3..]);
            text.Slice(start + 9, 4).CopyTo(digits[7..]);
            end = start + 13;
            if (!MobileNumberRules.IsValid(digits))
            {
                return false;
            }
        }
        else
        {
            return false;
        }

        return RecognizerBytes.IsClearAfter(text, end)
            && !(RecognizerBytes.At(text, end) == '-' && RecognizerBytes.DigitAt(text, end + 1));
    }
}
