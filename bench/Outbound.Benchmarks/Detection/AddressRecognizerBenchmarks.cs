using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// Addresses in Chinese free text, against a baseline that only finds the shape (Chinese characters ending in a
/// road suffix and a house number): the ratio is the price of the division table and the part parsers.
/// </summary>
public partial class AddressRecognizerBenchmarks
{
    private readonly Scanner _scanner = new([new AddressRecognizer()]);
    private readonly List<Finding> _findings = new(capacity: 1 << 16);
    private string _text = "";
    private byte[] _utf8 = [];

    [Params(1_000, 100_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _text = ChineseTextRecords.Lines(Records, seed: 42);
        _utf8 = Encoding.UTF8.GetBytes(_text);
    }

    [Benchmark(Baseline = true)]
    public int GeneratedRegex() => ShapePattern().Count(_text);

    [Benchmark]
    public int Recognizer()
    {
        _findings.Clear();
        _scanner.Scan(_utf8, new ScanContext(new DateOnly(2026, 11, 29)), _findings);
        return _findings.Count;
    }

    [GeneratedRegex("[\u4e00-\u9fff]{2,12}(?:路|街|大道|巷|弄)[0-9]{1,4}号(?:[0-9]{1,3}(?:栋|幢|单元))?(?:[0-9]{1,4}室)?")]
    private static partial Regex ShapePattern();
}
