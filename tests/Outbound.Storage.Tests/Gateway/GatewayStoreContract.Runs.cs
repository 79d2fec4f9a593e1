using Outbound.Gateway;
using Outbound.Storage.Migrations;

namespace Outbound.Storage.Tests.Gateway;

public abstract partial class GatewayStoreContract
{
    private protected static ExportRunKey RunKey(string input = "a1b2") =>
        new(GatewayDigest.Sha256Hex(System.Text.Encoding.UTF8.GetBytes(input)), "members-2026-09", Handler, "/data/outbound/members", new string('b', 64), new string('d', 64));

    private protected static BatchManifest Manifest(string runId, int batch, string? part = "part-00001.jsonl") =>
        new(runId, batch, ((batch - 1) * 1000) + 1, batch * 1000, 1000, 990, 8, 2, part, part is null ? null : new string('e', 64), new string('f', 64), Year, Now.AddMinutes(batch));

    [Fact]
    public void OpenRun_New_CreatesItWithoutBatches_AgainFindsTheSame()
    {
        var store = Open();

        var created = store.OpenRun(RunKey(), Now);
        var again = store.OpenRun(RunKey(), Now.AddHours(1));

        Assert.Equal((RunKey(), Now, 0), (created.Key, created.Started, created.Batches.Length));
        Assert.Equal((created.Key, created.Started), (again.Key, again.Started));
        Assert.Equal(0, again.CommittedThrough);
    }

    [Fact]
    public void RecordBatch_Committed_FoundWithTheRunInOrder()
    {
        var store = Open();
        string runId = store.OpenRun(RunKey(), Now).Key.RunId;

        foreach (var manifest in new[] { Manifest(runId, 1), Manifest(runId, 2, part: null) })
        {
            using var transaction = store.Begin(Handler, Year);
            transaction.RecordBatch(manifest);
            transaction.Commit();
        }

        var run = store.FindRun(runId)!;
        Assert.Equal([Manifest(runId, 1), Manifest(runId, 2, part: null)], run.Batches);
        Assert.Equal(2000, run.CommittedThrough);
    }

    [Fact]
    public void RecordBatch_SameBatchTwice_Throws()
    {
        var store = Open();
        string runId = store.OpenRun(RunKey(), Now).Key.RunId;
        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.RecordBatch(Manifest(runId, 1));
            transaction.Commit();
        }

        using var again = store.Begin(Handler, Year);
        var error = Assert.Throws<InvalidOperationException>(() => again.RecordBatch(Manifest(runId, 1)));

        Assert.Equal($"The export run {runId} already has a batch 1.", error.Message);
    }

    [Fact]
    public void FindRun_Unknown_ReturnsNull() => Assert.Null(Open().FindRun("0123456789abcdef0123456789abcdef"));

    [Fact]
    public void Open_Again_AppliesTheMigrationOnceAndKeepsTheData()
    {
        var first = Open();
        RegisterBatch(first, People(1, 3));
        first.Dispose();

        var second = Open();

        Assert.Equal(new Law.PersonCounts(3, 0), second.Totals(Handler, Year));
        var scripts = Migrator.Scripts(Location.Kind);
        Assert.Equal(scripts.Select(s => (long)s.Number), Query(second, "SELECT number FROM schema_migration ORDER BY number").Select(Convert.ToInt64));
        Assert.Equal(scripts.Select(s => s.Name), Query(second, "SELECT name FROM schema_migration ORDER BY number").Select(o => (string)o));
        Assert.Equal("0001_gateway.sql", scripts[0].Name);
    }

    [Fact]
    public void Description_NamesTheStoreWithoutPassword() =>
        Assert.DoesNotContain("Password=", Open().Description, StringComparison.OrdinalIgnoreCase);
}
