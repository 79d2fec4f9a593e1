using System.Globalization;

namespace Outbound.Cli;

/// <summary>The texts of the commands on the gateway's store: approvals, quarantine, audit.</summary>
internal static partial class Messages
{
    /// <summary>Help for --store.</summary>
    public const string StoreOption = "The gateway's store: sqlite:PATH (one process) or postgres:CONNECTION (shared by several nodes).";

    /// <summary>Help for --actor.</summary>
    public const string ActorOption = "Who is acting, as recorded in the audit log. Default: the operating-system user name.";

    /// <summary>Help for --format on the store commands.</summary>
    public const string TextJsonFormatOption = "Output: text (for people) or json (for programs).";

    /// <summary>Help for --audit-key.</summary>
    public const string AuditKeyOption =
        "PEM file with the audit signing key (ECDSA P-256, private; readable by its owner only). Default: the OUTBOUND_AUDIT_KEY environment variable (PEM text).";

    /// <summary>Help for --public-key.</summary>
    public const string PublicKeyOption = "PEM file with the audit key's public half, to check signatures without the private key.";

    /// <summary>Help for --audit-head.</summary>
    public const string AuditHeadOption =
        "The file the log's head is anchored in, outside the database. Default: the --audit-key file's path with .head added; with the key from the environment, OUTBOUND_AUDIT_HEAD.";

    /// <summary>The description of <c>outbound approvals</c>.</summary>
    public const string ApprovalsDescription = "Approvals on file: security assessment decisions, filed standard contracts and certificates.";

    /// <summary>The description of <c>outbound approvals import</c>.</summary>
    public const string ApprovalsImportDescription =
        "Take the approvals of a declaration file into the store, audited. An approval already on file is left as it is; one with the id of a different approval on file is refused. " +
        "Exit codes: 0 imported; 2 bad input, or an approval conflicts with one on file.";

    /// <summary>The description of <c>outbound approvals list</c>.</summary>
    public const string ApprovalsListDescription = "List the approvals on file. Exit codes: 0 listed; 2 bad input.";

    /// <summary>Help for the DECLARATION argument.</summary>
    public const string DeclarationArgument = "Declaration file (YAML or JSON) whose handler and approvals are imported.";

    /// <summary>Help for --handler.</summary>
    public const string HandlerOption = "Only this handler's approvals (the handler's name as in its declaration).";

    /// <summary>The description of <c>outbound quarantine</c>.</summary>
    public const string QuarantineDescription = "Records retained by exports, sealed in the store.";

    /// <summary>The description of <c>outbound quarantine list</c>.</summary>
    public const string QuarantineListDescription =
        "List retained records: where they came from, why they were retained, when. Never opens them. Exit codes: 0 listed; 2 bad input.";

    /// <summary>Help for --run.</summary>
    public const string RunOption = "Only records of this export run (its id).";

    /// <summary>Help for --reason.</summary>
    public const string ReasonOption = "Only records retained for this reason: PATHWAY_NOT_IN_PLACE, BLOCKED, SCOPE_EXCEEDED, K_ANONYMITY or POLICY.";

    /// <summary>Help for --all.</summary>
    public const string AllOption = "Also list records already released.";

    /// <summary>The description of <c>outbound audit</c>.</summary>
    public const string AuditDescription = "The tamper-evident audit log.";

    /// <summary>The description of <c>outbound audit verify</c>.</summary>
    public const string AuditVerifyDescription =
        "Check the audit log: the chain of entries, the signed checkpoints and the head anchored outside the database; or an exported bundle with --bundle. " +
        "Exit codes: 0 intact; 1 tampered (the first bad entry is named); 2 bad input.";

    /// <summary>The description of <c>outbound audit export</c>.</summary>
    public const string AuditExportDescription =
        "Write the audit log as evidence an auditor can check offline: entries, checkpoints, public key, head, a SHA-256 manifest and VERIFY.md (English and Chinese). " +
        "Exit codes: 0 written; 2 bad input.";

    /// <summary>Help for --bundle.</summary>
    public const string BundleOption = "Check the bundle in this folder (written by outbound audit export) instead of the store.";

    /// <summary>Help for the DIR argument of audit export.</summary>
    public const string ExportDirArgument = "The folder to write the bundle to; it must be empty or not exist yet.";

    /// <summary>The notice when no audit key signs checkpoints.</summary>
    public const string NoSigningKey = "No audit key given (--audit-key or OUTBOUND_AUDIT_KEY): the entries are chained but no checkpoint is signed.";

    /// <summary>The notice when no anchor file is used.</summary>
    public const string NoHeadAnchor = "No head anchor file (--audit-head or OUTBOUND_AUDIT_HEAD): the log's head is not kept outside the database.";

    /// <summary>The notice when signatures are not checked.</summary>
    public const string SignaturesNotChecked = "No audit key given (--audit-key, --public-key or OUTBOUND_AUDIT_KEY): hashes were checked, signatures were not.";

    /// <summary>The error when both key options are given.</summary>
    public const string AuditKeyAndPublicKey = "Give either --audit-key or --public-key, not both.";

    /// <summary>The problem when a bundle has no manifest.</summary>
    public const string BundleManifestMissing = "The bundle has no MANIFEST.sha256: its files cannot be checked against it.";

    public static string StoreFileMissing(string path) => Invariant($"The SQLite store '{path}' does not exist.");

    public static string TextJsonFormatInvalid(string format) => Invariant($"--format must be text or json; got '{format}'.");

    public static string AuditKeyFileMissing(string path) => Invariant($"The audit key file '{path}' does not exist.");

    public static string AuditKeyFileOpen(string path, string mode) =>
        Invariant($"The audit key file '{path}' may be read or written by other users (mode {mode}); the signing key must be its owner's alone. Run: chmod 600 {path}");

    public static string AuditKeyUnreadable(string origin, string problem) => Invariant($"The audit key in {origin} cannot be read: {problem}");

    public static string AuditKeyNotPrivate(string path) =>
        Invariant($"The audit key file '{path}' holds only a public key; give it with --public-key to verify, or give the private key with --audit-key.");

    public static string HeadFileUnreadable(string path, string problem) => Invariant($"The audit head file '{path}' cannot be read: {problem}");

    public static string HeadWritten(long sequence, string path) => Invariant($"Audit head (entry {sequence}) anchored in {path}.");

    public static string DeclarationHasNoApprovals(string path) => Invariant($"{path} declares no approvals; nothing was imported.");

    public static string ApprovalsImported(int added, int unchanged, string handler, string store) =>
        Invariant($"{added} approval(s) of {handler} imported into {store}; {unchanged} already on file.");

    public static string NoApprovals(string store) => Invariant($"No approvals on file in {store}.");

    public static string ReasonInvalid(string reason) =>
        Invariant($"--reason must be PATHWAY_NOT_IN_PLACE, BLOCKED, SCOPE_EXCEEDED, K_ANONYMITY or POLICY; got '{reason}'.");

    public static string NoQuarantined(string store) => Invariant($"No retained records in {store} match.");

    public static string QuarantinedCount(int count) => Invariant($"{count} retained record(s); they stay sealed.");

    public static string BundleFolderMissing(string path) => Invariant($"The bundle folder '{path}' does not exist.");

    public static string ExportFolderNotEmpty(string path) => Invariant($"The folder '{path}' is not empty; give an empty or new folder for the bundle.");

    public static string BundleManifestLine(string line) => Invariant($"MANIFEST.sha256 has a line that is not 'SHA256  FILE': {line}");

    public static string BundleFileMissing(string file) => Invariant($"The bundle has no {file}.");

    public static string BundleFileChanged(string file) => Invariant($"{file} differs from its SHA-256 in MANIFEST.sha256: it was changed after the export.");

    public static string BundleLineUnreadable(string file, int line, string problem) => Invariant($"{file}:{line}: not an audit record: {problem}");

    public static string BundleUnknownKind(string kind) => Invariant($"the kind '{kind}' is not an audit entry kind");

    public static string BundleWritten(string directory, long entries, int checkpoints) =>
        Invariant($"Wrote {entries} entries and {checkpoints} checkpoints to {directory}; VERIFY.md there says how to check them by hand.");

    public static string BundleWithoutKey => "No audit key given: the bundle has no public key, so its checkpoints' signatures cannot be checked offline.";

    public static string VerifiedIntact(string what, long entries) => Invariant($"The audit log of {what} is intact: {entries} entries.");

    public static string VerifiedTampered(string what) => Invariant($"The audit log of {what} has been tampered with.");

    public static string CheckpointsCovered(long through, int checkpoints, string? keyId) => keyId is null
        ? Invariant($"{checkpoints} checkpoint(s), through entry {through}; signatures not checked.")
        : Invariant($"{checkpoints} checkpoint(s), through entry {through}, signed by audit key {keyId}.");

    public static string NotYetCheckpointed(long from, long to) => from == to
        ? Invariant($"Entry {from} is not yet covered by a checkpoint.")
        : Invariant($"Entries {from} to {to} are not yet covered by a checkpoint.");

    public static string AnchorMatched(long sequence, string? path) =>
        Invariant($"The head anchored in {path ?? "the bundle"} (entry {sequence}) is in the log.");

    public static string AnchorAbsent(string path) => Invariant($"No head anchored in {path} yet.");

    public static string KeyFromBundle(string keyId) =>
        Invariant($"Signatures were checked with the bundle's own public key ({keyId}); compare that key id with the one the company gave you separately.");
}
