namespace Outbound.Storage.Tests;

/// <summary>What every store's <see cref="TableReader"/> must do, run once per store by the sealed subclasses.</summary>
/// <remarks>Each store's fixture holds the same tables: customers, empty_table, <c>odd "name"; x</c> and the view customer_phones.</remarks>
public abstract class TableReaderContract
{
    internal static readonly string[] ContractTables = ["customer_phones", "customers", "empty_table", "odd \"name\"; x"];

    private protected abstract StoreLocation Location { get; }

    private protected List<string> Read(string table, long? sample = null)
    {
        using var reader = TableReader.Open(Location);
        var visitor = new RecordingVisitor();
        reader.Read(table, visitor, sample, TestContext.Current.CancellationToken);
        return visitor.Events;
    }

    [Fact]
    public void ListTables_ContractTables_ListedByNameInOrder()
    {
        using var reader = TableReader.Open(Location);

        var tables = reader.ListTables();

        Assert.Equal(ContractTables, tables.Where(ContractTables.Contains));
    }

    [Fact]
    public void Read_Table_PassesRowsWithColumnNamesAndValuesAsText() =>
        Assert.Equal(
            [
                "begin 1", "id=1", "姓名=张三", "phone=13800138000", "score=1.5", "end",
                "skip 1 [photo] Binary values are not scanned; this column holds bytes, not text (noted once per column).",
                "begin 2", "id=2", "姓名=李四", "phone=+86 139 0000 0000", "score=-2.25", "note=VIP \"gold\"; it's fine", "end",
                "begin 3", "id=3", "姓名=Wang Wei", "score=1234567.125", "end",
            ],
            Read("customers"));

    [Fact]
    public void Read_View_PassesItsRows() =>
        Assert.Equal(["begin 1", "id=1", "phone=13800138000", "end", "begin 2", "id=2", "phone=+86 139 0000 0000", "end"], Read("customer_phones"));

    [Fact]
    public void Read_Sample_StopsAfterThatManyRows()
    {
        using var reader = TableReader.Open(Location);
        var visitor = new RecordingVisitor();

        long rows = reader.Read("customers", visitor, sample: 2, TestContext.Current.CancellationToken);

        Assert.Equal(2, rows);
        Assert.Equal(["begin 1", "begin 2"], visitor.Events.Where(e => e.StartsWith("begin", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_SampleOfZero_PassesNothing() => Assert.Empty(Read("customers", sample: 0));

    [Fact]
    public void Read_EmptyTable_PassesNothing() => Assert.Empty(Read("empty_table"));

    [Fact]
    public void Read_NameThatNeedsQuoting_ReadsThatTable() =>
        Assert.Equal(["begin 1", "value=reached", "end"], Read("odd \"name\"; x"));

    [Theory]
    [InlineData("nope")]
    [InlineData("Customers")]                                   // names are compared exactly
    [InlineData("customers; DROP TABLE customers; --")]
    [InlineData("customers\" WHERE 1=0; --")]
    [InlineData("customers UNION SELECT 1, 2, 3, 4, 5, 6")]
    public void Read_NameNotListed_ThrowsNamingItAndTouchesNothing(string table)
    {
        using var reader = TableReader.Open(Location);

        var error = Assert.Throws<StoreException>(() => reader.Read(table, new RecordingVisitor(), cancellationToken: TestContext.Current.CancellationToken));

        Assert.StartsWith($"The table '{table}' does not exist in {Location}; its tables ", error.Message, StringComparison.Ordinal);
        Assert.Contains("customers", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, Read("customers").Count(e => e.StartsWith("begin", StringComparison.Ordinal)));
    }

    [Fact]
    public void Read_Twice_GivesTheSameRows() => Assert.Equal(Read("customers"), Read("customers"));
}
