using System.Globalization;

namespace Outbound.Accuracy;

/// <summary>Prints an <see cref="AccuracyReport"/> as plain-text tables.</summary>
public static class ReportPrinter
{
    /// <summary>Writes the tables to <paramref name="output"/>.</summary>
    /// <param name="report">The report.</param>
    /// <param name="output">Where to write.</param>
    /// <param name="title">A heading, e.g. the corpus name.</param>
    /// <param name="examples">How many error examples to print per type and kind (0 for none).</param>
    /// <param name="validated">The types judged on precision and recall (marked "v").</param>
    public static void Print(AccuracyReport report, TextWriter output, string title, int examples, IReadOnlySet<string>? validated = null)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        validated ??= Scorer.ValidatedTypes;

        output.WriteLine($"== {title}");
        output.WriteLine(Invariant($"records: {report.GoldRecords} gold, {report.PredictedRecords} predicted lines, {report.MissingPredictions} without prediction, {report.UnknownPredictedIds} unknown ids, {report.DuplicatePredictedIds} duplicate ids"));
        output.WriteLine();
        output.WriteLine(Invariant($"{"type",-16} {"",1} {"gold",7} {"pred",7} {"tp",7} {"fp",6} {"fn",6} {"precision",9} {"recall",9} {"F1",9}"));
        output.WriteLine(new string('-', 87));
        foreach (var score in report.Types)
        {
            string mark = validated.Contains(score.Type) ? "v" : Scorer.NameTypes.Contains(score.Type) ? "n" : "";
            Row(output, score, mark);
        }

        output.WriteLine(new string('-', 87));
        Row(output, report.Overall("validated", validated.Contains), "");
        Row(output, report.Overall("all", _ => true), "");
        output.WriteLine("v = validated type (precision and recall judged), n = name or address (F1 judged); GPS_COORD matched by overlap.");

        if (report.Decoys.Count > 0)
        {
            output.WriteLine();
            output.WriteLine(Invariant($"{"look-alike",-22} {"planted",8} {"flagged",8}  reported as"));
            foreach (var decoy in report.Decoys)
            {
                string types = string.Join(", ", decoy.ByType.Select(pair => Invariant($"{pair.Key} {pair.Value}")));
                output.WriteLine(Invariant($"{decoy.Kind,-22} {decoy.Planted,8} {decoy.Flagged,8}  {types}"));
            }
        }

        if (examples > 0 && report.Examples.Count > 0)
        {
            output.WriteLine();
            output.WriteLine("errors (first few per type):");
            foreach (var group in report.Examples.GroupBy(example => (example.Type, example.Kind)).OrderBy(group => group.Key.Type, StringComparer.Ordinal).ThenBy(group => group.Key.Kind))
            {
                foreach (var example in group.Take(examples))
                {
                    string kind = example.Kind == ExampleKind.FalsePositive ? "FP" : "FN";
                    output.WriteLine(Invariant($"  {kind} {example.Type,-14} {example.RecordId} [{example.Start},{example.End}) {example.Reason}: {example.Context}"));
                }
            }
        }

        output.WriteLine();
    }

    private static void Row(TextWriter output, TypeScore score, string mark) =>
        output.WriteLine(Invariant($"{score.Type,-16} {mark,1} {score.Gold,7} {score.Predicted,7} {score.MatchedGold,7} {score.FalsePositives,6} {score.FalseNegatives,6} {Ratio(score.Precision),9} {Ratio(score.Recall),9} {Ratio(score.F1),9}"));

    private static string Ratio(double? value) => value is { } v ? v.ToString("F4", CultureInfo.InvariantCulture) : "-";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
