using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Outbound.Detection;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// One recognizer through the scanner on a deterministic synthetic corpus, against a baseline generated regular
/// expression that only matches the identifier's shape and validates nothing: the ratio is the price of validation.
/// </summary>
public abstract class RecognizerBenchmark
{
    private static readonly ScanContext Context = new(new DateOnly(2026, 11, 29));

    private readonly List<Finding> _findings = new(capacity: 4096);
    private Scanner _scanner = null!;
    private string _text = "";
    private byte[] _bytes = [];

    /// <summary>Gets or sets the number of synthetic records.</summary>
    [Params(1_000, 100_000)]
    public int Records { get; set; }

    /// <summary>Gets the baseline: a regular expression matching the shape only.</summary>
    protected abstract Regex Shape { get; }

    /// <summary>Builds the scanner and the corpus once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _scanner = new Scanner([CreateRecognizer()]);
        _text = Corpus(Records);
        _bytes = Encoding.UTF8.GetBytes(_text);
    }

    /// <summary>Counts shape matches with the baseline regular expression.</summary>
    [Benchmark(Baseline = true)]
    public int GeneratedRegex() => Shape.Count(_text);

    /// <summary>Counts validated findings with the recognizer.</summary>
    [Benchmark]
    public int Recognizer()
    {
        _findings.Clear();
        _scanner.Scan(_bytes, Context, _findings);
        return _findings.Count;
    }

    /// <summary>Returns the recognizer measured.</summary>
    protected abstract IRecognizer CreateRecognizer();

    /// <summary>Returns the corpus of <paramref name="records"/> records, from a fixed seed.</summary>
    protected abstract string Corpus(int records);
}
