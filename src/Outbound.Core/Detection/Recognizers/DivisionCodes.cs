namespace Outbound.Detection.Recognizers;

/// <summary>
/// GB/T 2260 administrative division codes (行政区划代码) as they appear in identity numbers: every current code and
/// every historical one the shipped table knows, since an identity number keeps the code of the place and year it was
/// issued in.
/// </summary>
/// <remarks>
/// The table is <c>Data/gbt2260-codes.txt</c> (sources and licences in <c>Data/SOURCES.md</c>), loaded once into a
/// bitset of a million bits so that a lookup is one shift and one mask. Thread-safe.
/// </remarks>
internal static class DivisionCodes
{
    private const string ResourceName = "Outbound.Detection.Data.gbt2260-codes.txt";
    private const int CodeSpace = 1_000_000;

    private static readonly ulong[] Known = Load();

    /// <summary>Gets how many codes the table holds.</summary>
    public static int Count { get; } = Known.Sum(word => System.Numerics.BitOperations.PopCount(word));

    /// <summary>Returns <see langword="true"/> when <paramref name="code"/> is a known six-digit division code, current or historical.</summary>
    public static bool IsKnown(int code) =>
        unchecked((uint)code < CodeSpace) && (Known[code >> 6] & (1UL << (code & 63))) != 0;

    /// <summary>
    /// Returns <see langword="true"/> when <paramref name="prefix"/> is the two-digit code of a mainland province-level
    /// division (GB/T 2260: 11–15 North, 21–23 North-east, 31–37 East, 41–46 South-central, 50–54 South-west, 61–65
    /// North-west).
    /// </summary>
    /// <remarks>
    /// 71 (Taiwan), 81 (Hong Kong) and 82 (Macau) are not here: identity numbers of residence permits for their residents
    /// use the whole codes 810000, 820000 and 830000 (2018 rules), which the table holds.
    /// </remarks>
    public static bool IsMainlandProvince(int prefix) =>
        prefix is (>= 11 and <= 15) or (>= 21 and <= 23) or (>= 31 and <= 37) or (>= 41 and <= 46) or (>= 50 and <= 54) or (>= 61 and <= 65);

    /// <summary>Enumerates the known codes in ascending order (for tests and generators).</summary>
    public static IEnumerable<int> All()
    {
        for (int code = 0; code < CodeSpace; code++)
        {
            if (IsKnown(code))
            {
                yield return code;
            }
        }
    }

    private static ulong[] Load()
    {
        using var stream = typeof(DivisionCodes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The embedded GB/T 2260 division table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var bits = new ulong[CodeSpace / 64 + 1];
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 6 || line[0] == '#')
            {
                continue;
            }

            int code = int.Parse(line.AsSpan(0, 6), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture);
            bits[code >> 6] |= 1UL << (code & 63);
        }

        return bits;
    }
}
