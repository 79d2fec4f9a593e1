using System.Globalization;

namespace Outbound.Formats;

/// <summary>The user-facing texts of policy file errors; like <see cref="Messages"/>, they never quote data values.</summary>
internal static class PolicyMessages
{
    public const string EmptyFile = "The file is empty; expected a policy with at least the fields policy and output.";

    public const string NotUtf8 = "The file is not valid UTF-8.";

    public const string NoSelector = "The rule selects nothing; give one of field, type or category.";

    public const string DecimalsOrCells = "Expected exactly one of decimals or cell_metres.";

    public const string ExpectedOffset = "Expected a UTC offset written +HH:MM or -HH:MM, within ±14:00";

    public const string ExpectedMaskCharacter = "Expected one character that is not a letter or digit, such as *";

    public const string ExpectedRadix = "Expected 10 (digits), 36 (digits and upper-case letters) or 62 (digits and letters)";

    public static string SecondSelector(string first) => $"A rule selects by one of field, type or category; this one already selects by {first}.";

    public static string NotForOperator(string field, string op, IEnumerable<string> allowed)
    {
        string[] list = [.. allowed];
        return list.Length == 0
            ? $"The field '{field}' does not apply to op {op}, which takes no parameters."
            : $"The field '{field}' does not apply to op {op}, which takes: {string.Join(", ", list)}.";
    }

    public static string WidthNeedsAgeBand(string to) => $"The field 'width' applies to age_band only; this rule generalises to {to}.";

    public static string ExpectedType(IEnumerable<string> names, string found) =>
        $"Expected an identifier type, one of {string.Join(", ", names)}; found {found}.";

    public static string ExpectedFound(string expected, string found) => $"{expected}; found {found}.";

    public static string ExpectedWholeNumberIn(IEnumerable<int> values, string found) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected one of {string.Join(", ", values)}; found {found}.");
}
