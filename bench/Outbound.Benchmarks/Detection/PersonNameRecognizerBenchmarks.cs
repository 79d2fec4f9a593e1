using System.Text;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// Names in Chinese free text, against a baseline that only finds the shape (a common surname and one or two more
/// characters): the ratio is the price of the tables, the context words and the stop words.
/// </summary>
public partial class PersonNameRecognizerBenchmarks
{
    private readonly Scanner _scanner = new([new PersonNameRecognizer()]);
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

    [GeneratedRegex("(?:欧阳|司马|[王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤])[\u4e00-\u9fff]{1,2}")]
    private static partial Regex ShapePattern();
}
