using System.Collections.Immutable;

namespace Outbound.Law;

/// <summary>Decides the pathway, status and obligations of every transfer in a declaration (RULES §14).</summary>
/// <remarks>
/// Transfers are decided in date order. The persons a transfer is judged on are those of every counted transfer
/// dated on or before it, the planned one included, so transfers of the same date are judged together and their
/// order never matters. Instances are immutable and thread-safe; create one per calendar and reuse it.
/// </remarks>
public sealed partial class Assessor
{
    private static readonly DateOnly AssessmentMeasuresInForce = new(2022, 9, 1);
    private static readonly DateOnly ProvisionsInForce = new(2024, 3, 22);
    private static readonly DateOnly NdsrInForce = new(2025, 1, 1);
    private static readonly DateOnly CertificationMeasuresInForce = new(2026, 1, 1);

    /// <summary>Initializes a new instance of the <see cref="Assessor"/> class.</summary>
    /// <param name="calendar">The working-day calendar used for every working-day deadline.</param>
    public Assessor(WorkingDayCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        Calendar = calendar;
    }

    /// <summary>Gets the working-day calendar.</summary>
    public WorkingDayCalendar Calendar { get; }

    /// <summary>Returns the regime of export rules in force on <paramref name="date"/>.</summary>
    public static Regime RegimeOn(DateOnly date) =>
        date < AssessmentMeasuresInForce ? Regime.BeforeAssessmentMeasures
        : date < ProvisionsInForce ? Regime.Measures2022
        : date < NdsrInForce ? Regime.Provisions2024
        : date < CertificationMeasuresInForce ? Regime.NetworkDataRegulations
        : Regime.CertificationMeasures;

    /// <summary>Assesses every transfer of <paramref name="declaration"/>, judging deadlines as of <paramref name="asOf"/>.</summary>
    public AssessmentResult Assess(Declaration declaration, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(declaration);
        var analyses = Route(declaration);
        return Decide(declaration, analyses, Timeline.Of(analyses), group: null, asOf);
    }

    /// <summary>
    /// Assesses several declarations given together; those of one company group and year are also checked for
    /// volumes split across affiliates (SPLIT_RISK, RULES §0.4).
    /// </summary>
    public ImmutableArray<AssessmentResult> AssessAll(IReadOnlyList<Declaration> declarations, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(declarations);
        var routed = declarations.Select(declaration => (declaration, analyses: Route(declaration))).ToList();
        var timelines = routed.Select(entry => Timeline.Of(entry.analyses)).ToList();

        var results = ImmutableArray.CreateBuilder<AssessmentResult>(routed.Count);
        for (int i = 0; i < routed.Count; i++)
        {
            var (declaration, analyses) = routed[i];
            Timeline? group = null;
            var affiliates = Enumerable.Range(0, routed.Count)
                .Where(j => declaration.Handler.Group is string name
                    && string.Equals(routed[j].declaration.Handler.Group, name, StringComparison.Ordinal)
                    && routed[j].declaration.Year == declaration.Year)
                .ToList();
            if (affiliates.Count > 1)
            {
                group = Timeline.Combine(affiliates.Select(j => timelines[j]));
            }

            results.Add(Decide(declaration, analyses, timelines[i], group, asOf));
        }

        return results.ToImmutable();
    }

    /// <summary>Returns <see langword="true"/> when the item is important data for the export decision (RULES R-ID-1, R-AUTO-ID-1).</summary>
    internal static bool IsImportant(TransferItem item) =>
        item.Important is ImportantDataStatus.Notified or ImportantDataStatus.Published
        || (item.Category.AutomotiveImportantItem > 0 && !item.Anonymised);

    private AssessmentResult Decide(Declaration declaration, List<TransferAnalysis> analyses, Timeline own, Timeline? group, DateOnly asOf)
    {
        var approvals = declaration.Approvals.Select(approval => Summarise(declaration, approval, asOf)).ToImmutableArray();
        foreach (var analysis in analyses)
        {
            analysis.Counted = own.Through(analysis.Transfer.Date);
            DecidePathway(declaration, analysis, group);
            CheckStatus(declaration, analysis, approvals, asOf);
            AttachObligations(declaration, analysis, asOf);
        }

        return new AssessmentResult
        {
            Declaration = declaration,
            AsOf = asOf,
            Transfers = [.. analyses.Select(analysis => analysis.ToDecision())],
            Approvals = approvals,
            YearTotals = own.Total,
        };
    }

    /// <summary>Year-to-date counts by date, from the persons each counted transfer adds.</summary>
    private sealed class Timeline
    {
        // Invariant: _dates is sorted and _through[i] is the sum of every entry dated on or before _dates[i].
        private readonly ImmutableArray<(DateOnly Date, PersonCounts Added)> _entries;
        private readonly DateOnly[] _dates;
        private readonly PersonCounts[] _through;

        private Timeline(IEnumerable<(DateOnly Date, PersonCounts Added)> entries)
        {
            _entries = [.. entries];
            var byDate = _entries
                .GroupBy(entry => entry.Date)
                .OrderBy(group => group.Key)
                .Select(group => (Date: group.Key, Added: group.Aggregate(default(PersonCounts), (sum, entry) => sum + entry.Added)))
                .ToArray();
            _dates = [.. byDate.Select(entry => entry.Date)];
            _through = new PersonCounts[byDate.Length];
            var running = default(PersonCounts);
            for (int i = 0; i < byDate.Length; i++)
            {
                running += byDate[i].Added;
                _through[i] = running;
            }
        }

        public PersonCounts Total => _through.Length == 0 ? default : _through[^1];

        public static Timeline Of(IEnumerable<TransferAnalysis> analyses) =>
            new(analyses.Select(analysis => (analysis.Transfer.Date, analysis.Added)));

        public static Timeline Combine(IEnumerable<Timeline> timelines) =>
            new(timelines.SelectMany(timeline => timeline._entries));

        public PersonCounts Through(DateOnly date)
        {
            int index = Array.BinarySearch(_dates, date);
            int last = index >= 0 ? index : ~index - 1;
            return last < 0 ? default : _through[last];
        }
    }
}
