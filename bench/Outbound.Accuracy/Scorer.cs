using System.Collections.Frozen;

namespace Outbound.Accuracy;

/// <summary>
/// Scores predicted spans against gold spans. A prediction is right when its start, end and type equal a gold
/// span's; for <c>GPS_COORD</c> it is right when it overlaps a gold span of that type, so one span over a pair and
/// one span per number both score (bench/ACCURACY.md).
/// </summary>
public static class Scorer
{
    /// <summary>The types the issue calls validated: precision and recall must each reach the threshold.</summary>
    public static FrozenSet<string> ValidatedTypes { get; } = FrozenSet.Create(StringComparer.Ordinal,
        "CN_RESIDENT_ID", "CN_USCC", "BANK_CARD", "VIN", "CN_MOBILE", "CN_LANDLINE", "CN_PLATE", "EMAIL", "IP_ADDRESS", "GPS_COORD");

    /// <summary>The types judged by F1 against a lower threshold: names and addresses.</summary>
    public static FrozenSet<string> NameTypes { get; } = FrozenSet.Create(StringComparer.Ordinal, "PERSON_NAME", "ADDRESS");

    /// <summary>The types matched by overlap instead of exact bounds.</summary>
    public static FrozenSet<string> OverlapTypes { get; } = FrozenSet.Create(StringComparer.Ordinal, "GPS_COORD");

    /// <summary>Scores <paramref name="predicted"/> against <paramref name="gold"/>.</summary>
    /// <param name="gold">The labelled records.</param>
    /// <param name="predicted">The tool's output, matched to gold records by id (or, failing that, by a numeric id taken as a 0-based line number).</param>
    /// <param name="examplesPerType">How many false positives and false negatives to keep as examples per type.</param>
    public static AccuracyReport Score(IReadOnlyList<GoldRecord> gold, IReadOnlyList<PredictedRecord> predicted, int examplesPerType = 20)
    {
        ArgumentNullException.ThrowIfNull(gold);
        ArgumentNullException.ThrowIfNull(predicted);
        var report = new AccuracyReport(examplesPerType) { GoldRecords = gold.Count, PredictedRecords = predicted.Count };

        var byId = new Dictionary<string, int>(gold.Count, StringComparer.Ordinal);
        for (int i = 0; i < gold.Count; i++)
        {
            if (!byId.TryAdd(gold[i].Id, i))
            {
                report.DuplicateGoldIds++;
            }
        }

        var spansByRecord = new List<PredictedSpan>?[gold.Count];
        foreach (var record in predicted)
        {
            if (!byId.TryGetValue(record.Id, out int index)
                && !(record.IdIsNumber && int.TryParse(record.Id, out index) && index >= 0 && index < gold.Count))
            {
                report.UnknownPredictedIds++;
                continue;
            }

            if (spansByRecord[index] is { } existing)
            {
                report.DuplicatePredictedIds++;
                existing.AddRange(record.Spans);
            }
            else
            {
                spansByRecord[index] = [.. record.Spans];
            }
        }

        for (int i = 0; i < gold.Count; i++)
        {
            if (spansByRecord[i] is null)
            {
                report.MissingPredictions++;
            }

            ScoreRecord(report, gold[i], spansByRecord[i] ?? []);
        }

        return report;
    }

    private static void ScoreRecord(AccuracyReport report, GoldRecord gold, List<PredictedSpan> predicted)
    {
        var positives = gold.Spans.Where(span => !span.IsLookAlike).ToList();
        var lookAlikes = gold.Spans.Where(span => span.IsLookAlike).ToList();
        bool[] found = new bool[positives.Count];
        bool[] flagged = new bool[lookAlikes.Count];

        foreach (var span in predicted.Distinct())
        {
            var score = report.For(span.Type);
            score.Predicted++;
            bool right = false;
            if (OverlapTypes.Contains(span.Type))
            {
                for (int g = 0; g < positives.Count; g++)
                {
                    if (positives[g].Type == span.Type && Overlaps(positives[g], span))
                    {
                        found[g] = true;
                        right = true;
                    }
                }
            }
            else
            {
                for (int g = 0; g < positives.Count; g++)
                {
                    var candidate = positives[g];
                    if (!found[g] && candidate.Start == span.Start && candidate.End == span.End && candidate.Type == span.Type)
                    {
                        found[g] = true;
                        right = true;
                        break;
                    }
                }
            }

            if (right)
            {
                score.MatchedPredicted++;
            }

            string? hitLookAlike = null;
            for (int d = 0; d < lookAlikes.Count; d++)
            {
                if (Overlaps(lookAlikes[d], span))
                {
                    hitLookAlike ??= lookAlikes[d].Decoy ?? "unnamed";
                    if (!flagged[d])
                    {
                        flagged[d] = true;
                        report.Decoy(lookAlikes[d].Decoy ?? "unnamed").Flag(span.Type);
                    }
                }
            }

            if (!right)
            {
                report.AddExample(new ScoreExample(ExampleKind.FalsePositive, span.Type, gold.Id, span.Start, span.End, ExplainFalsePositive(span, positives, hitLookAlike)), gold.Text);
            }
        }

        for (int g = 0; g < positives.Count; g++)
        {
            var span = positives[g];
            var score = report.For(span.Type);
            score.Gold++;
            if (found[g])
            {
                score.MatchedGold++;
            }
            else
            {
                report.AddExample(new ScoreExample(ExampleKind.FalseNegative, span.Type, gold.Id, span.Start, span.End, ExplainFalseNegative(span, predicted)), gold.Text);
            }
        }

        foreach (var lookAlike in lookAlikes)
        {
            report.Decoy(lookAlike.Decoy ?? "unnamed").Planted++;
        }
    }

    private static bool Overlaps(GoldSpan gold, PredictedSpan predicted) => predicted.Start < gold.End && gold.Start < predicted.End;

    private static string ExplainFalsePositive(PredictedSpan span, List<GoldSpan> positives, string? lookAlike)
    {
        if (lookAlike is not null)
        {
            return $"look-alike {lookAlike}";
        }

        var sameBounds = positives.FirstOrDefault(g => g.Start == span.Start && g.End == span.End);
        if (sameBounds is not null)
        {
            return $"gold type is {sameBounds.Type}";
        }

        var overlapping = positives.FirstOrDefault(g => Overlaps(g, span));
        return overlapping is null
            ? "no gold span here"
            : overlapping.Type == span.Type
                ? $"boundary: gold is [{overlapping.Start},{overlapping.End})"
                : $"overlaps gold {overlapping.Type} [{overlapping.Start},{overlapping.End})";
    }

    private static string ExplainFalseNegative(GoldSpan span, List<PredictedSpan> predicted)
    {
        var sameBounds = predicted.FirstOrDefault(p => p.Start == span.Start && p.End == span.End);
        if (sameBounds is not null)
        {
            return $"reported as {sameBounds.Type}";
        }

        var overlapping = predicted.FirstOrDefault(p => p.Start < span.End && span.Start < p.End);
        return overlapping is null
            ? "not reported"
            : overlapping.Type == span.Type
                ? $"boundary: reported [{overlapping.Start},{overlapping.End})"
                : $"covered by {overlapping.Type} [{overlapping.Start},{overlapping.End})";
    }
}
