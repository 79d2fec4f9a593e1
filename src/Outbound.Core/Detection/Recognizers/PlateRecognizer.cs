using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds mainland motor-vehicle number plates (机动车号牌) laid out as GA 36-2018 prescribes.</summary>
/// <remarks>
/// <para>
/// A plate is a province abbreviation (京, 粤, …), an issuing-authority letter, an optional separator (<c>·</c>, <c>•</c>,
/// space or dash) and then one of:
/// five serial characters (ordinary plates, 粤B·12345; at most three letters);
/// six for new-energy plates: small cars D/A/B/C/E or F/G/H/J/K, one letter or digit, four digits (粤B·D12345,
/// 粤B·DF1234); large vehicles five digits and D or F (粤B·12345D);
/// four serial characters and a class character: 警 police, 学 driving school, 挂 trailer, 领 consulate, and 港/澳
/// for Hong Kong and Macau cross-boundary vehicles (粤Z only).
/// Embassy plates are 使 and six digits (使014578, 使014·578).
/// </para>
/// <para>
/// Triggers: the scanner offers the first byte of every ASCII letter-or-digit run, and the authority letter after a
/// province character always starts one, so the recognizer triggers on A–Z and looks back three bytes for the province;
/// embassy plates trigger on 0xBF, the last byte of 使 (E4 BD BF), which ends only about one Chinese character in 64.
/// Triggering on the province characters' lead bytes instead (0xE4–0xE9) stops the vectorised search at nearly every
/// Chinese character: on the benchmark's Chinese records it was 4–6 times slower, and triggering on digits for embassy
/// plates twice as slow. Lowercase letters are not accepted. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class PlateRecognizer : IRecognizer
{
    private const float OrdinaryScore = 0.9f;
    private const float NewEnergyScore = 0.95f;
    private const float ClassScore = 0.95f;
    private const int MaxOrdinaryLetters = 3;

    // The authority letters, and 0xBF, the last byte of 使 (E4 BD BF).
    private static readonly SearchValues<byte> TriggerBytes = SearchValues.Create([.. "ABCDEFGHJKLMNOPQRSTUVWXYZ"u8, 0xBF]);

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.CnPlate;

    /// <inheritdoc/>
    public SearchValues<byte> Triggers => TriggerBytes;

    /// <inheritdoc/>
    public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
    {
        return text[position] == 0xBF
            ? TryMatchEmbassy(text, position + 1, out finding)
            : TryMatchProvincial(text, position, out finding);
    }

    private static bool TryMatchProvincial(ReadOnlySpan<byte> text, int position, out Finding finding)
    {
        finding = default;
        int start = position - 3;
        if (!PlateRules.IsAuthority(text[position]) || !PlateRules.IsProvinceAt(text, start) || !RecognizerBytes.IsClearBefore(text, start))
        {
            return false;
        }

        int serial = position + 1;
        serial += PlateRules.SeparatorLength(text, serial);

        // Serial characters available, up to six.
        int available = 0;
        while (available < 7 && PlateRules.IsSerial(RecognizerBytes.At(text, serial + available)))
        {
            available++;
        }

        if (available == 6 && IsNewEnergy(text.Slice(serial, 6)) && RecognizerBytes.IsClearAfter(text, serial + 6))
        {
            finding = new Finding(IdentifierType.CnPlate, start, serial + 6 - start, NewEnergyScore);
            return true;
        }

        if (available == 5 && IsOrdinary(text.Slice(serial, 5)) && RecognizerBytes.IsClearAfter(text, serial + 5))
        {
            finding = new Finding(IdentifierType.CnPlate, start, serial + 5 - start, OrdinaryScore);
            return true;
        }

        if (available == 4 && HasClassSuffix(text, start, serial + 4) && RecognizerBytes.IsClearAfter(text, serial + 7))
        {
            finding = new Finding(IdentifierType.CnPlate, start, serial + 7 - start, ClassScore);
            return true;
        }

        return false;
    }

    /// <summary>使 and six digits, optionally after a space and split 3+3; <paramref name="digits"/> is just past 使.</summary>
    private static bool TryMatchEmbassy(ReadOnlySpan<byte> text, int digits, out Finding finding)
    {
        finding = default;
        int start = digits - 3;
        if (!RecognizerBytes.CharAt(text, start, PlateRules.Embassy) || !RecognizerBytes.IsClearBefore(text, start))
        {
            return false;
        }

        if (RecognizerBytes.At(text, digits) == ' ')
        {
            digits++;
        }

        int run = RecognizerBytes.DigitRun(text, digits);
        int end;
        if (run == 6)
        {
            end = digits + 6;
        }
        else if (run == 3 && PlateRules.SeparatorLength(text, digits + 3) is int separator and > 0
            && RecognizerBytes.DigitRun(text, digits + 3 + separator) == 3)
        {
            end = digits + 3 + separator + 3;
        }
        else
        {
            return false;
        }

        if (!RecognizerBytes.IsClearAfter(text, end))
        {
            return false;
        }

        finding = new Finding(IdentifierType.CnPlate, start, end - start, ClassScore);
        return true;
    }

    private static bool IsNewEnergy(ReadOnlySpan<byte> serial)
    {
        bool lastFourDigits = !serial[2..].ContainsAnyExceptInRange((byte)'0', (byte)'9');
        if (PlateRules.IsSmallNewEnergyMark(serial[0]) && lastFourDigits)
        {
            return true;
        }

        return !serial[..5].ContainsAnyExceptInRange((byte)'0', (byte)'9') && PlateRules.IsLargeNewEnergyMark(serial[5]);
    }

    private static bool IsOrdinary(ReadOnlySpan<byte> serial)
    {
        int letters = 0;
        foreach (byte value in serial)
        {
            if (!RecognizerBytes.IsDigit(value))
            {
                letters++;
            }
        }

        return letters <= MaxOrdinaryLetters;
    }

    private static bool HasClassSuffix(ReadOnlySpan<byte> text, int start, int suffix)
    {
        if (suffix + 3 > text.Length)
        {
            return false;
        }

        int key = RecognizerBytes.Utf8Key(text, suffix);
        if (key == PlateRules.HongKong || key == PlateRules.Macau)
        {
            return RecognizerBytes.Utf8Key(text, start) == PlateRules.Guangdong && text[start + 3] == 'Z';
        }

        return key == PlateRules.Police || key == PlateRules.DrivingSchool || key == PlateRules.Trailer || key == PlateRules.Consulate;
    }
}
