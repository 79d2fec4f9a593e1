using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// Finding IMEIs in synthetic JSON lines, against a baseline regular expression that only matches their shape
/// (15 digits, plain or grouped 2-6-6-1) and validates nothing.
/// </summary>
public partial class ImeiRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new ImeiRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => IdentityCorpus.Build(records, seed: 42);

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[0-9]{15}|[0-9]{2}([ -])[0-9]{6}\1[0-9]{6}\1[0-9])(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();
}
