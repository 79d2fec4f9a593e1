using System.Text;

namespace Outbound.Cli.Tests;

public sealed class ScanSpillTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // More distinct persons than are held in memory, and no temporary folder to spill them to: a clear error naming the
    // folder and what to do, exit 2, and no stack trace.
    [Fact]
    public async Task Scan_ManyPersonsAndNoTemporaryFolder_FailsWithAClearError()
    {
        var lines = new StringBuilder();
        for (int i = 0; i < 270_000; i++)
        {
            lines.Append("{\"phone\":\"139").Append((10_000_000 + i).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\"}\n");
        }

        string input = _folder.Write("phones.jsonl", lines.ToString());
        string missing = Path.Combine(_folder.Path, "no-such-folder");

        using var process = OutboundProcess.Start(["scan", "--validated-only", "--format", "json", input], new Dictionary<string, string> { ["TMPDIR"] = missing });
        var token = TestContext.Current.CancellationToken;
        var output = process.StandardOutput.ReadToEndAsync(token);
        string error = await process.StandardError.ReadToEndAsync(token);
        await process.WaitForExitAsync(token);
        await output;

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("distinct persons needs room for temporary files", error, StringComparison.Ordinal);
        Assert.Contains(missing, error, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Outbound.", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(missing));
    }
}
