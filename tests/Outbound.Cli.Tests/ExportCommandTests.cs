using System.Text.Json;
using Outbound.Gateway;
using Outbound.Storage;

namespace Outbound.Cli.Tests;

/// <summary><c>outbound export</c> end to end on the embedded store: what is released, retained, reported and counted.</summary>
public sealed class ExportCommandTests
{
    // 3,000 trips: the notes of trips 0, 997, 1994 and 2991 carry a bank card (not covered by the contract); one
    // truncated upload sits on line 1251.
    private const int Trips = 3_000;

    [Fact]
    public async Task Export_releases_what_the_contract_covers_retains_the_rest_and_reports_bad_lines()
    {
        using var fixture = new ExportFixture(Trips, drivers: 200);
        await ImportApprovals(fixture);

        var run = await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--format", "json")]);

        Assert.Equal(1, run.ExitCode);
        using var summary = JsonDocument.Parse(run.Output);
        var root = summary.RootElement;
        Assert.Equal(Trips + 1, root.GetProperty("records").GetInt64());
        Assert.Equal(4, root.GetProperty("retained_by_reason").GetProperty("SCOPE_EXCEEDED").GetInt64());
        Assert.Equal(1, root.GetProperty("unreadable").GetInt64());
        Assert.Equal(1251, root.GetProperty("unreadable_positions")[0].GetProperty("position").GetInt64());
        Assert.Equal(Trips - 4, root.GetProperty("released").GetInt64());
        Assert.Equal("SCC_OR_CERTIFICATION", root.GetProperty("decision").GetProperty("pathway").GetString());
        Assert.Equal("ALLOWED", root.GetProperty("decision").GetProperty("status").GetString());
        Assert.Equal("scc-hechuan-2026", root.GetProperty("decision").GetProperty("approval_id").GetString());
    }

    [Fact]
    public async Task Released_records_hold_no_raw_identifier_and_the_ledger_counts_the_persons_released()
    {
        using var fixture = new ExportFixture(Trips, drivers: 200);
        await ImportApprovals(fixture);
        await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--format", "json")]);

        var input = File.ReadLines(fixture.Data).Where(l => l.EndsWith('}')).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        string released = string.Concat(Directory.EnumerateFiles(fixture.Released, "part-*").Order(StringComparer.Ordinal).Select(File.ReadAllText));
        foreach (var record in input.Take(500))
        {
            var driver = record.GetProperty("driver");
            Assert.DoesNotContain(driver.GetProperty("id_number").GetString()!, released, StringComparison.Ordinal);
            Assert.DoesNotContain(driver.GetProperty("phone").GetString()!, released, StringComparison.Ordinal);
            Assert.DoesNotContain(record.GetProperty("vin").GetString()!, released, StringComparison.Ordinal);
        }

        var lines = released.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        Assert.Equal(Trips - 4, lines.Count);

        // Structure and value types survive: the trip id as it was, the speed still a number.
        Assert.Equal(JsonValueKind.Number, lines[0].GetProperty("speed_kmh").ValueKind);
        Assert.StartsWith("T", lines[0].GetProperty("trip_id").GetString(), StringComparison.Ordinal);

        using var store = GatewayStores.Open(StoreLocation.Parse(fixture.Store), new GatewayStoreOptions());
        string handler = ExportSetup.ReadDeclaration(fixture.Declaration).Declaration.Handler.Name;
        var totals = store.Totals(handler, ChinaTime.DateOf(CliRunner.Now).Year);
        long persons = lines.Select(l => l.GetProperty("driver").GetProperty("id_number").GetString()).Distinct(StringComparer.Ordinal).LongCount();
        Assert.Equal(persons, totals.Sensitive);
        Assert.Equal(persons, totals.NonSensitive);
        Assert.InRange(persons, 150, 200);
    }

    [Fact]
    public async Task A_dry_run_decides_but_writes_no_release_count_or_audit_entry()
    {
        using var fixture = new ExportFixture(400, drivers: 50);
        await ImportApprovals(fixture);
        long entriesBefore = AuditEntries(fixture);

        var run = await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--dry-run", "--format", "json")]);

        // Trip 0's note carries a bank card: retained (in a dry run, would be).
        Assert.Equal(1, run.ExitCode);
        Assert.Equal(399, JsonDocument.Parse(run.Output).RootElement.GetProperty("released").GetInt64());
        Assert.True(JsonDocument.Parse(run.Output).RootElement.GetProperty("dry_run").GetBoolean());
        Assert.False(Directory.Exists(fixture.Released) && Directory.EnumerateFiles(fixture.Released).Any());
        Assert.Equal(entriesBefore, AuditEntries(fixture));
        using var store = GatewayStores.Open(StoreLocation.Parse(fixture.Store), new GatewayStoreOptions());
        Assert.True(store.Totals(ExportSetup.ReadDeclaration(fixture.Declaration).Declaration.Handler.Name, 2026).IsZero);
    }

    [Fact]
    public async Task Exporting_the_same_input_again_needs_resume_and_resuming_a_finished_run_adds_nothing()
    {
        using var fixture = new ExportFixture(400, drivers: 50);
        await ImportApprovals(fixture);
        var first = await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--format", "json")]);
        Assert.Equal(399, JsonDocument.Parse(first.Output).RootElement.GetProperty("released").GetInt64());

        var again = await CliRunner.RunAsync([.. fixture.ExportArgs()]);
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("--resume", again.Error, StringComparison.Ordinal);

        var parts = Directory.EnumerateFiles(fixture.Released).Order(StringComparer.Ordinal).ToList();
        var resumed = await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--resume", "--format", "json")]);
        Assert.Equal(0, resumed.ExitCode);
        var root = JsonDocument.Parse(resumed.Output).RootElement;
        Assert.Equal(0, root.GetProperty("records").GetInt64());
        Assert.Equal(400, root.GetProperty("resumed_after").GetInt64());
        Assert.Equal(parts, Directory.EnumerateFiles(fixture.Released).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Without_an_approval_on_file_personal_data_is_retained_and_released_once_the_approval_arrives()
    {
        using var fixture = new ExportFixture(500, drivers: 60);

        var held = await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--format", "json")]);
        Assert.Equal(1, held.ExitCode);
        var root = JsonDocument.Parse(held.Output).RootElement;
        Assert.Equal(0, root.GetProperty("released").GetInt64());
        Assert.Equal(500, root.GetProperty("retained_by_reason").GetProperty("PATHWAY_NOT_IN_PLACE").GetInt64());
        Assert.Equal("HELD", root.GetProperty("decision").GetProperty("status").GetString());
        Assert.Equal(0, root.GetProperty("year_totals").GetProperty("sensitive").GetInt64());
        // The breakdown a user judges the run's speed by: the process allocated while reading 500 records.
        Assert.True(root.GetProperty("seconds").GetProperty("elapsed").GetDouble() > 0);
        Assert.True(root.GetProperty("memory").GetProperty("allocated_bytes").GetInt64() > 0);
        Assert.True(root.GetProperty("memory").GetProperty("gen0_collections").GetInt32() >= root.GetProperty("memory").GetProperty("gen2_collections").GetInt32());

        await ImportApprovals(fixture);
        var release = await CliRunner.RunAsync(
            "quarantine", "release", "--declaration", fixture.Declaration, "--policy", fixture.Policy, "--to", fixture.Released,
            "--store", fixture.Store, "--key-file", fixture.SubjectKey, "--quarantine-key-file", fixture.QuarantineKey,
            "--audit-key", fixture.AuditKey, "--actor", "compliance officer", "--format", "json");

        // Trip 0's note carries a bank card, which the contract does not cover: it stays.
        Assert.Equal(1, release.ExitCode);
        var released = JsonDocument.Parse(release.Output).RootElement;
        Assert.Equal(499, released.GetProperty("released").GetInt64());
        Assert.Equal(1, released.GetProperty("retained_by_reason").GetProperty("SCOPE_EXCEEDED").GetInt64());
        using var store = GatewayStores.Open(StoreLocation.Parse(fixture.Store), new GatewayStoreOptions());
        var stays = Assert.Single(store.Quarantined(new QuarantineQuery()));
        Assert.Equal((RetainReason.ScopeExceeded, "R-BLK-5"), (stays.Item.Reason, stays.Item.RuleId));
        Assert.Contains("BANK_ACCOUNT", stays.Item.Detail, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(500, store.Quarantined(new QuarantineQuery(IncludeReleased: true)).Length);
        Assert.Contains(store.AuditEntries(), e => e.Kind == AuditKind.QuarantineRelease && e.Actor == "compliance officer");
        Assert.True(store.Totals(ExportSetup.ReadDeclaration(fixture.Declaration).Declaration.Handler.Name, 2026).Sensitive > 0);
    }

    // More records held than a page of the listing and the release holds (10,000): each is looked at once, none is missed.
    [Fact]
    public async Task A_release_of_more_records_than_a_page_looks_at_each_held_record_once()
    {
        using var fixture = new ExportFixture(10_050, drivers: 300);
        var held = JsonDocument.Parse((await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--format", "json")])).Output).RootElement;
        long retained = held.GetProperty("retained").GetInt64();
        Assert.Equal(fixture.Lines, retained + held.GetProperty("unreadable").GetInt64());
        Assert.True(retained > 10_000);

        // Listed a page at a time as well: each held record once, in id order.
        var listed = await CliRunner.RunAsync("quarantine", "list", "--store", fixture.Store, "--format", "json");
        long[] ids = [.. JsonDocument.Parse(listed.Output).RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("id").GetInt64())];
        Assert.Equal(retained, ids.Length);
        Assert.Equal(ids.Order().Distinct(), ids);

        await ImportApprovals(fixture);
        var release = await CliRunner.RunAsync(
            "quarantine", "release", "--declaration", fixture.Declaration, "--policy", fixture.Policy, "--to", fixture.Released,
            "--store", fixture.Store, "--key-file", fixture.SubjectKey, "--quarantine-key-file", fixture.QuarantineKey,
            "--audit-key", fixture.AuditKey, "--format", "json");

        var released = JsonDocument.Parse(release.Output).RootElement;
        Assert.Equal(retained, released.GetProperty("records").GetInt64());
        long stays = released.GetProperty("retained_by_reason").GetProperty("SCOPE_EXCEEDED").GetInt64();
        Assert.Equal(retained - stays, released.GetProperty("released").GetInt64());
        using var store = GatewayStores.Open(StoreLocation.Parse(fixture.Store), new GatewayStoreOptions());
        Assert.Equal(stays, store.Quarantined(new QuarantineQuery()).Length);
        Assert.Equal(retained, store.Quarantined(new QuarantineQuery(IncludeReleased: true)).Length);
        var lines = Directory.EnumerateFiles(fixture.Released, "part-*").SelectMany(File.ReadLines).ToList();
        Assert.Equal(retained - stays, lines.Count);
    }

    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task A_missing_weak_or_shared_key_is_a_clear_error_before_anything_moves()
    {
        using var fixture = new ExportFixture(50, drivers: 10);
        string weak = fixture.Root + "/weak.key";
        KeyMaterial.WriteOwnerOnly(weak, "hunter2");
        string shared = fixture.Root + "/shared.key";
        File.Copy(fixture.SubjectKey, shared);
        File.SetUnixFileMode(shared, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var weakRun = await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--key-file", weak)]);
        var sharedRun = await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--key-file", shared)]);

        Assert.Equal(2, weakRun.ExitCode);
        Assert.Contains("too short", weakRun.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", weakRun.Error, StringComparison.Ordinal);
        Assert.Equal(2, sharedRun.ExitCode);
        Assert.Contains("chmod 600", sharedRun.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(fixture.Released));
    }

    [Fact]
    public async Task The_run_is_named_by_the_SHA256_of_the_input_file()
    {
        using var fixture = new ExportFixture(300, drivers: 20);
        await ImportApprovals(fixture);

        var run = await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--format", "json")]);

        using var summary = JsonDocument.Parse(run.Output);
        string expected = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(fixture.Data)));
        Assert.Equal(expected, summary.RootElement.GetProperty("input_digest").GetString());
    }

    [Fact]
    public async Task The_manifest_lists_every_batch_the_store_committed_when_the_export_ends()
    {
        using var fixture = new ExportFixture(300, drivers: 20);
        await ImportApprovals(fixture);

        var run = await CliRunner.RunAsync([.. fixture.ExportArgs(null, "--batch-size", "7", "--format", "json")]);

        string runId = JsonDocument.Parse(run.Output).RootElement.GetProperty("run_id").GetString()!;
        using var store = GatewayStores.Open(StoreLocation.Parse(fixture.Store), new GatewayStoreOptions());
        var committed = store.FindRun(runId)!.Batches.Where(b => b.PartFile is not null).ToList();
        using var manifest = JsonDocument.Parse(File.ReadAllText(Directory.EnumerateFiles(fixture.Released, "manifest-*.json").Single()));
        var parts = manifest.RootElement.GetProperty("parts").EnumerateArray().ToList();
        Assert.Equal(43, committed.Count);
        Assert.Equal(committed.Select(b => (b.PartFile, b.PartDigest, b.Released)), parts.Select(p => (p.GetProperty("file").GetString(), p.GetProperty("sha256").GetString(), p.GetProperty("records").GetInt64())));
        Assert.Equal(committed.Sum(b => b.Released), manifest.RootElement.GetProperty("records_released").GetInt64());
    }

    [Theory]
    [InlineData("-", null)]
    [InlineData("trips.jsonl", "sqlite:store.db")]
    [InlineData("no-such-file.jsonl", null)]
    public void The_digest_is_started_early_only_for_a_file(string path, string? db)
    {
        Assert.Null(ExportInput.StartDigest(path, db, CancellationToken.None));
    }

    [Fact]
    public async Task A_digest_started_early_is_the_files_SHA256()
    {
        string path = Path.GetTempFileName();
        try
        {
            byte[] content = [.. Enumerable.Range(0, 3 << 20).Select(i => (byte)(i * 31))];
            File.WriteAllBytes(path, content);

            var digesting = ExportInput.StartDigest(path, null, CancellationToken.None);

            Assert.NotNull(digesting);
            Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(content)), await digesting);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task ImportApprovals(ExportFixture fixture)
    {
        var run = await CliRunner.RunAsync("approvals", "import", fixture.Declaration, "--store", fixture.Store, "--audit-key", fixture.AuditKey);
        Assert.True(run.ExitCode == 0, run.Error + run.Output);
    }

    private static long AuditEntries(ExportFixture fixture)
    {
        using var store = GatewayStores.Open(StoreLocation.Parse(fixture.Store), new GatewayStoreOptions());
        return store.AuditEntries().LongCount();
    }
}
