using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Outbound.Cli.Demo;

/// <summary>
/// Builds the demo's fleet dataset: one JSON line per trip upload of a connected car, with its driver, the car's VIN
/// and plate, a position and a free-text service note — deterministic for a given seed, every identifier valid
/// (check digits, real division codes, mobile ranges), and a few malformed lines as real feeds have.
/// </summary>
internal static class DemoFleet
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly (string Code, string Province, string City, double Lat, double Lon)[] Cities =
    [
        ("110105", "京", "北京市朝阳区", 39.9219, 116.4436),
        ("310115", "沪", "上海市浦东新区", 31.2215, 121.5447),
        ("440305", "粤", "广东省深圳市南山区", 22.5329, 113.9305),
        ("330106", "浙", "浙江省杭州市西湖区", 30.2592, 120.1300),
        ("510107", "川", "四川省成都市武侯区", 30.6425, 104.0430),
        ("420106", "鄂", "湖北省武汉市武昌区", 30.5540, 114.3160),
        ("320106", "苏", "江苏省南京市鼓楼区", 32.0663, 118.7696),
        ("370102", "鲁", "山东省济南市历下区", 36.6663, 117.0764),
    ];

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高", "欧阳", "司马"];
    private static readonly string[] Given = ["伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英", "建华", "晓东", "子涵"];
    private static readonly string[] MobilePrefixes = ["138", "139", "135", "136", "150", "151", "158", "186", "187", "177", "199", "189"];
    private static readonly string[] Wmis = ["LSV", "LFV", "LVS", "LGW", "LBV"];
    private static readonly string[] Notes =
    [
        "车主反映空调异响，已预约周三到店检查。",
        "Tyre pressure warning cleared after inflation.",
        "OTA 升级完成，电池管理系统版本 4.2.1。",
        "客户要求回电确认保养时间。",
        "无异常。",
        "Brake pad wear at 35%, advise replacement at next service.",
    ];

    /// <summary>Writes <paramref name="records"/> trip records (and a few malformed lines) to <paramref name="output"/>.</summary>
    /// <returns>The number of lines written, malformed ones included.</returns>
    public static int Write(Stream output, int records, int seed, int drivers)
    {
        ArgumentNullException.ThrowIfNull(output);
        var random = new Random(seed);
        var fleet = Enumerable.Range(0, drivers).Select(_ => Driver.Create(random)).ToArray();
        int lines = 0;
        var start = new DateTimeOffset(2026, 11, 1, 0, 0, 0, TimeSpan.FromHours(8));
        for (int i = 0; i < records; i++)
        {
            if (i > 0 && i % 2500 == 1250)
            {
                // A feed's truncated upload: reported with its line, never guessed at.
                output.Write("{\"vin\":\"LSVAB2180N2184838\",\"driver\":{\"name\":"u8);
                output.WriteByte((byte)'\n');
                lines++;
            }

            var driver = fleet[random.Next(fleet.Length)];
            var city = Cities[driver.City];
            using (var writer = new Utf8JsonWriter(output, Options))
            {
                writer.WriteStartObject();
                writer.WriteString("trip_id", $"T{seed:X2}{i:D8}");
                writer.WriteString("vin", driver.Vin);
                writer.WriteString("plate", driver.Plate);
                writer.WriteStartObject("driver");
                writer.WriteString("name", driver.Name);
                writer.WriteString("phone", driver.Phone);
                writer.WriteString("id_number", driver.IdNumber);
                writer.WriteEndObject();
                writer.WriteNumber("ts", start.AddSeconds(random.Next(0, 28 * 24 * 3600)).ToUnixTimeMilliseconds());
                writer.WriteNumber("lat", Math.Round(city.Lat + ((random.NextDouble() - 0.5) * 0.2), 6));
                writer.WriteNumber("lon", Math.Round(city.Lon + ((random.NextDouble() - 0.5) * 0.2), 6));
                writer.WriteNumber("speed_kmh", Math.Round(random.NextDouble() * 120, 1));
                writer.WriteNumber("soc", random.Next(5, 100));
                writer.WriteString("fw", $"{random.Next(3, 6)}.{random.Next(0, 10)}.{random.Next(0, 10)}");
                writer.WriteString("note", i % 997 == 0
                    ? $"车主要求退款至银行卡 {UnionPayCard(random)}，已转财务。"
                    : Notes[random.Next(Notes.Length)]);
                writer.WriteEndObject();
            }

            output.WriteByte((byte)'\n');
            lines++;
        }

        return lines;
    }

    private static string UnionPayCard(Random random)
    {
        var digits = new StringBuilder("62");
        for (int i = 0; i < 15; i++)
        {
            digits.Append((char)('0' + random.Next(10)));
        }

        return digits.Append(LuhnDigit(digits.ToString())).ToString();
    }

    private static char LuhnDigit(string payload)
    {
        int sum = 0;
        for (int i = 0; i < payload.Length; i++)
        {
            int digit = payload[payload.Length - 1 - i] - '0';
            if (i % 2 == 0)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }

            sum += digit;
        }

        return (char)('0' + ((10 - (sum % 10)) % 10));
    }

    /// <summary>A driver and the car they drive.</summary>
    private sealed record Driver(int City, string Name, string Phone, string IdNumber, string Vin, string Plate)
    {
        public static Driver Create(Random random)
        {
            int city = random.Next(Cities.Length);
            string name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];
            string phone = MobilePrefixes[random.Next(MobilePrefixes.Length)] + random.Next(0, 100_000_000).ToString("D8", CultureInfo.InvariantCulture);
            var birth = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 45 * 365));
            string body = Cities[city].Code + birth.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + random.Next(0, 1000).ToString("D3", CultureInfo.InvariantCulture);
            return new Driver(city, name, phone, body + IdCheck(body), MakeVin(random), MakePlate(random, Cities[city].Province));
        }

        private static char IdCheck(string body)
        {
            ReadOnlySpan<int> weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
            int sum = 0;
            for (int i = 0; i < 17; i++)
            {
                sum += (body[i] - '0') * weights[i];
            }

            return "10X98765432"[sum % 11];
        }

        private static string MakeVin(Random random)
        {
            const string Alphabet = "ABCDEFGHJKLMNPRSTUVWXYZ0123456789";
            var vin = new StringBuilder(Wmis[random.Next(Wmis.Length)]);
            for (int i = 0; i < 5; i++)
            {
                vin.Append(Alphabet[random.Next(Alphabet.Length)]);
            }

            vin.Append('0').Append("RST"[random.Next(3)]).Append(Alphabet[random.Next(23)]);
            vin.Append(random.Next(0, 1_000_000).ToString("D6", CultureInfo.InvariantCulture));
            vin[8] = VinCheck(vin.ToString());
            return vin.ToString();
        }

        private static char VinCheck(string vin)
        {
            ReadOnlySpan<int> weights = [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];
            int sum = 0;
            for (int i = 0; i < 17; i++)
            {
                sum += Transliterate(vin[i]) * weights[i];
            }

            int check = sum % 11;
            return check == 10 ? 'X' : (char)('0' + check);
        }

        private static int Transliterate(char c) => c switch
        {
            >= '0' and <= '9' => c - '0',
            'A' or 'J' => 1,
            'B' or 'K' or 'S' => 2,
            'C' or 'L' or 'T' => 3,
            'D' or 'M' or 'U' => 4,
            'E' or 'N' or 'V' => 5,
            'F' or 'W' => 6,
            'G' or 'P' or 'X' => 7,
            'H' or 'Y' => 8,
            'R' or 'Z' => 9,
            _ => 0,
        };

        private static string MakePlate(Random random, string province)
        {
            const string Letters = "ABCDEFGHJKLMNPQRSTUVWXYZ";
            bool newEnergy = random.Next(4) == 0;
            var plate = new StringBuilder(province).Append(Letters[random.Next(Letters.Length)]);
            if (newEnergy)
            {
                plate.Append("DF"[random.Next(2)]);
                plate.Append(random.Next(0, 100_000).ToString("D5", CultureInfo.InvariantCulture));
            }
            else
            {
                // GA 36: five characters, at most two of them letters.
                char[] serial = [.. random.Next(0, 100_000).ToString("D5", CultureInfo.InvariantCulture)];
                for (int letters = random.Next(3); letters > 0; letters--)
                {
                    serial[random.Next(serial.Length)] = Letters[random.Next(Letters.Length)];
                }

                plate.Append(serial);
            }

            return plate.ToString();
        }
    }
}
