namespace Outbound.Detection;

/// <summary>Suggests the identifier type a field holds from its name, in Chinese or English (身份证号, phone, vin, lat, …).</summary>
/// <remarks>
/// The suggestion only guides recognizers (a name field lets pinyin names count; a card field lets a UnionPay number
/// that fails Luhn count at a lower score); what a field holds is still decided by its values.
/// </remarks>
public static class FieldClassifier
{
    private static readonly (string Hint, IdentifierType Type)[] ChineseHints =
    [
        ("身份证", IdentifierType.CnResidentId), ("证件号", IdentifierType.CnResidentId),
        ("护照", IdentifierType.CnPassport), ("通行证", IdentifierType.CnHmtPermit),
        ("手机", IdentifierType.CnMobile), ("电话", IdentifierType.CnMobile), ("联系方式", IdentifierType.CnMobile),
        ("座机", IdentifierType.CnLandline), ("固话", IdentifierType.CnLandline),
        ("银行卡", IdentifierType.BankCard), ("卡号", IdentifierType.BankCard),
        ("信用代码", IdentifierType.CnUscc),
        ("车牌", IdentifierType.CnPlate), ("号牌", IdentifierType.CnPlate),
        ("车架号", IdentifierType.Vin), ("车辆识别", IdentifierType.Vin),
        ("纬度", IdentifierType.GpsCoord), ("经度", IdentifierType.GpsCoord), ("坐标", IdentifierType.GpsCoord), ("定位", IdentifierType.GpsCoord),
        ("邮箱", IdentifierType.Email), ("邮件", IdentifierType.Email),
        ("设备号", IdentifierType.Imei), ("串号", IdentifierType.Imei),
        ("地址", IdentifierType.Address), ("住址", IdentifierType.Address),
        ("姓名", IdentifierType.PersonName), ("名字", IdentifierType.PersonName), ("联系人", IdentifierType.PersonName),
        ("收件人", IdentifierType.PersonName), ("收货人", IdentifierType.PersonName), ("车主", IdentifierType.PersonName),
        ("司机", IdentifierType.PersonName), ("持卡人", IdentifierType.PersonName),
    ];

    // Plain hash tables: a name is classified once per field, so building faster lookups (frozen collections) would cost
    // more at start than they save.
    private static readonly Dictionary<string, IdentifierType> EnglishTokens = new(StringComparer.Ordinal)
    {
        ["idcard"] = IdentifierType.CnResidentId,
        ["idno"] = IdentifierType.CnResidentId,
        ["sfz"] = IdentifierType.CnResidentId,
        ["sfzh"] = IdentifierType.CnResidentId,
        ["citizenid"] = IdentifierType.CnResidentId,
        ["idnumber"] = IdentifierType.CnResidentId,
        ["passport"] = IdentifierType.CnPassport,
        ["permit"] = IdentifierType.CnHmtPermit,
        ["mobile"] = IdentifierType.CnMobile,
        ["phone"] = IdentifierType.CnMobile,
        ["cellphone"] = IdentifierType.CnMobile,
        ["tel"] = IdentifierType.CnMobile,
        ["msisdn"] = IdentifierType.CnMobile,
        ["landline"] = IdentifierType.CnLandline,
        ["telephone"] = IdentifierType.CnLandline,
        ["card"] = IdentifierType.BankCard,
        ["pan"] = IdentifierType.BankCard,
        ["cardno"] = IdentifierType.BankCard,
        ["uscc"] = IdentifierType.CnUscc,
        ["plate"] = IdentifierType.CnPlate,
        ["plateno"] = IdentifierType.CnPlate,
        ["license_plate"] = IdentifierType.CnPlate,
        ["vin"] = IdentifierType.Vin,
        ["lat"] = IdentifierType.GpsCoord,
        ["lng"] = IdentifierType.GpsCoord,
        ["lon"] = IdentifierType.GpsCoord,
        ["latitude"] = IdentifierType.GpsCoord,
        ["longitude"] = IdentifierType.GpsCoord,
        ["gps"] = IdentifierType.GpsCoord,
        ["coord"] = IdentifierType.GpsCoord,
        ["coords"] = IdentifierType.GpsCoord,
        ["location"] = IdentifierType.GpsCoord,
        ["email"] = IdentifierType.Email,
        ["mail"] = IdentifierType.Email,
        ["ip"] = IdentifierType.IpAddress,
        ["ipv4"] = IdentifierType.IpAddress,
        ["ipv6"] = IdentifierType.IpAddress,
        ["imei"] = IdentifierType.Imei,
        ["mac"] = IdentifierType.MacAddress,
        ["address"] = IdentifierType.Address,
        ["addr"] = IdentifierType.Address,
        ["name"] = IdentifierType.PersonName,
        ["fullname"] = IdentifierType.PersonName,
        ["firstname"] = IdentifierType.PersonName,
        ["lastname"] = IdentifierType.PersonName,
        ["surname"] = IdentifierType.PersonName,
        ["driver"] = IdentifierType.PersonName,
        ["owner"] = IdentifierType.PersonName,
        ["recipient"] = IdentifierType.PersonName,
        ["contact"] = IdentifierType.PersonName,
    };

    // A name of something other than a person: file_name, company_name, user_name (an account), host_name …
    private static readonly HashSet<string> NotPersons = new(StringComparer.Ordinal)
    {
        "file", "company", "product", "user", "host", "device", "app", "brand", "model", "shop", "store", "org",
        "organization", "field", "table", "column", "display", "nick", "domain", "server", "bank", "city", "province",
        "district", "street", "road", "country", "item", "sku", "merchant", "vendor", "campaign", "event", "group",
    };

    /// <summary>Returns the identifier type the field named <paramref name="name"/> suggests, or <see langword="null"/>.</summary>
    public static IdentifierType? Classify(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string last = name[(name.LastIndexOf('.') + 1)..];
        foreach (var (hint, type) in ChineseHints)
        {
            if (last.Contains(hint, StringComparison.Ordinal))
            {
                return type;
            }
        }

        var tokens = Tokens(last);
        if (tokens.Count == 0)
        {
            return null;
        }

        string joined = string.Concat(tokens);
        if (EnglishTokens.TryGetValue(joined, out var whole) && whole != IdentifierType.PersonName)
        {
            return whole;
        }

        for (int i = tokens.Count - 1; i >= 0; i--)
        {
            string pair = i > 0 ? tokens[i - 1] + tokens[i] : "";
            if (pair.Length > 0 && EnglishTokens.TryGetValue(pair, out var paired))
            {
                return paired;
            }

            if (!EnglishTokens.TryGetValue(tokens[i], out var type))
            {
                continue;
            }

            if (type == IdentifierType.PersonName && tokens[i] == "name" && i > 0 && NotPersons.Contains(tokens[i - 1]))
            {
                return null;
            }

            return type;
        }

        return null;
    }

    private static List<string> Tokens(string name)
    {
        var tokens = new List<string>();
        var current = new System.Text.StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool boundary = !char.IsAsciiLetterOrDigit(c)
                || (char.IsAsciiLetterUpper(c) && i > 0 && char.IsAsciiLetterLower(name[i - 1]));
            if (boundary && current.Length > 0)
            {
                tokens.Add(current.ToString());
                current.Clear();
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                current.Append(char.ToLowerInvariant(c));
            }
        }

        if (current.Length > 0)
        {
            tokens.Add(current.ToString());
        }

        return tokens;
    }
}
