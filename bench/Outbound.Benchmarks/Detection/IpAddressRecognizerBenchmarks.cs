using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>The IpAddressRecognizer through the scanner against a regular expression that only matches the shape: a dotted quad, without octet ranges or IPv6.</summary>
public partial class IpAddressRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new IpAddressRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => Encoding.UTF8.GetString(ContactBenchmarkText.Records(records, seed: 42, ContactBenchmarkText.IPv4, ContactBenchmarkText.Firmware));

    [GeneratedRegex(@"(?<![0-9A-Za-z.])(?:[0-9]{1,3}\.){3}[0-9]{1,3}(?![0-9A-Za-z]|\.[0-9])")]
    private static partial Regex ShapePattern();
}
