namespace Outbound.Cli.Tests;

/// <summary><c>outbound demo</c>: the whole story in its own folder, keys made once and owner-only.</summary>
public sealed class DemoCommandTests
{
    [Fact]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task The_demo_assesses_scans_exports_and_verifies_and_says_where_everything_is()
    {
        using var folder = new TempFolder();
        string dir = Path.Combine(folder.Path, "outbound-demo");

        var first = await CliRunner.RunAsync("demo", "--dir", dir, "--records", "3000", "--drivers", "300");
        var second = await CliRunner.RunAsync("demo", "--dir", dir, "--records", "3000", "--drivers", "300");

        Assert.True(first.ExitCode == 0, first.Output + first.Error);
        Assert.Contains("Created demo keys", first.Output, StringComparison.Ordinal);
        Assert.Contains("Using the demo keys already", second.Output, StringComparison.Ordinal);
        Assert.Equal(0, second.ExitCode);
        foreach (string expected in new[] { "SCC_OR_CERTIFICATION", "SCOPE_EXCEEDED", "Audit log intact", "R-PATH-4", "Headroom" })
        {
            Assert.Contains(expected, first.Output, StringComparison.Ordinal);
        }

        foreach (string key in Directory.EnumerateFiles(Path.Combine(dir, "keys")).Where(f => !f.EndsWith(".head", StringComparison.Ordinal)))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(key));
        }

        Assert.Single(Directory.EnumerateFiles(Path.Combine(dir, "released"), "manifest-*.json"));
        Assert.True(File.Exists(Path.Combine(dir, "outbound.db")));

        // Each run starts afresh: the second run's ledger counts the same persons once, not twice.
        var verify = await CliRunner.RunAsync("audit", "verify", "--store", "sqlite:" + Path.Combine(dir, "outbound.db"), "--audit-key", Path.Combine(dir, "keys", "audit-signing.pem"));
        Assert.True(verify.ExitCode == 0, verify.Output + verify.Error);
    }
}
