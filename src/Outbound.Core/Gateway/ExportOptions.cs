using Outbound.Deidentification;
using Outbound.Detection;
using Outbound.Law;

namespace Outbound.Gateway;

/// <summary>Everything one export needs, built once by the caller.</summary>
public sealed class ExportOptions
{
    /// <summary>Gets the declaration: the handler's profile, interpretations and the transfer's recipient and purpose.</summary>
    public required Declaration Declaration { get; init; }

    /// <summary>Gets the declared transfer this export carries out.</summary>
    public required Transfer Transfer { get; init; }

    /// <summary>Gets the law engine.</summary>
    public required Assessor Assessor { get; init; }

    /// <summary>Gets the scanner that finds identifiers.</summary>
    public required Scanner Scanner { get; init; }

    /// <summary>Gets the keyer that turns each record's strongest identifier into a subject key.</summary>
    public required SubjectKeyer Keyer { get; init; }

    /// <summary>Gets the policy's transformer.</summary>
    public required RecordTransformer Transformer { get; init; }

    /// <summary>Gets the policy.</summary>
    public required Policy Policy { get; init; }

    /// <summary>Gets the sealer for retained records.</summary>
    public required QuarantineSealer Sealer { get; init; }

    /// <summary>Gets the store.</summary>
    public required IGatewayStore Store { get; init; }

    /// <summary>Gets where released records go.</summary>
    public required IReleaseSink Sink { get; init; }

    /// <summary>Gets what identifies the run.</summary>
    public required ExportRunKey RunKey { get; init; }

    /// <summary>Gets the clock: a batch belongs to the calendar year (Asia/Shanghai) of its commit.</summary>
    public required TimeProvider Clock { get; init; }

    /// <summary>Gets who runs the export, for the audit log.</summary>
    public string Actor { get; init; } = "outbound";

    /// <summary>Gets a value indicating whether nothing is written: decisions are made and reported, the store and destination stay as they were.</summary>
    public bool DryRun { get; init; }

    /// <summary>Gets how many records are examined at once (per batch); 1 examines one at a time.</summary>
    public int Parallelism { get; init; } = 1;

    /// <summary>Gets what to call after each commit that wrote a signed checkpoint (e.g. to keep the log's head apart).</summary>
    public Action<AuditCheckpoint>? CheckpointWritten { get; init; }
}
