using System.Globalization;
using System.Text.Json;

namespace Outbound.Cli.Tests;

/// <summary>Runs <c>outbound assess</c> on declaration files, through the real reader and assessor.</summary>
public sealed class AssessCommandEndToEndTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Json_60000CustomersContacts_IsDeMinimisAndExitsZero()
    {
        string file = _folder.Write("crm.yaml", Declaration(60_000));

        var run = await CliRunner.RunAsync("assess", file, "--format", "json");

        Assert.Equal("", run.Error);
        Assert.Equal(0, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var transfer = Assert.Single(json.RootElement.GetProperty("transfers").EnumerateArray());
        Assert.Equal("EXEMPT_DE_MINIMIS", transfer.GetProperty("pathway").GetString());
        Assert.Equal("ALLOWED", transfer.GetProperty("status").GetString());
        Assert.Equal(60_000, transfer.GetProperty("counted").GetProperty("non_sensitive").GetInt64());
    }

    [Fact]
    public async Task Json_150000CustomersWithoutApprovals_NeedsContractAndExitsOne()
    {
        string file = _folder.Write("crm.yaml", Declaration(150_000));

        var run = await CliRunner.RunAsync("assess", file, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var transfer = Assert.Single(json.RootElement.GetProperty("transfers").EnumerateArray());
        Assert.Equal("SCC_OR_CERTIFICATION", transfer.GetProperty("pathway").GetString());
        Assert.Equal("HELD", transfer.GetProperty("status").GetString());
        Assert.Contains(
            "PATHWAY_REQUIRED",
            transfer.GetProperty("obligations").EnumerateArray().Select(obligation => obligation.GetProperty("kind").GetString()));
    }

    [Fact]
    public async Task Json_NoAsOf_UsesTodayInChinaStandardTime()
    {
        string file = _folder.Write("crm.yaml", Declaration(60_000));

        var run = await CliRunner.RunAsync("assess", file, "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("2026-11-29", json.RootElement.GetProperty("as_of").GetString());
    }

    [Fact]
    public async Task Json_AsOf_IsEchoed()
    {
        string file = _folder.Write("crm.yaml", Declaration(60_000));

        var run = await CliRunner.RunAsync("assess", file, "--format", "json", "--as-of", "2026-06-30");

        using var json = JsonDocument.Parse(run.Output);
        Assert.Equal("2026-06-30", json.RootElement.GetProperty("as_of").GetString());
    }

    [Fact]
    public async Task Json_SeveralFiles_ListsOneAssessmentEach()
    {
        string first = _folder.Write("small.yaml", Declaration(60_000));
        string second = _folder.Write("large.yaml", Declaration(150_000));

        var run = await CliRunner.RunAsync("assess", first, second, "--format", "json");

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var assessments = json.RootElement.GetProperty("assessments");
        Assert.Equal(2, assessments.GetArrayLength());
    }

    [Fact]
    public async Task Text_60000CustomersContacts_ShowsPathwayReasonAndHeadroom()
    {
        string file = _folder.Write("crm.yaml", Declaration(60_000));

        var run = await CliRunner.RunAsync("assess", file);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("EXEMPT_DE_MINIMIS", run.Output, StringComparison.Ordinal);
        Assert.Contains("R-PATH-5", run.Output, StringComparison.Ordinal);
        Assert.Contains("Headroom: 40,000 more persons", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Markdown_150000Customers_IsABilingualMemo()
    {
        string file = _folder.Write("crm.yaml", Declaration(150_000));

        var run = await CliRunner.RunAsync("assess", file, "--format", "markdown");

        Assert.Equal(1, run.ExitCode);
        Assert.StartsWith("# 数据出境评估备忘录 / Data Export Assessment Memo", run.Output, StringComparison.Ordinal);
        Assert.Contains("标准合同备案或个人信息保护认证", run.Output, StringComparison.Ordinal);
        Assert.Contains("暂缓", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_CalendarForTheNextYear_IsAccepted()
    {
        string file = _folder.Write("crm.yaml", Declaration(60_000));
        string calendar = _folder.Write("holidays-2027.csv", "date,kind,name\n2027-01-01,off,元旦\n");

        var run = await CliRunner.RunAsync("assess", file, "--calendar", calendar, "--format", "json");

        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public async Task Run_SchemaErrorsInTwoFiles_PrintsEveryErrorWithPositionAndExitsTwo()
    {
        string first = _folder.Write("no-handler.yaml", "year: 2026\ntransfers: []\n");
        string second = _folder.Write("overlap.yaml", Declaration(100).Replace("individuals: 100", "individuals: 100\n        overlap: 200", StringComparison.Ordinal));

        var run = await CliRunner.RunAsync("assess", first, second);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        string[] lines = run.Error.TrimEnd('\n').Split('\n');
        Assert.Contains(lines, line => line.StartsWith(first + ":", StringComparison.Ordinal) && line.Contains(": handler: ", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.StartsWith(second + ":", StringComparison.Ordinal) && line.Contains(": transfers[0].items[0].overlap: ", StringComparison.Ordinal));
        Assert.All(lines, line => Assert.Matches(@"^.+:\d+:\d+: [^:]+: .+$", line));
    }

    private static string Declaration(int individuals) => string.Create(CultureInfo.InvariantCulture, $"""
        year: 2026
        handler:
          name: 示例科技（上海）有限公司
        transfers:
          - id: crm-q1
            date: 2026-01-15
            recipient: {"{"}name: ACME GmbH, country: DE{"}"}
            purpose: group CRM
            items:
              - category: contact
                subjects: customers
                individuals: {individuals}

        """);
}
