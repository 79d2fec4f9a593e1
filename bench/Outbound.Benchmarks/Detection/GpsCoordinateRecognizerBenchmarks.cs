using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>The GpsCoordinateRecognizer through the scanner against a regular expression that only matches the shape: two decimals with three or more places, without ranges or the boundary.</summary>
public partial class GpsCoordinateRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new GpsCoordinateRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => Encoding.UTF8.GetString(ContactBenchmarkText.Records(records, seed: 42, ContactBenchmarkText.Coordinate, ContactBenchmarkText.SeoulOrTokyo));

    [GeneratedRegex(@"(?<![0-9A-Za-z.])[0-9]{1,3}\.[0-9]{3,}, ?[0-9]{1,3}\.[0-9]{3,}(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();
}
