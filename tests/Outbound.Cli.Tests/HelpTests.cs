namespace Outbound.Cli.Tests;

// Every command's help is rendered from its options' descriptions, which the console reads as markup: a bracket in one
// must not stop the help from printing.
public sealed class HelpTests
{
    [Theory]
    [InlineData("assess")]
    [InlineData("scan")]
    [InlineData("export")]
    [InlineData("approvals", "import")]
    [InlineData("approvals", "list")]
    [InlineData("quarantine", "list")]
    [InlineData("quarantine", "release")]
    [InlineData("audit", "verify")]
    [InlineData("audit", "export")]
    [InlineData("demo")]
    public async Task Help_EveryCommand_PrintsItsOptions(params string[] command)
    {
        var run = await CliRunner.RunAsync([.. command, "--help"]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("OPTIONS:", run.Output, StringComparison.Ordinal);
        Assert.Contains($"outbound {string.Join(' ', command)}", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_Scan_ShowsTheSpansLineWithItsBrackets()
    {
        var run = await CliRunner.RunAsync("scan", "--help");

        string help = string.Join(' ', run.Output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("\"spans\": [{\"start\", \"end\", \"type\", \"score\"}]}", help, StringComparison.Ordinal);
    }
}
