namespace Outbound.Gateway;

/// <summary>Where an export's time goes, stage by stage, measured with the pipeline's clock (<see cref="TimeProvider.GetTimestamp"/>).</summary>
/// <remarks>
/// Detection and transformation are summed over the threads that do them, so on several threads they can exceed the
/// wall time; the other stages run on one thread per batch. Reading the input is what the caller's wall time leaves.
/// </remarks>
public sealed class ExportTimings
{
    private readonly Lock _gate = new();
    private long _detect;
    private long _transform;
    private long _decide;
    private long _ledger;
    private long _write;
    private long _commit;

    /// <summary>Gets the time spent finding identifiers and keying subjects.</summary>
    public TimeSpan Detect => Span(_detect);

    /// <summary>Gets the time spent in the policy's operators and k-anonymity.</summary>
    public TimeSpan Transform => Span(_transform);

    /// <summary>Gets the time spent deciding: scope, the ledger's preview and the law engine.</summary>
    public TimeSpan Decide => Span(_decide);

    /// <summary>Gets the time spent registering persons in the ledger.</summary>
    public TimeSpan Ledger => Span(_ledger);

    /// <summary>Gets the time spent writing part files.</summary>
    public TimeSpan Write => Span(_write);

    /// <summary>Gets the time spent sealing retained records and committing quarantine, audit entry and manifest.</summary>
    public TimeSpan Commit => Span(_commit);

    internal TimeProvider? Clock { get; set; }

    internal void AddDetect(long ticks, long transformTicks)
    {
        lock (_gate)
        {
            _detect += ticks;
            _transform += transformTicks;
        }
    }

    internal void AddTransform(long ticks) => Interlocked.Add(ref _transform, ticks);

    internal void AddDecide(long ticks) => Interlocked.Add(ref _decide, ticks);

    internal void AddLedger(long ticks) => Interlocked.Add(ref _ledger, ticks);

    internal void AddWrite(long ticks) => Interlocked.Add(ref _write, ticks);

    internal void AddCommit(long ticks) => Interlocked.Add(ref _commit, ticks);

    private TimeSpan Span(long ticks) => Clock is null ? TimeSpan.Zero : TimeSpan.FromSeconds((double)ticks / Clock.TimestampFrequency);
}
