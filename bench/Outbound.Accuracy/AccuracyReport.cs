using System.Globalization;

namespace Outbound.Accuracy;

/// <summary>Counts for one identifier type.</summary>
public sealed class TypeScore(string type)
{
    /// <summary>Gets the wire type name.</summary>
    public string Type { get; } = type;

    /// <summary>Gets the number of gold spans of this type.</summary>
    public int Gold { get; internal set; }

    /// <summary>Gets the number of distinct predicted spans of this type.</summary>
    public int Predicted { get; internal set; }

    /// <summary>Gets the number of gold spans found (exactly, or by overlap for overlap types).</summary>
    public int MatchedGold { get; internal set; }

    /// <summary>Gets the number of predicted spans that are right.</summary>
    public int MatchedPredicted { get; internal set; }

    /// <summary>Gets the false positives: predicted spans that are wrong.</summary>
    public int FalsePositives => Predicted - MatchedPredicted;

    /// <summary>Gets the false negatives: gold spans not found.</summary>
    public int FalseNegatives => Gold - MatchedGold;

    /// <summary>Gets the share of predictions that are right, or null when nothing was predicted.</summary>
    public double? Precision => Predicted == 0 ? null : (double)MatchedPredicted / Predicted;

    /// <summary>Gets the share of gold spans found, or null when there are none.</summary>
    public double? Recall => Gold == 0 ? null : (double)MatchedGold / Gold;

    /// <summary>Gets the harmonic mean of precision and recall; a missing side counts as 0 when the other exists.</summary>
    public double? F1
    {
        get
        {
            if (Precision is null && Recall is null)
            {
                return null;
            }

            double p = Precision ?? 0, r = Recall ?? 0;
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
    }

    internal void Add(TypeScore other)
    {
        Gold += other.Gold;
        Predicted += other.Predicted;
        MatchedGold += other.MatchedGold;
        MatchedPredicted += other.MatchedPredicted;
    }
}

/// <summary>How often one kind of planted look-alike was reported as an identifier.</summary>
public sealed class DecoyScore(string kind)
{
    private readonly SortedDictionary<string, int> _byType = new(StringComparer.Ordinal);

    /// <summary>Gets the look-alike kind, e.g. <c>order_no_18</c>.</summary>
    public string Kind { get; } = kind;

    /// <summary>Gets how many were planted.</summary>
    public int Planted { get; internal set; }

    /// <summary>Gets how many were overlapped by at least one prediction.</summary>
    public int Flagged { get; private set; }

    /// <summary>Gets, per predicted type, how many look-alikes of this kind it flagged.</summary>
    public IReadOnlyDictionary<string, int> ByType => _byType;

    internal void Flag(string type)
    {
        Flagged++;
        _byType[type] = _byType.GetValueOrDefault(type) + 1;
    }
}

/// <summary>Whether an example is a false positive or a false negative.</summary>
public enum ExampleKind
{
    /// <summary>Reported, but not in the gold labels.</summary>
    FalsePositive,

    /// <summary>In the gold labels, but not reported.</summary>
    FalseNegative,
}

/// <summary>One scoring error, kept to show what went wrong.</summary>
/// <param name="Kind">False positive or false negative.</param>
/// <param name="Type">The predicted type (false positive) or gold type (false negative).</param>
/// <param name="RecordId">The gold record's id.</param>
/// <param name="Start">Start of the span.</param>
/// <param name="End">End of the span.</param>
/// <param name="Reason">Why it is wrong, e.g. "boundary: gold is [3,14)" or "look-alike order_no_18".</param>
public sealed record ScoreExample(ExampleKind Kind, string Type, string RecordId, int Start, int End, string Reason)
{
    /// <summary>Gets the text around the span, with the span between » and «.</summary>
    public string Context { get; init; } = "";
}

/// <summary>The result of <see cref="Scorer.Score"/>.</summary>
public sealed class AccuracyReport(int examplesPerType)
{
    private readonly Dictionary<string, TypeScore> _types = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, DecoyScore> _decoys = new(StringComparer.Ordinal);
    private readonly List<ScoreExample> _examples = [];
    private readonly Dictionary<(ExampleKind, string), int> _examplesKept = [];

    /// <summary>The wire names in the order of the issue; other names sort after them.</summary>
    private static readonly string[] Order =
    [
        "CN_RESIDENT_ID", "CN_MOBILE", "CN_LANDLINE", "BANK_CARD", "CN_USCC", "CN_PLATE", "VIN", "GPS_COORD", "EMAIL",
        "IP_ADDRESS", "PERSON_NAME", "ADDRESS", "CN_PASSPORT", "CN_HMT_PERMIT", "IMEI", "MAC_ADDRESS",
    ];

    /// <summary>Gets the number of gold records.</summary>
    public int GoldRecords { get; init; }

    /// <summary>Gets the number of prediction lines.</summary>
    public int PredictedRecords { get; init; }

    /// <summary>Gets the number of gold records with no prediction line (their spans all count as missed).</summary>
    public int MissingPredictions { get; internal set; }

    /// <summary>Gets the number of prediction lines whose id matches no gold record.</summary>
    public int UnknownPredictedIds { get; internal set; }

    /// <summary>Gets the number of prediction lines for a record already seen (their spans are merged).</summary>
    public int DuplicatePredictedIds { get; internal set; }

    /// <summary>Gets the number of gold records whose id repeats an earlier one.</summary>
    public int DuplicateGoldIds { get; internal set; }

    /// <summary>Gets the per-type scores, in the order of the issue.</summary>
    public IReadOnlyList<TypeScore> Types =>
        [.. _types.Values.OrderBy(score => Rank(score.Type)).ThenBy(score => score.Type, StringComparer.Ordinal)];

    /// <summary>Gets the look-alike counts, by kind.</summary>
    public IReadOnlyList<DecoyScore> Decoys => [.. _decoys.Values];

    /// <summary>Gets the kept examples of errors.</summary>
    public IReadOnlyList<ScoreExample> Examples => _examples;

    /// <summary>Returns the score of <paramref name="type"/> (all zero if it never occurred).</summary>
    public TypeScore For(string type)
    {
        if (!_types.TryGetValue(type, out var score))
        {
            score = new TypeScore(type);
            _types.Add(type, score);
        }

        return score;
    }

    /// <summary>Returns the micro-averaged score over the types accepted by <paramref name="include"/>.</summary>
    public TypeScore Overall(string name, Func<string, bool> include)
    {
        ArgumentNullException.ThrowIfNull(include);
        var total = new TypeScore(name);
        foreach (var score in _types.Values.Where(score => include(score.Type)))
        {
            total.Add(score);
        }

        return total;
    }

    /// <summary>
    /// Returns one sentence per type below its threshold: precision or recall under <paramref name="minimum"/> for
    /// <paramref name="validated"/> types, F1 under <paramref name="minimumNames"/> for names and addresses.
    /// A type that neither occurs nor is predicted is not judged.
    /// </summary>
    public IReadOnlyList<string> Failures(double? minimum, double? minimumNames, IReadOnlySet<string>? validated = null)
    {
        validated ??= Scorer.ValidatedTypes;
        var failures = new List<string>();
        foreach (var score in Types.Where(score => score.Gold > 0 || score.Predicted > 0))
        {
            if (minimum is { } min && validated.Contains(score.Type))
            {
                double precision = score.Precision ?? 1, recall = score.Recall ?? 1;
                if (score.Predicted > 0 && score.Gold == 0)
                {
                    precision = 0;
                }

                if (precision < min || recall < min)
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture,
                        $"{score.Type}: precision {precision:F4}, recall {recall:F4}; both must be at least {min:F4}."));
                }
            }

            if (minimumNames is { } minNames && Scorer.NameTypes.Contains(score.Type) && (score.F1 ?? 0) < minNames)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{score.Type}: F1 {score.F1 ?? 0:F4}; must be at least {minNames:F4}."));
            }
        }

        return failures;
    }

    internal DecoyScore Decoy(string kind)
    {
        if (!_decoys.TryGetValue(kind, out var score))
        {
            score = new DecoyScore(kind);
            _decoys.Add(kind, score);
        }

        return score;
    }

    internal void AddExample(ScoreExample example, string text)
    {
        var key = (example.Kind, example.Type);
        int kept = _examplesKept.GetValueOrDefault(key);
        if (kept >= examplesPerType)
        {
            return;
        }

        _examplesKept[key] = kept + 1;
        _examples.Add(example with { Context = ContextOf(text, example.Start, example.End) });
    }

    private static string ContextOf(string text, int start, int end)
    {
        start = Math.Clamp(start, 0, text.Length);
        end = Math.Clamp(end, start, text.Length);
        int from = Math.Max(0, start - 16), to = Math.Min(text.Length, end + 16);
        return text[from..start] + "»" + text[start..end] + "«" + text[end..to];
    }

    private static int Rank(string type)
    {
        int index = Array.IndexOf(Order, type);
        return index < 0 ? Order.Length : index;
    }
}
