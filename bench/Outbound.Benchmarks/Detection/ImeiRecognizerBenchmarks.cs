using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// Finding IMEIs in synthetic JSON lines, against a baseline regular expression that only matches their shape
/// (15 digits, plain or grouped 2-6-6-1) and validates nothing.
/// </summary>
public partial class ImeiRecognizerBenchmarks
{
    private static readonly ScanContext Context = new(new DateOnly(2026, 11, 29));

    private readonly Scanner _scanner = new([new ImeiRecognizer()]);
    private readonly List<Finding> _findings = new(capacity: 4096);
    private string _text = "";
    private byte[] _bytes = [];

    [Params(1_000, 100_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = IdentityCorpus.Build(Records, seed: 42);
        _bytes = Encoding.UTF8.GetBytes(_text);
    }

    [Benchmark(Baseline = true)]
    public int GeneratedRegex() => ShapePattern().Count(_text);

    [Benchmark]
    public int Recognizer()
    {
        _findings.Clear();
        _scanner.Scan(_bytes, Context, _findings);
        return _findings.Count;
    }

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[0-9]{15}|[0-9]{2}([ -])[0-9]{6}\1[0-9]{6}\1[0-9])(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();
}
