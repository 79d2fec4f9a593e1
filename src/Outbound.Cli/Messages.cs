using System.Globalization;

namespace Outbound.Cli;

/// <summary>The user-facing text of the <c>outbound</c> command.</summary>
internal static partial class Messages
{
    /// <summary>The description of <c>outbound assess</c>, shown by <c>--help</c>.</summary>
    public const string AssessDescription =
        "Decide which legal pathway each transfer in one or more declaration files needs (exempt, standard contract " +
        "or certification, security assessment), with the rules cited and what falls due. " +
        "Exit codes: 0 every transfer is ALLOWED; 1 a transfer is HELD or BLOCKED; 2 bad input or usage (errors on standard error).";

    /// <summary>Help for the FILE argument.</summary>
    public const string FileArgument = "Declaration files (YAML or JSON). Several files are assessed together, so a company group's volumes are checked across them.";

    /// <summary>Help for <c>--as-of</c>.</summary>
    public const string AsOfOption = "Judge deadlines as of this date (YYYY-MM-DD). Default: today in China Standard Time.";

    /// <summary>Help for <c>--format</c>.</summary>
    public const string FormatOption = "Output: text (for people), json (for programs) or markdown (a bilingual memo).";

    /// <summary>Help for <c>--calendar</c>.</summary>
    public const string CalendarOption = "A CSV of official holiday notices (date,kind,name; kind off or work) added to the built-in working-day calendar.";

    /// <summary>The prefix of an error on standard error.</summary>
    public const string ErrorPrefix = "Error: ";

    /// <summary>The headline of a text report's reasons.</summary>
    public const string Why = "Why";

    /// <summary>The headline of a text report's obligations.</summary>
    public const string DueNext = "What is due next";

    /// <summary>The label of an obligation without a fixed date.</summary>
    public const string NoFixedDate = "no fixed date";

    /// <summary>The label of an obligation whose deadline is not computable.</summary>
    public const string NotComputable = "not computable";

    /// <summary>The mark of an overdue obligation.</summary>
    public const string Overdue = "overdue";

    /// <summary>The headline of a text report's approvals.</summary>
    public const string Approvals = "Approvals";

    /// <summary>The text shown when a declaration lists no transfers.</summary>
    public const string NoTransfers = "The declaration lists no transfers.";

    /// <summary>Returns the error for an unknown <c>--format</c>.</summary>
    public static string FormatInvalid(string format) =>
        Invariant($"--format must be text, json or markdown; got '{format}'.");

    /// <summary>Returns the error for a malformed <c>--as-of</c>.</summary>
    public static string AsOfInvalid(string asOf) =>
        Invariant($"--as-of must be a date like 2026-11-29 (YYYY-MM-DD); got '{asOf}'.");

    /// <summary>Returns the error for a declaration file that does not exist.</summary>
    public static string FileMissing(string path) => Invariant($"File '{path}' does not exist.");

    /// <summary>Returns the error for a calendar file that does not exist.</summary>
    public static string CalendarMissing(string path) => Invariant($"Calendar file '{path}' does not exist.");

    /// <summary>Returns the error for a file that exists but cannot be read.</summary>
    public static string FileUnreadable(string path, string reason) => Invariant($"File '{path}' could not be read: {reason}");

    /// <summary>Returns the title line of one assessment in text output.</summary>
    public static string Title(string handler, int year, DateOnly asOf, string source) => source.Length == 0
        ? Invariant($"{handler} · {year} · as of {asOf:yyyy-MM-dd}")
        : Invariant($"{handler} · {year} · as of {asOf:yyyy-MM-dd} · {source}");

    /// <summary>Returns the year totals line in text output.</summary>
    public static string YearTotals(long nonSensitive, long sensitive) =>
        Invariant($"Persons counted this year: {nonSensitive:N0} non-sensitive (N), {sensitive:N0} sensitive (S).");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
