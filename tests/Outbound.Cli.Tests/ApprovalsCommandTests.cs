using System.Text.Json;

namespace Outbound.Cli.Tests;

public sealed class ApprovalsCommandTests
{
    [Fact]
    public async Task Import_SampleDeclaration_ImportsAuditsAndAnchorsTheHead()
    {
        using var folder = new StoreFolder();

        var run = await CliRunner.RunAsync("approvals", "import", StoreFolder.Sample("scc-band-filed.yaml"), "--store", folder.Store, "--audit-key", folder.KeyFile, "--actor", "compliance");

        Assert.Equal((0, $"1 approval(s) of 苏州悦享电子商务有限公司 imported into {folder.Store}; 0 already on file.\n"), (run.ExitCode, run.Output));
        Assert.Equal($"Audit head (entry 1) anchored in {folder.HeadFile}.\n", run.Error);
        using var store = folder.Open();
        var entry = Assert.Single(store.AuditEntries());
        Assert.Equal((Gateway.AuditKind.ApprovalImport, "compliance", CliRunner.Now), (entry.Kind, entry.Actor, entry.Time));
        using var body = JsonDocument.Parse(entry.Body);
        Assert.Equal("JS-SCC-2026-0318", body.RootElement.GetProperty("approvals")[0].GetProperty("filing_number").GetString());
        Assert.Equal(1, AuditHeadFile.Read(folder.HeadFile)!.Sequence);
    }

    [Fact]
    public async Task Import_Again_LeavesTheApprovalAsItIs()
    {
        using var folder = new StoreFolder();
        await CliRunner.RunAsync("approvals", "import", StoreFolder.Sample("scc-band-filed.yaml"), "--store", folder.Store, "--audit-key", folder.KeyFile);

        var run = await CliRunner.RunAsync("approvals", "import", StoreFolder.Sample("scc-band-filed.yaml"), "--store", folder.Store, "--audit-key", folder.KeyFile, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var output = JsonDocument.Parse(run.Output);
        Assert.Equal(0, output.RootElement.GetProperty("added").GetArrayLength());
        Assert.Equal("scc-2026", output.RootElement.GetProperty("unchanged")[0].GetString());
    }

    [Fact]
    public async Task Import_ChangedApprovalUnderSameId_ExitsTwoNamingIt()
    {
        using var folder = new StoreFolder();
        await CliRunner.RunAsync("approvals", "import", StoreFolder.Sample("scc-band-filed.yaml"), "--store", folder.Store);
        string changed = folder.Write("changed.yaml", File.ReadAllText(StoreFolder.Sample("scc-band-filed.yaml")).Replace("max_individuals: 400000", "max_individuals: 900000", StringComparison.Ordinal));

        var run = await CliRunner.RunAsync("approvals", "import", changed, "--store", folder.Store);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Error: The approval 'scc-2026' of 苏州悦享电子商务有限公司 is already on file with other details; nothing was imported.", run.Error, StringComparison.Ordinal);
        using var store = folder.Open();
        Assert.Equal(400_000, Assert.Single(store.Approvals("苏州悦享电子商务有限公司")).MaxIndividuals);
    }

    [Fact]
    public async Task Import_WithoutKey_ImportsAndSaysNothingIsSigned()
    {
        using var folder = new StoreFolder();

        var run = await CliRunner.RunAsync("approvals", "import", StoreFolder.Sample("scc-band-filed.yaml"), "--store", folder.Store);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal("No audit key given (--audit-key or OUTBOUND_AUDIT_KEY): the entries are chained but no checkpoint is signed.\n", run.Error);
    }

    [Fact]
    public async Task Import_BadDeclaration_ExitsTwoWithItsErrors()
    {
        using var folder = new StoreFolder();
        string bad = folder.Write("bad.yaml", "year: 2026\n");

        var run = await CliRunner.RunAsync("approvals", "import", bad, "--store", folder.Store);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("bad.yaml:", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(folder.DatabaseFile));
    }

    [Fact]
    public async Task List_Json_GivesEveryApprovalWithItsHandler()
    {
        using var folder = new StoreFolder();
        await CliRunner.RunAsync("approvals", "import", StoreFolder.Sample("scc-band-filed.yaml"), "--store", folder.Store);
        await CliRunner.RunAsync("approvals", "import", StoreFolder.Sample("assessment-band-million.yaml"), "--store", folder.Store);

        var all = await CliRunner.RunAsync("approvals", "list", "--store", folder.Store, "--format", "json");
        var one = await CliRunner.RunAsync("approvals", "list", "--store", folder.Store, "--format", "json", "--handler", "苏州悦享电子商务有限公司");

        Assert.Equal(0, all.ExitCode);
        using var allJson = JsonDocument.Parse(all.Output);
        Assert.Equal(["scc-2026", "sa-2025"], allJson.RootElement.GetProperty("approvals").EnumerateArray().Select(a => a.GetProperty("id").GetString()));
        var first = allJson.RootElement.GetProperty("approvals")[0];
        Assert.Equal(("STANDARD_CONTRACT", "2026-03-09", 400000L), (first.GetProperty("kind").GetString(), first.GetProperty("filed").GetString(), first.GetProperty("max_individuals").GetInt64()));
        using var oneJson = JsonDocument.Parse(one.Output);
        Assert.Equal(1, oneJson.RootElement.GetProperty("approvals").GetArrayLength());
    }

    [Fact]
    public async Task List_StoreMissing_ExitsTwoNamingIt()
    {
        using var folder = new StoreFolder();

        var run = await CliRunner.RunAsync("approvals", "list", "--store", folder.Store);

        Assert.Equal((2, $"Error: The SQLite store '{folder.DatabaseFile}' does not exist.\n"), (run.ExitCode, run.Error));
        Assert.False(File.Exists(folder.DatabaseFile));
    }

    [Fact]
    public async Task List_BadStore_ExitsTwo()
    {
        var run = await CliRunner.RunAsync("approvals", "list", "--store", "mysql:db");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("found the prefix 'mysql'", run.Error, StringComparison.Ordinal);
    }
}
