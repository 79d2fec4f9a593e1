using System.Globalization;
using Outbound.Detection;

namespace Outbound.Deidentification;

/// <summary>What each operator does in law and which identifier types it reads, known before any key is at hand.</summary>
internal static class OperationRules
{
    /// <summary>Returns what the output of <paramref name="operation"/> still is.</summary>
    public static Protection ProtectionOf(Operation operation) => operation switch
    {
        KeepOperation => Protection.None,
        DropOperation or RedactOperation or LabelOperation => Protection.Anonymised,
        MaskOperation or TokenOperation or FpeOperation => Protection.Deidentified,
        GeneraliseOperation or BucketOperation => Protection.Generalised,
        CoarsenOperation { Decimals: <= LocationCoarsening.AnonymousMaxDecimals } => Protection.Anonymised,
        CoarsenOperation { CellMetres: >= LocationCoarsening.AnonymousMinCellMetres } => Protection.Anonymised,
        CoarsenOperation => Protection.Deidentified,
        _ => throw new ArgumentException($"Unknown operation {operation.GetType().Name}.", nameof(operation)),
    };

    /// <summary>
    /// Returns <see langword="true"/> when <paramref name="operation"/> reads identifiers of <paramref name="type"/>;
    /// a whole field value (<paramref name="type"/> <see langword="null"/>) is read by every operator.
    /// </summary>
    public static bool AppliesTo(Operation operation, IdentifierType? type) => (operation, type) switch
    {
        (_, null) => true,
        (GeneraliseOperation generalise, IdentifierType.CnResidentId) => generalise.To is GeneraliseLevel.RegionAndBirthYear
            or GeneraliseLevel.ProvinceAndBirthYear or GeneraliseLevel.City or GeneraliseLevel.Province or GeneraliseLevel.District or GeneraliseLevel.Year,
        (GeneraliseOperation generalise, IdentifierType.Address) => generalise.To is GeneraliseLevel.District or GeneraliseLevel.City or GeneraliseLevel.Province,
        (GeneraliseOperation, _) => false,
        (CoarsenOperation, IdentifierType.GpsCoord) => true,
        (CoarsenOperation or BucketOperation, _) => false,
        _ => true,
    };

    /// <summary>Returns <see langword="true"/> when the operator needs the token key.</summary>
    public static bool NeedsTokenKey(Operation operation) => operation is TokenOperation;

    /// <summary>Returns <see langword="true"/> when the operator needs the encryption key.</summary>
    public static bool NeedsFpeKey(Operation operation) => operation is FpeOperation;

    /// <summary>Describes the operator for messages, as a policy file writes it: <c>generalise to city</c>, <c>coarsen to 3 decimals</c>.</summary>
    public static string Describe(Operation operation) => operation switch
    {
        GeneraliseOperation { To: GeneraliseLevel.AgeBand } g => string.Create(CultureInfo.InvariantCulture, $"generalise to age bands of {g.BandWidth}"),
        GeneraliseOperation g => $"generalise to {PolicyWords.Level(g.To)}",
        CoarsenOperation { Decimals: { } decimals } => string.Create(CultureInfo.InvariantCulture, $"coarsen to {decimals} decimals"),
        CoarsenOperation { CellMetres: { } metres } => string.Create(CultureInfo.InvariantCulture, $"coarsen to cells of {metres} m"),
        BucketOperation b => $"bucket to the {PolicyWords.Unit(b.To)}",
        _ => operation.WireName,
    };
}

/// <summary>The wire names of the policy's enumerations: lower snake case of the member names.</summary>
public static class PolicyWords
{
    /// <summary>Returns the wire name of a generalisation level, e.g. <c>region_and_birth_year</c>.</summary>
    public static string Level(GeneraliseLevel level) => Snake(level.ToString());

    /// <summary>Returns the wire name of a time unit, e.g. <c>hour</c>.</summary>
    public static string Unit(TimeUnit unit) => Snake(unit.ToString());

    /// <summary>Returns the wire name of a datum: <c>wgs84</c> or <c>gcj02</c>.</summary>
    public static string Datum(GeodeticDatum datum) => datum.ToString().ToLowerInvariant();

    /// <summary>Returns the wire name of a policy output: <c>deidentified</c> or <c>anonymised</c>.</summary>
    public static string Output(PolicyOutput output) => output.ToString().ToLowerInvariant();

    /// <summary>Returns the wire name of a small-class action: <c>generalise</c> or <c>retain</c>.</summary>
    public static string Action(SmallClassAction action) => action.ToString().ToLowerInvariant();

    /// <summary>Finds the member of <typeparamref name="TEnum"/> whose wire name is <paramref name="name"/>.</summary>
    public static bool TryParse<TEnum>(string name, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (TEnum candidate in Enum.GetValues<TEnum>())
        {
            if (string.Equals(Snake(candidate.ToString()), name, StringComparison.Ordinal))
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Returns every wire name of <typeparamref name="TEnum"/>, in declaration order.</summary>
    public static IEnumerable<string> All<TEnum>()
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Select(value => Snake(value.ToString()));

    private static string Snake(string pascal)
    {
        var text = new System.Text.StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsAsciiLetterUpper(c) && i > 0 && !char.IsAsciiDigit(pascal[i - 1]))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
