using System.Globalization;

namespace Outbound.Formats;

/// <summary>The user-facing texts of declaration schema errors.</summary>
/// <remarks>
/// Messages name positions, fields and codes, never the content of names or purposes, which may identify people.
/// <c>found</c> arguments are already described by <see cref="SchemaCursor"/> (e.g. <c>-5</c>, <c>"abc"</c>, <c>a list</c>).
/// </remarks>
internal static class Messages
{
    public const string EmptyFile = "The file is empty; expected a declaration with at least the fields year and handler.";

    public const string SecondDocument = "Expected one document in the file; found a second one starting here.";

    public const string ParserStopped = "The text cannot be read past this point.";

    public const string TabIndentation = "Tabs cannot indent YAML; indent with spaces.";

    public const string ExpectedNonEmptyText = "Expected a non-empty text; found an empty one.";

    public static string NotValid(string format, string detail) =>
        $"The file is not valid {format}. {detail.TrimEnd()}{(detail.TrimEnd().EndsWith('.') ? "" : ".")}";

    public static string NestedTooDeeply(int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"Lists and maps are nested more than {limit} levels deep.");

    public static string UnknownAlias(string name) => $"The alias *{name} refers to no anchor &{name} defined before it.";

    public static string ExpectedMap(string found) => $"Expected a map of fields; found {found}.";

    public static string ExpectedRootMap(string found) => $"Expected a map of fields at the top of the file; found {found}.";

    public static string ExpectedList(string found) =>
        found == "null" || found == "nothing"
            ? $"Expected a list; found {found}. Write [] for an empty list."
            : $"Expected a list; found {found}.";

    public static string ExpectedText(string found) => $"Expected a text; found {found}.";

    public static string ExpectedFieldName(string found) => $"Expected a field name; found {found}.";

    public static string UnknownField(string name, IEnumerable<string> allowed) =>
        $"Unknown field '{name}'. Allowed fields: {string.Join(", ", allowed)}.";

    public static string UnknownInterpretation(string name, IEnumerable<string> known) =>
        $"Unknown interpretation '{name}'. Known interpretations: {string.Join(", ", known)}.";

    public static string MissingField(string name) => $"The required field '{name}' is missing.";

    public static string ExpectedCount(string found) => $"Expected a whole number of 0 or more; found {found}.";

    public static string ExpectedWholeNumber(long min, long max, string found) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected a whole number from {min} to {max}; found {found}.");

    public static string ExpectedBoolean(string found) => $"Expected true or false; found {found}.";

    public static string ExpectedDate(string found) => $"Expected a date written YYYY-MM-DD; found {found}.";

    public static string ExpectedWord(IEnumerable<string> words, string found) =>
        $"Expected one of {string.Join(", ", words)}; found {found}.";

    public static string ExpectedCategory(IEnumerable<string> codes, string found) =>
        $"Expected a data category code, one of {string.Join(", ", codes)}; found {found}.";

    public static string ExpectedFreeTradeZone(IEnumerable<string> codes, string found) =>
        $"Expected null or a free trade zone code, one of {string.Join(", ", codes)}; found {found}.";

    public static string ExpectedCountry(string found) =>
        $"Expected an upper-case ISO 3166-1 alpha-2 country or region code such as DE, HK or CN; found {found}.";

    public static string ExceedsIndividuals(long individuals, long found) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected at most {individuals}, the item's individuals; found {found}.");

    public static string DateOutsideYear(int year, DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected a date in {year}, the declaration's year; found {date:yyyy-MM-dd}.");

    public static string DuplicateId(string kind, string id, string firstField, int firstLine) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected a unique {kind} id; '{id}' is already used by {firstField} on line {firstLine}.");
}
