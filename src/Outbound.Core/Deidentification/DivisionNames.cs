using System.Collections.Frozen;
using System.Text;
using Outbound.Detection.Recognizers;

namespace Outbound.Deidentification;

/// <summary>
/// GB/T 2260 division names by code and codes by name, from the detection engine's division table
/// (<c>Detection/Data/cn-divisions.tsv</c>): the generalisers write regions as full names from this table, so the
/// same place is written one way whatever the input said (广州市海珠区 and 广东省广州市海珠区 both become 广东省广州市).
/// </summary>
/// <remarks>Built once; thread-safe.</remarks>
internal static class DivisionNames
{
    private const string Resource = "Outbound.Detection.Data.cn-divisions.tsv";

    private static readonly (FrozenDictionary<int, string> ByCode, FrozenDictionary<string, int[]> ByName) Tables = Load();

    /// <summary>Returns the full name of the division <paramref name="code"/> (six digits), or <see langword="null"/>.</summary>
    public static string? Name(int code) => Tables.ByCode.GetValueOrDefault(code);

    /// <summary>
    /// Writes the region of the six-digit division <paramref name="code"/> at <paramref name="level"/> as full names
    /// from the province down: 广东省, 广东省深圳市, 广东省深圳市南山区. A level missing from the table (the cities of the
    /// four municipalities, codes retired long ago) is left out.
    /// </summary>
    /// <returns>The region, or <see langword="null"/> when not even the province is known.</returns>
    public static string? Region(int code, DivisionLevel level)
    {
        if (Name(code / 10_000 * 10_000) is not { } province)
        {
            return null;
        }

        var text = new StringBuilder(province);
        if (level >= DivisionLevel.City && code / 100 % 100 != 0 && Name(code / 100 * 100) is { } city)
        {
            text.Append(city);
        }

        if (level >= DivisionLevel.County && code % 100 != 0 && Name(code) is { } county)
        {
            text.Append(county);
        }

        return text.ToString();
    }

    /// <summary>
    /// Reads the divisions an address starts with (province, city, county, as many as are written) and returns the
    /// code of the most precise one the table resolves without ambiguity, or 0.
    /// </summary>
    /// <param name="address">The address, UTF-8.</param>
    /// <param name="consumed">The bytes of <paramref name="address"/> the divisions take.</param>
    public static int Resolve(ReadOnlySpan<byte> address, out int consumed)
    {
        int position = 0;
        int code = 0;
        DivisionLevel above = DivisionLevel.None;
        while (position < address.Length)
        {
            int length = AddressRules.DivisionAt(address, position, afterDivision: above != DivisionLevel.None, out DivisionLevel level, above);
            if (length == 0)
            {
                break;
            }

            string name = Encoding.UTF8.GetString(address.Slice(position, length));
            if (Narrow(name, level, code) is var narrowed and > 0)
            {
                code = narrowed;
            }

            above = level;
            position += length;
        }

        consumed = position;
        return code;
    }

    // The one division named name at level inside the division parent (0: anywhere), or 0 when none or several.
    private static int Narrow(string name, DivisionLevel level, int parent)
    {
        if (!Tables.ByName.TryGetValue(name, out int[]? codes))
        {
            return 0;
        }

        int found = 0;
        foreach (int code in codes)
        {
            if (LevelOf(code) != level || !Inside(code, parent))
            {
                continue;
            }

            if (found != 0)
            {
                return 0;
            }

            found = code;
        }

        return found;
    }

    private static bool Inside(int code, int parent) => parent switch
    {
        0 => true,
        _ when parent % 10_000 == 0 => code / 10_000 == parent / 10_000,
        _ when parent % 100 == 0 => code / 100 == parent / 100,
        _ => code == parent,
    };

    private static DivisionLevel LevelOf(int code) =>
        code % 10_000 == 0 ? DivisionLevel.Province : code % 100 == 0 ? DivisionLevel.City : DivisionLevel.County;

    private static (FrozenDictionary<int, string>, FrozenDictionary<string, int[]>) Load()
    {
        var byCode = new Dictionary<int, string>();
        var byName = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (string line in HanText.ReadDataLines(Resource))
        {
            string[] cells = line.Split('\t');
            int code = int.Parse(cells[0], System.Globalization.CultureInfo.InvariantCulture);
            byCode[code] = cells[1];
            Add(cells[1], code);
            if (cells.Length > 2 && cells[2].Length > 0)
            {
                Add(cells[2], code);
            }
        }

        return (byCode.ToFrozenDictionary(), byName.ToFrozenDictionary(pair => pair.Key, pair => pair.Value.Distinct().ToArray(), StringComparer.Ordinal));

        void Add(string name, int code)
        {
            if (!byName.TryGetValue(name, out var codes))
            {
                byName[name] = codes = [];
            }

            codes.Add(code);
        }
    }
}
