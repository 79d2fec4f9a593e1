namespace Outbound.Accuracy.Tests;

public sealed class AccuracyAppTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("outbound-accuracy-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Run_GenerateThenScoreGoldAgainstItself_MeetsEveryThreshold()
    {
        string gold = Path.Combine(_folder, "gold.jsonl");
        string predicted = Path.Combine(_folder, "pred.jsonl");
        Assert.Equal(0, Run("generate", "--records", "300", "--seed", "5", "--out", gold));
        File.WriteAllLines(predicted, File.ReadLines(gold).Select(line => line.Replace("\"type\":\"none\"", "\"type\":\"IGNORED\"", StringComparison.Ordinal)));

        var (code, output) = RunCapturing("score", "--gold", gold, "--predicted", predicted, "--min", "0.995", "--validated", "CN_MOBILE,VIN");

        Assert.Equal(0, code);
        Assert.Contains("CN_MOBILE        v", output, StringComparison.Ordinal);
        Assert.Contains("thresholds: all met", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_ScoreWithNoPredictions_ExitsOneAndNamesTheTypes()
    {
        string gold = Path.Combine(_folder, "gold.jsonl");
        string predicted = Path.Combine(_folder, "pred.jsonl");
        Run("generate", "--records", "50", "--out", gold);
        File.WriteAllText(predicted, "");

        var (code, output) = RunCapturing("score", "--gold", gold, "--predicted", predicted, "--min", "0.995");

        Assert.Equal(1, code);
        Assert.Contains("BELOW THRESHOLD VIN: precision 1.0000, recall 0.0000", output, StringComparison.Ordinal);
        Assert.Contains("50 without prediction", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_GenerateRawBytes_WritesTextLinesUpToTheSize()
    {
        string raw = Path.Combine(_folder, "telemetry.jsonl");

        Assert.Equal(0, Run("generate", "--bytes", "100000", "--kinds", "telemetry", "--raw", "--out", raw));

        long size = new FileInfo(raw).Length;
        Assert.InRange(size, 100_000, 101_000);
        Assert.All(File.ReadLines(raw), line => Assert.StartsWith("{\"vin\":", line, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("frobnicate")] // unknown command
    [InlineData("generate", "--out", "x.jsonl")] // neither --records nor --bytes
    [InlineData("generate", "--records", "5", "--out", "x.jsonl", "--colour", "red")] // unknown option
    [InlineData("score", "--gold", "missing.jsonl", "--predicted", "missing.jsonl")] // unreadable input
    [InlineData("score", "--gold", "a", "--predicted", "b", "--min", "1.5")] // threshold out of range
    public void Run_BadArguments_ExitsTwo(params string[] args) => Assert.Equal(2, Run(args));

    private static int Run(params string[] args) => RunCapturing(args).Code;

    private static (int Code, string Output) RunCapturing(params string[] args)
    {
        var output = new StringWriter();
        int code = AccuracyApp.Run(args, output, output);
        return (code, output.ToString());
    }
}
