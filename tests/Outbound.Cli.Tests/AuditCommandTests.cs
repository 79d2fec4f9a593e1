using System.Text.Json;
using Outbound.Gateway;

namespace Outbound.Cli.Tests;

public sealed class AuditCommandTests
{
    [Fact]
    public async Task Verify_UntouchedLog_ExitsZeroNamingKeyAndAnchor()
    {
        using var folder = await Imported(2);

        var run = await CliRunner.RunAsync("audit", "verify", "--store", folder.Store, "--audit-key", folder.KeyFile);

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            $"The audit log of {folder.Store} is intact: 2 entries.\n" +
            $"2 checkpoint(s), through entry 2, signed by audit key {folder.Signer.KeyId}.\n" +
            $"The head anchored in {folder.HeadFile} (entry 2) is in the log.\n",
            run.Output);
        Assert.Equal("", run.Error);
    }

    [Fact]
    public async Task Verify_PublicKeyOnly_ChecksSignatures()
    {
        using var folder = await Imported(2);

        var run = await CliRunner.RunAsync("audit", "verify", "--store", folder.Store, "--public-key", folder.PublicKeyFile, "--audit-head", folder.HeadFile, "--format", "json");

        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.True(json.RootElement.GetProperty("signatures_checked").GetBoolean());
        Assert.Equal(2, json.RootElement.GetProperty("anchor_sequence").GetInt64());
    }

    [Fact]
    public async Task Verify_BodyEditedPastTheTrigger_ExitsOneNamingTheEntry()
    {
        using var folder = await Imported(3);
        folder.Execute("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET body = '{}' WHERE sequence = 2");

        var run = await CliRunner.RunAsync("audit", "verify", "--store", folder.Store, "--audit-key", folder.KeyFile);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"The audit log of {folder.Store} has been tampered with.\n" +
            "Entry 2 does not match its hash: its content (kind, actor, time or body) was changed after it was written.\n",
            run.Output);
    }

    [Fact]
    public async Task Verify_TailRemovedWithItsCheckpoints_ExitsOneThroughTheAnchor()
    {
        using var folder = await Imported(3);
        folder.Execute("DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_checkpoint_no_delete; DELETE FROM audit_log WHERE sequence = 3; DELETE FROM audit_checkpoint WHERE sequence = 3");

        var run = await CliRunner.RunAsync("audit", "verify", "--store", folder.Store, "--audit-key", folder.KeyFile, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var problem = json.RootElement.GetProperty("problem");
        Assert.Equal((3L, "ANCHOR_BEYOND_LOG"), (problem.GetProperty("sequence").GetInt64(), problem.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Verify_CheckpointsResignedWithAnotherKey_ExitsOne()
    {
        using var folder = await Imported(2);
        using var mallory = AuditSigner.Create();
        string malloryKey = folder.Write("mallory.pem", mallory.ExportPrivateKeyPem());
        StoreFolder.SetMode(malloryKey, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        folder.Execute("DROP TRIGGER audit_checkpoint_no_delete; DELETE FROM audit_checkpoint");

        // Mallory appends with her own key; the company's public key does not accept her checkpoints
        await CliRunner.RunAsync("approvals", "import", StoreFolder.Sample("certificate-renewal.yaml"), "--store", folder.Store, "--audit-key", malloryKey);
        var run = await CliRunner.RunAsync("audit", "verify", "--store", folder.Store, "--public-key", folder.PublicKeyFile);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains($"Checkpoint 3 was signed by key {mallory.KeyId}, not by the audit key given ({folder.Signer.KeyId}).", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_KeyFileReadableByOthers_ExitsTwoSayingChmod()
    {
        using var folder = await Imported(1);
        StoreFolder.SetMode(folder.KeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        var run = await CliRunner.RunAsync("audit", "verify", "--store", folder.Store, "--audit-key", folder.KeyFile);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"Error: The audit key file '{folder.KeyFile}' may be read or written by other users (mode 0644); the signing key must be its owner's alone. Run: chmod 600 {folder.KeyFile}\n",
            run.Error);
    }

    [Fact]
    public async Task Export_ThenVerifyBundle_IntactOffline()
    {
        using var folder = await Imported(3);
        string bundle = Path.Combine(folder.Path, "evidence");

        var export = await CliRunner.RunAsync("audit", "export", bundle, "--store", folder.Store, "--audit-key", folder.KeyFile);
        File.Delete(folder.DatabaseFile); // offline: the database is not needed any more
        var verify = await CliRunner.RunAsync("audit", "verify", "--bundle", bundle, "--public-key", folder.PublicKeyFile);

        Assert.Equal((0, $"Wrote 3 entries and 3 checkpoints to {bundle}; VERIFY.md there says how to check them by hand.\n"), (export.ExitCode, export.Output));
        Assert.Equal(
            ["MANIFEST.sha256", "VERIFY.md", "audit-public-key.pem", "checkpoints.jsonl", "entries.jsonl", "head.json"],
            Directory.EnumerateFiles(bundle).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal(0, verify.ExitCode);
        Assert.StartsWith($"The audit log of {bundle} is intact: 3 entries.\n", verify.Output, StringComparison.Ordinal);
        Assert.Contains("sha256sum -c MANIFEST.sha256", File.ReadAllText(Path.Combine(bundle, "VERIFY.md")), StringComparison.Ordinal);
        Assert.Contains("手工核验", File.ReadAllText(Path.Combine(bundle, "VERIFY.md")), StringComparison.Ordinal);
    }

    [Fact]
    public async Task VerifyBundle_LineEdited_ExitsOneNamingFileAndEntry()
    {
        using var folder = await Imported(3);
        string bundle = Path.Combine(folder.Path, "evidence");
        await CliRunner.RunAsync("audit", "export", bundle, "--store", folder.Store, "--audit-key", folder.KeyFile);
        string entries = Path.Combine(bundle, "entries.jsonl");
        string[] lines = File.ReadAllLines(entries);
        lines[1] = lines[1].Replace("\"actor\":\"compliance\"", "\"actor\":\"someone else\"", StringComparison.Ordinal);
        File.WriteAllLines(entries, lines);

        var run = await CliRunner.RunAsync("audit", "verify", "--bundle", bundle);

        Assert.Equal(1, run.ExitCode);
        Assert.Equal(
            $"The audit log of {bundle} has been tampered with.\n" +
            "entries.jsonl differs from its SHA-256 in MANIFEST.sha256: it was changed after the export.\n" +
            "Entry 2 does not match its hash: its content (kind, actor, time or body) was changed after it was written.\n",
            run.Output);
    }

    [Fact]
    public async Task VerifyBundle_LineEditedAndManifestRedone_StillCaughtByTheChain()
    {
        using var folder = await Imported(3);
        string bundle = Path.Combine(folder.Path, "evidence");
        await CliRunner.RunAsync("audit", "export", bundle, "--store", folder.Store, "--audit-key", folder.KeyFile);
        string entries = Path.Combine(bundle, "entries.jsonl");
        File.WriteAllText(entries, File.ReadAllText(entries).Replace("\"actor\":\"compliance\"", "\"actor\":\"auditor\"", StringComparison.Ordinal));
        string manifest = Path.Combine(bundle, "MANIFEST.sha256");
        File.WriteAllLines(manifest, File.ReadAllLines(manifest).Select(line => line.EndsWith("  entries.jsonl", StringComparison.Ordinal)
            ? GatewayDigest.Sha256Hex(File.ReadAllBytes(entries)) + "  entries.jsonl"
            : line));

        var run = await CliRunner.RunAsync("audit", "verify", "--bundle", bundle, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal(0, json.RootElement.GetProperty("manifest_problems").GetArrayLength());
        Assert.Equal("HASH_MISMATCH", json.RootElement.GetProperty("problem").GetProperty("kind").GetString());
        Assert.Equal(1, json.RootElement.GetProperty("problem").GetProperty("sequence").GetInt64());
    }

    [Fact]
    public async Task Export_IntoFolderWithFiles_ExitsTwo()
    {
        using var folder = await Imported(1);

        var run = await CliRunner.RunAsync("audit", "export", folder.Path, "--store", folder.Store);

        Assert.Equal((2, $"Error: The folder '{folder.Path}' is not empty; give an empty or new folder for the bundle.\n"), (run.ExitCode, run.Error));
    }

    /// <summary>A store with <paramref name="imports"/> audited, signed approval imports by "compliance".</summary>
    private static async Task<StoreFolder> Imported(int imports)
    {
        string[] samples = ["scc-band-filed.yaml", "assessment-band-million.yaml", "certificate-renewal.yaml"];
        var folder = new StoreFolder();
        foreach (string sample in samples.Take(imports))
        {
            var run = await CliRunner.RunAsync("approvals", "import", StoreFolder.Sample(sample), "--store", folder.Store, "--audit-key", folder.KeyFile, "--actor", "compliance");
            Assert.Equal(0, run.ExitCode);
        }

        return folder;
    }
}
