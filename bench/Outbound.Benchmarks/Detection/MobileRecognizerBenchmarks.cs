using System.Text;
using System.Text.RegularExpressions;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Benchmarks.Detection;

/// <summary>The MobileRecognizer through the scanner against a regular expression that only matches the shape: 11 digits starting 1[3-9], optional +86, without segment tables.</summary>
public partial class MobileRecognizerBenchmarks : RecognizerBenchmark
{
    /// <inheritdoc/>
    protected override Regex Shape => ShapePattern();

    /// <inheritdoc/>
    protected override IRecognizer CreateRecognizer() => new MobileRecognizer();

    /// <inheritdoc/>
    protected override string Corpus(int records) => Encoding.UTF8.GetString(ContactBenchmarkText.Records(records, seed: 42, ContactBenchmarkText.Mobile, random => random.Next(2) == 0 ? ContactBenchmarkText.UnallocatedMobile(random) : ContactBenchmarkText.EpochMilliseconds(random)));

    [GeneratedRegex(@"(?<![0-9A-Za-z])(?:\+86[ -]?)?1[3-9][0-9](?:[ -]?[0-9]{4}){2}(?![0-9A-Za-z])")]
    private static partial Regex ShapePattern();
}
