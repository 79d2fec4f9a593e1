using System.Globalization;

namespace Outbound.Testing.Synthetic;

/// <summary>The kinds of record the generator writes.</summary>
[Flags]
internal enum RecordKinds
{
    None = 0,

    /// <summary>Vehicle telemetry JSON lines (VIN, plate, position, firmware, ECU hashes).</summary>
    Telemetry = 1,

    /// <summary>User accounts as JSON lines (name, phone, ID, e-mail, IPs, device).</summary>
    Account = 2,

    /// <summary>Orders as JSON lines (order number, buyer, address, card, seller's USCC).</summary>
    Order = 4,

    /// <summary>Free Chinese sentences.</summary>
    Text = 8,

    All = Telemetry | Account | Order | Text,
}

/// <summary>
/// Writes realistic labelled records with planted identifiers and hard look-alikes. Deterministic: the same seed and
/// the same calls give the same records on every machine (seeded <see cref="Random"/>, invariant culture, no clock).
/// </summary>
internal sealed class CorpusGenerator
{
    private readonly IdentifierFaker _faker;

    public CorpusGenerator(int seed) => _faker = new IdentifierFaker(new Random(seed));

    /// <summary>Returns <paramref name="count"/> records of the given kinds, in a fixed mix (telemetry 35%, accounts 20%, orders 20%, text 25%).</summary>
    public IEnumerable<LabelledRecord> Records(int count, RecordKinds kinds = RecordKinds.All)
    {
        if (kinds == RecordKinds.None)
        {
            throw new ArgumentException("Choose at least one kind of record.", nameof(kinds));
        }

        for (int i = 0; i < count; i++)
        {
            RecordKinds kind;
            do
            {
                kind = _faker.Random.NextDouble() switch
                {
                    < 0.35 => RecordKinds.Telemetry,
                    < 0.55 => RecordKinds.Account,
                    < 0.75 => RecordKinds.Order,
                    _ => RecordKinds.Text,
                };
            }
            while ((kinds & kind) == 0);

            yield return kind switch
            {
                RecordKinds.Telemetry => Telemetry(Id("tel", i)),
                RecordKinds.Account => Account(Id("acct", i)),
                RecordKinds.Order => Order(Id("ord", i)),
                _ => FreeText(Id("txt", i)),
            };
        }
    }

    private static string Id(string prefix, int index) => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{index:D6}");

    /// <summary>One vehicle telemetry record as a compact JSON line.</summary>
    public LabelledRecord Telemetry(string id)
    {
        var f = _faker;
        var text = new LabelledTextBuilder();
        var json = new JsonLineWriter(text, spaced: false);
        var city = f.City();
        json.BeginObject();
        json.String("vin", new Generated(f.Vin(), WireTypes.Vin));
        if (f.Chance(0.75))
        {
            json.String("plate", new Generated(f.Plate(f.Chance(0.8) ? city : null), WireTypes.Plate));
        }

        json.Number("ts", Generated.LookAlike(f.EpochMilliseconds().ToString(CultureInfo.InvariantCulture), DecoyKinds.EpochMilliseconds));
        if (f.Chance(0.97))
        {
            var (lat, lon) = f.Coordinate(city);
            json.Number("lat", new Generated(lat, WireTypes.GpsCoord));
            json.Number("lon", new Generated(lon, WireTypes.GpsCoord));
        }
        else
        {
            var (lat, lon) = f.ForeignCoordinate();
            json.Number("lat", Generated.LookAlike(lat, DecoyKinds.ForeignCoordinate));
            json.Number("lon", Generated.LookAlike(lon, DecoyKinds.ForeignCoordinate));
        }

        json.Number("speed", Generated.Plain((f.Random.Next(0, 1300) / 10.0).ToString("F1", CultureInfo.InvariantCulture)));
        json.Number("heading", Generated.Plain(f.Random.Next(0, 360).ToString(CultureInfo.InvariantCulture)));
        json.Number("soc", Generated.Plain(f.Random.Next(5, 101).ToString(CultureInfo.InvariantCulture)));
        json.Number("odo", Generated.Plain((f.Random.Next(100, 3_000_000) / 10.0).ToString("F1", CultureInfo.InvariantCulture)));
        json.String("fw", f.Chance(0.6)
            ? Generated.LookAlike(f.FirmwareVersion(), DecoyKinds.FirmwareVersion)
            : Generated.Plain(string.Create(CultureInfo.InvariantCulture, $"{f.Random.Next(1, 6)}.{f.Random.Next(0, 20)}.{f.Random.Next(0, 30)}")));
        json.BeginObject("ecu");
        json.String("bms", Generated.LookAlike(f.HexHash(32), DecoyKinds.HexHash));
        json.String("vcu", Generated.LookAlike(f.HexHash(40), DecoyKinds.HexHash));
        json.String("adas", Generated.LookAlike(f.HexHash(64), DecoyKinds.HexHash));
        json.EndObject();
        if (f.Chance(0.15))
        {
            json.String("part_no", Generated.LookAlike(f.PartNumber(), DecoyKinds.PartNumber));
        }

        if (f.Chance(0.10))
        {
            json.Number("trip_id", Generated.LookAlike(f.UnallocatedMobile(), DecoyKinds.UnallocatedMobile));
        }

        if (f.Chance(0.10))
        {
            json.BeginObject("tbox");
            json.String("imei", new Generated(f.Imei(), WireTypes.Imei));
            json.String("iccid", Generated.Plain(f.Iccid()));
            json.EndObject();
        }

        if (f.Chance(0.10))
        {
            json.String("driver", new Generated(f.Person().Name, WireTypes.PersonName));
            json.String("driver_phone", new Generated(f.Mobile(bareOnly: true), WireTypes.Mobile));
        }

        json.EndObject();
        return text.Build(id);
    }

    /// <summary>One user account as a JSON line.</summary>
    public LabelledRecord Account(string id)
    {
        var f = _faker;
        var text = new LabelledTextBuilder();
        var json = new JsonLineWriter(text, spaced: f.Chance(0.3));
        var person = f.Person(minor: f.Chance(0.12));
        json.BeginObject();
        json.String("uid", Generated.Plain("U" + f.Digits(10)));
        json.String("name", new Generated(person.Name, WireTypes.PersonName));
        json.String("gender", Generated.Plain(person.Male ? "男" : "女"));
        json.String("phone", new Generated(f.Mobile(), WireTypes.Mobile));
        json.String("id_number", f.Chance(0.05) && !person.IsMinorUnder14
            ? new Generated(f.FirstGenerationResidentId(), WireTypes.ResidentId)
            : new Generated(person.ResidentId, WireTypes.ResidentId));
        json.String("email", new Generated(f.Email(person), WireTypes.Email));
        json.String("reg_ip", new Generated(f.Ipv4(), WireTypes.IpAddress));
        if (f.Chance(0.4))
        {
            json.String("last_ip6", new Generated(f.Ipv6(), WireTypes.IpAddress));
        }

        if (f.Chance(0.25))
        {
            json.String("tel", new Generated(f.Landline(person.City), WireTypes.Landline));
        }

        if (f.Chance(0.10))
        {
            json.String("passport_no", new Generated(f.Passport(), WireTypes.Passport));
        }

        if (f.Chance(0.08))
        {
            json.String("hk_macau_permit", new Generated(f.HmtPermit(), WireTypes.HmtPermit));
        }

        if (f.Chance(0.4))
        {
            json.String("address", new Generated(f.Address(person.City), WireTypes.Address));
        }

        json.BeginObject("device");
        json.String("model", Generated.Plain(f.Pick(SyntheticTables.PhoneModels)));
        json.String("imei", new Generated(f.Imei(), WireTypes.Imei));
        json.String("mac", new Generated(f.Mac(), WireTypes.MacAddress));
        json.EndObject();
        json.Number("created_at", Generated.LookAlike(f.EpochMilliseconds().ToString(CultureInfo.InvariantCulture), DecoyKinds.EpochMilliseconds));
        if (f.Chance(0.1))
        {
            json.String("session", Generated.LookAlike(f.HexHash(32), DecoyKinds.HexHash));
        }

        json.EndObject();
        return text.Build(id);
    }

    /// <summary>One order as a JSON line.</summary>
    public LabelledRecord Order(string id)
    {
        var f = _faker;
        var text = new LabelledTextBuilder();
        var json = new JsonLineWriter(text, spaced: f.Chance(0.3));
        var buyer = f.Person();
        json.BeginObject();
        json.String("order_no", Generated.LookAlike(f.OrderNumber(), DecoyKinds.OrderNumber));
        json.String("buyer", new Generated(buyer.Name, WireTypes.PersonName));
        json.String("mobile", new Generated(f.Mobile(), WireTypes.Mobile));
        json.String("address", new Generated(f.Address(buyer.City), WireTypes.Address));
        if (f.Chance(0.3))
        {
            json.String("buyer_id", new Generated(buyer.ResidentId, WireTypes.ResidentId));
        }

        json.BeginObject("pay");
        if (f.Chance(0.6))
        {
            json.String("card", new Generated(f.BankCard(), WireTypes.BankCard));
        }

        json.String("amount", Generated.Plain(f.Amount()));
        json.EndObject();
        if (f.Chance(0.3))
        {
            json.String("coupon", Generated.LookAlike(f.LuhnFailing16(), DecoyKinds.LuhnFailing));
        }

        json.BeginObject("seller");
        json.String("name", Generated.Plain(f.CompanyName()));
        json.String("uscc", new Generated(f.Uscc(), WireTypes.Uscc));
        json.EndObject();
        if (f.Chance(0.1))
        {
            json.String("invoice_ref", Generated.LookAlike(f.BadUscc(), DecoyKinds.BadUscc));
        }

        json.String("tracking_no", Generated.Plain("SF" + f.Digits(12)));
        var created = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified).AddSeconds(f.Random.Next(0, 330 * 86_400));
        json.String("created_at", Generated.Plain(created.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)));
        json.EndObject();
        return text.Build(id);
    }

    /// <summary>One or two sentences of free Chinese text.</summary>
    public LabelledRecord FreeText(string id)
    {
        var text = new LabelledTextBuilder();
        var person = _faker.Person();
        Sentence(text, _faker.Pick(SentenceTemplates.All), person);
        if (_faker.Chance(0.4))
        {
            Sentence(text, _faker.Pick(SentenceTemplates.All), _faker.Person());
        }

        return text.Build(id);
    }

    private void Sentence(LabelledTextBuilder text, string template, SyntheticPerson person)
    {
        int at = 0;
        while (at < template.Length)
        {
            int open = template.IndexOf('{', at);
            if (open < 0)
            {
                text.Text(template[at..]);
                return;
            }

            int close = template.IndexOf('}', open);
            text.Text(template[at..open]);
            Slot(text, template[(open + 1)..close], person);
            at = close + 1;
        }
    }

    private void Slot(LabelledTextBuilder text, string slot, SyntheticPerson person)
    {
        var f = _faker;
        switch (slot)
        {
            case "NAME": text.Labelled(person.Name, WireTypes.PersonName); break;
            case "NAME2": text.Labelled(f.Person().Name, WireTypes.PersonName); break;
            case "MOBILE": text.Labelled(f.Mobile(), WireTypes.Mobile); break;
            case "LANDLINE": text.Labelled(f.Landline(person.City), WireTypes.Landline); break;
            case "ID": text.Labelled(person.ResidentId, WireTypes.ResidentId); break;
            case "ID_MINOR": text.Labelled(f.Person(minor: true).ResidentId, WireTypes.ResidentId); break;
            case "ID15": text.Labelled(f.FirstGenerationResidentId(), WireTypes.ResidentId); break;
            case "CARD": text.Labelled(f.BankCard(), WireTypes.BankCard); break;
            case "USCC": text.Labelled(f.Uscc(), WireTypes.Uscc); break;
            case "PLATE": text.Labelled(f.Plate(), WireTypes.Plate); break;
            case "VIN": text.Labelled(f.Vin(), WireTypes.Vin); break;
            case "GPS": Pair(text, f.Coordinate(), WireTypes.GpsCoord, null); break;
            case "EMAIL": text.Labelled(f.Email(person), WireTypes.Email); break;
            case "IPV4": text.Labelled(f.Ipv4(), WireTypes.IpAddress); break;
            case "IPV6": text.Labelled(f.Ipv6(), WireTypes.IpAddress); break;
            case "IMEI": text.Labelled(f.Imei(), WireTypes.Imei); break;
            case "MAC": text.Labelled(f.Mac(), WireTypes.MacAddress); break;
            case "PASSPORT": text.Labelled(f.Passport(), WireTypes.Passport); break;
            case "HMT": text.Labelled(f.HmtPermit(), WireTypes.HmtPermit); break;
            case "ADDRESS": text.Labelled(f.Address(), WireTypes.Address); break;
            case "ORDER": text.Decoy(f.OrderNumber(), DecoyKinds.OrderNumber); break;
            case "EPOCH": text.Decoy(f.EpochMilliseconds().ToString(CultureInfo.InvariantCulture), DecoyKinds.EpochMilliseconds); break;
            case "HASH": text.Decoy(f.HexHash(f.Pick(HashLengths)), DecoyKinds.HexHash); break;
            case "FW": text.Decoy(f.FirmwareVersion(), DecoyKinds.FirmwareVersion); break;
            case "PART": text.Decoy(f.PartNumber(), DecoyKinds.PartNumber); break;
            case "BADMOBILE": text.Decoy(f.UnallocatedMobile(), DecoyKinds.UnallocatedMobile); break;
            case "FOREIGN": Pair(text, f.ForeignCoordinate(), WireTypes.None, DecoyKinds.ForeignCoordinate); break;
            case "BADUSCC": text.Decoy(f.BadUscc(), DecoyKinds.BadUscc); break;
            case "BADCARD": text.Decoy(f.LuhnFailing16(), DecoyKinds.LuhnFailing); break;
            case "TRACK": text.Text(f.Pick(TrackingPrefixes) + f.Digits(12)); break;
            case "AMOUNT": text.Text(f.Amount()); break;
            case "DATE": text.Text(string.Create(CultureInfo.InvariantCulture, $"2026年{f.Random.Next(1, 12)}月{f.Random.Next(1, 29)}日")); break;
            case "TIME": text.Text(string.Create(CultureInfo.InvariantCulture, $"{f.Random.Next(8, 22)}:{f.Random.Next(0, 60):D2}")); break;
            case "CODE": text.Text(f.Digits(6)); break;
            case "COMPANY": text.Text(f.CompanyName()); break;
            case "PICKUP": text.Text(string.Create(CultureInfo.InvariantCulture, $"{f.Random.Next(1, 20)}-{f.Random.Next(1, 6)}-{f.Random.Next(1000, 9999)}")); break;
            case "EMOJI": text.Text(f.Pick(Emoji)); break;
            default: throw new ArgumentException($"Unknown slot {{{slot}}}.", nameof(slot));
        }
    }

    private static readonly int[] HashLengths = [32, 40, 64];

    private static readonly string[] TrackingPrefixes = ["SF", "JD", "YT", "ZTO"];

    private static readonly string[] Emoji = ["😊", "🙏", "👍", "谢谢！", "。"];

    /// <summary>A latitude and longitude written "lat,lon" or "lat, lon": each number is its own span.</summary>
    private void Pair(LabelledTextBuilder text, (string Latitude, string Longitude) pair, string type, string? decoy)
    {
        text.Append(new Generated(pair.Latitude, type, decoy));
        text.Text(_faker.Chance(0.5) ? "," : ", ");
        text.Append(new Generated(pair.Longitude, type, decoy));
    }
}

/// <summary>Writes one JSON object on one line into a <see cref="LabelledTextBuilder"/>, labelling values as they go.</summary>
internal sealed class JsonLineWriter(LabelledTextBuilder text, bool spaced)
{
    private readonly Stack<bool> _empty = new();

    public void BeginObject(string? name = null)
    {
        if (name is null)
        {
            Separator();
        }
        else
        {
            Name(name);
        }

        text.Text('{');
        _empty.Push(true);
    }

    public void EndObject()
    {
        _empty.Pop();
        text.Text('}');
    }

    /// <summary>Writes <c>"name":"value"</c>; the label covers the value without its quotes.</summary>
    public void String(string name, Generated value)
    {
        if (value.Text.AsSpan().IndexOfAny('"', '\\') >= 0)
        {
            throw new ArgumentException("Generated values never need JSON escapes.", nameof(value));
        }

        Name(name);
        text.Text('"').Append(value).Text('"');
    }

    /// <summary>Writes <c>"name":value</c> with a bare number.</summary>
    public void Number(string name, Generated value)
    {
        Name(name);
        text.Append(value);
    }

    private void Name(string name)
    {
        Separator();
        text.Text('"').Text(name).Text(spaced ? "\": " : "\":");
    }

    private void Separator()
    {
        if (_empty.Count == 0)
        {
            return;
        }

        if (!_empty.Pop())
        {
            text.Text(spaced ? ", " : ",");
        }

        _empty.Push(false);
    }
}
