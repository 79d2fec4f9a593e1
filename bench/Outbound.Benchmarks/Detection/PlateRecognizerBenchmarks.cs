using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>The PlateRecognizer through the scanner against a regular expression that only matches the shape: a province, a letter and five or six serial characters.</summary>
public partial class PlateRecognizerBenchmarks
{
    private readonly Scanner _scanner = new([new PlateRecognizer()]);
    private readonly Scanner _leadByteScanner = new([new LeadBytePlateRecognizer()]);
    private readonly List<Finding> _findings = new(capacity: 4096);
    private readonly ScanContext _context = new(new DateOnly(2026, 11, 29));
    private byte[] _bytes = [];
    private string _text = "";

    [Params(1_000, 100_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bytes = ContactBenchmarkText.Records(Records, seed: 42, ContactBenchmarkText.Plate, ContactBenchmarkText.PlateLike);
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

    /// <summary>The alternative design: trigger on the UTF-8 lead bytes of the province characters (0xE4–0xE9).</summary>
    [Benchmark]
    public int RecognizerOnLeadBytes()
    {
        _findings.Clear();
        _leadByteScanner.Scan(_bytes, _context, _findings);
        return _findings.Count;
    }

    [GeneratedRegex(@"[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-Z]·?[0-9A-HJ-NP-Z]{5,6}(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();

    /// <summary>Offers the plate recognizer every position of a province character instead of the letter after it.</summary>
    private sealed class LeadBytePlateRecognizer : IRecognizer
    {
        private static readonly System.Buffers.SearchValues<byte> LeadBytes = System.Buffers.SearchValues.Create([0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9]);
        private readonly PlateRecognizer _inner = new();

        public IdentifierType Type => IdentifierType.CnPlate;

        public System.Buffers.SearchValues<byte> Triggers => LeadBytes;

        public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
        {
            finding = default;
            return position + 3 < text.Length && PlateRules.IsProvinceAt(text, position) && _inner.TryMatch(text, position + 3, context, out finding);
        }
    }
}
