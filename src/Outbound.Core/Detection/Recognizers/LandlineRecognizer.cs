using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds mainland landline numbers (固定电话): a known area code and a 7- or 8-digit subscriber number.</summary>
/// <remarks>
/// <para>
/// Accepted shapes: <c>010-65528888</c>, <c>(010) 6552-8888</c>, <c>010 6552 8888</c>, <c>01065528888</c>,
/// <c>+86 10 6552 8888</c>, <c>0086-755-88888888</c>, <c>86-10-65528888</c>, each optionally with an extension
/// <c>-123</c> or <c>转123</c> (up to six digits). The subscriber number starts with 2–9 and may be split once (3+4, 4+3,
/// 4+4) by a space or dash.
/// </para>
/// <para>
/// The area code must be in the shipped table (<see cref="AreaCodes"/>). A subscriber number of the length the table
/// gives for its code scores 0.95; one of the other length (seven for eight or the reverse, after a city changed its
/// plan) is reported as <see cref="FindingTraits.Weak"/> at 0.6, except after 010 and 02x, which have had eight digits
/// throughout. A local number without its area code is not reported: it is indistinguishable from any other 7- or
/// 8-digit number. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class LandlineRecognizer : IRecognizer
{
    private const float ValidatedScore = 0.95f;
    private const float OtherLengthScore = 0.6f;
    private const int MaxExtensionDigits = 6;

    // 转 (U+8F6C), as in 010-65528888转123.
    private static readonly int Transfer = RecognizerBytes.Utf8KeyOf('转');

    private static readonly SearchValues<byte> TriggerBytes = SearchValues.Create("0+8("u8);

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.CnLandline;

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

        int index = position;
        bool bracketed = false;
        switch (text[position])
        {
            case (byte)'(':
                bracketed = true;
                index++;
                if (RecognizerBytes.At(text, index) != '0')
                {
                    return false;
                }

                index++;
                break;
            case (byte)'+':
                index = AfterCountryCode(text, position + 1);
                break;
            case (byte)'8':
                index = AfterCountryCode(text, position);
                if (index == position + 2)
                {
                    // "86" glued to the area code is too easily any other number.
                    return false;
                }

                break;
            case (byte)'0':
                index = text[position..].StartsWith("0086"u8) ? AfterCountryCode(text, position + 2) : position + 1;
                break;
            default:
                return false;
        }

        if (index < 0)
        {
            return false;
        }

        int codeLength = AreaCodes.Read(text, index, out int code);
        if (codeLength == 0)
        {
            return false;
        }

        index += codeLength;
        if (bracketed)
        {
            if (RecognizerBytes.At(text, index) != ')')
            {
                return false;
            }

            index++;
        }

        if (RecognizerBytes.At(text, index) is (byte)' ' or (byte)'-')
        {
            index++;
        }

        if (!TryReadSubscriber(text, index, out int subscriberLength, out int end))
        {
            return false;
        }

        end = AfterExtension(text, end);
        if (!RecognizerBytes.IsClearAfter(text, end) || (RecognizerBytes.At(text, end) == '-' && RecognizerBytes.DigitAt(text, end + 1)))
        {
            return false;
        }

        byte allowed = AreaCodes.SubscriberLengths(code);
        byte actual = subscriberLength == 7 ? AreaCodes.Seven : AreaCodes.Eight;
        if ((allowed & actual) != 0)
        {
            finding = new Finding(IdentifierType.CnLandline, position, end - position, ValidatedScore);
            return true;
        }

        if (codeLength == 2)
        {
            return false;
        }

        finding = new Finding(IdentifierType.CnLandline, position, end - position, OtherLengthScore, FindingTraits.Weak);
        return true;
    }

    /// <summary>Returns where the area code starts after <c>86</c> at <paramref name="index"/> and one optional separator, or -1.</summary>
    private static int AfterCountryCode(ReadOnlySpan<byte> text, int index)
    {
        if (!text[index..].StartsWith("86"u8))
        {
            return -1;
        }

        index += 2;
        if (RecognizerBytes.At(text, index) is (byte)' ' or (byte)'-')
        {
            index++;
        }

        // "+86 (0)10 …" keeps the trunk 0 in brackets.
        if (text[index..].StartsWith("(0)"u8))
        {
            index += 3;
        }

        return index;
    }

    /// <summary>Reads a subscriber number of seven or eight digits starting with 2–9, split at most once after its third or fourth digit.</summary>
    private static bool TryReadSubscriber(ReadOnlySpan<byte> text, int start, out int length, out int end)
    {
        length = 0;
        end = start;
        if (RecognizerBytes.At(text, start) is < (byte)'2' or > (byte)'9')
        {
            return false;
        }

        int first = RecognizerBytes.DigitRun(text, start);
        if (first is 7 or 8)
        {
            length = first;
            end = start + first;
            return true;
        }

        if (first is 3 or 4 && RecognizerBytes.At(text, start + first) is (byte)' ' or (byte)'-')
        {
            int second = RecognizerBytes.DigitRun(text, start + first + 1);
            if (first + second is 7 or 8 && second >= 3)
            {
                length = first + second;
                end = start + first + 1 + second;
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns the end of an extension (<c>-123</c>, <c>转123</c>) at <paramref name="end"/>, or <paramref name="end"/> when there is none.</summary>
    private static int AfterExtension(ReadOnlySpan<byte> text, int end)
    {
        int digits;
        if (RecognizerBytes.At(text, end) == '-')
        {
            digits = RecognizerBytes.DigitRun(text, end + 1);
            return digits is >= 1 and <= MaxExtensionDigits ? end + 1 + digits : end;
        }

        if (RecognizerBytes.CharAt(text, end, Transfer))
        {
            digits = RecognizerBytes.DigitRun(text, end + 3);
            return digits is >= 1 and <= MaxExtensionDigits ? end + 3 + digits : end;
        }

        return end;
    }
}
