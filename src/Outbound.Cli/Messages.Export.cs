using static System.FormattableString;

namespace Outbound.Cli;

/// <summary>The texts of <c>outbound export</c>.</summary>
internal static partial class Messages
{
    public const string ExportDescription =
        "Release what may leave China and retain the rest: detect personal information, transform it by the policy, count the distinct " +
        "persons this year, decide the pathway with the law engine, write released records to the destination and retained ones to the " +
        "encrypted local quarantine, and record every batch in the audit log. " +
        "Exit codes: 0 every record released; 1 records retained or unreadable; 2 bad input or usage.";

    public const string ExportInputArgument = "The records to export: JSON lines (.jsonl), CSV (.csv, .tsv) or Parquet (.parquet); - for standard input.";

    public const string ExportDbOption = "Export a database table instead: sqlite:PATH or postgres:CONNECTION (with --table).";

    public const string ExportTableOption = "With --db: the table to export.";

    public const string ExportDeclarationOption = "The declaration (YAML or JSON) naming the handler and the transfer: recipient, purpose, legal basis.";

    public const string ExportPolicyOption = "The de-identification policy (YAML).";

    public const string ExportToOption = "The destination directory for released records (part files and a manifest).";

    public const string ExportTransferOption = "The declaration's transfer to carry out (default: its only transfer).";

    public const string DryRunOption = "Decide and report, but write nothing: no release, no quarantine, no count, no audit entry.";

    public const string ResumeOption = "Carry on an export of the same input and transfer that stopped: uncommitted parts are removed, committed batches are not read again.";

    public const string ExportKeyFileOption = "The secret for subject keys, tokens and format-preserving encryption (owner-only file; else OUTBOUND_SUBJECT_KEY).";

    public const string QuarantineKeyFileOption = "The 32-byte key that seals retained records (owner-only file; else OUTBOUND_QUARANTINE_KEY).";

    public const string BatchSizeOption = "Input records per batch; each batch commits atomically (default 10000).";

    public const string ThreadsOption = "Threads that detect and transform (default: the number of processors).";

    public const string ExportFormatOption = "Summary: text (for people) or json (for programs).";

    public const string ExportNothingToRead = "Give the input to export: a file, - for standard input, or --db STORE --table TABLE.";

    public const string ExportInputAndDb = "Give either an input file or --db, not both.";

    public const string ExportDbNeedsTable = "--db needs --table: the table to export.";

    public const string QuarantineKeyName = "quarantine key";

    public const string SubjectKeyName = "subject-key secret";

    public const string SubjectKeyVariable = "OUTBOUND_SUBJECT_KEY";

    public const string QuarantineKeyVariable = "OUTBOUND_QUARANTINE_KEY";

    public static string OptionRequired(string option) => $"{option} is required.";

    public static string BatchSizeInvalid(int size) => Invariant($"--batch-size must be between 1 and 1,000,000; got {size}.");

    public static string ThreadsInvalid(int threads) => Invariant($"--threads must be between 1 and 256; got {threads}.");

    public static string ExportPlainText(string path) =>
        $"{path}: plain text has no records to export; give JSON lines (.jsonl), CSV (.csv, .tsv) or Parquet (.parquet).";

    public static string RunExists(string runId, long through) =>
        Invariant($"This input was already exported in part for this transfer (run {runId[..12]}, committed through line/row {through:N0}). Add --resume to carry on, or export a different input.");

    public static string TransferMissing(string declaration, string id, IEnumerable<string> known) =>
        $"{declaration}: no transfer with id '{id}'; the declaration has {string.Join(", ", known)}.";

    public static string TransferNeeded(string declaration, IEnumerable<string> known) =>
        $"{declaration}: the declaration has several transfers ({string.Join(", ", known)}); name one with --transfer.";

    public static string DeclarationWithoutTransfers(string declaration) => $"{declaration}: the declaration has no transfers; the export needs one for its recipient and purpose.";
}

/// <summary>The texts of <c>outbound quarantine release</c>.</summary>
internal static partial class Messages
{
    public const string ReleaseRunOption = "Only records retained by this export run (its id, or the first 12 digits shown in summaries).";

    public const string ReleaseReasonOption = "Only records retained for this reason (e.g. SCOPE_EXCEEDED, PATHWAY_NOT_IN_PLACE).";

    public static string RunUnknown(string run) => $"No export run with quarantined records starts with '{run}'.";

    public static string QuarantineCannotOpen(long id, string sealedWith, string given) =>
        $"Quarantined record {id} was sealed under key {sealedWith} and does not open with the quarantine key given ({given}).";

    public static string ReleaseLooked(int count) => Invariant($"Looked again at {count:N0} quarantined record(s).");
}

/// <summary>The descriptions of the quarantine and demo commands.</summary>
internal static partial class Messages
{

    public const string QuarantineReleaseDescription =
        "Put quarantined records through the gate again (after an approval arrived or the policy changed): those that may now go are " +
        "released and marked so; the rest stay. Exit codes: 0 all released; 1 some remain; 2 bad input or usage.";

    public const string DemoDescription =
        "Run the whole job on the embedded default in ./outbound-demo: make keys, build a fleet dataset, assess the declaration, scan, " +
        "export through a policy, verify the audit log, and say where everything is.";
}

/// <summary>The texts of <c>outbound assess --store</c>.</summary>
internal static partial class Messages
{
    public const string AssessStoreOption = "Add what the handler actually exported this year (the store's ledger: sqlite:PATH or postgres:CONNECTION) to the planned transfers.";
}

/// <summary>The text about the export's audit key.</summary>
internal static partial class Messages
{
    public const string ExportNeedsAuditKey =
        "An export needs the audit signing key, which signs the log's checkpoints and is kept apart from the store: pass --audit-key FILE " +
        "(an ECDSA P-256 private key in PEM, owner-only; make one with `openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out audit.pem`) or set OUTBOUND_AUDIT_KEY.";
}
