using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>The VinRecognizer through the scanner against a regular expression that only matches the shape: 17 VIN characters, without the check digit.</summary>
public partial class VinRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new VinRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => Encoding.UTF8.GetString(ContactBenchmarkText.Records(records, seed: 42, ContactBenchmarkText.Vin, ContactBenchmarkText.PartNumber));

    [GeneratedRegex(@"(?<![0-9A-Za-z])[0-9A-HJ-NPR-Z]{17}(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();
}
