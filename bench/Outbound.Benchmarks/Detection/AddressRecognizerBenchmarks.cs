using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// Addresses in Chinese free text, against a baseline that only finds the shape (Chinese characters ending in a
/// road suffix and a house number): the ratio is the price of the division table and the part parsers.
/// </summary>
public partial class AddressRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new AddressRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => ChineseTextRecords.Lines(records, seed: 42);

    [GeneratedRegex("[\u4e00-\u9fff]{2,12}(?:路|街|大道|巷|弄)[0-9]{1,4}号(?:[0-9]{1,3}(?:栋|幢|单元))?(?:[0-9]{1,4}室)?")]
    private static partial Regex ShapePattern();
}
