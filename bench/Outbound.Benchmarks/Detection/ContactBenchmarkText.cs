using System.Globalization;
using System.Text;

namespace Outbound.Benchmarks.Detection;

/// <summary>Deterministic synthetic Chinese records, each with one identifier of a kind and one near-miss of it.</summary>
internal static class ContactBenchmarkText
{
    private const string Provinces = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private const string VinCharacters = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";

    private static readonly string[] MobileSegments = ["130", "135", "138", "139", "147", "150", "158", "166", "177", "181", "186", "189", "199"];

    /// <summary>Builds <paramref name="count"/> records; <paramref name="identifier"/> writes the planted value and <paramref name="nearMiss"/> a look-alike.</summary>
    public static byte[] Records(int count, int seed, Func<Random, string> identifier, Func<Random, string> nearMiss)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{i} 客户于2026年11月29日下单，联系方式 ")
                .Append(identifier(random))
                .Append("，备注：编号 ")
                .Append(nearMiss(random))
                .Append(" 已发货，车辆行驶正常，无异常告警。\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    public static string Mobile(Random random) => MobileSegments[random.Next(MobileSegments.Length)] + Digits(random, 8);

    public static string UnallocatedMobile(Random random) => "12" + Digits(random, 9);

    public static string EpochMilliseconds(Random random) => "17" + Digits(random, 11);

    public static string Landline(Random random) => random.Next(2) == 0 ? "010-6" + Digits(random, 7) : "0755-8" + Digits(random, 7);

    public static string UnknownAreaCode(Random random) => "026-6" + Digits(random, 7);

    public static string Plate(Random random) =>
        Provinces[random.Next(Provinces.Length)] + "A·" + Digits(random, 5);

    public static string PlateLike(Random random) => "台A" + Digits(random, 5);

    public static string Vin(Random random)
    {
        char[] vin = ("L" + Letters(random, VinCharacters, 16)).ToCharArray();
        vin[9] = 'R';
        for (int i = 13; i < 17; i++)
        {
            vin[i] = (char)('0' + random.Next(10));
        }

        vin[8] = (char)Outbound.Detection.Recognizers.VinChecksum.Compute(Encoding.ASCII.GetBytes(vin));
        return new string(vin);
    }

    public static string PartNumber(Random random)
    {
        string vin = Vin(random);
        return vin[..8] + (vin[8] == '0' ? '1' : '0') + vin[9..];
    }

    public static string Email(Random random) => "user" + Digits(random, 4) + "@example.com";

    public static string Annotation(Random random) => "@Override" + Digits(random, 2);

    public static string IPv4(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"{random.Next(1, 224)}.{random.Next(256)}.{random.Next(256)}.{random.Next(1, 255)}");

    public static string Firmware(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"v{random.Next(1, 9)}.{random.Next(20)}.{random.Next(20)}.{random.Next(100)}");

    public static string Mac(Random random) =>
        string.Join(':', Enumerable.Range(0, 6).Select(_ => random.Next(1, 255).ToString("X2", CultureInfo.InvariantCulture)));

    public static string HexHash(Random random) => Letters(random, "0123456789abcdef", 32);

    public static string Coordinate(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"{30 + random.NextDouble():F6},{114 + random.NextDouble():F6}");

    public static string SeoulOrTokyo(Random random) => random.Next(2) == 0 ? "37.5665,126.9780" : "35.6762,139.6503";

    private static string Digits(Random random, int count) => Letters(random, "0123456789", count);

    private static string Letters(Random random, string alphabet, int count)
    {
        var chars = new char[count];
        for (int i = 0; i < count; i++)
        {
            chars[i] = alphabet[random.Next(alphabet.Length)];
        }

        return new string(chars);
    }
}
