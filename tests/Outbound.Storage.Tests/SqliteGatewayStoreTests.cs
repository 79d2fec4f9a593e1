using Microsoft.Data.Sqlite;
using Outbound.Gateway;
using Outbound.Storage.Migrations;
using Outbound.Storage.Tests.Gateway;

namespace Outbound.Storage.Tests;

/// <summary>The gateway store contract on a SQLite file in the temp folder, one per test.</summary>
public class SqliteGatewayStoreTests : GatewayStoreContract
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"outbound-gateway-{Guid.NewGuid():N}.db");

    // The persons in the ledger's index, and in both levels (index, recent); a row of either holds several, 32 bytes each.
    private const string IndexSize = "SELECT coalesce(sum(length(subjects) / 32), 0) FROM ledger_block";
    private const string LevelSizes = IndexSize + " UNION ALL SELECT coalesce(sum(length(subjects) / 32), 0) FROM ledger_recent";

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
    public void Open_LedgerOfTheFirstSchema_MovedToScopesAndKeysAndStillCounted()
    {
        // A database as the first schema left it: persons 1 to 3 (one of them sensitive too) for the handler, 1 for another year.
        using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = Migrator.Scripts(StoreKind.Sqlite)[0].Sql + """
                ;CREATE TABLE schema_migration (number integer PRIMARY KEY, name text NOT NULL, applied text NOT NULL);
                INSERT INTO schema_migration VALUES (1, '0001_gateway.sql', '2026-11-01T00:00:00.0000000Z');
                INSERT INTO ledger_total VALUES (@handler, 2026, 0, 3), (@handler, 2026, 1, 1), (@handler, 2025, 0, 1);
                """;
            command.Parameters.AddWithValue("@handler", Handler);
            command.ExecuteNonQuery();
            foreach (var (entry, year) in new[] { (Person(1), 2026), (Person(2), 2026), (Person(3), 2026), (Person(1, Sensitivity.Sensitive), 2026), (Person(1), 2025) })
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = "INSERT INTO ledger_subject VALUES (@handler, @year, @sensitivity, @key_id, @subject)";
                insert.Parameters.AddWithValue("@handler", Handler);
                insert.Parameters.AddWithValue("@year", year);
                insert.Parameters.AddWithValue("@sensitivity", (int)entry.Sensitivity);
                insert.Parameters.AddWithValue("@key_id", entry.Subject.KeyId);
                byte[] subject = new byte[SubjectGroup.KeySize];
                SubjectGroup.Write(entry.Subject.High, entry.Subject.Low, subject);
                insert.Parameters.AddWithValue("@subject", subject);
                insert.ExecuteNonQuery();
            }
        }

        var store = Open();

        Assert.Equal([5L], Query(store, "SELECT count(*) FROM ledger_subject").Select(Convert.ToInt64));
        Assert.Equal([3L], Query(store, "SELECT count(*) FROM ledger_scope").Select(Convert.ToInt64));
        var registration = RegisterBatch(store, [.. People(2, 5), Person(1, Sensitivity.Sensitive), Person(2, Sensitivity.Sensitive)]);
        Assert.Equal(new Law.PersonCounts(2, 1), registration.Added);
        Assert.Equal(new Law.PersonCounts(5, 2), store.Totals(Handler, 2026));
        Assert.Equal(new Law.PersonCounts(1, 0), RegisterBatch(store, People(1, 2), year: 2025).Added);
        Assert.Equal([9L], Query(store, "SELECT count(*) FROM ledger_subject").Select(Convert.ToInt64));
    }

    [Fact]
    public void Register_PastTheRecentLimit_MovesPersonsIntoTheIndexAndStillKnowsThem()
    {
        using var store = GatewayStores.Open(Location, new GatewayStoreOptions { Clock = Clock, LedgerRecentLimit = 4 });

        Assert.Equal(new Law.PersonCounts(5, 0), RegisterBatch(store, People(1, 5)).Added);
        Assert.Equal(new Law.PersonCounts(2, 0), RegisterBatch(store, People(4, 7)).Added);   // moves 1–5 first
        Assert.Equal(new Law.PersonCounts(1, 0), RegisterBatch(store, People(1, 8)).Added);   // 1–5 from the index, 6–7 recent
        Assert.Equal([5L, 3L], [.. Query(store, LevelSizes).Select(Convert.ToInt64)]);

        Assert.Equal(new Law.PersonCounts(2, 0), RegisterBatch(store, People(8, 10)).Added);
        Assert.Equal(new Law.PersonCounts(0, 0), RegisterBatch(store, People(1, 10)).Added);  // moves 6–10 first

        Assert.Equal(new Law.PersonCounts(10, 0), store.Totals(Handler, Year));
        Assert.Equal([10L, 0L], [.. Query(store, LevelSizes).Select(Convert.ToInt64)]);
        Assert.Equal([10L], Query(store, "SELECT count(DISTINCT subject) FROM ledger_subject").Select(Convert.ToInt64));
        Assert.Equal([2L], Query(store, "SELECT generation FROM ledger_state").Select(Convert.ToInt64));
    }

    // The gate's held batch: the transaction that moved the recent keys into the index also registered new persons, then
    // was rolled back (the pathway was not in place). The next transaction finds the old generation again; those persons
    // were never written and must count as new when they come back.
    [Fact]
    public void Register_AfterATransactionThatMovedAndRegisteredWasRolledBack_ItsPersonsAreStillNew()
    {
        using var store = GatewayStores.Open(Location, new GatewayStoreOptions { Clock = Clock, LedgerRecentLimit = 4 });
        Assert.Equal(new Law.PersonCounts(5, 0), RegisterBatch(store, People(1, 5)).Added);

        using (var held = store.Begin(Handler, Year))
        {
            // Begins with the move of persons 1–5; registers 6–7; never commits.
            Assert.Equal(new Law.PersonCounts(2, 0), held.Register(People(6, 7), NoCeiling).Added);
        }

        Assert.Equal(new Law.PersonCounts(1, 0), RegisterBatch(store, People(8, 8)).Added);
        Assert.Equal(new Law.PersonCounts(2, 0), RegisterBatch(store, People(6, 7)).Added);
        Assert.Equal(new Law.PersonCounts(8, 0), store.Totals(Handler, Year));
        Assert.Equal([8L], Query(store, "SELECT count(DISTINCT subject) FROM ledger_subject").Select(Convert.ToInt64));
    }

    [Fact]
    public void Register_NewStoreOnALedgerWithAnIndex_FiltersTheIndexOnceLookupsPayForItAndCountsExactly()
    {
        var options = new GatewayStoreOptions { Clock = Clock, LedgerRecentLimit = 50 };
        using (var earlier = GatewayStores.Open(Location, options))
        {
            for (int first = 1; first <= 400; first += 40)
            {
                Assert.Equal(40, RegisterBatch(earlier, People(first, first + 39)).Added.NonSensitive);
            }
        }

        using var store = (Outbound.Storage.Sqlite.SqliteGatewayStore)GatewayStores.Open(Location, options);
        Assert.True(Convert.ToInt64(Query(store, IndexSize)[0]) >= 300);

        // A short batch into a large ledger asks the index directly.
        Assert.Equal(5, RegisterBatch(store, [.. People(1, 10), .. People(401, 405)]).Added.NonSensitive);
        Assert.Equal(0, store.IndexFiltersBuilt);

        // Known and new persons mixed, batch after batch: the filter is built from the index, then kept up across moves.
        var counted = Enumerable.Range(1, 405).ToHashSet();
        var random = new Random(20261130);
        for (int batch = 0; batch < 30; batch++)
        {
            var people = Enumerable.Range(0, 40).Select(_ => random.Next(1, 900)).ToList();
            int expected = people.Distinct().Count(counted.Add);
            Assert.Equal(expected, RegisterBatch(store, [.. people.Select(p => Person(p))]).Added.NonSensitive);
        }

        Assert.Equal(1, store.IndexFiltersBuilt);
        Assert.Equal(new Law.PersonCounts(counted.Count, 0), store.Totals(Handler, Year));
        Assert.Equal([(long)counted.Count], Query(store, "SELECT count(*) FROM ledger_subject").Select(Convert.ToInt64));
    }

    [Fact]
    public void Register_TwoStoresOnOneFile_EachSeesThePersonsTheOtherAddedAndMoved()
    {
        var options = new GatewayStoreOptions { Clock = Clock, LedgerRecentLimit = 3 };
        using var first = GatewayStores.Open(Location, options);
        using var second = GatewayStores.Open(Location, options);
        var random = new Random(20261129);
        var counted = new HashSet<int>();

        for (int batch = 0; batch < 40; batch++)
        {
            var people = Enumerable.Range(0, random.Next(1, 6)).Select(_ => random.Next(1, 60)).ToList();
            var store = batch % 3 == 0 ? second : first;
            int expected = people.Distinct().Count(counted.Add);

            Assert.Equal(expected, RegisterBatch(store, [.. people.Select(p => Person(p))]).Added.NonSensitive);
        }

        Assert.Equal(new Law.PersonCounts(counted.Count, 0), first.Totals(Handler, Year));
        Assert.Equal([(long)counted.Count], Query(first, "SELECT count(*) FROM ledger_subject").Select(Convert.ToInt64));
    }

    [Fact]
    public void Register_RefusedByTheCeilingInsideATransaction_LeavesThosePersonsNew()
    {
        using var store = GatewayStores.Open(Location, new GatewayStoreOptions { Clock = Clock, LedgerRecentLimit = 100 });
        using (var transaction = store.Begin(Handler, Year))
        {
            Assert.True(transaction.Register(People(1, 2), NoCeiling).Registered);
            Assert.False(transaction.Register(People(2, 5), new Law.PersonCounts(3, 0)).Registered);
            Assert.Equal(new Law.PersonCounts(1, 0), transaction.Register(People(2, 3), NoCeiling).Added);
            Assert.Equal(new Law.PersonCounts(3, 0), transaction.Preview(People(1, 4)).Before);
            Assert.Equal(new Law.PersonCounts(1, 0), transaction.Preview(People(1, 4)).Added);
            transaction.Commit();
        }

        Assert.Equal(new Law.PersonCounts(3, 0), store.Totals(Handler, Year));
        Assert.Equal(new Law.PersonCounts(1, 0), RegisterBatch(store, People(1, 4)).Added);
    }

    [Fact]
    public void Open_LedgerOfTheThirdSchema_KeysOfBothLevelsGoIntoBlocksAndStillCount()
    {
        // A database as the third schema left it: 300 persons in ledger_key (more than two blocks), 7 in ledger_recent.
        using (var connection = new SqliteConnection($"Data Source={_path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            var scripts = Migrator.Scripts(StoreKind.Sqlite);
            command.CommandText = string.Join(";\n", scripts.Take(3).Select(script => script.Sql)) + """
                ;CREATE TABLE schema_migration (number integer PRIMARY KEY, name text NOT NULL, applied text NOT NULL);
                INSERT INTO schema_migration VALUES (1, '0001_gateway.sql', '2026-11-01T00:00:00.0000000Z'), (2, '0002_ledger_scope.sql', '2026-11-01T00:00:00.0000000Z'),
                    (3, '0003_ledger_recent.sql', '2026-11-01T00:00:00.0000000Z');
                INSERT INTO ledger_scope (id, handler, year, sensitivity, key_id) VALUES (1, @handler, 2026, 0, @key_id);
                INSERT INTO ledger_total VALUES (@handler, 2026, 0, 307);
                """;
            command.Parameters.AddWithValue("@handler", Handler);
            command.Parameters.AddWithValue("@key_id", Person(1).Subject.KeyId);
            command.ExecuteNonQuery();
            for (int number = 1; number <= 307; number++)
            {
                using var insert = connection.CreateCommand();
                insert.CommandText = number <= 300 ? "INSERT INTO ledger_key VALUES (1, @subject)" : "INSERT INTO ledger_recent (scope, subject) VALUES (1, @subject)";
                insert.Parameters.AddWithValue("@subject", Bytes(Person(number)));
                insert.ExecuteNonQuery();
            }
        }

        using var store = Open();

        Assert.Equal([307L, 0L], [.. Query(store, LevelSizes).Select(Convert.ToInt64)]);
        Assert.Equal([3L], Query(store, "SELECT count(*) FROM ledger_block").Select(Convert.ToInt64));
        Assert.Equal(Enumerable.Range(1, 307).Select(number => Convert.ToHexString(Bytes(Person(number)))).Order(StringComparer.Ordinal),
            Query(store, "SELECT hex(subject) FROM ledger_subject ORDER BY subject").Cast<string>());
        AssertBlocksInOrder(store);
        Assert.Equal(new Law.PersonCounts(3, 0), RegisterBatch(store, People(300, 310)).Added);
        Assert.Equal(new Law.PersonCounts(310, 0), store.Totals(Handler, Year));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Register_ManyMovesOfRandomPersons_BlocksStayInOrderAndHoldExactlyThePersonsCounted(int seed)
    {
        // Moves every 400 persons or so, into blocks that fill, split and take keys before, between and after them.
        using var store = GatewayStores.Open(Location, new GatewayStoreOptions { Clock = Clock, LedgerRecentLimit = 400 });
        var random = new Random(seed);
        var counted = new HashSet<int>();
        for (int batch = 0; batch < 40; batch++)
        {
            var people = Enumerable.Range(0, random.Next(0, 300)).Select(_ => random.Next(1, 5000)).ToList();
            int expected = people.Distinct().Count(counted.Add);
            Assert.Equal(expected, RegisterBatch(store, [.. people.Select(p => Person(p))]).Added.NonSensitive);
        }

        Assert.True(Convert.ToInt64(Query(store, "SELECT generation FROM ledger_state")[0]) >= 5);
        Assert.Equal(new Law.PersonCounts(counted.Count, 0), store.Totals(Handler, Year));
        Assert.Equal(counted.Select(number => Convert.ToHexString(Bytes(Person(number)))).Order(StringComparer.Ordinal),
            Query(store, "SELECT hex(subject) FROM ledger_subject ORDER BY subject").Cast<string>());
        AssertBlocksInOrder(store);
    }

    [Fact]
    public void Register_MoveOfMoreThanSixtyFiveThousandPersons_DealsThemIntoBlocksInOrder()
    {
        // Enough keys that a move sorts them by bucket of their first 16 bits before sorting each bucket.
        using var store = GatewayStores.Open(Location, new GatewayStoreOptions { Clock = Clock, LedgerRecentLimit = 70_000 });
        for (int first = 1; first <= 70_000; first += 10_000)
        {
            Assert.Equal(10_000, RegisterBatch(store, People(first, first + 9_999)).Added.NonSensitive);
        }

        Assert.Equal(new Law.PersonCounts(10, 0), RegisterBatch(store, People(69_991, 70_010)).Added);   // moves 1–70,000 first

        Assert.Equal([70_000L, 10L], [.. Query(store, LevelSizes).Select(Convert.ToInt64)]);
        Assert.Equal(new Law.PersonCounts(70_010, 0), store.Totals(Handler, Year));
        AssertBlocksInOrder(store);
    }

    /// <summary>Every block of the index: 1 to 124 keys, ascending, its last key apart, and after the block before it.</summary>
    private static void AssertBlocksInOrder(IGatewayStore store)
    {
        using var connection = Connection(store);
        using var command = StoreValues.Command(connection, null, "SELECT scope, last, subjects FROM ledger_block ORDER BY scope, last");
        using var reader = command.ExecuteReader();
        (long Scope, byte[] Last)? previous = null;
        while (reader.Read())
        {
            long scope = reader.GetInt64(0);
            byte[] last = reader.Bytes(1), subjects = reader.Bytes(2);
            Assert.InRange(subjects.Length / SubjectGroup.KeySize, 1, 124);
            Assert.Equal(last, subjects[^SubjectGroup.KeySize..]);
            byte[]? before = previous is { } p && p.Scope == scope ? p.Last : null;
            for (int offset = 0; offset < subjects.Length; offset += SubjectGroup.KeySize)
            {
                var key = subjects.AsSpan(offset, SubjectGroup.KeySize);
                Assert.True(before is null || key.SequenceCompareTo(before) > 0, "keys ascend within and across blocks");
                before = key.ToArray();
            }

            previous = (scope, last);
        }
    }

    private static byte[] Bytes(LedgerEntry entry)
    {
        byte[] subject = new byte[SubjectGroup.KeySize];
        SubjectGroup.Write(entry.Subject.High, entry.Subject.Low, subject);
        return subject;
    }

    [Fact]
    public void Register_RolledBackTransaction_LeavesItsPersonsNewForTheNext()
    {
        using var store = GatewayStores.Open(Location, new GatewayStoreOptions { Clock = Clock, LedgerRecentLimit = 100 });
        using (var transaction = store.Begin(Handler, Year))
        {
            transaction.Register(People(1, 3), NoCeiling);
        }

        Assert.Equal(new Law.PersonCounts(3, 0), RegisterBatch(store, People(1, 3)).Added);
        Assert.Equal(new Law.PersonCounts(0, 0), RegisterBatch(store, People(1, 3)).Added);
    }

    [Fact]
    public void Open_FolderMissing_ThrowsNamingTheStore()
    {
        var location = new StoreLocation(StoreKind.Sqlite, Path.Combine(Path.GetTempPath(), $"outbound-missing-{Guid.NewGuid():N}", "x.db"));

        var error = Assert.Throws<StoreException>(() => GatewayStores.Open(location, new GatewayStoreOptions()));

        Assert.StartsWith($"Cannot read {location}: ", error.Message, StringComparison.Ordinal);
    }
}

/// <summary>The gateway store contract on SQLite with new persons moved into the ledger's index after every two.</summary>
public sealed class SqliteGatewayStoreMovingTests : SqliteGatewayStoreTests
{
    private protected override int LedgerRecentLimit => 2;
}
