using System.Collections.Immutable;
using Outbound.Law;

namespace Outbound.Gateway;

/// <summary>What became of one batch.</summary>
public sealed record BatchResult
{
    /// <summary>Gets the batch's number within its run.</summary>
    public required int Batch { get; init; }

    /// <summary>Gets the records the batch stands for (read plus unreadable).</summary>
    public required long Records { get; init; }

    /// <summary>Gets the records released.</summary>
    public required long Released { get; init; }

    /// <summary>Gets the records retained, by reason.</summary>
    public required ImmutableDictionary<RetainReason, long> Retained { get; init; }

    /// <summary>Gets the unreadable records, with positions and reasons.</summary>
    public required ImmutableArray<UnreadableRecord> Unreadable { get; init; }

    /// <summary>Gets the handler's totals for the year before the batch.</summary>
    public required PersonCounts Before { get; init; }

    /// <summary>Gets the totals after the batch (equal to <see cref="Before"/> when nothing was counted).</summary>
    public required PersonCounts After { get; init; }

    /// <summary>Gets the law engine's decision for the batch's counted persons, or <see langword="null"/> when the batch carried no personal information.</summary>
    public TransferDecision? Decision { get; init; }

    /// <summary>Gets the calendar year (Asia/Shanghai) the batch counts in.</summary>
    public required int Year { get; init; }

    /// <summary>Gets the data categories still personal information in what was released.</summary>
    public required ImmutableArray<string> Categories { get; init; }

    /// <summary>Gets the released records' file, or <see langword="null"/>.</summary>
    public string? PartFile { get; init; }

    /// <summary>Gets a value indicating whether the batch was committed (false in a dry run).</summary>
    public required bool Committed { get; init; }

    /// <summary>Gets the total retained.</summary>
    public long RetainedTotal => Retained.Values.Sum();

    /// <summary>Gets the persons the batch added.</summary>
    public PersonCounts Added => new(After.NonSensitive - Before.NonSensitive, After.Sensitive - Before.Sensitive);
}
