using System.Diagnostics;
using System.Text.Json;
using Outbound.Gateway;
using Outbound.Storage;

namespace Outbound.Cli.Tests;

/// <summary>
/// The export under SIGKILL: a large export is killed at seeded random moments and resumed each time; in the end no
/// record is released twice, none is lost, the ledger equals the distinct persons in what was released, and the audit
/// log verifies.
/// </summary>
public sealed class ExportKillTests
{
    private const int Records = 200_000;
    private const int Kills = 5;

    [Fact]
    public async Task Killed_and_resumed_exports_release_every_record_once_and_count_exactly()
    {
        using var fixture = new ExportFixture(Records, drivers: 30_000, seed: 11);
        var random = new Random(20261129);
        string[] args = [.. fixture.ExportArgs(null, "--resume", "--format", "json", "--batch-size", "5000")];
        int killed = 0;
        for (int attempt = 0; attempt < Kills; attempt++)
        {
            using var process = OutboundProcess.Start(args);
            // Seeded points: somewhere from start-up to the middle of the work.
            await Task.Delay(TimeSpan.FromMilliseconds(random.Next(400, 4000)), TestContext.Current.CancellationToken);
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                killed++;
            }

            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }

        using (var last = OutboundProcess.Start(args))
        {
            string output = await last.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            string error = await last.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
            await last.WaitForExitAsync(TestContext.Current.CancellationToken);
            Assert.True(last.ExitCode is 0 or 1, $"exit {last.ExitCode}: {error}{output}");
        }

        Assert.True(killed >= 1, "No run was killed mid-way; the kill points are too late for this machine.");
        var released = ReadReleased(fixture.Released, out var manifestParts);
        var partsOnDisk = Directory.EnumerateFiles(fixture.Released, "part-*").Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(manifestParts.Order(StringComparer.Ordinal), partsOnDisk);
        Assert.False(Directory.EnumerateFiles(fixture.Released, "*.tmp", SearchOption.AllDirectories).Any());

        var tripIds = released.Select(r => r.GetProperty("trip_id").GetString()!).ToList();
        Assert.Equal(tripIds.Count, tripIds.Distinct(StringComparer.Ordinal).Count());

        using var store = GatewayStores.Open(StoreLocation.Parse(fixture.Store), new GatewayStoreOptions());
        var quarantined = store.Quarantined(new QuarantineQuery(IncludeReleased: true));
        Assert.Equal(quarantined.Length, quarantined.Select(q => q.Item.Position).Distinct().Count());
        var run = Assert.Single(RunsOf(store, quarantined, fixture));
        long unreadable = run.Batches.Sum(b => b.Unreadable);
        foreach (var batch in run.Batches)
        {
            Assert.Equal(batch.Records, batch.Released + batch.Retained + batch.Unreadable);
        }

        Assert.Equal(Enumerable.Range(1, run.Batches.Length), run.Batches.Select(b => b.Batch));
        Assert.Equal(fixture.Lines, tripIds.Count + quarantined.Length + unreadable);
        Assert.Equal(tripIds.Count, run.Batches.Sum(b => b.Released));

        // The ledger counts exactly the distinct persons released: ID numbers (encrypted, deterministic) are the
        // sensitive ones, phone tokens the non-sensitive ones.
        string handler = ExportSetup.ReadDeclaration(fixture.Declaration).Declaration.Handler.Name;
        var totals = store.Totals(handler, run.Batches[^1].Year);
        long sensitive = released.Select(r => r.GetProperty("driver").GetProperty("id_number").GetString()).Distinct(StringComparer.Ordinal).LongCount();
        long nonSensitive = released.Select(r => r.GetProperty("driver").GetProperty("phone").GetString()).Distinct(StringComparer.Ordinal).LongCount();
        Assert.Equal(sensitive, totals.Sensitive);
        Assert.Equal(nonSensitive, totals.NonSensitive);

        using var signer = AuditSigner.FromPem(await File.ReadAllTextAsync(fixture.AuditKey, TestContext.Current.CancellationToken));
        var verification = AuditVerifier.Verify(store.AuditEntries(), store.AuditCheckpoints(), signer, AuditHeadFile.Read(fixture.AuditHead));
        Assert.True(verification.Intact, verification.Problem?.Message);
        Assert.Equal(run.Batches.Length + 0L, store.AuditEntries().LongCount(e => e.Kind == AuditKind.ExportBatch));
    }

    private static IEnumerable<ExportRun> RunsOf(IGatewayStore store, IEnumerable<QuarantinedRecord> quarantined, ExportFixture fixture)
    {
        var ids = quarantined.Select(q => q.Item.RunId).Distinct(StringComparer.Ordinal).ToList();
        if (ids.Count == 0)
        {
            // Nothing retained: find the run by the manifest the destination holds.
            string manifest = Directory.EnumerateFiles(fixture.Released, "manifest-*.json").Single();
            using var json = JsonDocument.Parse(File.ReadAllText(manifest));
            ids.Add(json.RootElement.GetProperty("run_id").GetString()!);
        }

        return ids.Select(id => store.FindRun(id)!);
    }

    private static List<JsonElement> ReadReleased(string directory, out List<string> parts)
    {
        string manifest = Directory.EnumerateFiles(directory, "manifest-*.json").Single();
        using var document = JsonDocument.Parse(File.ReadAllText(manifest));
        parts = [.. document.RootElement.GetProperty("parts").EnumerateArray().Select(p => p.GetProperty("file").GetString()!)];
        var records = new List<JsonElement>();
        foreach (string part in parts)
        {
            foreach (string line in File.ReadLines(Path.Combine(directory, part)))
            {
                records.Add(JsonDocument.Parse(line).RootElement.Clone());
            }
        }

        return records;
    }
}
