using System.Collections.Immutable;
using Outbound.Gateway;
using Outbound.Law;

namespace Outbound.Cli;

/// <summary>What an export did, batch by batch, for the summary.</summary>
internal sealed class ExportSummary(ExportRunKey run, long resumedAfter, IReadOnlyList<string> removedParts, bool dryRun)
{
    private const int UnreadableKept = 20;
    private readonly Dictionary<RetainReason, long> _retained = [];
    private readonly List<UnreadableRecord> _unreadable = [];
    private readonly HashSet<string> _categories = new(StringComparer.Ordinal);

    public ExportRunKey Run { get; } = run;

    public long ResumedAfter { get; } = resumedAfter;

    public IReadOnlyList<string> RemovedParts { get; } = removedParts;

    public bool DryRun { get; } = dryRun;

    public int Batches { get; private set; }

    public long Records { get; private set; }

    public long Released { get; private set; }

    public long Retained => _retained.Values.Sum();

    public IReadOnlyDictionary<RetainReason, long> RetainedByReason => _retained;

    public long Unreadable { get; private set; }

    public IReadOnlyList<UnreadableRecord> FirstUnreadable => _unreadable;

    public PersonCounts Added { get; private set; }

    public PersonCounts? FirstBefore { get; private set; }

    public PersonCounts LastAfter { get; private set; }

    public PersonCounts YearTotals { get; private set; }

    public ImmutableArray<string> Categories => [.. _categories.Order(StringComparer.Ordinal)];

    /// <summary>Gets the law engine's decision on the last batch that carried personal information.</summary>
    public TransferDecision? LastDecision { get; private set; }

    /// <summary>Gets the decision of the first batch that was held or blocked, if any was.</summary>
    public TransferDecision? FirstStop { get; private set; }

    public int Year { get; private set; }

    public void Add(BatchResult batch)
    {
        Batches++;
        Records += batch.Records;
        Released += batch.Released;
        foreach (var (reason, count) in batch.Retained)
        {
            _retained[reason] = _retained.GetValueOrDefault(reason) + count;
        }

        Unreadable += batch.Unreadable.Length;
        _unreadable.AddRange(batch.Unreadable.Take(UnreadableKept - _unreadable.Count));
        Added += batch.Added;
        FirstBefore ??= batch.Before;
        LastAfter = batch.After;
        Year = batch.Year;
        _categories.UnionWith(batch.Categories);
        if (batch.Decision is { } decision)
        {
            LastDecision = decision;
            if (decision.Status != TransferStatus.Allowed)
            {
                FirstStop ??= decision;
            }
        }
    }

    /// <summary>Gets the pipeline's time per stage, once finished.</summary>
    public ExportTimings? Timings { get; private set; }

    /// <summary>Gets the whole run's wall time, once finished.</summary>
    public TimeSpan Elapsed { get; private set; }

    public void Finish(PersonCounts yearTotals, ExportTimings? timings = null, TimeSpan elapsed = default) =>
        (YearTotals, Timings, Elapsed) = (yearTotals, timings, elapsed);
}
