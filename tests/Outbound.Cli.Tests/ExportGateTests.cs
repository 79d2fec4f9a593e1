using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Data.Sqlite;
using Npgsql;
using Outbound.Gateway;
using Outbound.Storage;

namespace Outbound.Cli.Tests;

/// <summary>The gate's invariants and its other sources and stores: nothing lost, k-anonymity, standard input, tables, PostgreSQL, assess --store.</summary>
public sealed class ExportGateTests
{
    /// <summary>Released + retained + unreadable = input, per batch and overall, for any input, bad lines and batch size.</summary>
    [Property(MaxTest = 12)]
    public Property Every_input_record_is_released_retained_or_reported_in_every_batch() =>
        Prop.ForAll(
            Gen.Choose(1, 60).Zip(Gen.Choose(1, 9)).ToArbitrary(),
            Gen.Choose(0, 6).Zip(Gen.Choose(0, 1000)).ToArbitrary(),
            (shape, bad) =>
            {
                var (records, batchSize) = shape;
                var (broken, seed) = bad;
                using var fixture = new ExportFixture(records, drivers: 12, seed: seed);
                var lines = File.ReadAllLines(fixture.Data).ToList();
                var random = new Random(seed);
                for (int i = 0; i < broken; i++)
                {
                    lines.Insert(random.Next(lines.Count + 1), i % 2 == 0 ? "{\"vin\": " : "not json at all");
                }

                File.WriteAllLines(fixture.Data, lines);
                ImportApprovals(fixture);
                var run = CliRunner.RunAsync([.. fixture.ExportArgs(null, "--format", "json", "--batch-size", batchSize.ToString(System.Globalization.CultureInfo.InvariantCulture))]).GetAwaiter().GetResult();
                var root = JsonDocument.Parse(run.Output).RootElement;
                long released = root.GetProperty("released").GetInt64();
                long retained = root.GetProperty("retained").GetInt64();
                long unreadable = root.GetProperty("unreadable").GetInt64();

                using var store = GatewayStores.Open(StoreLocation.Parse(fixture.Store), new GatewayStoreOptions());
                var batches = store.FindRun(root.GetProperty("run_id").GetString()!)!.Batches;
                bool perBatch = batches.All(b => b.Records == b.Released + b.Retained + b.Unreadable && b.Records <= batchSize);
                bool overall = released + retained + unreadable == lines.Count && unreadable == broken
                    && batches.Sum(b => b.Records) == lines.Count;
                return (perBatch && overall).Label($"{records} records, {broken} broken, batches of {batchSize}: {run.Output}{run.Error}");
            });

    [Fact]
    public async Task An_anonymised_release_counts_no_one_and_retains_what_k_anonymity_cannot_cover()
    {
        using var fixture = new ExportFixture(10);
        string declaration = fixture.Root + "/accounts.yaml";
        await File.WriteAllTextAsync(declaration, """
            year: 2026
            handler: {name: 示例网络科技有限公司}
            transfers:
              - id: analytics
                date: 2026-11-01
                recipient: {name: Example Analytics Ltd, country: GB, kind: company}
                purpose: usage statistics
                legal_basis: consent
            """, TestContext.Current.CancellationToken);
        string accounts = Path.Combine(Repository.Root, "samples", "data", "user-accounts.jsonl");
        string policy = Path.Combine(Repository.Root, "samples", "policies", "analytics-anonymised.yaml");

        var run = await CliRunner.RunAsync([.. fixture.ExportArgs(accounts, "--format", "json"), "--declaration", declaration, "--policy", policy]);

        var root = JsonDocument.Parse(run.Output).RootElement;
        long kept = root.GetProperty("retained_by_reason").GetProperty("K_ANONYMITY").GetInt64();
        long released = root.GetProperty("released").GetInt64();
        Assert.True(kept > 0 && released > 0, run.Output + run.Error);
        Assert.Equal(0, root.GetProperty("year_totals").GetProperty("non_sensitive").GetInt64());
        Assert.Equal(0, root.GetProperty("year_totals").GetProperty("sensitive").GetInt64());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("decision").ValueKind);

        // Every released record shares its quasi-identifiers with at least four others.
        var groups = Directory.EnumerateFiles(fixture.Released, "part-*").SelectMany(File.ReadLines)
            .Select(line => JsonDocument.Parse(line).RootElement)
            .GroupBy(r => $"{r.GetProperty("id_number")}|{r.GetProperty("created_at")}");
        Assert.All(groups, group => Assert.True(group.Count() >= 5, $"{group.Key} has {group.Count()} records"));
    }

    [Fact]
    public async Task A_field_is_read_by_its_own_name_whatever_the_layout_of_the_records_around_it()
    {
        // A bare decimal is a coordinate only in a latitude or longitude field. Records whose fields come in other orders,
        // or go missing, must each be read by their own names, not by the names of the record before.
        using var fixture = new ExportFixture(1);
        string data = Path.Combine(fixture.Root, "layouts.jsonl");
        string[] lines =
        [
            """{"vin":"LVS1YUVE5TE184838","lat":36.644591,"speed":36.644591}""",
            """{"vin":"LVS1YUVE5TE184838","speed":36.644591,"lat":36.644591}""",
            """{"speed":36.644591,"vin":"LVS1YUVE5TE184838"}""",
            """{"vin":"LVS1YUVE5TE184838","lat":36.644591,"speed":36.644591}""",
            """{"lat":36.644591,"vin":"LVS1YUVE5TE184838","speed":36.644591}""",
        ];
        await File.WriteAllLinesAsync(data, lines, TestContext.Current.CancellationToken);
        ImportApprovals(fixture);

        var run = await CliRunner.RunAsync([.. fixture.ExportArgs(data, "--format", "json")]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var released = Directory.EnumerateFiles(fixture.Released, "part-*").SelectMany(File.ReadLines)
            .Select(line => JsonDocument.Parse(line).RootElement).ToList();
        Assert.Equal(lines.Length, released.Count);
        Assert.All(released, record =>
        {
            Assert.Equal(36.644591, record.GetProperty("speed").GetDouble());
            Assert.Equal("LVS**************", record.GetProperty("vin").GetString());
            if (record.TryGetProperty("lat", out var lat))
            {
                Assert.Equal(36.64, lat.GetDouble());
            }
        });
    }

    [Fact]
    public async Task Records_retained_at_the_commit_are_left_out_of_the_part_and_the_rest_keep_their_order()
    {
        // No approval on file: records with sensitive personal information are held at the commit, records without it go.
        using var fixture = new ExportFixture(1);
        string data = Path.Combine(fixture.Root, "mixed.jsonl");
        var lines = Enumerable.Range(1, 40).Select(n => n % 3 == 0
            ? $$"""{"n":{{n}},"speed":12.5}"""
            : $$"""{"n":{{n}},"id_number":"440305199008230275"}""").ToList();
        await File.WriteAllLinesAsync(data, lines, TestContext.Current.CancellationToken);

        var run = await CliRunner.RunAsync([.. fixture.ExportArgs(data, "--format", "json", "--batch-size", "16")]);

        Assert.Equal(1, run.ExitCode);
        var root = JsonDocument.Parse(run.Output).RootElement;
        Assert.Equal(27, root.GetProperty("retained_by_reason").GetProperty("PATHWAY_NOT_IN_PLACE").GetInt64());
        var released = Directory.EnumerateFiles(fixture.Released, "part-*").Order(StringComparer.Ordinal).SelectMany(File.ReadLines).ToList();
        Assert.Equal(lines.Where((_, i) => (i + 1) % 3 == 0), released);
        var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Directory.EnumerateFiles(fixture.Released, "manifest-*").Single(), TestContext.Current.CancellationToken)).RootElement;
        foreach (var part in manifest.GetProperty("parts").EnumerateArray())
        {
            byte[] bytes = await File.ReadAllBytesAsync(Path.Combine(fixture.Released, part.GetProperty("file").GetString()!), TestContext.Current.CancellationToken);
            Assert.Equal(part.GetProperty("sha256").GetString(), Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)));
        }
    }

    [Fact]
    public async Task Examined_on_several_threads_the_part_is_byte_for_byte_what_one_thread_writes()
    {
        // Batches of 500 are examined by four threads (a batch under 256 records is examined on one): each thread writes
        // the released forms of its share in a buffer of its own. Records with an ID number are held at the commit (no
        // approval on file), so every part is pieced together from runs of records in several buffers.
        using var fixture = new ExportFixture(1);
        string data = Path.Combine(fixture.Root, "mixed.jsonl");
        var lines = Enumerable.Range(1, 3000).Select(n => n % 3 == 0
            ? $$"""{"n":{{n}},"ts":{{1_754_114_446_281L + (n * 97_919L)}},"speed":12.5}"""
            : $$"""{"n":{{n}},"id_number":"440305199008230275","ts":1754114446281}""").ToList();
        await File.WriteAllLinesAsync(data, lines, TestContext.Current.CancellationToken);

        var one = await CliRunner.RunAsync([.. fixture.ExportArgs(data, "--format", "json", "--batch-size", "500", "--threads", "1")]);
        string otherKey = Path.Combine(fixture.Root, "audit-other.pem");
        KeyMaterial.WriteOwnerOnly(otherKey, await File.ReadAllTextAsync(fixture.AuditKey, TestContext.Current.CancellationToken));
        string otherReleased = Path.Combine(fixture.Root, "released-other");
        string[] args = fixture.ExportArgs(data, "--format", "json", "--batch-size", "500", "--threads", "4");
        args[Array.IndexOf(args, "--to") + 1] = otherReleased;
        args[Array.IndexOf(args, "--store") + 1] = "sqlite:" + Path.Combine(fixture.Root, "other.db");
        args[Array.IndexOf(args, "--audit-key") + 1] = otherKey;
        var four = await CliRunner.RunAsync(args);

        Assert.True(one.ExitCode == 1, one.Output + one.Error);
        Assert.True(four.ExitCode == 1, four.Output + four.Error);
        Assert.Equal(2000, JsonDocument.Parse(four.Output).RootElement.GetProperty("retained").GetInt64());
        var single = Parts(fixture.Released);
        Assert.Equal(6, single.Count);
        Assert.Equal(single, Parts(otherReleased));
        var released = single.SelectMany(part => Encoding.UTF8.GetString(part).Split('\n', StringSplitOptions.RemoveEmptyEntries)).ToList();
        Assert.Equal(Enumerable.Range(1, 1000).Select(k => k * 3), released.Select(line => JsonDocument.Parse(line).RootElement.GetProperty("n").GetInt32()));
        Assert.All(released, line => Assert.Equal(0, JsonDocument.Parse(line).RootElement.GetProperty("ts").GetInt64() % 3_600_000));

        static List<byte[]> Parts(string folder) =>
            [.. Directory.EnumerateFiles(folder, "part-*").Order(StringComparer.Ordinal).Select(File.ReadAllBytes)];
    }

    [Fact]
    public async Task Standard_input_is_exported_and_named_by_its_digest_like_a_file()
    {
        using var fixture = new ExportFixture(120, drivers: 20);
        ImportApprovals(fixture);
        var fromFile = await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--format", "json", "--dry-run")]);

        using var input = new MemoryStream(await File.ReadAllBytesAsync(fixture.Data, TestContext.Current.CancellationToken));
        var (fromStdin, spooled) = await RunWithStandardInput(fixture, input);

        Assert.Equal(JsonDocument.Parse(fromFile.Output).RootElement.GetProperty("run_id").GetString(), JsonDocument.Parse(fromStdin.Output).RootElement.GetProperty("run_id").GetString());
        Assert.Equal(120, JsonDocument.Parse(fromStdin.Output).RootElement.GetProperty("records").GetInt64());
        Assert.Empty(spooled);
    }

    [Fact]
    public async Task A_table_is_exported_row_by_row_and_rows_become_flat_json()
    {
        using var fixture = new ExportFixture(10);
        ImportApprovals(fixture);
        string database = fixture.Root + "/crm.db";
        using (var connection = new SqliteConnection($"Data Source={database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE owners (id INTEGER PRIMARY KEY, name TEXT, phone TEXT, id_number TEXT, vin TEXT);
                INSERT INTO owners VALUES (1, '王伟', '13800138000', '11010519491231002X', 'LSVAB2180N2184838');
                INSERT INTO owners VALUES (2, '李娜', '13912345678', '440305199001011235', 'LFV2A21K647123456');
                """;
            command.ExecuteNonQuery();
        }

        var run = await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--format", "json").Where(a => a != fixture.Data), "--db", "sqlite:" + database, "--table", "owners"]);

        Assert.True(run.ExitCode == 0, run.Output + run.Error);
        var released = Directory.EnumerateFiles(fixture.Released, "part-*").SelectMany(File.ReadLines).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, released.Count);
        Assert.Equal("1", released[0].GetProperty("id").GetString());
        Assert.DoesNotContain("13800138000", string.Join("\n", released.Select(r => r.GetRawText())), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_gate_runs_the_same_on_a_shared_PostgreSQL_store()
    {
        string? server = Environment.GetEnvironmentVariable("OUTBOUND_TEST_POSTGRES");
        Assert.SkipWhen(server is null && Environment.GetEnvironmentVariable("CI") is null, "OUTBOUND_TEST_POSTGRES is not set.");
        Assert.NotNull(server);
        string schema = $"gate_{Guid.NewGuid():N}";
        await using var source = NpgsqlDataSource.Create(server);
        await using (var create = source.CreateCommand($"CREATE SCHEMA {schema}"))
        {
            await create.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        try
        {
            using var fixture = new ExportFixture(1_200, drivers: 100);
            string store = "postgres:" + new NpgsqlConnectionStringBuilder(server) { SearchPath = schema }.ConnectionString;
            var import = await CliRunner.RunAsync("approvals", "import", fixture.Declaration, "--store", store, "--audit-key", fixture.AuditKey);
            Assert.True(import.ExitCode == 0, import.Error);

            var run = await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--format", "json", "--batch-size", "500"), "--store", store]);
            var root = JsonDocument.Parse(run.Output).RootElement;
            Assert.Equal(1_198, root.GetProperty("released").GetInt64());
            Assert.Equal(2, root.GetProperty("retained_by_reason").GetProperty("SCOPE_EXCEEDED").GetInt64());

            var verify = await CliRunner.RunAsync("audit", "verify", "--store", store, "--audit-key", fixture.AuditKey);
            Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
            using var gateway = GatewayStores.Open(StoreLocation.Parse(store), new GatewayStoreOptions());
            var totals = gateway.Totals(ExportSetup.ReadDeclaration(fixture.Declaration).Declaration.Handler.Name, 2026);
            Assert.Equal(root.GetProperty("year_totals").GetProperty("sensitive").GetInt64(), totals.Sensitive);
            Assert.InRange(totals.Sensitive, 90, 100);
        }
        finally
        {
            await using var drop = source.CreateCommand($"DROP SCHEMA {schema} CASCADE");
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Assess_with_the_store_judges_planned_transfers_on_top_of_what_was_exported()
    {
        using var fixture = new ExportFixture(600, drivers: 80);
        ImportApprovals(fixture);
        await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--format", "json")]);

        var without = await CliRunner.RunAsync("assess", fixture.Declaration, "--format", "json");
        var with = await CliRunner.RunAsync("assess", fixture.Declaration, "--format", "json", "--store", fixture.Store);

        var planned = JsonDocument.Parse(without.Output).RootElement.GetProperty("transfers")[0];
        var transfers = JsonDocument.Parse(with.Output).RootElement.GetProperty("transfers");
        Assert.Equal("ledger", transfers[0].GetProperty("id").GetString());
        long before = planned.GetProperty("counted").GetProperty("sensitive").GetInt64();
        long after = transfers[1].GetProperty("counted").GetProperty("sensitive").GetInt64();
        using var store = GatewayStores.Open(StoreLocation.Parse(fixture.Store), new GatewayStoreOptions());
        long exported = store.Totals(ExportSetup.ReadDeclaration(fixture.Declaration).Declaration.Handler.Name, 2026).Sensitive;
        Assert.True(exported > 0);
        Assert.Equal(before + exported, after);
    }

    [Fact]
    public async Task Audit_entries_hold_counts_and_digests_never_an_identifier()
    {
        using var fixture = new ExportFixture(1_000, drivers: 100);
        ImportApprovals(fixture);
        await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--format", "json")]);

        var raw = File.ReadLines(fixture.Data).Where(l => l.EndsWith('}')).Select(l => JsonDocument.Parse(l).RootElement)
            .SelectMany(r => new[] { r.GetProperty("driver").GetProperty("id_number").GetString()!, r.GetProperty("driver").GetProperty("phone").GetString()!, r.GetProperty("vin").GetString()! })
            .ToHashSet(StringComparer.Ordinal);
        using var store = GatewayStores.Open(StoreLocation.Parse(fixture.Store), new GatewayStoreOptions());
        var entries = store.AuditEntries().ToList();
        Assert.NotEmpty(entries);
        foreach (var entry in entries)
        {
            Assert.DoesNotContain(raw, value => entry.Body.Contains(value, StringComparison.Ordinal));
            using var body = JsonDocument.Parse(entry.Body);
            Assert.True(body.RootElement.TryGetProperty("declaration_digest", out _));
        }

        var batch = JsonDocument.Parse(entries.Last(e => e.Kind == AuditKind.ExportBatch).Body).RootElement;
        foreach (string field in new[] { "batch_digest", "pathway", "rule_ids", "legal_basis_cited", "filing_number", "counts_before", "counts_after", "policy_digest", "recipient", "exemption_claimed" })
        {
            Assert.True(batch.TryGetProperty(field, out _), field);
        }

        Assert.Equal("HU-SCC-2026-0457", batch.GetProperty("filing_number").GetString());
    }

    private static async Task<(CliRun Run, List<string> Spooled)> RunWithStandardInput(ExportFixture fixture, Stream input)
    {
        var run = await CliRunner.RunAsync(input, [.. fixture.ExportArgs("-", "--format", "json", "--dry-run")]);
        return (run, Directory.Exists(fixture.Released) ? [.. Directory.EnumerateFiles(fixture.Released, ".stdin-*")] : []);
    }

    private static void ImportApprovals(ExportFixture fixture)
    {
        var run = CliRunner.RunAsync("approvals", "import", fixture.Declaration, "--store", fixture.Store, "--audit-key", fixture.AuditKey).GetAwaiter().GetResult();
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
    }
}
