using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Outbound.Cli.Tests;

/// <summary>
/// Runs every bundled sample declaration through <c>outbound assess</c> and checks the outcome that
/// <c>samples/declarations/README.md</c> promises for it: each transfer's pathway and status, and the exit code.
/// </summary>
public sealed partial class SampleDeclarationTests
{
    public static TheoryData<string> Rows() => [.. ReadRows().Select(row => row.File)];

    [Fact]
    public void Readme_ListsEverySampleFile()
    {
        var listed = ReadRows().Select(row => row.File).ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(SamplesFolder())
            .Select(Path.GetFileName)
            .Where(name => name!.EndsWith(".yaml", StringComparison.Ordinal) && !name.StartsWith("group-", StringComparison.Ordinal));

        Assert.All(files, name => Assert.Contains(name!, listed));
        Assert.True(listed.Count >= 25, $"Expected the README to list at least 25 samples but found {listed.Count}.");
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Assess_Sample_MatchesTheReadme(string file)
    {
        var row = ReadRows().Single(candidate => candidate.File == file);

        var run = await CliRunner.RunAsync("assess", Path.Combine(SamplesFolder(), file), "--as-of", "2026-11-29", "--format", "json");

        Assert.True(run.Error.Length == 0, run.Error);
        Assert.Equal(row.Exit, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var transfers = json.RootElement.GetProperty("transfers").EnumerateArray()
            .ToDictionary(t => t.GetProperty("id").GetString()!, t => (Pathway: t.GetProperty("pathway").GetString(), Status: t.GetProperty("status").GetString()));
        Assert.NotEmpty(row.Expected);
        foreach (var (id, pathway, status) in row.Expected)
        {
            Assert.True(transfers.ContainsKey(id), $"{file}: no transfer '{id}'.");
            Assert.Equal((pathway, status), transfers[id]);
        }
    }

    [Fact]
    public async Task Assess_GroupSamplesTogether_FlagsSplitRisk()
    {
        string folder = SamplesFolder();

        var run = await CliRunner.RunAsync("assess", Path.Combine(folder, "group-east.yaml"), Path.Combine(folder, "group-west.yaml"), "--as-of", "2026-11-29", "--format", "json");

        using var json = JsonDocument.Parse(run.Output);
        var flags = json.RootElement.GetProperty("assessments").EnumerateArray()
            .SelectMany(assessment => assessment.GetProperty("transfers").EnumerateArray())
            .Select(transfer => transfer.GetProperty("flags").EnumerateArray().Select(flag => flag.GetString()).ToList())
            .ToList();
        Assert.Equal(2, flags.Count);
        Assert.All(flags, list => Assert.Contains("SPLIT_RISK", list));
    }

    private static string SamplesFolder([CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "samples", "declarations"));

    private static List<SampleRow> ReadRows()
    {
        var rows = new List<SampleRow>();
        foreach (string line in File.ReadLines(Path.Combine(SamplesFolder(), "README.md")))
        {
            string[] cells = line.Split('|', StringSplitOptions.TrimEntries);
            if (cells.Length < 6 || FileLink().Match(cells[1]) is not { Success: true } link)
            {
                continue;
            }

            var expected = Outcome().Matches(cells[4])
                .Select(match => (match.Groups["id"].Value, match.Groups["pathway"].Value, match.Groups["status"].Value))
                .ToList();
            rows.Add(new SampleRow(link.Groups["file"].Value, expected, int.Parse(cells[5], System.Globalization.CultureInfo.InvariantCulture)));
        }

        return rows;
    }

    [GeneratedRegex(@"^\[(?<file>[^\]]+\.yaml)\]")]
    private static partial Regex FileLink();

    [GeneratedRegex(@"`(?<id>[^`]+)`: (?<pathway>[A-Z_0-9]+), (?<status>ALLOWED|HELD|BLOCKED)")]
    private static partial Regex Outcome();

    private sealed record SampleRow(string File, List<(string Id, string Pathway, string Status)> Expected, int Exit);
}
