using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>The MobileRecognizer through the scanner against a regular expression that only matches the shape: 11 digits starting 1[3-9], optional +86, without segment tables.</summary>
public partial class MobileRecognizerBenchmarks
{
    private readonly Scanner _scanner = new([new MobileRecognizer()]);
    private readonly List<Finding> _findings = new(capacity: 4096);
    private readonly ScanContext _context = new(new DateOnly(2026, 11, 29));
    private byte[] _bytes = [];
    private string _text = "";

    [Params(1_000, 100_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = ContactBenchmarkText.Records(Records, seed: 42, ContactBenchmarkText.Mobile, random => random.Next(2) == 0 ? ContactBenchmarkText.UnallocatedMobile(random) : ContactBenchmarkText.EpochMilliseconds(random));
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

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\+86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();
}
