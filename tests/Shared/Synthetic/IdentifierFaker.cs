using System.Globalization;
using System.Text;

namespace Outbound.Testing.Synthetic;

/// <summary>A synthetic person: every field is generated, and the ID agrees with the birth date, sex and division.</summary>
internal sealed record SyntheticPerson(string Name, string Pinyin, bool Male, DateOnly Birth, SyntheticCity City, string ResidentId)
{
    /// <summary>Gets a value indicating whether the person is under 14 on <see cref="SyntheticTables.ReferenceDate"/>.</summary>
    public bool IsMinorUnder14 => Birth.AddYears(14) > SyntheticTables.ReferenceDate;
}

/// <summary>Generates identifiers and look-alikes from a seeded <see cref="System.Random"/>: same seed, same values.</summary>
internal sealed class IdentifierFaker(Random random)
{
    private const string Hex = "0123456789abcdef";
    private const string VinAlphabet = "0123456789ABCDEFGHJKLMNPRSTUVWXYZ";
    private const string UsccBodyAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private static readonly string[] CompanyMailDomains = ["yunfan-tech.com", "xinghe.cn", "hengxin.com.cn", "qiming.net.cn"];

    /// <summary>Gets the random source.</summary>
    public Random Random { get; } = random;

    public T Pick<T>(IReadOnlyList<T> items) => items[Random.Next(items.Count)];

    public char Pick(string characters) => characters[Random.Next(characters.Length)];

    public bool Chance(double probability) => Random.NextDouble() < probability;

    public string Digits(int count)
    {
        var text = new StringBuilder(count);
        for (int i = 0; i < count; i++)
        {
            text.Append((char)('0' + Random.Next(10)));
        }

        return text.ToString();
    }

    public SyntheticCity City() => Pick(SyntheticTables.Cities);

    // ---------------------------------------------------------------- persons and identity documents

    public SyntheticPerson Person(bool minor = false)
    {
        var (surname, surnamePinyin) = Chance(0.04)
            ? SyntheticTables.Surnames[SyntheticTables.Surnames.Count - 1 - Random.Next(SyntheticTables.CompoundSurnames)]
            : SyntheticTables.Surnames[Random.Next(SyntheticTables.Surnames.Count - SyntheticTables.CompoundSurnames)];
        var first = Pick(SyntheticTables.GivenNameCharacters);
        var second = Pick(SyntheticTables.GivenNameCharacters);
        var (given, givenPinyin) = Chance(0.3) ? first : (first.Hanzi + second.Hanzi, first.Pinyin + second.Pinyin);
        bool male = Chance(0.5);
        var birth = minor ? BirthDate(2010, 2024) : BirthDate(1950, 2006);
        var city = City();
        string division = !minor && birth.Year < 2000 && Chance(0.05) ? Pick(SyntheticTables.RetiredDivisions) : Pick(city.Districts).Code;
        return new SyntheticPerson(surname + given, surnamePinyin + givenPinyin, male, birth, city, ResidentId(division, birth, male));
    }

    public DateOnly BirthDate(int fromYear, int toYear)
    {
        var first = new DateOnly(fromYear, 1, 1);
        int days = new DateOnly(toYear, 12, 31).DayNumber - first.DayNumber;
        var date = first.AddDays(Random.Next(days + 1));
        return date > SyntheticTables.ReferenceDate ? SyntheticTables.ReferenceDate.AddDays(-1) : date;
    }

    /// <summary>GB 11643: division code, birth date, sequence (odd for men) and MOD 11-2 check character.</summary>
    public string ResidentId(string division, DateOnly birth, bool male)
    {
        int sequence = (Random.Next(500) * 2) + (male ? 1 : 0);
        string body = string.Create(CultureInfo.InvariantCulture, $"{division}{birth:yyyyMMdd}{sequence:D3}");
        return body + SyntheticChecksums.ResidentIdCheck(body);
    }

    /// <summary>A 15-digit first-generation number (no check character), chosen to fail Luhn so it is not an IMEI.</summary>
    public string FirstGenerationResidentId()
    {
        while (true)
        {
            var birth = BirthDate(1930, 1980);
            string id = string.Create(CultureInfo.InvariantCulture, $"{Pick(City().Districts).Code}{birth:yyMMdd}{Random.Next(1000):D3}");
            if (!SyntheticChecksums.IsLuhnValid(id))
            {
                return id;
            }
        }
    }

    public string Passport() => "E" + Digits(8);

    public string HmtPermit() => "C" + Digits(8);

    // ---------------------------------------------------------------- telephone numbers

    public string MobileDigits() => Pick(SyntheticTables.MobilePrefixes) + Digits(8);

    /// <summary>A mobile number, mostly bare, sometimes with +86/0086 or grouped 3-4-4 with dashes or spaces.</summary>
    public string Mobile(bool bareOnly = false)
    {
        string digits = MobileDigits();
        if (bareOnly)
        {
            return digits;
        }

        double roll = Random.NextDouble();
        return roll switch
        {
            < 0.70 => digits,
            < 0.78 => "+86 " + digits,
            < 0.82 => "+86" + digits,
            < 0.85 => "0086" + digits,
            < 0.92 => $"{digits[..3]}-{digits[3..7]}-{digits[7..]}",
            < 0.97 => $"{digits[..3]} {digits[3..7]} {digits[7..]}",
            _ => $"+86 {digits[..3]} {digits[3..7]} {digits[7..]}",
        };
    }

    /// <summary>A landline: area code and a subscriber number starting 2-8, with a dash, brackets, a space or nothing.</summary>
    public string Landline(SyntheticCity? city = null)
    {
        city ??= City();
        string subscriber = (char)('2' + Random.Next(7)) + Digits(city.SubscriberDigits - 1);
        double roll = Random.NextDouble();
        return roll switch
        {
            < 0.50 => $"{city.AreaCode}-{subscriber}",
            < 0.72 => $"({city.AreaCode}){subscriber}",
            < 0.87 => $"{city.AreaCode} {subscriber}",
            _ => city.AreaCode + subscriber,
        };
    }

    // ---------------------------------------------------------------- money and companies

    /// <summary>A Luhn-valid card: UnionPay (62) of 16 to 19 digits, or Visa/Mastercard of 16; never a valid resident ID.</summary>
    public string BankCard()
    {
        while (true)
        {
            string payload;
            if (Chance(0.75))
            {
                var (prefix, length) = Pick(SyntheticTables.UnionPayBins);
                payload = prefix + Digits(length - prefix.Length - 1);
            }
            else
            {
                string prefix = Pick(SyntheticTables.InternationalCardPrefixes);
                payload = prefix + Digits(15 - prefix.Length);
            }

            string card = payload + SyntheticChecksums.LuhnCheck(payload);
            if (!SyntheticChecksums.IsPlausibleResidentId(card))
            {
                return card;
            }
        }
    }

    /// <summary>A GB 32100 code whose organisation code (positions 9-17) carries its own GB 11714 check character.</summary>
    public string Uscc()
    {
        while (true)
        {
            string kind = Random.NextDouble() switch
            {
                < 0.70 => "91",
                < 0.80 => "92",
                < 0.85 => "93",
                < 0.90 => "12",
                < 0.95 => "52",
                _ => "11",
            };
            string organization = Chance(0.7) ? "MA" + Characters(UsccBodyAlphabet, 6) : Digits(8);
            organization += SyntheticChecksums.OrganizationCodeCheck(organization);
            string body = kind + Pick(City().Districts).Code + organization;
            string code = body + SyntheticChecksums.UsccCheck(body);
            if (!IsAmbiguousDigits(code))
            {
                return code;
            }
        }
    }

    public string CompanyName(SyntheticCity? city = null)
    {
        city ??= City();
        return city.Name[..^1] + Pick(SyntheticTables.CompanyWords) + Pick(SyntheticTables.CompanyTrades) + "有限公司";
    }

    public string Amount() => (Random.Next(100, 500_000) / 100.0).ToString("F2", CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- vehicles and places

    /// <summary>A GA 36 plate: ordinary (province, letter, five), new-energy (eight characters), or police/driving-school.</summary>
    public string Plate(SyntheticCity? city = null)
    {
        string prefix = city?.PlatePrefix
            ?? (Chance(0.7) ? City().PlatePrefix : $"{Pick(SyntheticTables.PlateProvinces)}{Pick(SyntheticTables.PlateLetters)}");
        string separator = Random.NextDouble() switch
        {
            < 0.65 => "",
            < 0.95 => "·",
            _ => " ",
        };
        double roll = Random.NextDouble();
        string serial = roll switch
        {
            < 0.80 => OrdinarySerial(),
            < 0.92 => $"{Pick("DF")}{Pick(SyntheticTables.PlateLetters + "0123456789")}{Digits(4)}",
            < 0.97 => $"{Digits(5)}{Pick("DF")}",
            < 0.985 => Digits(4) + "警",
            _ => Digits(4) + "学",
        };
        return prefix + separator + serial;
    }

    private string OrdinarySerial()
    {
        char[] serial = Digits(5).ToCharArray();
        int letters = Random.Next(3);
        for (int i = 0; i < letters; i++)
        {
            serial[Random.Next(5)] = Pick(SyntheticTables.PlateLetters);
        }

        return new string(serial);
    }

    /// <summary>A VIN of a car built in China: WMI, descriptor, ISO 3779 check digit, model year, plant, serial.</summary>
    public string Vin()
    {
        var vin = new StringBuilder(17);
        vin.Append(Pick(SyntheticTables.ChineseWmis)).Append(Characters(VinAlphabet, 5)).Append('0')
            .Append(Pick(SyntheticTables.ModelYears)).Append(Pick(VinAlphabet)).Append(Digits(6));
        vin[8] = SyntheticChecksums.VinCheck(vin.ToString());
        return vin.ToString();
    }

    /// <summary>A coordinate pair near a mainland city centre (within about a kilometre), with 4 to 6 decimals.</summary>
    public (string Latitude, string Longitude) Coordinate(SyntheticCity? city = null)
    {
        city ??= City();
        return Jittered(city.Latitude, city.Longitude);
    }

    private (string Latitude, string Longitude) Jittered(double latitude, double longitude)
    {
        int decimals = Random.NextDouble() switch
        {
            < 0.6 => 6,
            < 0.8 => 5,
            _ => 4,
        };
        string format = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        double lat = latitude + ((Random.NextDouble() - 0.5) * 0.016);
        double lon = longitude + ((Random.NextDouble() - 0.5) * 0.016);
        return (lat.ToString(format, CultureInfo.InvariantCulture), lon.ToString(format, CultureInfo.InvariantCulture));
    }

    /// <summary>A person's address, from province (or municipality) down to the room, or a shorter street address.</summary>
    public string Address(SyntheticCity? city = null)
    {
        city ??= City();
        var district = Pick(city.Districts);
        var text = new StringBuilder();
        bool withProvince = Chance(0.6);
        if (withProvince)
        {
            text.Append(city.Province);
        }

        text.Append(city.Name).Append(district.Name).Append(Pick(SyntheticTables.Roads))
            .Append(Random.Next(1, 1000).ToString(CultureInfo.InvariantCulture)).Append('号');
        double roll = Random.NextDouble();
        if (roll < 0.45)
        {
            text.Append(Pick(SyntheticTables.Estates)).Append(Random.Next(1, 30).ToString(CultureInfo.InvariantCulture)).Append('栋')
                .Append(Random.Next(1, 6).ToString(CultureInfo.InvariantCulture)).Append("单元")
                .Append(Room()).Append('室');
        }
        else if (roll < 0.75)
        {
            text.Append(Random.Next(1, 20).ToString(CultureInfo.InvariantCulture)).Append("号楼").Append(Room()).Append('室');
        }
        else if (roll < 0.85)
        {
            text.Append(Pick(SyntheticTables.Estates));
        }

        return text.ToString();
    }

    private string Room() => (Random.Next(1, 33) * 100 + Random.Next(1, 8)).ToString(CultureInfo.InvariantCulture);

    // ---------------------------------------------------------------- network and devices

    public string Email(SyntheticPerson? person = null)
    {
        double roll = Random.NextDouble();
        string pinyin = person?.Pinyin ?? Pick(SyntheticTables.Surnames).Pinyin + Pick(SyntheticTables.GivenNameCharacters).Pinyin;
        return roll switch
        {
            < 0.45 => pinyin + (Chance(0.6) ? Random.Next(1, 2000).ToString(CultureInfo.InvariantCulture) : "") + "@" + Pick(SyntheticTables.EmailDomains),
            < 0.65 => (char)('1' + Random.Next(9)) + Digits(Random.Next(4, 10)) + "@qq.com",
            < 0.75 => MobileDigits() + (Chance(0.5) ? "@163.com" : "@139.com"),
            < 0.90 => pinyin + "@" + Pick(CompanyMailDomains),
            _ => pinyin.ToUpperInvariant()[..1] + pinyin[1..] + "_" + Digits(2) + "@" + Pick(SyntheticTables.EmailDomains),
        };
    }

    public string Ipv4()
    {
        double roll = Random.NextDouble();
        return roll switch
        {
            < 0.70 => $"{Pick(SyntheticTables.ChineseIpv4FirstOctets)}.{Random.Next(256)}.{Random.Next(256)}.{Random.Next(1, 255)}",
            < 0.82 => $"192.168.{Random.Next(256)}.{Random.Next(1, 255)}",
            < 0.94 => $"10.{Random.Next(256)}.{Random.Next(256)}.{Random.Next(1, 255)}",
            _ => $"172.{Random.Next(16, 32)}.{Random.Next(256)}.{Random.Next(1, 255)}",
        };
    }

    /// <summary>An IPv6 address of a Chinese network: eight full groups, or compressed with <c>::</c>.</summary>
    public string Ipv6()
    {
        string prefix = Pick(SyntheticTables.Ipv6Prefixes);
        int prefixGroups = prefix.Split(':').Length;
        var groups = new List<string>();
        for (int i = prefixGroups; i < 8; i++)
        {
            groups.Add(Random.Next(0x10000).ToString("x", CultureInfo.InvariantCulture));
        }

        if (Chance(0.5))
        {
            return prefix + ":" + string.Join(':', groups);
        }

        int kept = Random.Next(1, 8 - prefixGroups - 1);
        return prefix + ":" + string.Join(':', groups.Take(kept)) + "::" + groups[^1];
    }

    /// <summary>A 15-digit IMEI: type allocation code, serial, Luhn digit; never shaped like a first-generation ID.</summary>
    public string Imei()
    {
        while (true)
        {
            string payload = Pick(SyntheticTables.ImeiTacPrefixes) + Digits(12);
            string imei = payload + SyntheticChecksums.LuhnCheck(payload);
            if (!SyntheticChecksums.IsPlausibleResidentId(imei))
            {
                return imei;
            }
        }
    }

    public string Mac()
    {
        string hex = Pick(SyntheticTables.MacOuis) + Random.Next(0x1000000).ToString("X6", CultureInfo.InvariantCulture);
        double roll = Random.NextDouble();
        char separator = roll < 0.75 ? ':' : '-';
        var mac = new StringBuilder(17);
        for (int i = 0; i < 12; i += 2)
        {
            if (i > 0)
            {
                mac.Append(separator);
            }

            mac.Append(hex, i, 2);
        }

        return roll is >= 0.5 and < 0.75 ? mac.ToString().ToLowerInvariant() : mac.ToString();
    }

    // ---------------------------------------------------------------- look-alikes

    /// <summary>An 18-digit order number: date-time based, or ID-shaped with a wrong check digit; fails both MOD 11-2 and Luhn.</summary>
    public string OrderNumber()
    {
        while (true)
        {
            string number;
            if (Chance(0.5))
            {
                var when = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddSeconds(Random.Next(0, 330 * 86_400));
                number = when.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + Digits(4);
            }
            else
            {
                string body = string.Create(CultureInfo.InvariantCulture, $"{Pick(City().Districts).Code}{BirthDate(1950, 2006):yyyyMMdd}{Digits(3)}");
                char check = SyntheticChecksums.ResidentIdCheck(body);
                char wrong = (char)('0' + Random.Next(10));
                number = body + (wrong == check ? (char)('0' + ((wrong - '0' + 1) % 10)) : wrong);
            }

            if (!IsAmbiguousDigits(number))
            {
                return number;
            }
        }
    }

    public string UnallocatedMobile() => Pick(SyntheticTables.UnallocatedMobilePrefixes) + Digits(8);

    /// <summary>A 13-digit epoch in milliseconds during 2025-2026.</summary>
    public long EpochMilliseconds() => 1_735_689_600_000L + (long)(Random.NextDouble() * 62_000_000_000L);

    public string HexHash(int length) => Characters(Hex, length);

    /// <summary>A firmware version shaped like IPv4: <c>v2.10.3.1</c>, or four parts with one above 255.</summary>
    public string FirmwareVersion()
    {
        if (Chance(0.6))
        {
            return $"v{Random.Next(1, 6)}.{Random.Next(0, 20)}.{Random.Next(0, 10)}.{Random.Next(0, 100)}";
        }

        int[] parts = [Random.Next(1, 30), Random.Next(0, 10), Random.Next(0, 256), Random.Next(0, 256)];
        parts[Random.Next(1, 4)] = Random.Next(256, 1000);
        return string.Join('.', parts);
    }

    /// <summary>17 VIN characters (at least two letters) whose ninth is not the check digit.</summary>
    public string PartNumber()
    {
        while (true)
        {
            char[] part = (Chance(0.5) ? Vin() : Characters(VinAlphabet, 17)).ToCharArray();
            char check = SyntheticChecksums.VinCheck(part);
            if (part[8] == check)
            {
                part[8] = check == 'X' ? '0' : (char)('0' + ((check - '0' + 1 + Random.Next(9)) % 10));
                if (part[8] == check)
                {
                    continue;
                }
            }

            string text = new(part);
            if (!SyntheticChecksums.IsVinValid(text) && text.Count(char.IsAsciiLetter) >= 2)
            {
                return text;
            }
        }
    }

    /// <summary>A coordinate near Seoul, Tokyo, Ulaanbaatar or Hanoi.</summary>
    public (string Latitude, string Longitude) ForeignCoordinate()
    {
        var place = Pick(SyntheticTables.ForeignPlaces);
        return Jittered(place.Latitude, place.Longitude);
    }

    /// <summary>A code shaped like a unified social credit code, with a wrong check character.</summary>
    public string BadUscc()
    {
        string code = Uscc();
        char wrong;
        do
        {
            wrong = Pick(UsccBodyAlphabet);
        }
        while (wrong == code[17]);

        return code[..17] + wrong;
    }

    /// <summary>A 16-digit number that fails Luhn, often with the UnionPay prefix 62.</summary>
    public string LuhnFailing16()
    {
        string payload = (Chance(0.5) ? "62" + Digits(13) : (char)('1' + Random.Next(9)) + Digits(14));
        char check = SyntheticChecksums.LuhnCheck(payload);
        return payload + (char)('0' + ((check - '0' + 1 + Random.Next(9)) % 10));
    }

    /// <summary>An ICCID (SIM serial): 8986 + 15 digits + Luhn, 20 digits in all.</summary>
    public string Iccid()
    {
        string payload = "8986" + Digits(15);
        return payload + SyntheticChecksums.LuhnCheck(payload);
    }

    /// <summary>
    /// Returns whether an all-digit value would also validate as a resident ID, a Luhn-valid 16-19 digit card, an
    /// allocated mobile number or an IMEI: such values are kept out of look-alikes and out of other types.
    /// </summary>
    public static bool IsAmbiguousDigits(string value)
    {
        if (!SyntheticChecksums.IsDigits(value))
        {
            return false;
        }

        return SyntheticChecksums.IsPlausibleResidentId(value)
            || (value.Length is >= 15 and <= 19 && SyntheticChecksums.IsLuhnValid(value))
            || (value.Length == 11 && SyntheticTables.MobilePrefixes.Contains(value[..3]));
    }

    private string Characters(string alphabet, int count)
    {
        var text = new StringBuilder(count);
        for (int i = 0; i < count; i++)
        {
            text.Append(Pick(alphabet));
        }

        return text.ToString();
    }
}
