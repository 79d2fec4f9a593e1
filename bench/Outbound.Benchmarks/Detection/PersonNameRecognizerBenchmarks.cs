using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// Names in Chinese free text, against a baseline that only finds the shape (a common surname and one or two more
/// characters): the ratio is the price of the tables, the context words and the stop words.
/// </summary>
public partial class PersonNameRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new PersonNameRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => ChineseTextRecords.Lines(records, seed: 42);

    [GeneratedRegex("(?:欧阳|司马|[王李张刘陈杨黄赵周吴徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤])[\u4e00-\u9fff]{1,2}")]
    private static partial Regex ShapePattern();
}
