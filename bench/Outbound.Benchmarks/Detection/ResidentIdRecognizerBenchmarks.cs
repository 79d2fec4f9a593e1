using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// Finding citizen identity numbers in synthetic JSON lines, against a baseline regular expression that only matches their shape
/// (18 characters, 17 digits and a check character, or 15 digits) and validates nothing.
/// </summary>
public partial class ResidentIdRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new ResidentIdRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => IdentityCorpus.Build(records, seed: 42);

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:[1-8][0-9]{16}[0-9Xx]|[1-8][0-9]{14})(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();
}
