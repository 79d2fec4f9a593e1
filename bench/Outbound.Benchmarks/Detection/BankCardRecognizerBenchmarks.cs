using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// Finding payment card numbers in synthetic JSON lines, against a baseline regular expression that only matches their shape
/// (16 to 19 digits, plain or in groups of four) and validates nothing.
/// </summary>
public partial class BankCardRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new BankCardRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => IdentityCorpus.Build(records, seed: 42);

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[2-69][0-9]{15,18}|[2-69][0-9]{3}(?:[ -][0-9]{4}){3}(?:[ -][0-9]{1,4})?)(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();
}
