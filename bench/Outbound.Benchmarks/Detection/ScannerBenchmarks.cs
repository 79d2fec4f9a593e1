using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Outbound.Detection;
using Outbound.Testing.Synthetic;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// The validated scanner over telemetry JSON lines against the unvalidated pattern set that <c>bench/throughput.sh</c>
/// gives ripgrep (<c>bench/rg-patterns.txt</c>), as one generated regular expression counting matches.
/// </summary>
/// <remarks>
/// The input is deterministic: generated telemetry records (VINs, plates, coordinates, firmware versions, hashes,
/// timestamps) from a fixed seed, one JSON object a line. The scanner is run line by line, as <c>outbound scan</c> runs it.
/// </remarks>
public partial class ScannerBenchmarks
{
    private readonly Scanner _scanner = RecognizerSets.Create(namesAndAddresses: false);
    private readonly List<Finding> _findings = new(capacity: 1024);
    private readonly ScanContext _context = new(new DateOnly(2026, 11, 29));
    private byte[] _bytes = [];
    private (int Start, int Length)[] _lines = [];
    private string _text = "";

    [Params(1_000, 20_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var builder = new StringBuilder();
        foreach (var record in new CorpusGenerator(seed: 20261129).Records(Records, RecordKinds.Telemetry))
        {
            builder.Append(record.Text).Append('\n');
        }

        _text = builder.ToString();
        _bytes = Encoding.UTF8.GetBytes(_text);
        var lines = new List<(int, int)>();
        int start = 0;
        for (int i = 0; i < _bytes.Length; i++)
        {
            if (_bytes[i] == (byte)'\n')
            {
                lines.Add((start, i - start));
                start = i + 1;
            }
        }

        _lines = [.. lines];
    }

    [Benchmark(Baseline = true)]
    public int GeneratedRegex() => PatternSet().Count(_text);

    [Benchmark]
    public int ValidatedScanner()
    {
        int count = 0;
        foreach (var (start, length) in _lines)
        {
            _findings.Clear();
            _scanner.Scan(_bytes.AsSpan(start, length), _context, _findings);
            count += _findings.Count;
        }

        return count;
    }

    // bench/rg-patterns.txt as one alternation; ripgrep's ASCII word boundary (?-u:\b) is written as look-arounds.
    [GeneratedRegex(
        """
        (?<![0-9A-Za-z_])[1-8][0-9]{5}(?:18|19|20)[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9Xx](?![0-9A-Za-z_])
        |(?<![0-9A-Za-z_])[1-8][0-9]{5}[0-9]{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12][0-9]|3[01])[0-9]{3}(?![0-9A-Za-z_])
        |(?:\+86[- ]?|(?<![0-9A-Za-z_])0086[- ]?|(?<![0-9A-Za-z_]))1[3-9][0-9](?:[- ]?[0-9]{4}){2}(?![0-9A-Za-z_])
        |(?:\(0[1-9][0-9]{1,2}\)\x20?|(?<![0-9A-Za-z_])0[1-9][0-9]{1,2}[- ]?)[2-8][0-9]{6,7}(?![0-9A-Za-z_])
        |(?<![0-9A-Za-z_])(?:62|4[0-9]|5[1-5])[0-9]{14,17}(?![0-9A-Za-z_])
        |(?<![0-9A-Za-z_])[0-9A-HJ-NPQRTUWXY]{2}[0-9]{6}[0-9A-HJ-NPQRTUWXY]{10}(?![0-9A-Za-z_])
        |(?<![0-9A-Za-z_])[A-HJ-NPR-Z0-9]{17}(?![0-9A-Za-z_])
        |(?:京|津|沪|渝|冀|豫|云|辽|黑|湘|皖|鲁|新|苏|浙|赣|鄂|桂|甘|晋|蒙|陕|吉|闽|贵|粤|青|藏|川|宁|琼)[A-HJ-NP-Z](?:·|\x20)?(?:[DF][A-HJ-NP-Z0-9][0-9]{4}|[0-9]{5}[DF]|[A-HJ-NP-Z0-9]{5}|[0-9]{4}(?:警|学|领))
        |(?<![0-9A-Za-z_])(?:[1-4][0-9]|5[0-3])\.[0-9]{4,8}(?![0-9A-Za-z_])
        |(?<![0-9A-Za-z_])(?:7[3-9]|[89][0-9]|1[0-3][0-9])\.[0-9]{4,8}(?![0-9A-Za-z_])
        |(?<![0-9A-Za-z_])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}(?![0-9A-Za-z_])
        |(?<![0-9A-Za-z_])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?![0-9A-Za-z_])
        |(?<![0-9A-Za-z_])(?:[0-9A-Fa-f]{1,4}:){7}[0-9A-Fa-f]{1,4}(?![0-9A-Za-z_])
        |(?<![0-9A-Za-z_])(?:[0-9A-Fa-f]{1,4}:){1,6}(?::[0-9A-Fa-f]{1,4}){1,6}(?![0-9A-Za-z_])
        |(?<![0-9A-Za-z_])[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}(?![0-9A-Za-z_])
        |(?<![0-9A-Za-z_])[0-9]{15}(?![0-9A-Za-z_])
        |(?<![0-9A-Za-z_])E[0-9]{8}(?![0-9A-Za-z_])
        |(?<![0-9A-Za-z_])C[0-9]{8}(?![0-9A-Za-z_])
        """,
        RegexOptions.IgnorePatternWhitespace | RegexOptions.CultureInvariant)]
    private static partial Regex PatternSet();
}
