using System.Collections.Frozen;
using System.Text;

namespace Outbound.Detection.Recognizers;

/// <summary>The level of an administrative division in GB/T 2260.</summary>
internal enum DivisionLevel : byte
{
    /// <summary>Not a division.</summary>
    None,

    /// <summary>省级: province, municipality, autonomous region, special administrative region.</summary>
    Province,

    /// <summary>地级: prefecture-level city, prefecture, autonomous prefecture, league.</summary>
    City,

    /// <summary>县级: district, county, county-level city, banner.</summary>
    County,
}

/// <summary>What one part of an address is.</summary>
internal enum AddressPart : byte
{
    /// <summary>Nothing recognised.</summary>
    None,

    /// <summary>An administrative division name (北京市, 朝阳区).</summary>
    Division,

    /// <summary>A road or street name with its suffix (中山路, 人民大道, 长安街).</summary>
    Road,

    /// <summary>A named place below the county: town, village, residential compound, building (张家村, 阳光小区, 国贸大厦).</summary>
    Place,

    /// <summary>A number with its unit (88号, 3栋, 2单元, 501室, A座), or a bare room number after one.</summary>
    Number,
}

/// <summary>The tables and component parsers behind <see cref="AddressRecognizer"/>: divisions, roads, places and numbers.</summary>
/// <remarks>Tables are built once from embedded data and never change; every member is thread-safe and allocation-free.</remarks>
internal static class AddressRules
{
    private const string DivisionsResource = "Outbound.Detection.Data.cn-divisions.tsv";
    private const int MinEstateChars = 2;
    private const int MaxEstateChars = 6;

    // Characters that end a road or place name when met inside it: grammatical words and division suffixes.
    private static readonly HanSet NameBreakers = new("的了在是与及或我你他她它们这那个到从往去说也都就要会能把被给对很不没住于至为送寄址请将已并但而又还让着吗呢吧啊该每某所省市区县");

    // A road or place may start right after one of these, even inside a run of Chinese text.
    private static readonly HanSet LeftDelimiters = new("的了在是与及或我你他她它们到从往去住于至为送寄址请将已并但而又还让近位处省市区县州镇乡村");

    private static readonly HanSet ChineseNumerals = new("一二三四五六七八九十百千零两");

    private static readonly HanWords RoadSuffixes = new("大道", "大街", "胡同", "路口", "街口", "路", "街", "巷", "弄", "道");

    private static readonly HanWords PlaceSuffixes = new(
        "工业园", "开发区", "居委会", "村委会", "小区", "花园", "家园", "嘉园", "公寓", "大厦", "广场", "中心", "新村", "街道", "社区",
        "园区", "大楼", "商城", "公馆", "华庭", "名苑", "别墅", "山庄", "村", "镇", "乡", "苑", "庄", "屯", "城", "坊");

    // Zones named without a place name of their own after a city (成都市高新区).
    private static readonly HanWords Zones = new("高新区", "经开区", "开发区", "保税区", "自贸区", "工业园区", "新区");

    private static readonly HanWords NumberUnits = new("号院", "号楼", "单元", "号", "弄", "栋", "幢", "座", "室", "楼", "层", "户", "组", "排", "期", "巷", "区");

    // Units of a building inside an estate (5栋, 2单元, 2304室); an estate name is taken only before one of them or before a suffix.
    private static readonly HanWords BuildingUnits = new("号楼", "单元", "栋", "幢", "座", "室", "层", "楼");

    // Words that end the name of a residential estate or a building complex (翠苑, 御景华府, 书香门第, 滨江壹号).
    private static readonly HanWords EstateSuffixes = new(
        "小区", "花园", "公寓", "大厦", "广场", "中心", "家园", "嘉园", "新村", "门第", "壹号", "一号", "公馆", "山庄", "华庭", "名邸", "大楼",
        "商城", "园区", "苑", "园", "府", "城", "里", "庭", "居", "湾", "邸", "郡", "阁", "轩", "墅", "坊", "院");

    private static readonly HanWords AfterRoad = new("东段", "西段", "南段", "北段", "中段", "辅路", "支路");

    // Labels after which a value is an address, in Chinese and as JSON keys.
    private static readonly HanWords Labels = new(
        "地址", "住址", "居住地", "户籍地", "通讯地址", "收货地址", "送货地址", "收件地址", "寄件地址", "家庭住址", "户籍地址", "居住地址",
        "详细地址", "现住址");

    private static readonly FrozenSet<string> AddressKeys = FrozenSet.Create(
        StringComparer.Ordinal,
        "address", "addr", "homeaddress", "shippingaddress", "deliveryaddress", "receiveraddress", "street", "streetaddress", "dz", "zhuzhi", "dizhi");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AddressKeyLookup = AddressKeys.GetAlternateLookup<ReadOnlySpan<char>>();

    // Keys that end in "address" but name no place.
    private static readonly string[] NotAddressKeys = ["email", "mail", "ip", "mac", "remote", "local", "server", "host", "wallet", "contract", "bluetooth", "bt", "wifi", "hardware", "device"];

    // Division names by their first character, longest first.
    private static readonly FrozenDictionary<int, Division[]> Divisions = LoadDivisions();

    private static readonly HanSet DivisionFirsts = new(string.Concat(Divisions.Keys.Select(key => (char)key)));

    /// <summary>Returns the byte length of the division name at <paramref name="index"/>, or 0.</summary>
    /// <param name="text">The text.</param>
    /// <param name="index">Where the name would start.</param>
    /// <param name="afterDivision">Whether a division precedes: only then may a bare county name (朝阳 for 朝阳区) or a generic one (城区) follow.</param>
    /// <param name="level">The level of the division found.</param>
    /// <param name="above">Only divisions below this level count (a county after a city, not another city).</param>
    public static int DivisionAt(ReadOnlySpan<byte> text, int index, bool afterDivision, out DivisionLevel level, DivisionLevel above = DivisionLevel.None)
    {
        level = DivisionLevel.None;
        int first = HanText.DecodeAt(text, index);
        if (!DivisionFirsts.Contains(first) || !Divisions.TryGetValue(first, out var candidates))
        {
            return 0;
        }

        var rest = text[index..];
        foreach (var division in candidates)
        {
            if ((division.NeedsParent && !afterDivision) || division.Level <= above || !rest.StartsWith(division.Utf8))
            {
                continue;
            }

            level = division.Level;
            return division.Utf8.Length;
        }

        return 0;
    }

    /// <summary>Returns <see langword="true"/> when a road or place name may start at <paramref name="index"/>: after a non-Chinese character or a grammatical word.</summary>
    public static bool MayStartName(ReadOnlySpan<byte> text, int index)
    {
        if (index == 0)
        {
            return true;
        }

        int before = HanText.DecodeBefore(text, index);
        return !HanText.IsHan(before) || LeftDelimiters.Contains(before);
    }

    /// <summary>Returns <see langword="true"/> when an address label (地址, 住址, a JSON key such as <c>"address"</c>) ends just before <paramref name="index"/>.</summary>
    public static bool HasLabelBefore(ReadOnlySpan<byte> text, int index)
    {
        int end = LabelText.SkipSeparatorsBackward(text, index);
        return Labels.EndsBefore(text, end) || LabelText.AsciiKeyBefore(text, end, AddressKeyLookup, "address", NotAddressKeys);
    }

    /// <summary>Returns the byte length of the address part at <paramref name="index"/> and what it is.</summary>
    /// <param name="text">The text.</param>
    /// <param name="index">Where the part would start.</param>
    /// <param name="first">Whether this is the first part: then only a division, road or place may start it.</param>
    /// <param name="mayStartName">Whether a road or place name may start here.</param>
    /// <param name="previous">The part before, if any.</param>
    /// <param name="lastLevel">The level of the last division so far, <see cref="DivisionLevel.None"/> before any; updated when a division is found.</param>
    /// <param name="part">What was found.</param>
    public static int PartAt(
        ReadOnlySpan<byte> text, int index, bool first, bool mayStartName, AddressPart previous, ref DivisionLevel lastLevel, out AddressPart part)
    {
        part = AddressPart.None;
        int best = 0;

        // Divisions go down a level at a time (省 → 市 → 区): 上海天津香港 is a list of places, not an address.
        int division = DivisionAt(text, index, previous == AddressPart.Division, out var level, above: lastLevel);
        if (division > best)
        {
            (best, part) = (division, AddressPart.Division);
        }

        if (previous == AddressPart.Division && lastLevel < DivisionLevel.County)
        {
            int zone = ZoneAt(text, index);
            if (zone > best)
            {
                (best, part) = (zone, AddressPart.Division);
                level = DivisionLevel.County;
            }
        }

        if (mayStartName)
        {
            int named = NamedPartAt(text, index, out var kind);
            if (named > best)
            {
                (best, part) = (named, kind);
            }
        }

        if (!first)
        {
            int number = NumberAt(text, index, previous);
            if (number > best)
            {
                (best, part) = (number, AddressPart.Number);
            }
        }

        if (part == AddressPart.Division)
        {
            lastLevel = level;
        }

        return best;
    }

    /// <summary>
    /// Returns the byte length of a zone or district missing from the division table after a division: a development
    /// zone (成都市高新区) or a short name ending in 区 (东莞市南城区), or 0.
    /// </summary>
    public static int ZoneAt(ReadOnlySpan<byte> text, int index)
    {
        int best = Zones.LongestAt(text, index);
        for (int nameChars = 1; nameChars <= 3 && best == 0; nameChars++)
        {
            int codePoint = HanText.DecodeAt(text, index + ((nameChars - 1) * HanText.Width));
            if (!HanText.IsHan(codePoint) || NameBreakers.Contains(codePoint))
            {
                break;
            }

            if (HanText.DecodeAt(text, index + (nameChars * HanText.Width)) == '区')
            {
                best = (nameChars + 1) * HanText.Width;
            }
        }

        return best;
    }

    /// <summary>
    /// Returns the byte length of a road (中山路, 人民大道, 中山北路东段) or a named place (张家村, 阳光小区) at
    /// <paramref name="index"/>, whichever is longer, or 0.
    /// </summary>
    public static int NamedPartAt(ReadOnlySpan<byte> text, int index, out AddressPart part)
    {
        // Invariant: 0 while no suffix was met; -1 once one was met that does not make a road or place.
        int road = 0;
        int place = 0;
        int i = index;
        for (int nameChars = 0; nameChars <= 8 && (road == 0 || place == 0); nameChars++)
        {
            if (nameChars >= 1)
            {
                int suffix = road == 0 ? RoadSuffixes.LongestAt(text, i) : 0;
                if (suffix > 0)
                {
                    // A bare 道 after one character is a word (知道, 味道, 渠道), not a road.
                    bool word = suffix == HanText.Width && nameChars == 1 && HanText.DecodeAt(text, i) == '道';
                    road = word ? -1 : i + suffix - index;
                }

                suffix = place == 0 ? PlaceSuffixes.LongestAt(text, i) : 0;
                if (suffix > HanText.Width || (suffix > 0 && nameChars >= 2))
                {
                    place = i + suffix - index;
                }
            }

            int codePoint = HanText.DecodeAt(text, i);
            if (!HanText.IsHan(codePoint) || NameBreakers.Contains(codePoint))
            {
                break;
            }

            i += HanText.Width;
        }

        if (road > 0)
        {
            road += RoadTail(text, index + road);
        }

        part = road <= 0 && place <= 0 ? AddressPart.None : road >= place ? AddressPart.Road : AddressPart.Place;
        return Math.Max(0, Math.Max(road, place));
    }

    /// <summary>Returns the byte length of a number with its unit at <paramref name="index"/> (88号, 3栋, A座, 1201室), or 0.</summary>
    public static int NumberAt(ReadOnlySpan<byte> text, int index, AddressPart previous)
    {
        int i = index;
        int digits = 0;
        bool asciiOnly = true;
        while (true)
        {
            int width = NumeralWidth(text, i);
            if (width == 0)
            {
                // 3-2-501: a dash joins digit groups.
                if (digits > 0 && unchecked((uint)i < (uint)text.Length) && text[i] == (byte)'-' && IsAsciiDigit(text, i + 1))
                {
                    i++;
                    continue;
                }

                break;
            }

            asciiOnly &= width == 1;
            digits++;
            i += width;
        }

        bool letter = false;
        if (digits == 0)
        {
            // A building letter: A座, B栋, C区.
            if (!unchecked((uint)i < (uint)text.Length) || !char.IsAsciiLetter((char)text[i]) || HanText.IsAsciiLetterOrDigitAt(text, i + 1))
            {
                return 0;
            }

            letter = true;
            i++;
        }
        else if (HanText.IsAsciiLetterOrDigitAt(text, index - 1) && IsAsciiDigit(text, index))
        {
            return 0;
        }

        if (unchecked((uint)i < (uint)text.Length) && text[i] == (byte)'#')
        {
            i++;
        }

        int unit = NumberUnits.LongestAt(text, i);
        if (unit > 0 && !(letter && HanText.DecodeAt(text, i) is '号' or '弄' or '户' or '组' or '巷'))
        {
            return i + unit - index;
        }

        // A room number without 室 after a building part: 3号楼2单元501.
        if (!letter && asciiOnly && digits >= 2 && previous == AddressPart.Number && !HanText.IsAsciiLetterOrDigitAt(text, i)
            && text[i - 1] != (byte)'#')
        {
            return i - index;
        }

        return 0;
    }

    /// <summary>
    /// Returns the byte length of an estate or building name after a house number (…404号翠苑5栋, …959号书香门第), or 0: two to six
    /// Chinese characters followed by a building, unit or room number (5栋, 2单元, 801室), or ending in an estate suffix
    /// (苑, 华府, 门第) right before punctuation, a space or the end of the text.
    /// </summary>
    public static int EstateAt(ReadOnlySpan<byte> text, int index)
    {
        int i = index;
        for (int nameChars = 0; nameChars < MaxEstateChars; nameChars++)
        {
            int codePoint = HanText.DecodeAt(text, i);
            if (!HanText.IsHan(codePoint) || NameBreakers.Contains(codePoint))
            {
                return 0;
            }

            i += HanText.Width;
            if (nameChars + 1 < MinEstateChars)
            {
                continue;
            }

            if (BuildingNumberAt(text, i) > 0)
            {
                return i - index;
            }

            // 翠苑， and 翠苑的快递柜: punctuation, a space, the end of the text or 的 ends the name.
            int after = HanText.DecodeAt(text, i);
            if ((after == '的' || (!HanText.IsHan(after) && !HanText.IsAsciiLetterOrDigitAt(text, i))) && EstateSuffixes.EndsBefore(text, i)
                && !IsNumeralLed(text, index, i))
            {
                return i - index;
            }
        }

        return 0;
    }

    // A building, unit or room number in digits or a letter: 5栋, 16#楼, 2单元, A座, 2304室.
    private static int BuildingNumberAt(ReadOnlySpan<byte> text, int index)
    {
        int i = index;
        while (IsAsciiDigit(text, i))
        {
            i++;
        }

        if (i == index)
        {
            if (!unchecked((uint)i < (uint)text.Length) || !char.IsAsciiLetter((char)text[i]) || HanText.IsAsciiLetterOrDigitAt(text, i + 1))
            {
                return 0;
            }

            i++;
        }

        if (unchecked((uint)i < (uint)text.Length) && text[i] == (byte)'#')
        {
            i++;
        }

        int unit = BuildingUnits.LongestAt(text, i);
        return unit == 0 ? 0 : i + unit - index;
    }

    // 三号院, 一号: a numbered name, not an estate name.
    private static bool IsNumeralLed(ReadOnlySpan<byte> text, int start, int end) =>
        NumeralWidth(text, start) > 0 && end - start == 2 * HanText.Width;

    private static int NameWithSuffix(ReadOnlySpan<byte> text, int index, HanWords suffixes, int minimumForSingle, out int suffixChar)
    {
        suffixChar = 0;
        int i = index;
        for (int nameChars = 0; nameChars <= 8; nameChars++)
        {
            if (nameChars >= 1)
            {
                int suffix = suffixes.LongestAt(text, i);
                if (suffix > HanText.Width || (suffix > 0 && nameChars >= minimumForSingle))
                {
                    suffixChar = HanText.DecodeAt(text, i + suffix - HanText.Width);
                    return i + suffix - index;
                }
            }

            int codePoint = HanText.DecodeAt(text, i);
            if (!HanText.IsHan(codePoint) || NameBreakers.Contains(codePoint))
            {
                return 0;
            }

            i += HanText.Width;
        }

        return 0;
    }

    // 东段, 辅路, 四段 after a road name.
    private static int RoadTail(ReadOnlySpan<byte> text, int end)
    {
        int tail = AfterRoad.LongestAt(text, end);
        if (tail > 0)
        {
            return tail;
        }

        int numeral = NumeralWidth(text, end);
        return numeral > 0 && HanText.DecodeAt(text, end + numeral) == '段' ? numeral + HanText.Width : 0;
    }

    private static int NumeralWidth(ReadOnlySpan<byte> text, int index)
    {
        if (IsAsciiDigit(text, index))
        {
            return 1;
        }

        // Fullwidth digits U+FF10–U+FF19 are EF BC 90–99.
        if (index <= text.Length - 3 && text[index] == 0xEF && text[index + 1] == 0xBC && text[index + 2] is >= 0x90 and <= 0x99)
        {
            return 3;
        }

        // 〇 (U+3007) sits outside the ideograph block.
        int codePoint = HanText.DecodeAt(text, index);
        return codePoint == 0x3007 || ChineseNumerals.Contains(codePoint) ? HanText.Width : 0;
    }

    private static bool IsAsciiDigit(ReadOnlySpan<byte> text, int index) =>
        unchecked((uint)index < (uint)text.Length) && char.IsAsciiDigit((char)text[index]);

    private static FrozenDictionary<int, Division[]> LoadDivisions()
    {
        var byFirst = new Dictionary<int, List<Division>>();
        foreach (string line in HanText.ReadDataLines(DivisionsResource))
        {
            string[] cells = line.Split('\t');
            string code = cells[0];
            var level = code.EndsWith("0000", StringComparison.Ordinal) ? DivisionLevel.Province
                : code.EndsWith("00", StringComparison.Ordinal) ? DivisionLevel.City
                : DivisionLevel.County;

            // A county's full name of two characters is generic (城区, 郊区, 东区): like a bare county name, it needs a parent.
            Add(cells[1], needsParent: level == DivisionLevel.County && cells[1].Length <= 2);
            if (cells.Length > 2)
            {
                Add(cells[2], needsParent: level == DivisionLevel.County);
            }

            void Add(string name, bool needsParent)
            {
                if (!byFirst.TryGetValue(name[0], out var list))
                {
                    byFirst[name[0]] = list = [];
                }

                list.Add(new Division(Encoding.UTF8.GetBytes(name), level, needsParent));
            }
        }

        return byFirst.ToFrozenDictionary(
            pair => pair.Key,
            pair => pair.Value.OrderByDescending(division => division.Utf8.Length).ThenBy(division => division.NeedsParent).ToArray());
    }

    private sealed record Division(byte[] Utf8, DivisionLevel Level, bool NeedsParent);
}
