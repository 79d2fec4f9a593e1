using System.Collections.Frozen;
using System.Globalization;

namespace Outbound.Detection.Recognizers;

/// <summary>A surname found in text.</summary>
/// <param name="Characters">Its length in characters: 1, or 2 for a compound surname (欧阳, 司马).</param>
/// <param name="Weight">0 when listed only (a rare surname, or a character that is mostly something else); 1 to 100 for a common surname, by its share of names.</param>
/// <param name="IsWord">Whether its character is also a frequent word on its own (于 "at", 高 "tall", 张 a measure word).</param>
internal readonly record struct Surname(int Characters, int Weight, bool IsWord)
{
    /// <summary>Gets a value indicating whether the surname is among the common ones.</summary>
    public bool IsCommon => Weight > 0;
}

/// <summary>The tables behind <see cref="PersonNameRecognizer"/>: surnames, given-name characters, words to avoid, context words and pinyin.</summary>
/// <remarks>Tables are built once from embedded data and never change; every member is thread-safe and allocation-free.</remarks>
internal static class PersonNameRules
{
    /// <summary>A given-name character at least this likely is plausible in running text.</summary>
    public const int Plausible = 25;

    /// <summary>A given-name character at least this likely is strong evidence in running text.</summary>
    public const int Strong = 40;

    /// <summary>A given-name character at least this likely (or unknown) is accepted where the context already says "name".</summary>
    public const int Acceptable = 10;

    /// <summary>The weight of a Chinese character missing from the given-name table (a rare character).</summary>
    public const int Unknown = -1;

    /// <summary>The weight of anything that is not a Chinese character.</summary>
    public const int NotHan = -2;

    private const string SurnamesResource = "Outbound.Detection.Data.cn-surnames.tsv";
    private const string GivenNameCharsResource = "Outbound.Detection.Data.cn-given-name-chars.tsv";
    private const string StopWordsResource = "Outbound.Detection.Data.cn-name-stopwords.txt";
    private const string SyllablesResource = "Outbound.Detection.Data.pinyin-syllables.txt";
    private const int MaxPinyinLetters = 12;
    private const int MaxOrganisationChars = 32;

    // Invariant: 0 not a surname; 1 listed only; 2 + weight for a common surname. Indexed by code point - HanText.First.
    private static readonly byte[] SingleSurnames = new byte[HanText.Count];

    private static readonly byte[] WordSurnames = new byte[HanText.Count];

    // Invariant: 0 unknown; 1 + weight otherwise.
    private static readonly byte[] GivenNameChars = new byte[HanText.Count];

    private static readonly (FrozenDictionary<int, byte> Compounds, FrozenSet<ulong> Pinyin) Surnames = LoadSurnames();

    private static readonly HanSet CompoundFirsts = new(string.Concat(Surnames.Compounds.Keys.Select(key => (char)((key / HanText.Count) + HanText.First))));

    private static readonly int GivenNameCharCount = LoadGivenNameChars();

    private static readonly (FrozenDictionary<int, bool> Pairs, FrozenDictionary<long, bool> Triples) StopWords = LoadStopWords();

    private static readonly FrozenSet<ulong> Syllables = LoadSyllables();

    // Labels after which a value is a name, with or without a colon: 姓名：张三, 收件人 李四.
    private static readonly HanWords StrongLabels = new(
        "姓名", "名字", "联系人", "收件人", "收货人", "寄件人", "发件人", "取件人", "持卡人", "开户人", "户名", "开户名", "账户名", "车主",
        "申请人", "法定代表人", "法人代表", "负责人", "经办人", "签名", "签字", "投保人", "被保险人", "受益人", "借款人", "担保人", "监护人",
        "入住人", "预订人", "承租人", "出租人", "乘车人", "就诊人", "业主", "房东", "租客", "持证人", "持有人", "处理人", "驾驶员", "驾驶人", "报案人", "登记人");

    // Role words a name often follows directly (司机王五); they need plausible given-name characters.
    private static readonly HanWords Roles = new(
        "司机", "乘客", "客户", "用户", "患者", "病人", "医生", "护士", "老师", "教师", "经理", "同学", "学生", "员工", "律师", "记者", "警官",
        "民警", "教授", "主任", "主管", "师傅", "工程师", "会计", "店长", "老板", "同事", "朋友", "邻居", "丈夫", "妻子", "儿子", "女儿",
        "父亲", "母亲", "爸爸", "妈妈", "家长", "作者", "叫", "名叫", "会员", "骑手", "快递员", "配送员", "送货员", "外卖员", "业务员", "客服",
        "职员", "候选人", "学员", "住户", "租户", "访客", "联系", "您好", "你好", "登记");

    // Endings of organisation names (北京瑞丰电子商务有限公司, 第一人民医院): a value ending in one is no person's name.
    private static readonly HanWords OrganisationSuffixes = new(
        "有限公司", "公司", "集团", "银行", "医院", "学校", "大学", "学院", "中学", "小学", "幼儿园", "商行", "商店", "超市", "店", "厂", "中心",
        "工作室", "事务所", "研究所", "协会", "委员会", "合作社", "门诊部", "诊所", "酒店", "宾馆", "餐厅", "药房", "分行", "支行", "局", "站");

    // Titles after a surname, with or without the given name: 王先生, 李小明女士.
    private static readonly HanWords Titles = new(
        "先生", "女士", "小姐", "同学", "老师", "经理", "医生", "律师", "教授", "主任", "师傅", "阿姨", "大夫", "总监", "总经理", "董事长",
        "局长", "处长", "科长", "院长", "校长", "部长", "书记", "护士", "警官", "博士", "老板", "夫人", "太太", "叔叔", "工程师", "主管",
        "店长", "总裁", "院士", "老先生", "老太太", "老太爷", "老爷子", "老人家");

    private static readonly FrozenSet<string> NameKeys = FrozenSet.Create(
        StringComparer.Ordinal,
        "name", "fullname", "realname", "contact", "contactname", "receiver", "receivername", "recipient", "recipientname", "consignee",
        "driver", "drivername", "owner", "ownername", "holder", "holdername", "cardholder", "customer", "customername", "patient",
        "patientname", "passenger", "passengername", "xm", "xingming", "buyer", "seller", "sender", "shipper", "payer", "payee", "applicant",
        "employee", "member", "guest", "courier", "rider", "assignee", "handler");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NameKeyLookup = NameKeys.GetAlternateLookup<ReadOnlySpan<char>>();

    // Keys that end in "name" but name no person.
    private static readonly string[] NotPersonKeys =
    [
        "user", "nick", "login", "account", "screen", "display", "file", "path", "dir", "folder", "host", "domain", "server", "app",
        "company", "corp", "org", "enterprise", "merchant", "shop", "store", "brand", "product", "goods", "item", "sku", "model", "device",
        "vehicle", "car", "plate", "city", "street", "road", "province", "district", "county", "town", "country", "region", "place",
        "bank", "school", "class", "table", "column", "field", "key", "type", "category", "event", "job", "task", "project", "image",
        "icon", "font", "tag", "group", "team", "dept", "department", "service", "module", "package", "resource", "bucket", "queue",
        "topic", "channel", "app", "sheet", "db", "database", "schema", "index", "role", "permission", "network", "ssid", "bluetooth",
    ];

    /// <summary>Gets the number of characters in the given-name table.</summary>
    public static int GivenNameCharacters => GivenNameCharCount;

    /// <summary>Reads the surname at <paramref name="index"/>: a compound surname if one is there, else a single one.</summary>
    /// <returns><see langword="false"/> when no listed surname starts there.</returns>
    public static bool TryReadSurname(ReadOnlySpan<byte> text, int index, out Surname surname)
    {
        surname = default;
        int first = HanText.DecodeAt(text, index);
        if (!HanText.IsHan(first))
        {
            return false;
        }

        if (CompoundFirsts.Contains(first))
        {
            int second = HanText.DecodeAt(text, index + HanText.Width);
            if (HanText.IsHan(second) && Surnames.Compounds.TryGetValue(HanText.Pack(first, second), out byte compound))
            {
                surname = new Surname(2, compound - 1, IsWord: false);
                return true;
            }
        }

        byte single = SingleSurnames[first - HanText.First];
        if (single == 0)
        {
            return false;
        }

        surname = new Surname(1, single - 1, WordSurnames[first - HanText.First] != 0);
        return true;
    }

    /// <summary>Returns how likely <paramref name="codePoint"/> is in a given name: 0 to 100, <see cref="Unknown"/> or <see cref="NotHan"/>.</summary>
    public static int GivenNameWeight(int codePoint)
    {
        if (!HanText.IsHan(codePoint))
        {
            return NotHan;
        }

        // 氏 after a surname marks a clan or a married woman (王氏, 邓氏家族), never a given name.
        if (codePoint == '氏')
        {
            return 0;
        }

        int value = GivenNameChars[codePoint - HanText.First];
        return value == 0 ? Unknown : value - 1;
    }

    /// <summary>Returns <see langword="true"/> when a given-name character of weight <paramref name="weight"/> is accepted where the context says "name".</summary>
    public static bool IsAcceptable(int weight) => weight == Unknown || weight >= Acceptable;

    /// <summary>Returns <see langword="true"/> when the two characters are a frequent word that begins or ends with a surname character.</summary>
    /// <param name="first">The first character.</param>
    /// <param name="second">The second character.</param>
    /// <param name="alsoName">Whether the word is also a person's name (高明, 文明 in the source dictionary).</param>
    public static bool IsStopWord(int first, int second, out bool alsoName)
    {
        alsoName = false;
        return HanText.IsHan(first) && HanText.IsHan(second) && StopWords.Pairs.TryGetValue(HanText.Pack(first, second), out alsoName);
    }

    /// <summary>Returns <see langword="true"/> when the three characters are a frequent word that begins with a surname character.</summary>
    public static bool IsStopWord(int first, int second, int third) =>
        HanText.IsHan(first) && HanText.IsHan(second) && HanText.IsHan(third) && StopWords.Triples.ContainsKey(HanText.Pack(first, second, third));

    /// <summary>Returns the byte length of a title (先生, 女士, 老师…) at <paramref name="index"/>, or 0.</summary>
    public static int TitleAt(ReadOnlySpan<byte> text, int index) => Titles.LongestAt(text, index);

    /// <summary>Describes the label before <paramref name="index"/>: a name label (姓名：, 收件人, <c>"name":</c>), a role word (司机), or none.</summary>
    public static NameLabel LabelBefore(ReadOnlySpan<byte> text, int index)
    {
        int end = LabelText.SkipSeparatorsBackward(text, index, out bool colon);
        if (StrongLabels.EndsBefore(text, end))
        {
            return colon ? NameLabel.Field : NameLabel.Label;
        }

        if (Roles.EndsBefore(text, end))
        {
            // 司机：王五 is as good as a label; 司机王五 is a role word in running text.
            return colon ? NameLabel.Field : NameLabel.Role;
        }

        return colon && LabelText.AsciiKeyBefore(text, end, NameKeyLookup, "name", NotPersonKeys) ? NameLabel.Key : NameLabel.None;
    }

    /// <summary>
    /// Returns <see langword="true"/> when the run of Chinese characters starting at <paramref name="index"/> ends in an
    /// organisation suffix (有限公司, 银行, 医院, 店…): a company or an institution, not a person.
    /// </summary>
    public static bool IsOrganisationRun(ReadOnlySpan<byte> text, int index)
    {
        int end = index;
        for (int chars = 0; chars < MaxOrganisationChars && HanText.IsHan(HanText.DecodeAt(text, end)); chars++)
        {
            end += HanText.Width;
        }

        return end - index > HanText.Width && !HanText.IsHan(HanText.DecodeAt(text, end)) && OrganisationSuffixes.EndsBefore(text, end);
    }

    /// <summary>Returns <see langword="true"/> when <paramref name="letters"/> (ASCII, any case) is the pinyin of a common surname.</summary>
    public static bool IsPinyinSurname(ReadOnlySpan<byte> letters) => TryPack(letters, out ulong key) && Surnames.Pinyin.Contains(key);

    /// <summary>Returns <see langword="true"/> when <paramref name="letters"/> (ASCII, any case) is one or two pinyin syllables.</summary>
    public static bool IsPinyinGivenName(ReadOnlySpan<byte> letters)
    {
        if (IsSyllable(letters))
        {
            return true;
        }

        for (int split = 1; split < letters.Length; split++)
        {
            if (IsSyllable(letters[..split]) && IsSyllable(letters[split..]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Returns <see langword="true"/> when <paramref name="letters"/> (ASCII, any case) is one pinyin syllable.</summary>
    public static bool IsSyllable(ReadOnlySpan<byte> letters) => TryPack(letters, out ulong key) && Syllables.Contains(key);

    private static bool TryPack(ReadOnlySpan<byte> letters, out ulong key)
    {
        key = 0;
        if (letters.IsEmpty || letters.Length > MaxPinyinLetters)
        {
            return false;
        }

        foreach (byte b in letters)
        {
            int letter = (b | 0x20) - 'a';
            if (!unchecked((uint)letter < 26))
            {
                return false;
            }

            key = (key * 27) + (ulong)(letter + 1);
        }

        return true;
    }

    private static ulong Pack(string letters)
    {
        Span<byte> bytes = stackalloc byte[letters.Length];
        for (int i = 0; i < letters.Length; i++)
        {
            bytes[i] = (byte)letters[i];
        }

        return TryPack(bytes, out ulong key) ? key : throw new InvalidOperationException($"'{letters}' is not a pinyin spelling.");
    }

    private static (FrozenDictionary<int, byte> Compounds, FrozenSet<ulong> Pinyin) LoadSurnames()
    {
        var compounds = new Dictionary<int, byte>();
        var pinyin = new HashSet<ulong>();
        foreach (string line in HanText.ReadDataLines(SurnamesResource))
        {
            string[] cells = line.Split('\t');
            int[] surname = HanText.CodePoints(cells[0]);
            int weight = int.Parse(cells[2], NumberStyles.None, CultureInfo.InvariantCulture);
            byte value = (byte)(weight == 0 ? 1 : weight + 1);
            if (surname.Length == 1)
            {
                SingleSurnames[surname[0] - HanText.First] = value;
                WordSurnames[surname[0] - HanText.First] = cells[3] == "1" ? (byte)1 : (byte)0;
            }
            else
            {
                compounds[HanText.Pack(surname[0], surname[1])] = value;
            }

            if (weight > 0)
            {
                string spelled = cells[1].Replace(" ", "", StringComparison.Ordinal);
                pinyin.Add(Pack(spelled));

                // 吕 is Lü: spelled LYU in passports, LU or LV elsewhere.
                if (spelled.Contains('v', StringComparison.Ordinal))
                {
                    pinyin.Add(Pack(spelled.Replace("v", "yu", StringComparison.Ordinal)));
                    pinyin.Add(Pack(spelled.Replace("v", "u", StringComparison.Ordinal)));
                }
            }
        }

        return (compounds.ToFrozenDictionary(), pinyin.ToFrozenSet());
    }

    private static int LoadGivenNameChars()
    {
        int count = 0;
        foreach (string line in HanText.ReadDataLines(GivenNameCharsResource))
        {
            string[] cells = line.Split('\t');
            byte value = (byte)(int.Parse(cells[0], NumberStyles.None, CultureInfo.InvariantCulture) + 1);
            foreach (int codePoint in HanText.CodePoints(cells[1]))
            {
                GivenNameChars[codePoint - HanText.First] = value;
                count++;
            }
        }

        return count;
    }

    private static (FrozenDictionary<int, bool> Pairs, FrozenDictionary<long, bool> Triples) LoadStopWords()
    {
        var pairs = new Dictionary<int, bool>();
        var threes = new Dictionary<long, bool>();
        foreach (string line in HanText.ReadDataLines(StopWordsResource))
        {
            string[] cells = line.Split('\t');
            int[] word = HanText.CodePoints(cells[0]);
            bool alsoName = cells.Length > 1 && cells[1] == "n";
            if (word.Length == 2)
            {
                pairs[HanText.Pack(word[0], word[1])] = alsoName;
            }
            else if (word.Length == 3)
            {
                threes[HanText.Pack(word[0], word[1], word[2])] = alsoName;
            }
        }

        return (pairs.ToFrozenDictionary(), threes.ToFrozenDictionary());
    }

    private static FrozenSet<ulong> LoadSyllables()
    {
        var syllables = new HashSet<ulong>();
        foreach (string line in HanText.ReadDataLines(SyllablesResource))
        {
            foreach (string syllable in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                syllables.Add(Pack(syllable));
            }
        }

        // Passport spellings of lü and nü.
        syllables.Add(Pack("lyu"));
        syllables.Add(Pack("nyu"));
        return syllables.ToFrozenSet();
    }
}

/// <summary>What precedes a candidate name.</summary>
internal enum NameLabel
{
    /// <summary>Nothing that suggests a name.</summary>
    None,

    /// <summary>A role word directly before the name (司机王五, 客户李四).</summary>
    Role,

    /// <summary>A name label without a colon (收件人李四, 联系人为王芳): the surname must be a common one.</summary>
    Label,

    /// <summary>A label or role word and a colon (姓名：, 司机：): the value is a field.</summary>
    Field,

    /// <summary>A JSON or CSV key for a person (<c>"name":</c>, <c>"buyer":</c>): the value is a field that holds the name alone.</summary>
    Key,
}
