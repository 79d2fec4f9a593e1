using System.Data.Common;
using System.Text;
using Outbound.Detection;
using Outbound.Gateway;
using Outbound.Law;

namespace Outbound.Storage.Tests.Gateway;

/// <summary>What every gateway store must do, run once per store by the sealed subclasses; each test gets an empty database.</summary>
public abstract partial class GatewayStoreContract : IDisposable
{
    private protected const string Handler = "苏州悦享电子商务有限公司";
    private protected const int Year = 2026;

    private protected static readonly DateTimeOffset Now = new(2026, 11, 29, 4, 0, 0, TimeSpan.Zero);
    private protected static readonly PersonCounts NoCeiling = new(long.MaxValue, long.MaxValue);
    private protected static readonly SubjectKeyer Keyer = new("gateway-store-contract-secret"u8);

    private readonly List<IGatewayStore> _opened = [];

    /// <summary>Gets a location of an empty database, the same for every call within one test.</summary>
    private protected abstract StoreLocation Location { get; }

    /// <summary>Gets the SQL that drops the triggers keeping the audit log append-only, as an attacker with write access would.</summary>
    private protected abstract string DropAuditTriggersSql { get; }

    private protected TestClock Clock { get; } = new(Now);

    public void Dispose()
    {
        foreach (var store in _opened)
        {
            store.Dispose();
        }

        DisposeDatabase();
        GC.SuppressFinalize(this);
    }

    /// <summary>Gets how many new persons a SQLite ledger gathers before moving them into its index.</summary>
    private protected virtual int LedgerRecentLimit => new GatewayStoreOptions().LedgerRecentLimit;

    /// <summary>Deletes the test's database.</summary>
    private protected abstract void DisposeDatabase();

    private protected IGatewayStore Open(AuditSigner? signer = null)
    {
        var store = GatewayStores.Open(Location, new GatewayStoreOptions { Signer = signer, Clock = Clock, LedgerRecentLimit = LedgerRecentLimit });
        _opened.Add(store);
        return store;
    }

    /// <summary>Runs SQL straight on the database, past the store.</summary>
    private protected static void Execute(IGatewayStore store, string sql)
    {
        using var connection = ((GatewayStore)store).OpenConnection();
        using var command = StoreValues.Command(connection, null, sql);
        command.ExecuteNonQuery();
    }

    /// <summary>Returns the first column of every row <paramref name="sql"/> gives.</summary>
    private protected static List<object> Query(IGatewayStore store, string sql)
    {
        using var connection = ((GatewayStore)store).OpenConnection();
        using var command = StoreValues.Command(connection, null, sql);
        using var reader = command.ExecuteReader();
        var values = new List<object>();
        while (reader.Read())
        {
            values.Add(reader.GetValue(0));
        }

        return values;
    }

    private protected static DbConnection Connection(IGatewayStore store) => ((GatewayStore)store).OpenConnection();

    private protected static LedgerEntry Person(int number, Sensitivity sensitivity = Sensitivity.NonSensitive) =>
        new(Keyer.KeyOfCanonical(Encoding.UTF8.GetBytes($"person-{number}")), sensitivity);

    private protected static LedgerEntry[] People(int first, int last, Sensitivity sensitivity = Sensitivity.NonSensitive) =>
        [.. Enumerable.Range(first, last - first + 1).Select(number => Person(number, sensitivity))];

    private protected static AuditRecord Record(string body, AuditKind kind = AuditKind.ExportBatch) => new(kind, "ops", Now, body);

    /// <summary>Registers <paramref name="entries"/> in a batch of its own and commits it.</summary>
    private protected static LedgerRegistration RegisterBatch(IGatewayStore store, IReadOnlyCollection<LedgerEntry> entries, string handler = Handler, int year = Year)
    {
        using var transaction = store.Begin(handler, year);
        var registration = transaction.Register(entries, NoCeiling);
        transaction.Commit();
        return registration;
    }
}

/// <summary>A clock that stands still until moved.</summary>
internal sealed class TestClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
