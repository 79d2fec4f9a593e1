using System.Globalization;
using System.Text;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// Deterministic synthetic records in the shape of user, order and device JSON lines, carrying valid identity
/// numbers, organisation codes, card numbers, IMEIs, passport and permit numbers, and the look-alikes that must not
/// match: order numbers failing MOD 11-2, impossible dates, Luhn failures, timestamps, hashes.
/// </summary>
internal static class IdentityCorpus
{
    private static readonly int[] Divisions = [110105, 110108, 310115, 440305, 510107, 330106, 350102, 420111, 610113, 650102];

    public static string Build(int records, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(records * 260);
        for (int i = 0; i < records; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"seq\":{i},\"ts\":{1_732_867_200_000L + (i * 1_000L)},\"user\":\"用户{random.Next(100_000)}\",");
            switch (i % 4)
            {
                case 0:
                    text.Append("\"id_no\":\"").Append(ResidentId(random)).Append("\",\"note\":\"身份证已核验\",");
                    break;
                case 1:
                    text.Append("\"order_no\":\"").Append(OrderNumber(random)).Append("\",\"uscc\":\"").Append(Uscc(random)).Append("\",");
                    break;
                case 2:
                    text.Append("\"card\":\"").Append(Card(random, grouped: random.Next(2) == 0)).Append("\",\"imei\":\"").Append(Imei(random)).Append("\",");
                    break;
                default:
                    text.Append("\"remark\":\"护照号码 E").Append(random.Next(10_000_000, 99_999_999))
                        .Append("，回乡证 H").Append(random.Next(10_000_000, 99_999_999)).Append("01，台胞证 ").Append(random.Next(10_000_000, 99_999_999)).Append("\",");
                    break;
            }

            text.Append("\"hash\":\"").Append(random.NextInt64().ToString("x16", CultureInfo.InvariantCulture)).Append("\",\"msg\":\"订单已发货，请注意查收。\"}\n");
        }

        return text.ToString();
    }

    private static string ResidentId(Random random)
    {
        var birth = new DateOnly(1950, 1, 1).AddDays(random.Next(0, 27_000));
        string body = string.Create(CultureInfo.InvariantCulture, $"{Divisions[random.Next(Divisions.Length)]}{birth:yyyyMMdd}{random.Next(1000):D3}");
        return body + (char)ResidentIdChecksum.Compute(Encoding.ASCII.GetBytes(body));
    }

    // 18 digits starting with a date, so the ID recognizer must reject it on date, division or check character.
    private static string OrderNumber(Random random) =>
        string.Create(CultureInfo.InvariantCulture, $"2026{random.Next(1, 13):D2}{random.Next(1, 29):D2}{random.Next(0, 1_000_000_000):D10}");

    private static string Uscc(Random random)
    {
        var body = new StringBuilder("91").Append(Divisions[random.Next(Divisions.Length)]);
        for (int i = 0; i < 9; i++)
        {
            body.Append((char)UsccChecksum.Alphabet[random.Next(UsccChecksum.Alphabet.Length)]);
        }

        string code = body.ToString();
        return code + (char)UsccChecksum.Compute(Encoding.ASCII.GetBytes(code));
    }

    private static string Card(Random random, bool grouped)
    {
        string body = "622202" + random.NextInt64(1_000_000_000_000L).ToString("D12", CultureInfo.InvariantCulture);
        // One card in four fails Luhn: a look-alike.
        string number = random.Next(4) == 0 ? body + "0" : body + (char)Luhn.Compute(Encoding.ASCII.GetBytes(body));
        return grouped ? string.Join(' ', number.Chunk(4).Select(chunk => new string(chunk))) : number;
    }

    private static string Imei(Random random)
    {
        string body = "86" + random.NextInt64(1_000_000_000_000L).ToString("D12", CultureInfo.InvariantCulture);
        return body + (char)Luhn.Compute(Encoding.ASCII.GetBytes(body));
    }
}
