namespace Outbound.Cli.Tests;

public sealed class AssessCommandTests
{
    [Fact]
    public async Task Run_UnknownFormat_ExitsWithUsageErrorAndSaysWhatIsAllowed()
    {
        using var folder = new TempFolder();
        string file = folder.Write("declaration.yaml", "year: 2026\n");

        var run = await CliRunner.RunAsync("assess", file, "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("Error: --format must be text, json or markdown; got 'xml'.\n", run.Error);
        Assert.Equal("", run.Output);
    }

    [Theory]
    [InlineData("2026-13-01")]   // no thirteenth month
    [InlineData("29/11/2026")]   // not ISO
    [InlineData("2026-2-3")]     // digits missing
    public async Task Run_BadAsOf_ExitsWithUsageError(string asOf)
    {
        using var folder = new TempFolder();
        string file = folder.Write("declaration.yaml", "year: 2026\n");

        var run = await CliRunner.RunAsync("assess", file, "--as-of", asOf);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"Error: --as-of must be a date like 2026-11-29 (YYYY-MM-DD); got '{asOf}'.\n", run.Error);
    }

    [Fact]
    public async Task Run_MissingFile_ExitsWithUsageErrorNamingIt()
    {
        using var folder = new TempFolder();
        string missing = Path.Combine(folder.Path, "nope.yaml");

        var run = await CliRunner.RunAsync("assess", missing);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"Error: File '{missing}' does not exist.\n", run.Error);
    }

    [Fact]
    public async Task Run_SeveralProblems_ReportsThemAllAtOnce()
    {
        using var folder = new TempFolder();
        string first = Path.Combine(folder.Path, "a.yaml");
        string second = Path.Combine(folder.Path, "b.yaml");

        var run = await CliRunner.RunAsync("assess", first, second, "--format", "pdf", "--calendar", Path.Combine(folder.Path, "cal.csv"));

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"""
            Error: --format must be text, json or markdown; got 'pdf'.
            Error: File '{first}' does not exist.
            Error: File '{second}' does not exist.
            Error: Calendar file '{Path.Combine(folder.Path, "cal.csv")}' does not exist.

            """.ReplaceLineEndings("\n"),
            run.Error);
    }

    [Fact]
    public async Task Run_NoFile_ExitsWithUsageError()
    {
        var run = await CliRunner.RunAsync("assess");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("missing required argument 'FILE'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownOption_ExitsWithUsageError()
    {
        using var folder = new TempFolder();
        string file = folder.Write("declaration.yaml", "year: 2026\n");

        var run = await CliRunner.RunAsync("assess", file, "--bogus");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown option 'bogus'", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MalformedCalendar_ExitsWithUsageErrorNamingTheLine()
    {
        using var folder = new TempFolder();
        string file = folder.Write("declaration.yaml", "year: 2026\n");
        string calendar = folder.Write("holidays.csv", "date,kind,name\n2027-01-01,off,元旦\n2027-02-30,off,春节\n");

        var run = await CliRunner.RunAsync("assess", file, "--calendar", calendar);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"{calendar}:3: field 'date' must be a date like 2026-10-01.\n", run.Error);
    }

    [Fact]
    public async Task Help_Assess_DocumentsTheExitCodes()
    {
        var run = await CliRunner.RunAsync("assess", "--help");

        Assert.Equal(0, run.ExitCode);
        string help = string.Join(' ', run.Output.Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Exit codes: 0 every transfer is ALLOWED; 1 a transfer is HELD or BLOCKED; 2 bad input or usage", help, StringComparison.Ordinal);
        Assert.Contains("--format <FORMAT>", run.Output, StringComparison.Ordinal);
        Assert.Contains("--calendar <FILE>", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2026-11-28T15:59:59Z", "2026-11-28")]   // 23:59:59 in Shanghai
    [InlineData("2026-11-28T16:00:00Z", "2026-11-29")]   // midnight in Shanghai
    public void Today_UsesChinaStandardTime(string utc, string expected)
    {
        var now = DateTimeOffset.Parse(utc, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), ChinaStandardTime.Today(new FixedTimeProvider(now)));
    }
}
