namespace Outbound.Storage.Tests;

public sealed class SqliteTableReaderTests(SqliteStoreFixture store) : TableReaderContract, IClassFixture<SqliteStoreFixture>
{
    private protected override StoreLocation Location => store.Location;

    [Fact]
    public void ListTables_Sqlite_ListsExactlyTheUserTables()
    {
        using var reader = TableReader.Open(Location);

        Assert.Equal(["customer_phones", "customers", "empty_table", "mixed", "odd \"name\"; x"], reader.ListTables());
    }

    [Fact]
    public void Read_MissingTable_MessageListsEveryTable()
    {
        using var reader = TableReader.Open(Location);

        var error = Assert.Throws<StoreException>(() => reader.Read("nope", new RecordingVisitor(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.Equal(
            $"The table 'nope' does not exist in sqlite:{store.Path}; its tables are customer_phones, customers, empty_table, mixed, odd \"name\"; x.",
            error.Message);
    }

    [Fact]
    public void Read_TextAndBytesInOneColumn_PassesTheTextAndNotesTheBytesOnce() =>
        Assert.Equal(
            [
                "begin 1", "value=text", "end",
                "begin 2", "end",
                "skip 2 [value] Binary values are not scanned; this column holds bytes, not text (noted once per column).",
                "begin 3", "value=42", "end",
                "begin 4", "end",
                "begin 5", "value=more text", "end",
            ],
            Read("mixed"));

    [Fact]
    public void Open_MissingFile_ThrowsNamingItAndCreatesNothing()
    {
        string path = Path.Combine(Path.GetTempPath(), $"outbound-missing-{Guid.NewGuid():N}.db");

        var error = Assert.Throws<StoreException>(() => TableReader.Open(new StoreLocation(StoreKind.Sqlite, path)));

        Assert.Equal($"The SQLite database '{path}' does not exist.", error.Message);
        Assert.False(File.Exists(path));
    }

    [Fact]
    public void ListTables_FileNotADatabase_ThrowsNamingTheStore()
    {
        string path = Path.Combine(Path.GetTempPath(), $"outbound-notdb-{Guid.NewGuid():N}.db");
        File.WriteAllText(path, "name,phone\nWang,1\n" + new string('x', 4096));
        try
        {
            var error = Assert.Throws<StoreException>(() =>
            {
                using var reader = TableReader.Open(new StoreLocation(StoreKind.Sqlite, path));
                return reader.ListTables();
            });

            Assert.StartsWith($"Cannot read sqlite:{path}: ", error.Message, StringComparison.Ordinal);
            Assert.Contains("not a database", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_Table_LeavesTheFileUnchanged()
    {
        byte[] before = File.ReadAllBytes(store.Path);

        _ = Read("customers");

        Assert.Equal(before, File.ReadAllBytes(store.Path));
    }
}
