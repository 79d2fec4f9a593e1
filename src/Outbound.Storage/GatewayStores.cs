using Outbound.Gateway;
using Outbound.Storage.Postgres;
using Outbound.Storage.Sqlite;

namespace Outbound.Storage;

/// <summary>What a gateway store needs besides its location.</summary>
internal sealed record GatewayStoreOptions
{
    /// <summary>Gets the key that signs a checkpoint of the audit log at every commit that appended entries; none when <see langword="null"/>.</summary>
    public AuditSigner? Signer { get; init; }

    /// <summary>Gets the clock that stamps retained records, approvals imported, checkpoints and new tables.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;

    /// <summary>Gets how many new persons a SQLite ledger gathers (appended, and held in memory, about 45 bytes each) before moving them into its index in one sorted pass.</summary>
    public int LedgerRecentLimit { get; init; } = 1 << 20;
}

/// <summary>Opens the gateway's store: SQLite (the embedded default) or PostgreSQL (shared by stateless nodes).</summary>
internal static class GatewayStores
{
    /// <summary>Opens the store at <paramref name="location"/>, creating its tables or bringing them up to date first.</summary>
    /// <exception cref="StoreException">The database cannot be opened or reached, or was written by a newer version; the message says which and why.</exception>
    public static IGatewayStore Open(StoreLocation location, GatewayStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(location);
        ArgumentNullException.ThrowIfNull(options);
        return location.Kind == StoreKind.Sqlite
            ? SqliteGatewayStore.Open(location, options)
            : PostgresGatewayStore.Open(location, options);
    }
}
