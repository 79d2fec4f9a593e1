using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// Finding passport numbers in synthetic JSON lines, against a baseline regular expression that only matches their shape
/// (the passport formats) and validates nothing.
/// </summary>
public partial class PassportRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new PassportRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => IdentityCorpus.Build(records, seed: 42);

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[EGDSK][0-9]{8}|E[A-HJ-NP-Z][0-9]{7}|[DSP]E[0-9]{7}|1[45][0-9]{7}|[SP]\.[0-9]{7}|MA[0-9]{7})(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();
}
