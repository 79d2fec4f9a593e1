using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Outbound.Law;

/// <summary>A free trade zone with a published data-export negative list (2024 Provisions Art. 6; RULES §8 R-FTZ-3).</summary>
/// <param name="Code">The code used in declarations.</param>
/// <param name="NameEn">English name.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="ListInForce">
/// The first date the zone's list is relied on. Where RULES.md gives only a month, the first day of the next
/// month is used, so a transfer is never exempted before the list certainly existed.
/// </param>
/// <param name="Sectors">The sectors the list is reported to cover ([S]); empty when not reported.</param>
public sealed record FreeTradeZone(string Code, string NameEn, string NameZh, DateOnly ListInForce, ImmutableArray<string> Sectors);

/// <summary>The catalogue of free trade zones whose negative lists are known (RULES §8, all [S]).</summary>
public static class FreeTradeZones
{
    /// <summary>Gets every known zone.</summary>
    public static ImmutableArray<FreeTradeZone> All { get; } =
    [
        new("tianjin", "Tianjin FTZ", "中国（天津）自由贸易试验区", new DateOnly(2024, 6, 1), []),
        new("beijing", "Beijing FTZ", "中国（北京）自由贸易试验区", new DateOnly(2024, 8, 30), ["automotive", "pharmaceuticals", "retail and modern services", "civil aviation", "AI training data"]),
        new("shanghai", "Shanghai FTZ and Lingang", "中国（上海）自由贸易试验区及临港新片区", new DateOnly(2025, 2, 8), []),
        new("hainan", "Hainan Free Trade Port", "海南自由贸易港", new DateOnly(2025, 3, 1), ["deep sea", "aerospace", "seed industry", "tourism", "duty-free retail"]),
        new("zhejiang", "Zhejiang FTZ", "中国（浙江）自由贸易试验区", new DateOnly(2025, 5, 1), []),
        new("guangxi", "Guangxi FTZ", "中国（广西）自由贸易试验区", new DateOnly(2025, 9, 1), []),
        new("jiangsu", "Jiangsu FTZ", "中国（江苏）自由贸易试验区", new DateOnly(2025, 9, 1), []),
        new("chongqing", "Chongqing FTZ", "中国（重庆）自由贸易试验区", new DateOnly(2025, 10, 1), []),
    ];

    private static readonly FrozenDictionary<string, FreeTradeZone> ByCode =
        All.ToFrozenDictionary(zone => zone.Code, StringComparer.Ordinal);

    /// <summary>Finds the zone with the code <paramref name="code"/>.</summary>
    public static bool TryGet(string code, [NotNullWhen(true)] out FreeTradeZone? zone) =>
        ByCode.TryGetValue(code, out zone);
}
