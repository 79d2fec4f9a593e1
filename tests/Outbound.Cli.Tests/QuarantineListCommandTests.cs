using System.Text.Json;
using Outbound.Gateway;

namespace Outbound.Cli.Tests;

public sealed class QuarantineListCommandTests
{
    [Fact]
    public async Task List_Json_MetadataOnlyFilteredByRunAndReason()
    {
        using var folder = Seeded();

        var all = await CliRunner.RunAsync("quarantine", "list", "--store", folder.Store, "--format", "json", "--all");
        var scope = await CliRunner.RunAsync("quarantine", "list", "--store", folder.Store, "--format", "json", "--reason", "scope_exceeded", "--all");
        var runB = await CliRunner.RunAsync("quarantine", "list", "--store", folder.Store, "--format", "json", "--run", "run-b");

        Assert.Equal((0, 0, 0), (all.ExitCode, scope.ExitCode, runB.ExitCode));
        Assert.Equal([1L, 2L, 3L], Positions(all));
        Assert.Equal([1L], Positions(scope));
        Assert.Equal([3L], Positions(runB));
        using var json = JsonDocument.Parse(all.Output);
        var first = json.RootElement.GetProperty("records")[0];
        Assert.Equal(("SCOPE_EXCEEDED", "R-BLK-5", 5), (first.GetProperty("reason").GetString(), first.GetProperty("rule_id").GetString(), first.GetProperty("sealed_bytes").GetInt32()));
        Assert.False(first.TryGetProperty("sealed", out _));
    }

    [Fact]
    public async Task List_Text_HidesReleasedUnlessAll()
    {
        using var folder = Seeded();

        var run = await CliRunner.RunAsync("quarantine", "list", "--store", folder.Store);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("K_ANONYMITY", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("SCOPE_EXCEEDED", run.Output, StringComparison.Ordinal);
        Assert.EndsWith("2 retained record(s); they stay sealed.\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_UnknownReason_ExitsTwoListingTheReasons()
    {
        using var folder = Seeded();

        var run = await CliRunner.RunAsync("quarantine", "list", "--store", folder.Store, "--reason", "LOST");

        Assert.Equal((2, "Error: --reason must be PATHWAY_NOT_IN_PLACE, BLOCKED, SCOPE_EXCEEDED, K_ANONYMITY or POLICY; got 'LOST'.\n"), (run.ExitCode, run.Error));
    }

    private static StoreFolder Seeded()
    {
        var folder = new StoreFolder();
        using var store = folder.Open();
        using (var transaction = store.Begin("h", 2026))
        {
            transaction.Quarantine(
            [
                new QuarantineItem("run-a", 1, 1, RetainReason.ScopeExceeded, "R-BLK-5", "The record carries health data, which the approval does not cover.", new byte[] { 1, 2, 3, 4, 5 }, "qk"),
                new QuarantineItem("run-a", 1, 2, RetainReason.KAnonymity, null, "The record's class has 2 members; the policy asks for 5.", new byte[] { 6 }, "qk"),
                new QuarantineItem("run-b", 1, 3, RetainReason.Policy, null, "The policy retains vehicle images.", new byte[] { 7 }, "qk"),
            ]);
            transaction.Commit();
        }

        using (var transaction = store.Begin("h", 2026))
        {
            transaction.MarkReleased([store.Quarantined(new QuarantineQuery())[0].Id], CliRunner.Now);
            transaction.Commit();
        }

        return folder;
    }

    private static List<long> Positions(CliRun run)
    {
        using var json = JsonDocument.Parse(run.Output);
        return [.. json.RootElement.GetProperty("records").EnumerateArray().Select(r => r.GetProperty("position").GetInt64())];
    }
}
