using System.Collections.Frozen;
using System.Collections.Immutable;
using Outbound.Law;

namespace Outbound.Detection;

/// <summary>What an identifier type means in law, and how strongly it identifies a person.</summary>
/// <param name="Type">The identifier type.</param>
/// <param name="WireName">Its name on the wire, e.g. <c>CN_RESIDENT_ID</c>.</param>
/// <param name="Category">The data category it belongs to (RULES §12.1).</param>
/// <param name="KeyRank">
/// How strongly it stands for one person when keying subjects: 1 is strongest (an ID number); 0 means it is never
/// used as a subject key.
/// </param>
public sealed record IdentifierInfo(IdentifierType Type, string WireName, DataCategory Category, int KeyRank)
{
    /// <summary>Gets a value indicating whether the identifier is personal information.</summary>
    public bool IsPersonalInformation => Category.IsPersonalInformation;

    /// <summary>Gets a value indicating whether the identifier is sensitive personal information by default.</summary>
    public bool IsSensitive => Category.IsSensitiveByDefault;
}

/// <summary>The table identifier type → law category → sensitivity that the export gate uses (docs/detection.md).</summary>
public static class IdentifierCatalog
{
    /// <summary>Gets every identifier type with its meaning.</summary>
    public static ImmutableArray<IdentifierInfo> All { get; } =
    [
        new(IdentifierType.CnResidentId, "CN_RESIDENT_ID", DataCategories.Get("identity_document"), 1),
        new(IdentifierType.CnPassport, "CN_PASSPORT", DataCategories.Get("identity_document"), 1),
        new(IdentifierType.CnHmtPermit, "CN_HMT_PERMIT", DataCategories.Get("identity_document"), 1),
        new(IdentifierType.CnMobile, "CN_MOBILE", DataCategories.Get("contact"), 2),
        new(IdentifierType.Email, "EMAIL", DataCategories.Get("contact"), 3),
        new(IdentifierType.BankCard, "BANK_CARD", DataCategories.Get("bank_account"), 3),
        new(IdentifierType.CnLandline, "CN_LANDLINE", DataCategories.Get("contact"), 0),
        new(IdentifierType.Vin, "VIN", DataCategories.Get("vehicle_telemetry"), 4),
        new(IdentifierType.CnPlate, "CN_PLATE", DataCategories.Get("vehicle_telemetry"), 4),
        new(IdentifierType.GpsCoord, "GPS_COORD", DataCategories.Get("precise_location"), 0),
        new(IdentifierType.IpAddress, "IP_ADDRESS", DataCategories.Get("device_id"), 0),
        new(IdentifierType.Imei, "IMEI", DataCategories.Get("device_id"), 0),
        new(IdentifierType.MacAddress, "MAC_ADDRESS", DataCategories.Get("device_id"), 0),
        new(IdentifierType.PersonName, "PERSON_NAME", DataCategories.Get("contact"), 0),
        new(IdentifierType.Address, "ADDRESS", DataCategories.Get("contact"), 0),
        new(IdentifierType.CnUscc, "CN_USCC", DataCategories.Get("general"), 0),
    ];

    // Indexed by the enum's value: the scanner looks a type up for every finding.
    private static readonly IdentifierInfo[] ByType = [.. All.OrderBy(info => (int)info.Type)];

    private static readonly IdentifierFacts[] FactsByType = [.. ByType.Select(info => new IdentifierFacts(info.IsPersonalInformation, info.IsSensitive, info.KeyRank))];

    private static readonly FrozenDictionary<string, IdentifierInfo> ByWireName = All.ToFrozenDictionary(info => info.WireName, StringComparer.Ordinal);

    /// <summary>Returns the meaning of <paramref name="type"/>.</summary>
    public static IdentifierInfo Get(IdentifierType type) => ByType[(int)type];

    /// <summary>Gets what counting persons needs of each type, indexed by type, as values: no chain of objects to follow for each finding.</summary>
    internal static ReadOnlySpan<IdentifierFacts> Facts => FactsByType;

    /// <summary>Returns the wire name of <paramref name="type"/>.</summary>
    public static string WireName(IdentifierType type) => ByType[(int)type].WireName;

    /// <summary>Finds the type with the wire name <paramref name="name"/>.</summary>
    public static bool TryParse(string name, out IdentifierType type)
    {
        bool found = ByWireName.TryGetValue(name, out var info);
        type = found ? info!.Type : default;
        return found;
    }
}

/// <summary>What counting persons needs of one identifier type (<see cref="IdentifierInfo"/>), as a value.</summary>
/// <param name="IsPersonalInformation">Whether it is personal information.</param>
/// <param name="IsSensitive">Whether it is sensitive personal information by default.</param>
/// <param name="KeyRank">How strongly it stands for one person; 0 when never a subject key.</param>
internal readonly record struct IdentifierFacts(bool IsPersonalInformation, bool IsSensitive, int KeyRank);
