using System.Globalization;

namespace Outbound.Cli;

/// <summary>The texts of <c>outbound scan</c>.</summary>
internal static partial class Messages
{
    /// <summary>The description of <c>outbound scan</c> in help.</summary>
    public const string ScanDescription =
        "Find Chinese personal information in files or database tables, validated by check digits, code tables and dates, " +
        "and count the distinct persons they hold. Exit codes: 0 no personal information found; 1 personal information found; 2 bad input or usage.";

    /// <summary>Help for the paths argument.</summary>
    public const string PathsArgument = "Files to scan: JSON lines (.jsonl, .ndjson), CSV (.csv, .tsv), Parquet (.parquet) or text. Folders are scanned file by file.";

    /// <summary>Help for --db.</summary>
    public const string DbOption = "Scan tables of a database instead: sqlite:PATH or postgres:CONNECTION.";

    /// <summary>Help for --table.</summary>
    public const string TableOption = "With --db: the table to scan (default: every table).";

    /// <summary>Help for --sample.</summary>
    public const string SampleOption = "Look at no more than N records of each file or table.";

    /// <summary>Help for --spans: console markup, like every option's help, so <c>[[</c> and <c>]]</c> print one bracket each.</summary>
    public const string SpansOption = "Print one JSON line per input line with the spans found ({\"id\", \"spans\": [[{\"start\", \"end\", \"type\", \"score\"}]]}), offsets in UTF-16 code units, end exclusive.";

    /// <summary>Help for --field.</summary>
    public const string FieldOption = "With --spans: scan only this JSON field's string value; offsets are within it.";

    /// <summary>Help for --key-file.</summary>
    public const string KeyFileOption = "File holding the subject-key secret (hex, base64 or text, at least 16 bytes). Default: the OUTBOUND_SUBJECT_KEY environment variable.";

    /// <summary>Help for --validated-only.</summary>
    public const string ValidatedOnlyOption = "Skip names and addresses: only identifiers validated by check digits, code tables or ranges.";

    /// <summary>Help for --scan-as-of.</summary>
    public const string ScanAsOfOption = "The date birth dates are judged against (minors under 14), YYYY-MM-DD. Default: today in China Standard Time.";

    /// <summary>The notice printed when no secret was given.</summary>
    public const string ThrowAwayKey =
        "Note: no subject key was given (OUTBOUND_SUBJECT_KEY or --key-file), so a throw-away key is used: persons are counted exactly within this run, but their keys cannot be matched with other runs.";

    /// <summary>Returns the error for a key file that does not exist.</summary>
    public static string KeyFileMissing(string path) => Invariant($"Key file '{path}' does not exist.");

    /// <summary>Returns the error for a secret that is too short.</summary>
    public static string KeyTooShort(string origin, int bytes) =>
        Invariant($"The subject-key secret in {origin} has {bytes} bytes; at least 16 are needed.");

    /// <summary>Returns the error for a path that does not exist.</summary>
    public static string PathMissing(string path) => Invariant($"Path '{path}' does not exist.");

    /// <summary>Returns the error when neither paths nor --db were given.</summary>
    public const string NothingToScan = "Give files or folders to scan, or --db sqlite:PATH|postgres:CONNECTION.";

    /// <summary>Returns the error when both paths and --db were given.</summary>
    public const string PathsAndDb = "Give either files or --db, not both.";

    /// <summary>Returns the error for --spans with anything but one file.</summary>
    public const string SpansNeedsOneFile = "--spans takes exactly one file of JSON lines or text.";

    /// <summary>Returns the error for --field or --spans misuse.</summary>
    public const string FieldNeedsSpans = "--field goes with --spans.";

    /// <summary>Returns the error for --table without --db.</summary>
    public const string TableNeedsDb = "--table goes with --db.";

    /// <summary>Returns the error for a bad --sample.</summary>
    public static string SampleInvalid(int sample) => Invariant($"--sample must be 1 or more; got {sample}.");

    /// <summary>Returns the note for a text file read in another encoding.</summary>
    public static string Transcoded(string encoding) => Invariant($"read as {encoding} text and converted to UTF-8; positions are lines of the converted text.");

    /// <summary>Returns the note for a binary file.</summary>
    public static string BinarySkipped(string path) => Invariant($"{path}: binary file, skipped.");

    /// <summary>Returns the line describing one skipped record.</summary>
    public static string SkippedLine(string source, long position, string field, string reason) => field.Length == 0
        ? Invariant($"{source}:{position}: {reason}")
        : Invariant($"{source}:{position}: {field}: {reason}");

    /// <summary>Returns the summary line of the whole scan.</summary>
    public static string ScanSummary(int sources, long records, long persons, long sensitive, long skipped) =>
        Invariant($"{sources} source(s), {records:N0} records, {persons:N0} distinct persons, {sensitive:N0} with sensitive personal information, {skipped:N0} skipped.");
}
