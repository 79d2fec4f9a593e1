namespace Outbound.Testing.Synthetic;

/// <summary>The identifier type names used on the wire and in labelled data (issue 3), plus the look-alike label.</summary>
internal static class WireTypes
{
    public const string ResidentId = "CN_RESIDENT_ID";
    public const string Mobile = "CN_MOBILE";
    public const string Landline = "CN_LANDLINE";
    public const string BankCard = "BANK_CARD";
    public const string Uscc = "CN_USCC";
    public const string Plate = "CN_PLATE";
    public const string Vin = "VIN";
    public const string GpsCoord = "GPS_COORD";
    public const string Email = "EMAIL";
    public const string IpAddress = "IP_ADDRESS";
    public const string PersonName = "PERSON_NAME";
    public const string Address = "ADDRESS";
    public const string Passport = "CN_PASSPORT";
    public const string HmtPermit = "CN_HMT_PERMIT";
    public const string Imei = "IMEI";
    public const string MacAddress = "MAC_ADDRESS";

    /// <summary>The label of a planted look-alike: text shaped like an identifier that is not one.</summary>
    public const string None = "none";

    /// <summary>Gets every identifier type name, in the order of the issue.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        ResidentId, Mobile, Landline, BankCard, Uscc, Plate, Vin, GpsCoord, Email, IpAddress,
        PersonName, Address, Passport, HmtPermit, Imei, MacAddress,
    ];
}

/// <summary>The kinds of planted look-alike, written as the <c>decoy</c> of a span labelled <see cref="WireTypes.None"/>.</summary>
internal static class DecoyKinds
{
    /// <summary>An 18-digit order number that fails the resident-ID check (and Luhn).</summary>
    public const string OrderNumber = "order_no_18";

    /// <summary>An 11-digit number starting with a prefix no mobile range allows (10x, 11x, 12x, 154).</summary>
    public const string UnallocatedMobile = "unallocated_mobile_11";

    /// <summary>A 13-digit Unix epoch in milliseconds.</summary>
    public const string EpochMilliseconds = "epoch_ms_13";

    /// <summary>A 32-, 40- or 64-character hexadecimal hash.</summary>
    public const string HexHash = "hex_hash";

    /// <summary>A firmware version shaped like an IPv4 address (v-prefixed, or with a part above 255).</summary>
    public const string FirmwareVersion = "firmware_ipv4_like";

    /// <summary>A 17-character part number made of VIN characters whose ninth is the wrong check digit.</summary>
    public const string PartNumber = "part_no_17";

    /// <summary>A latitude/longitude outside China but inside its bounding box (Seoul, Tokyo, Ulaanbaatar, Hanoi).</summary>
    public const string ForeignCoordinate = "foreign_coordinate";

    /// <summary>A unified social credit code with a wrong check character.</summary>
    public const string BadUscc = "uscc_bad_check";

    /// <summary>A 16-digit number that fails Luhn, outside any card field or card context.</summary>
    public const string LuhnFailing = "luhn_failing_16";
}
