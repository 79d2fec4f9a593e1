using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// Finding unified social credit codes in synthetic JSON lines, against a baseline regular expression that only matches their shape
/// (18 characters of the code alphabet) and validates nothing.
/// </summary>
public partial class UsccRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new UsccRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => IdentityCorpus.Build(records, seed: 42);

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9A-HJ-NP-RTUW-Y]{18}(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();
}
