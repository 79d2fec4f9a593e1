using Outbound.Storage.Tests.Gateway;

namespace Outbound.Storage.Tests;

/// <summary>The gateway store contract on a SQLite file in the temp folder, one per test.</summary>
public sealed class SqliteGatewayStoreTests : GatewayStoreContract
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"outbound-gateway-{Guid.NewGuid():N}.db");

    private protected override StoreLocation Location => new(StoreKind.Sqlite, _path);

    private protected override string DropAuditTriggersSql =>
        "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_checkpoint_no_update; DROP TRIGGER audit_checkpoint_no_delete";

    private protected override void DisposeDatabase()
    {
        foreach (string suffix in new[] { "", "-wal", "-shm" })
        {
            File.Delete(_path + suffix);
        }
    }

    [Fact]
    public void Open_FolderMissing_ThrowsNamingTheStore()
    {
        var location = new StoreLocation(StoreKind.Sqlite, Path.Combine(Path.GetTempPath(), $"outbound-missing-{Guid.NewGuid():N}", "x.db"));

        var error = Assert.Throws<StoreException>(() => GatewayStores.Open(location, new GatewayStoreOptions()));

        Assert.StartsWith($"Cannot read {location}: ", error.Message, StringComparison.Ordinal);
    }
}
