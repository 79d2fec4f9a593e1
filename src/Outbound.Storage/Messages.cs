using System.Globalization;

namespace Outbound.Storage;

/// <summary>The user-facing texts of the storage project.</summary>
/// <remarks>Messages name stores, tables and columns, never values, and never a password from a connection string.</remarks>
internal static class Messages
{
    public const string ExpectedStore =
        "Expected a store written sqlite:PATH or postgres:CONNECTION (for example sqlite:./outbound.db or postgres:Host=localhost;Database=app;Username=reader)";

    public const string BinaryColumn =
        "Binary values are not scanned; this column holds bytes, not text (noted once per column).";

    public static string MissingPrefix => $"{ExpectedStore}; found no prefix.";

    public static string UnknownPrefix(string prefix) => $"{ExpectedStore}; found the prefix '{prefix}'.";

    public const string EmptySqlitePath = "Expected a file path after sqlite:; found nothing.";

    public const string EmptyPostgresConnection = "Expected a PostgreSQL connection string after postgres:; found nothing.";

    public static string BadPostgresConnection(string problem) =>
        $"Expected a PostgreSQL connection string after postgres: such as Host=localhost;Database=app;Username=reader; it cannot be read: {problem}";

    public static string SqliteFileMissing(string path) => $"The SQLite database '{path}' does not exist.";

    public static string CannotOpen(string store, string problem) => $"Cannot read {store}: {problem}";

    public static string MissingTable(string table, string store, IReadOnlyList<string> tables)
    {
        const int Shown = 20;
        string listed = tables.Count switch
        {
            0 => "it has no tables",
            <= Shown => $"its tables are {string.Join(", ", tables)}",
            _ => string.Create(CultureInfo.InvariantCulture, $"its tables include {string.Join(", ", tables.Take(Shown))} and {tables.Count - Shown} more"),
        };

        return $"The table '{table}' does not exist in {store}; {listed}.";
    }

    public static string UnreadableColumn(string type) =>
        $"Values of type {type} cannot be read as text; this column is not scanned (noted once per column).";

    public static string UnknownStoredValue(string type, string value) =>
        $"The store holds '{value}' where a {type} was expected; it may have been written by a newer version of Outbound.";

    public static string ApprovalConflict(string id, string handler) =>
        $"The approval '{id}' of {handler} is already on file with other details; nothing was imported. Give the changed approval a new id, or keep the one on file.";

    public static string ApprovalTwiceInImport(string id) =>
        $"The approval '{id}' is given twice with different details; nothing was imported.";

    public static string QuarantineMissing(long id) => string.Create(CultureInfo.InvariantCulture, $"There is no quarantined record {id}.");

    public static string QuarantineReleasedAlready(long id) => string.Create(CultureInfo.InvariantCulture, $"The quarantined record {id} was released already.");

    public static string BatchRecordedAlready(string runId, int batch) =>
        string.Create(CultureInfo.InvariantCulture, $"The export run {runId} already has a batch {batch}.");

    public static string NewerSchema(string store, int applied, int known) =>
        string.Create(CultureInfo.InvariantCulture, $"The tables in {store} are at version {applied}, written by a newer Outbound; this one knows versions up to {known}.");

    public static string MigrationFailed(string store, string migration, string problem) =>
        $"Cannot create or update the tables in {store} ({migration}): {problem}";
}
