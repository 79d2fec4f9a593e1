using System.Collections.Immutable;

namespace Outbound.Gateway;

/// <summary>What identifies an export run so that <c>--resume</c> finds it again: the input's digest and the transfer.</summary>
/// <param name="InputDigest">SHA-256 of the input, in lower-case hex.</param>
/// <param name="TransferId">The declaration's transfer id.</param>
/// <param name="Handler">The exporting handler's name.</param>
/// <param name="Destination">Where released records are written (a directory).</param>
/// <param name="PolicyDigest">SHA-256 of the policy file, in lower-case hex.</param>
/// <param name="DeclarationDigest">SHA-256 of the declaration file, in lower-case hex.</param>
public sealed record ExportRunKey(string InputDigest, string TransferId, string Handler, string Destination, string PolicyDigest, string DeclarationDigest)
{
    /// <summary>Gets the run's id: the first 32 hex digits of the SHA-256 of input digest and transfer id.</summary>
    public string RunId => GatewayDigest.RunId(InputDigest, TransferId);
}

/// <summary>A batch whose transaction committed: its records are released (in <see cref="PartFile"/>), retained or reported.</summary>
/// <param name="RunId">The export run.</param>
/// <param name="Batch">The 1-based batch number.</param>
/// <param name="FirstPosition">The first input position (line or row) in the batch.</param>
/// <param name="LastPosition">The last input position in the batch.</param>
/// <param name="Records">The records the batch read.</param>
/// <param name="Released">The records released.</param>
/// <param name="Retained">The records retained in quarantine.</param>
/// <param name="Unreadable">The records that could not be read.</param>
/// <param name="PartFile">The released records' file name within the destination, or <see langword="null"/> when none was released.</param>
/// <param name="PartDigest">SHA-256 of the part file, in lower-case hex, or <see langword="null"/>.</param>
/// <param name="BatchDigest">SHA-256 over the batch's input records, in lower-case hex.</param>
/// <param name="Year">The calendar year (Asia/Shanghai) the batch was committed in and counted for.</param>
/// <param name="Committed">When the batch committed.</param>
public sealed record BatchManifest(
    string RunId,
    int Batch,
    long FirstPosition,
    long LastPosition,
    long Records,
    long Released,
    long Retained,
    long Unreadable,
    string? PartFile,
    string? PartDigest,
    string BatchDigest,
    int Year,
    DateTimeOffset Committed);

/// <summary>An export run as the store knows it.</summary>
/// <param name="Key">What identifies the run.</param>
/// <param name="Started">When it first started.</param>
/// <param name="Batches">The batches committed so far, in order.</param>
public sealed record ExportRun(ExportRunKey Key, DateTimeOffset Started, ImmutableArray<BatchManifest> Batches)
{
    /// <summary>Gets the last input position a committed batch covered, or 0.</summary>
    public long CommittedThrough => Batches.IsEmpty ? 0 : Batches[^1].LastPosition;
}
