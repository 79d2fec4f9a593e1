namespace Outbound.Detection;

/// <summary>The kinds of identifier the detection engine recognises. Wire names are upper snake case, e.g. <c>CN_RESIDENT_ID</c>.</summary>
public enum IdentifierType
{
    /// <summary>CN_RESIDENT_ID: 居民身份证号码 (GB 11643), 18 characters or the 15-digit first generation.</summary>
    CnResidentId,

    /// <summary>CN_MOBILE: 手机号码, an 11-digit mainland mobile number.</summary>
    CnMobile,

    /// <summary>CN_LANDLINE: 固定电话, area code and subscriber number.</summary>
    CnLandline,

    /// <summary>BANK_CARD: 银行卡号, 16 to 19 digits.</summary>
    BankCard,

    /// <summary>CN_USCC: 统一社会信用代码 (GB 32100).</summary>
    CnUscc,

    /// <summary>CN_PLATE: 机动车号牌 (GA 36).</summary>
    CnPlate,

    /// <summary>VIN: 车辆识别代号 (ISO 3779 with its check digit).</summary>
    Vin,

    /// <summary>GPS_COORD: a latitude/longitude inside mainland China.</summary>
    GpsCoord,

    /// <summary>EMAIL: 电子邮件地址.</summary>
    Email,

    /// <summary>IP_ADDRESS: an IPv4 or IPv6 address.</summary>
    IpAddress,

    /// <summary>PERSON_NAME: 姓名, Chinese or pinyin.</summary>
    PersonName,

    /// <summary>ADDRESS: 地址.</summary>
    Address,

    /// <summary>CN_PASSPORT: 中国护照号码.</summary>
    CnPassport,

    /// <summary>CN_HMT_PERMIT: 港澳台通行证 (Hong Kong, Macau and Taiwan travel permits).</summary>
    CnHmtPermit,

    /// <summary>IMEI: 设备识别码 (Luhn-checked, 15 digits).</summary>
    Imei,

    /// <summary>MAC_ADDRESS: a 48-bit hardware address.</summary>
    MacAddress,
}

/// <summary>Extra facts a recognizer learned while validating a match.</summary>
[Flags]
public enum FindingTraits
{
    /// <summary>Nothing more.</summary>
    None = 0,

    /// <summary>The identifier's birth date makes its holder a minor under 14 on the reference date (PIPL Art. 28).</summary>
    MinorUnder14 = 1,

    /// <summary>Accepted on weaker evidence (e.g. an unknown but plausible division code, or a card that fails Luhn in a card field).</summary>
    Weak = 2,
}

/// <summary>
/// Where an identifier was found: a position in UTF-8 bytes, never a copy of the identifier, so findings can be
/// logged and stored without copying personal information.
/// </summary>
/// <param name="Type">The kind of identifier.</param>
/// <param name="Start">Byte offset of the first byte.</param>
/// <param name="Length">Length in bytes.</param>
/// <param name="Score">Confidence from 0 to 1.</param>
/// <param name="Traits">Extra facts from validation.</param>
public readonly record struct Finding(IdentifierType Type, int Start, int Length, float Score, FindingTraits Traits = FindingTraits.None)
{
    /// <summary>Gets the byte offset just past the identifier.</summary>
    public int End => Start + Length;
}

/// <summary>What the scanner knows about the text it scans.</summary>
/// <param name="ReferenceDate">The date birth dates are judged against (not in the future; minors under 14), China Standard Time.</param>
/// <param name="FieldType">The identifier type the field's name suggests, if any (e.g. 姓名 suggests <see cref="IdentifierType.PersonName"/>).</param>
public readonly record struct ScanContext(DateOnly ReferenceDate, IdentifierType? FieldType = null);

/// <summary>Recognises one kind of identifier in UTF-8 text, validating it rather than only matching its shape.</summary>
/// <remarks>
/// The scanner finds the next byte in the union of every recognizer's <see cref="Triggers"/> and offers that
/// position to each recognizer whose triggers contain the byte. A recognizer checks its own boundaries (an
/// identifier glued to letters or digits is not one) and may report a finding that starts before the position
/// (an e-mail found at its '@'). Implementations are immutable, thread-safe and allocation-free.
/// </remarks>
public interface IRecognizer
{
    /// <summary>Gets the kind of identifier recognised.</summary>
    IdentifierType Type { get; }

    /// <summary>Gets the bytes at which a match can be anchored.</summary>
    System.Buffers.SearchValues<byte> Triggers { get; }

    /// <summary>Tries to recognise an identifier anchored at <paramref name="position"/> of <paramref name="text"/>.</summary>
    /// <returns><see langword="true"/> with the finding when a valid identifier is there.</returns>
    bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding);
}
