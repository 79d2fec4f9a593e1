using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds Chinese postal addresses (地址): division names, roads, places, numbers, buildings and rooms.</summary>
/// <remarks>
/// A match starts at an administrative division name (GB/T 2260, with or without its suffix 省/市/区/县/自治州…) or at a
/// road or place name, and extends over the parts that follow, with at most one space between them. In running text it
/// needs at least two parts, one of them a road or place (城市 + 路 + 号, 路 + 号 + 室), so a bare city name ("上海的天气")
/// is not an address, nor is a city with its district; a chain of province, city and county is, with a lower score. After an address label (地址：, <c>"address":</c>) or in a field whose name suggests an address, one
/// part is enough. Instances are immutable and thread-safe.
/// </remarks>
public sealed class AddressRecognizer : IRecognizer
{
    private static readonly SearchValues<byte> LeadBytes = SearchValues.Create(HanText.LeadBytes);

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.Address;

    /// <inheritdoc/>
    public SearchValues<byte> Triggers => LeadBytes;

    /// <inheritdoc/>
    public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
    {
        finding = default;
        if (!HanText.IsHan(HanText.DecodeAt(text, position)) || HanText.IsAsciiLetterOrDigitAt(text, position - 1))
        {
            return false;
        }

        bool mayStartName = AddressRules.MayStartName(text, position);
        if (!mayStartName && AddressRules.DivisionAt(text, position, afterDivision: false, out _) == 0)
        {
            return false;
        }

        int end = position;
        int parts = 0;
        int names = 0;
        int numbers = 0;
        int divisions = 0;
        int places = 0;
        var previous = AddressPart.None;
        var lastLevel = DivisionLevel.None;
        while (true)
        {
            int at = parts == 0 ? end : SkipOneSpace(text, end);
            int length = AddressRules.PartAt(text, at, first: parts == 0, mayStartName: parts > 0 || mayStartName, previous, ref lastLevel, out var part);
            if (length == 0 && previous == AddressPart.Number && names >= 1 && at == end && HanText.DecodeBefore(text, end) == '号')
            {
                // An estate or building after the house number: 东风路404号翠苑5栋, 南京路959号书香门第.
                length = AddressRules.EstateAt(text, at);
                part = AddressPart.Place;
            }

            if (length == 0)
            {
                break;
            }

            if (part == AddressPart.Number)
            {
                numbers++;
            }
            else if (part == AddressPart.Division)
            {
                divisions++;
            }
            else
            {
                names++;
                places += part == AddressPart.Place ? 1 : 0;
            }

            parts++;
            previous = part;
            end = at + length;
        }

        float score;
        // Two road names alone (嗓子一路叫上来道) read as prose; a number, a division or a place makes them an address.
        if (parts >= 2 && names >= 1 && (numbers + divisions >= 1 || places >= 1))
        {
            score = numbers == 0 ? 0.8f : parts >= 3 ? 0.95f : 0.9f;
        }
        else if (divisions >= 3 && names == 0)
        {
            // Province, city and county (山东省临沂市兰山区): a place of residence or origin, though no street.
            score = 0.7f;
        }
        else if (parts >= 1 && (context.FieldType == IdentifierType.Address || AddressRules.HasLabelBefore(text, position)))
        {
            score = 0.6f;
        }
        else
        {
            return false;
        }

        finding = new Finding(IdentifierType.Address, position, end - position, score, score < 0.85f ? FindingTraits.Weak : FindingTraits.None);
        return true;
    }

    private static int SkipOneSpace(ReadOnlySpan<byte> text, int index)
    {
        if (unchecked((uint)index < (uint)text.Length) && text[index] == (byte)' ')
        {
            return index + 1;
        }

        // The ideographic space U+3000 is E3 80 80.
        return index <= text.Length - 3 && text[index] == 0xE3 && text[index + 1] == 0x80 && text[index + 2] == 0x80 ? index + 3 : index;
    }
}
