using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>The EmailRecognizer through the scanner against a regular expression that only matches the shape: the common e-mail shape, without the top-level domain table.</summary>
public partial class EmailRecognizerBenchmarks
{
    private readonly Scanner _scanner = new([new EmailRecognizer()]);
    private readonly List<Finding> _findings = new(capacity: 4096);
    private readonly ScanContext _context = new(new DateOnly(2026, 11, 29));
    private byte[] _bytes = [];
    private string _text = "";

    [Params(1_000, 100_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = ContactBenchmarkText.Records(Records, seed: 42, ContactBenchmarkText.Email, ContactBenchmarkText.Annotation);
        _text = System.Text.Encoding.UTF8.GetString(_bytes);
    }

    [Benchmark(Baseline = true)]
    public int GeneratedRegex() => ShapePattern().Count(_text);

    [Benchmark]
    public int Recognizer()
    {
        _findings.Clear();
        _scanner.Scan(_bytes, _context, _findings);
        return _findings.Count;
    }

    [GeneratedRegex(@"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}")]
    private static partial Regex ShapePattern();
}
