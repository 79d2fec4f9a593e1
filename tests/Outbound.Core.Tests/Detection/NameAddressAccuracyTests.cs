using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

/// <summary>
/// Precision, recall and F1 of names and addresses on the hand-labelled sentences in Data/names-addresses.jsonl:
/// one JSON object per line, <c>text</c>, an optional <c>field_type</c> (the type the field's name suggests) and
/// <c>spans</c> with UTF-16 <c>start</c> and exclusive <c>end</c> and the wire <c>type</c>. A span counts only if it
/// matches exactly.
/// </summary>
public sealed class NameAddressAccuracyTests
{
    private const double TargetF1 = 0.9;

    public static TheoryData<string> Types() => ["PERSON_NAME", "ADDRESS"];

    [Theory]
    [MemberData(nameof(Types))]
    public void Scan_LabelledSentences_ReachesTargetF1(string type)
    {
        var (truePositives, falsePositives, falseNegatives) = Count(type);
        double precision = truePositives / (double)(truePositives + falsePositives);
        double recall = truePositives / (double)(truePositives + falseNegatives);
        double f1 = 2 * precision * recall / (precision + recall);

        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{type}: precision {precision:0.000}, recall {recall:0.000}, F1 {f1:0.000} ({truePositives} found, {falsePositives} wrong, {falseNegatives} missed)");
        Assert.True(f1 >= TargetF1, $"{type} F1 is {f1:0.000}, below {TargetF1}.");
    }

    [Fact]
    public void Data_EveryLine_HasSpansInsideItsText()
    {
        foreach (var record in Read())
        {
            Assert.All(record.Spans, span => Assert.InRange(span.End, span.Start + 1, record.Text.Length));
        }
    }

    private static (int TruePositives, int FalsePositives, int FalseNegatives) Count(string type)
    {
        var scanner = new Scanner([new PersonNameRecognizer(), new AddressRecognizer()]);
        int truePositives = 0, falsePositives = 0, falseNegatives = 0;
        foreach (var record in Read())
        {
            byte[] bytes = Encoding.UTF8.GetBytes(record.Text);
            var findings = new List<Finding>();
            scanner.Scan(bytes, new ScanContext(TextScans.ReferenceDate, record.FieldType), findings);
            var found = findings
                .Where(finding => IdentifierCatalog.WireName(finding.Type) == type)
                .Select(finding => ToUtf16(bytes, finding))
                .ToHashSet();
            var expected = record.Spans.Where(span => span.Type == type).Select(span => (span.Start, span.End)).ToHashSet();
            truePositives += found.Count(expected.Contains);
            falsePositives += found.Count(span => !expected.Contains(span));
            falseNegatives += expected.Count(span => !found.Contains(span));
        }

        return (truePositives, falsePositives, falseNegatives);
    }

    private static (int Start, int End) ToUtf16(byte[] bytes, Finding finding)
    {
        int start = Encoding.UTF8.GetCharCount(bytes, 0, finding.Start);
        return (start, start + Encoding.UTF8.GetCharCount(bytes, finding.Start, finding.Length));
    }

    private static IEnumerable<LabelledText> Read([CallerFilePath] string thisFile = "")
    {
        string path = Path.Combine(Path.GetDirectoryName(thisFile)!, "Data", "names-addresses.jsonl");
        foreach (string line in File.ReadLines(path))
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            IdentifierType? fieldType = root.TryGetProperty("field_type", out var field) && IdentifierCatalog.TryParse(field.GetString()!, out var parsed)
                ? parsed
                : null;
            var spans = root.GetProperty("spans").EnumerateArray()
                .Select(span => new LabelledSpan(span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32(), span.GetProperty("type").GetString()!))
                .ToList();
            yield return new LabelledText(root.GetProperty("text").GetString()!, fieldType, spans);
        }
    }

    private sealed record LabelledText(string Text, IdentifierType? FieldType, IReadOnlyList<LabelledSpan> Spans);

    private sealed record LabelledSpan(int Start, int End, string Type);
}
