using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>The LandlineRecognizer through the scanner against a regular expression that only matches the shape: an area-code shape and 7–8 digits, without the area-code table.</summary>
public partial class LandlineRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new LandlineRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => Encoding.UTF8.GetString(ContactBenchmarkText.Records(records, seed: 42, ContactBenchmarkText.Landline, ContactBenchmarkText.UnknownAreaCode));

    [GeneratedRegex(@"(?<![0-9A-Za-z])0[1-9][0-9]{1,2}[- ]?[2-9][0-9]{6,7}(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();
}
