using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// Finding travel permit numbers in synthetic JSON lines, against a baseline regular expression that only matches their shape
/// (the permit formats) and validates nothing.
/// </summary>
public partial class HmtPermitRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new HmtPermitRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => IdentityCorpus.Build(records, seed: 42);

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[HM][0-9]{10}|[CWHMTL][0-9]{8}|C[A-HJ-NP-Z][0-9]{7}|[0-9]{8}|[0-9]{10})(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();
}
