using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>The MacAddressRecognizer through the scanner against a regular expression that only matches the shape: six hex pairs.</summary>
public partial class MacAddressRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new MacAddressRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => Encoding.UTF8.GetString(ContactBenchmarkText.Records(records, seed: 42, ContactBenchmarkText.Mac, ContactBenchmarkText.HexHash));

    [GeneratedRegex(@"(?<![0-9A-Fa-f:-])[0-9A-Fa-f]{2}(?:[:-][0-9A-Fa-f]{2}){5}(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();
}
