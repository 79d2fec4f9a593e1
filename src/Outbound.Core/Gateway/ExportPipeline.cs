using System.Buffers;
using System.Buffers.Binary;
using System.Collections.Immutable;
using System.Security.Cryptography;
using System.Text;
using Outbound.Deidentification;
using Outbound.Detection;
using Outbound.Law;

namespace Outbound.Gateway;

/// <summary>
/// The export gate over a stream of batches: detect, transform, count, decide, release or retain, record — one
/// transaction per batch (DESIGN "The way data flows").
/// </summary>
/// <remarks>
/// <para>
/// For each batch: every record is scanned and transformed by the policy; its subject is keyed by its strongest
/// identifier; records in k-anonymity classes too small, and records carrying a category the transfer's approvals do
/// not cover (RULES R-BLK-5), are retained. The rest are put to the law engine with the ledger's totals: when the
/// pathway is in place their persons are registered and they are released; otherwise every record that still
/// carries personal information is retained with the reason, and nothing is counted. Released records are written to
/// the batch's part file, which is in place before the transaction (ledger, quarantine, audit entry, manifest entry)
/// commits; a part without a committed manifest entry is removed on resume.
/// </para>
/// <para>Every record of a batch ends released, retained or unreadable: the three add up to the batch's input.</para>
/// </remarks>
public sealed partial class ExportPipeline : IDisposable
{
    private readonly ExportOptions _options;
    private readonly ImmutableArray<string>? _allowedCategories;
    private readonly KAnonymity? _kAnonymity;
    private int _nextBatch;

    /// <summary>The least time between two rewrites of the destination's manifest while batches commit.</summary>
    /// <remarks>
    /// The manifest lists every committed part, so rewriting it after every commit would cost a run time in the square of
    /// its batches; rewritten at most once a second (and by <see cref="Finish"/>), a receiver sees a committed part a
    /// second late at most, and never one that is not complete.
    /// </remarks>
    private static readonly TimeSpan ManifestInterval = TimeSpan.FromSeconds(1);

    /// <summary>The run's committed batches, this pipeline's included: what the manifest lists.</summary>
    private readonly ImmutableArray<BatchManifest>.Builder _committed;
    private long? _manifestWritten;
    private bool _manifestBehind;

    /// <summary>The ledger entries of the batch being committed (<see cref="Gather"/>).</summary>
    private readonly List<LedgerEntry> _ledgerEntries = [];

    /// <summary>The records of the batch being committed that were not retained while examined.</summary>
    private readonly Candidates _candidates = new();

    /// <summary>Workers between batches: at most one per thread that examined at once.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<Worker> _workers = [];

    /// <summary>Initializes a new instance of the <see cref="ExportPipeline"/> class, opening (or finding again) the run.</summary>
    public ExportPipeline(ExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        Approvals = options.Store.Approvals(options.Declaration.Handler.Name);
        _allowedCategories = AllowedCategories(Approvals, options.Transfer);
        _kAnonymity = options.Policy.KAnonymity is null ? null : new KAnonymity(options.Policy);
        Run = options.DryRun
            ? options.Store.FindRun(options.RunKey.RunId) ?? new ExportRun(options.RunKey, options.Clock.GetUtcNow(), [])
            : options.Store.OpenRun(options.RunKey, options.Clock.GetUtcNow());
        _nextBatch = Run.Batches.IsEmpty ? 1 : Run.Batches[^1].Batch + 1;
        _committed = Run.Batches.ToBuilder();
        Timings.Clock = options.Clock;
    }

    /// <summary>Gets where the time went so far.</summary>
    public ExportTimings Timings { get; } = new();

    /// <summary>Gets the run as it stood when the pipeline opened it.</summary>
    public ExportRun Run { get; }

    /// <summary>Gets the approvals on file for the handler.</summary>
    public ImmutableArray<Approval> Approvals { get; }

    /// <summary>Gets the last input position committed before this pipeline started; positions up to it are skipped on resume.</summary>
    public long CommittedThrough => Run.CommittedThrough;

    /// <summary>Writes the destination's manifest when a batch committed since it was last written; call when the run ends.</summary>
    public void Finish()
    {
        if (_manifestBehind)
        {
            WriteManifest();
        }
    }

    /// <summary>Lets go of the workers kept between batches, and the recent identifiers their caches hold.</summary>
    /// <remarks>
    /// Does not write the manifest (<see cref="Finish"/> does): when a run stops on an error, the manifest may lag the
    /// store until the run is resumed, which writes it again from the store.
    /// </remarks>
    public void Dispose()
    {
        while (_workers.TryTake(out var worker))
        {
            worker.Dispose();
        }
    }

    /// <summary>Removes part files a crash left without a committed batch; call before the first batch of a resumed run.</summary>
    /// <returns>The names of the parts removed.</returns>
    public IReadOnlyList<string> DropUncommittedParts()
    {
        var committed = Run.Batches.Where(b => b.PartFile is not null).Select(b => b.PartFile!).ToHashSet(StringComparer.Ordinal);
        if (_options.DryRun)
        {
            return [];
        }

        var removed = _options.Sink.DropUncommitted(Run.Key.RunId, committed);
        if (!Run.Batches.IsEmpty)
        {
            // The manifest may lag the store when the process stopped between a commit and its rewrite.
            _options.Sink.WriteManifest(Run);
        }

        return removed;
    }

    /// <summary>Examines, decides and commits one batch.</summary>
    /// <remarks>
    /// The batch's persons are registered first, in the batch's transaction, which gives the exact number the batch adds;
    /// the law engine then decides on those numbers. When the records may not go (or their flow is not counted), the
    /// transaction is rolled back and a fresh one records the retained records: the ledger gains nothing.
    /// </remarks>
    public BatchResult Process(InputBatch batch) => DecideAndCommit(Examine(batch));

    /// <summary>
    /// Detects, transforms, and applies k-anonymity and scope to one batch — the part of <see cref="Process"/> that
    /// touches no store, so it may run for the next batch while <see cref="DecideAndCommit"/> commits this one.
    /// </summary>
    public ExaminedBatch Examine(InputBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        var clock = _options.Clock;
        var lines = new List<ArrayBufferWriter<byte>>();
        var records = Examine(batch.Records, ChinaTime.DateOf(clock.GetUtcNow()), lines);
        long stage = clock.GetTimestamp();
        ApplyKAnonymity(records);
        Timings.AddTransform(clock.GetTimestamp() - stage);
        stage = clock.GetTimestamp();
        ApplyScope(records);
        Timings.AddDecide(clock.GetTimestamp() - stage);

        // Without k-anonymity the workers wrote the released forms; with it, they are written here, once the classes
        // are settled. Either way not at the commit, for the same reason; the commit writes those that are still released.
        if (_kAnonymity is not null && !_options.DryRun)
        {
            stage = clock.GetTimestamp();
            lines.Add(WriteReleased(records));
            Timings.AddWrite(clock.GetTimestamp() - stage);
        }

        // Hashed here, not at the commit: with more than one core it is done while the previous batch commits.
        stage = clock.GetTimestamp();
        string digest = BatchDigest(batch);
        Timings.AddCommit(clock.GetTimestamp() - stage);
        return new ExaminedBatch(batch, records, digest, lines);
    }

    /// <summary>Decides and commits a batch <see cref="Examine(InputBatch)"/> prepared; batches must come in input order.</summary>
    public BatchResult DecideAndCommit(ExaminedBatch examined)
    {
        ArgumentNullException.ThrowIfNull(examined);
        var batch = examined.Batch;
        var records = examined.Records;
        var clock = _options.Clock;
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        long stage = clock.GetTimestamp();

        string handler = _options.Declaration.Handler.Name;
        var transaction = _options.Store.Begin(handler, today.Year);
        try
        {
            var candidates = Gather(records);
            long registering = clock.GetTimestamp();
            Timings.AddDecide(registering - stage);
            var ledger = _options.DryRun ? transaction.Preview(_ledgerEntries) : transaction.Register(_ledgerEntries, Unlimited);
            stage = clock.GetTimestamp();
            Timings.AddLedger(stage - registering);

            TransferDecision? decision = null;
            bool keep = true;
            if (candidates.AnyPersonal)
            {
                decision = Decide(candidates, ledger, today);
                keep = decision.Status == TransferStatus.Allowed && !decision.Added.IsZero;
                if (decision.Status != TransferStatus.Allowed)
                {
                    RetainFor(decision, candidates.Records);
                }
            }

            var before = ledger.Before;
            var after = keep ? ledger.After : ledger.Before;
            if (!keep && !ledger.Added.IsZero && !_options.DryRun)
            {
                // Nothing of this batch may be counted: undo its registration, record the rest afresh.
                transaction.Dispose();
                transaction = _options.Store.Begin(handler, today.Year);
                (before, after) = (transaction.Before, transaction.Before);
            }

            long writing = clock.GetTimestamp();
            Timings.AddDecide(writing - stage);

            // Unless the decision retained some of them, the candidates are what goes, with the categories already gathered.
            var categories = decision is null || decision.Status == TransferStatus.Allowed ? candidates.Categories() : (ImmutableArray<string>?)null;
            return Commit(batch, examined.Digest, records, transaction, decision, before, after, now, writing, categories);
        }
        finally
        {
            transaction.Dispose();
            foreach (var lines in examined.Lines)
            {
                if (_lineBuffers.Count < MaxLineBuffers)
                {
                    _lineBuffers.Add(lines);
                }
            }
        }
    }

    /// <summary>A batch examined and transformed, waiting for its decision and commit.</summary>
    public sealed class ExaminedBatch
    {
        internal ExaminedBatch(InputBatch batch, List<ExaminedRecord> records, string digest, List<ArrayBufferWriter<byte>> lines) =>
            (Batch, Records, Digest, Lines) = (batch, records, digest, lines);

        internal InputBatch Batch { get; }

        /// <summary>Gets SHA-256 over the batch's input records (<see cref="BatchManifest.BatchDigest"/>).</summary>
        internal string Digest { get; }

        internal List<ExaminedRecord> Records { get; }

        /// <summary>Gets the buffers the records' released forms were written in (<see cref="ExaminedRecord.Lines"/>; none for a dry run).</summary>
        internal List<ArrayBufferWriter<byte>> Lines { get; }
    }

    private static readonly PersonCounts Unlimited = new(long.MaxValue, long.MaxValue);

    /// <summary>The most buffers of released lines kept for the next batches: one per thread and batch in flight is enough.</summary>
    private const int MaxLineBuffers = 8;

    /// <summary>Buffers of released lines handed back by committed batches.</summary>
    private readonly System.Collections.Concurrent.ConcurrentBag<ArrayBufferWriter<byte>> _lineBuffers = [];

    /// <summary>Returns an empty buffer for released lines, one a committed batch handed back when there is one.</summary>
    private ArrayBufferWriter<byte> TakeLineBuffer()
    {
        var lines = _lineBuffers.TryTake(out var reused) ? reused : new ArrayBufferWriter<byte>(1 << 16);
        lines.ResetWrittenCount();
        return lines;
    }

    /// <summary>Writes the released form of every record not retained, in order, noting where each one's lies (after k-anonymity).</summary>
    private ArrayBufferWriter<byte> WriteReleased(List<ExaminedRecord> records)
    {
        var lines = TakeLineBuffer();
        using var writer = _options.Sink.NewWriter();
        foreach (var record in records)
        {
            if (record.Retained is not null)
            {
                continue;
            }

            int start = lines.WrittenCount;
            writer.Write(record.Source, record.Values, lines);
            (record.Lines, record.LineStart, record.LineLength) = (lines, start, lines.WrittenCount - start);
        }

        return lines;
    }

    private static void RetainFor(TransferDecision decision, List<ExaminedRecord> candidates)
    {
        var reason = decision.Status == TransferStatus.Blocked ? RetainReason.Blocked : RetainReason.PathwayNotInPlace;
        string rule = decision.Reasons.IsEmpty ? RuleBook.PathwayBeforeTransfer.Id : decision.Reasons[^1].Rule.Id;
        string detail = reason == RetainReason.Blocked
            ? "The transfer is blocked for the records' personal information."
            : $"The transfer needs {WireNames.Of(decision.Pathway)}, which is not in place.";
        foreach (var record in candidates.Where(r => r.RemainsPersonal || reason == RetainReason.Blocked))
        {
            record.Retain(reason, rule, detail);
        }
    }

    /// <summary>
    /// Writes the released part, then commits quarantine, audit entry and manifest entry with the ledger;
    /// <paramref name="releasedCategories"/> are the categories the released records carry, when known already.
    /// </summary>
    private BatchResult Commit(InputBatch batch, string batchDigest, List<ExaminedRecord> records, IGatewayTransaction transaction, TransferDecision? decision, PersonCounts before, PersonCounts after, DateTimeOffset now, long writing, ImmutableArray<string>? releasedCategories)
    {
        var clock = _options.Clock;
        var released = new List<ExaminedRecord>(records.Count);
        var retained = new List<ExaminedRecord>();
        var retainedBy = new Dictionary<RetainReason, long>();
        bool fromQuarantineAny = false;
        foreach (var record in records)
        {
            fromQuarantineAny |= record.Source.QuarantineId is not null;
            if (record.Retained is { } reason)
            {
                retained.Add(record);
                retainedBy[reason] = retainedBy.GetValueOrDefault(reason) + 1;
            }
            else
            {
                released.Add(record);
            }
        }

        int number = _nextBatch;
        string? partFile = null;
        string? partDigest = null;
        if (released.Count > 0 && !_options.DryRun)
        {
            // The released records' lines, in runs of neighbours in one buffer: a worker's share of the batch at once
            // when none of it was retained since.
            using var part = _options.Sink.Open(Run.Key.RunId, number);
            ArrayBufferWriter<byte>? lines = null;
            int start = 0;
            int end = 0;
            foreach (var record in released)
            {
                var buffer = record.Lines ?? throw new InvalidOperationException($"The released record at position {record.Source.Position} has no released form.");
                if (!ReferenceEquals(buffer, lines) || record.LineStart != end)
                {
                    if (lines is not null)
                    {
                        part.Write(lines.WrittenSpan[start..end]);
                    }

                    (lines, start) = (buffer, record.LineStart);
                }

                end = record.LineStart + record.LineLength;
            }

            part.Write(lines!.WrittenSpan[start..end]);
            (partFile, partDigest) = part.Complete();
        }

        long committing = clock.GetTimestamp();
        Timings.AddWrite(committing - writing);
        var result = new BatchResult
        {
            Batch = number,
            Records = batch.Count,
            Released = released.Count,
            Retained = retainedBy.ToImmutableDictionary(),
            Unreadable = [.. batch.Unreadable],
            Before = before,
            After = after,
            Decision = decision,
            Year = ChinaTime.DateOf(now).Year,
            Categories = releasedCategories ?? ReleasedCategories(released),
            PartFile = partFile,
            Committed = !_options.DryRun,
        };

        if (_options.DryRun)
        {
            return result;
        }

        var fromQuarantine = fromQuarantineAny ? released.Where(r => r.Source.QuarantineId is not null).Select(r => r.Source.QuarantineId!.Value).ToList() : [];
        if (fromQuarantine.Count > 0)
        {
            transaction.MarkReleased(fromQuarantine, now);
        }

        var stillHeld = fromQuarantineAny ? retained.Where(r => r.Source.QuarantineId is not null).ToList() : [];
        if (stillHeld.Count > 0)
        {
            transaction.UpdateReasons([.. stillHeld.Select(r => new QuarantineReason(r.Source.QuarantineId!.Value, r.Retained!.Value, r.RetainRule, r.RetainDetail!))]);
        }

        transaction.Quarantine([.. retained.Where(r => r.Source.QuarantineId is null).Select(r => new QuarantineItem(
            Run.Key.RunId, number, r.Source.Position, r.Retained!.Value, r.RetainRule, r.RetainDetail!,
            _options.Sealer.Seal(r.Source.Raw.Span, Run.Key.RunId, r.Source.Position), _options.Sealer.KeyId))]);
        var kind = fromQuarantineAny ? AuditKind.QuarantineRelease : AuditKind.ExportBatch;
        transaction.Append(new AuditRecord(kind, _options.Actor, now,
            AuditBody.ExportBatch(_options, Run.Key.RunId, result, batchDigest, partDigest, Approvals, fromQuarantine.Count)));
        var manifest = new BatchManifest(Run.Key.RunId, number, batch.FirstPosition, batch.LastPosition, batch.Count,
            released.Count, retained.Count, batch.Unreadable.Count, partFile, partDigest, batchDigest, result.Year, now);
        transaction.RecordBatch(manifest);
        var checkpoint = transaction.Commit();
        _nextBatch++;
        _committed.Add(manifest);
        _manifestBehind = true;
        Timings.AddCommit(clock.GetTimestamp() - committing);
        if (checkpoint is not null)
        {
            _options.CheckpointWritten?.Invoke(checkpoint);
        }

        if (_manifestWritten is not long written || clock.GetElapsedTime(written) >= ManifestInterval)
        {
            WriteManifest();
        }

        return result;
    }

    private void WriteManifest()
    {
        _options.Sink.WriteManifest(Run with { Batches = _committed.ToImmutable() });
        _manifestWritten = _options.Clock.GetTimestamp();
        _manifestBehind = false;
    }

    /// <summary>The categories the released records still carry, without repeats, in ordinal order.</summary>
    private static ImmutableArray<string> ReleasedCategories(List<ExaminedRecord> released)
    {
        var gathered = new Candidates();
        foreach (var record in released)
        {
            gathered.Add(record);
        }

        return gathered.Categories();
    }

    /// <summary>The categories the transfer's approvals cover, or <see langword="null"/> when none restricts categories.</summary>
    /// <remarks>
    /// Approvals whose recipients and purposes cover the transfer (an empty list covers all) are its candidates; when
    /// any of them states no categories, nothing is restricted; otherwise the union of theirs is what may go.
    /// </remarks>
    internal static ImmutableArray<string>? AllowedCategories(ImmutableArray<Approval> approvals, Transfer transfer)
    {
        var candidates = approvals
            .Where(a => a.Status == ApprovalStatus.Active)
            .Where(a => Covers(a.Recipients, transfer.Recipient.Name) && Covers(a.Purposes, transfer.Purpose))
            .ToList();
        if (candidates.Count == 0 || candidates.Any(a => a.Categories.IsEmpty))
        {
            return null;
        }

        return [.. candidates.SelectMany(a => a.Categories).Distinct(StringComparer.Ordinal)];

        static bool Covers(ImmutableArray<string> scope, string value) =>
            scope.IsEmpty || scope.Any(entry => string.Equals(entry, value, StringComparison.OrdinalIgnoreCase));
    }

    private static string BatchDigest(InputBatch batch)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<byte> header = stackalloc byte[12];

        // Headers and records are gathered into one buffer and hashed in large pieces: one call per record costs more
        // than the hashing of a short record.
        byte[] staging = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 16);
        int staged = 0;
        foreach (var record in batch.Records)
        {
            var raw = record.Raw.Span;
            if (staged + header.Length + raw.Length > staging.Length)
            {
                hash.AppendData(staging, 0, staged);
                staged = 0;
            }

            BinaryPrimitives.WriteInt64BigEndian(staging.AsSpan(staged), record.Position);
            BinaryPrimitives.WriteInt32BigEndian(staging.AsSpan(staged + 8), raw.Length);
            staged += header.Length;
            if (raw.Length > staging.Length - staged)
            {
                hash.AppendData(staging, 0, staged);
                hash.AppendData(raw);
                staged = 0;
            }
            else
            {
                raw.CopyTo(staging.AsSpan(staged));
                staged += raw.Length;
            }
        }

        hash.AppendData(staging, 0, staged);
        System.Buffers.ArrayPool<byte>.Shared.Return(staging);

        foreach (var unreadable in batch.Unreadable)
        {
            BinaryPrimitives.WriteInt64BigEndian(header, unreadable.Position);
            BinaryPrimitives.WriteInt32BigEndian(header[8..], -1);
            hash.AppendData(header);
            hash.AppendData(Encoding.UTF8.GetBytes(unreadable.Reason));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private void ApplyScope(List<ExaminedRecord> records)
    {
        if (_allowedCategories is not { } allowed)
        {
            return;
        }

        // Records that leave the same categories share their lists (ExaminedRecord): the answer for the last pair serves again.
        (IReadOnlyList<string>? NonSensitive, IReadOnlyList<string>? Sensitive, bool Within) last = default;
        foreach (var record in records)
        {
            if (record.Retained is not null)
            {
                continue;
            }

            if (!ReferenceEquals(record.NonSensitiveCategories, last.NonSensitive) || !ReferenceEquals(record.SensitiveCategories, last.Sensitive))
            {
                last = (record.NonSensitiveCategories, record.SensitiveCategories, Within(record.NonSensitiveCategories, allowed) && Within(record.SensitiveCategories, allowed));
            }

            if (!last.Within)
            {
                var outside = record.Categories.Where(c => !allowed.Contains(c)).ToList();
                record.Retain(RetainReason.ScopeExceeded, RuleBook.AssessmentScope.Id,
                    $"The record carries {string.Join(", ", outside)}, which no approval of the transfer covers.");
            }
        }

        static bool Within(IReadOnlyList<string> categories, ImmutableArray<string> allowed)
        {
            for (int i = 0; i < categories.Count; i++)
            {
                if (!allowed.Contains(categories[i]))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// Gathers, in one pass, the records not retained while examined, their persons (into <see cref="_ledgerEntries"/>:
    /// one entry per record and sensitivity, the ledger leaves out repeats) and the categories they leave.
    /// </summary>
    /// <remarks>Into objects the pipeline keeps for it: batches commit one at a time, and the store copies what it keeps.</remarks>
    private Candidates Gather(List<ExaminedRecord> records)
    {
        var candidates = _candidates;
        candidates.Clear();
        var entries = _ledgerEntries;
        entries.Clear();
        foreach (var record in records)
        {
            if (record.Retained is not null)
            {
                continue;
            }

            candidates.Add(record);
            if (record.Subject is not SubjectKey subject)
            {
                continue;
            }

            if (record.RemainsNonSensitive)
            {
                entries.Add(new LedgerEntry(subject, Sensitivity.NonSensitive));
            }

            if (record.RemainsSensitive)
            {
                entries.Add(new LedgerEntry(subject, Sensitivity.Sensitive));
            }
        }

        return candidates;
    }

    /// <summary>Puts the batch to the law engine: the year's ledger so far, then the batch's new persons, both on the commit date.</summary>
    private TransferDecision Decide(Candidates candidates, LedgerRegistration preview, DateOnly today)
    {
        var declaration = _options.Declaration;
        var transfer = _options.Transfer;
        var ledger = LedgerTransfer.Of(preview.Before, today, transfer.Recipient, transfer.Purpose);

        var nonSensitive = candidates.NonSensitive.Order(StringComparer.Ordinal).ToList();
        var sensitive = candidates.Sensitive.Order(StringComparer.Ordinal).ToList();
        var items = new List<TransferItem>();
        var added = preview.Added;
        AddItems(items, nonSensitive, added.NonSensitive, sensitive: false);
        AddItems(items, sensitive, added.Sensitive, sensitive: true);
        var batchTransfer = transfer with { Date = today, Items = [.. items] };
        var assessed = declaration with
        {
            Year = today.Year,
            Approvals = Approvals,
            Transfers = preview.Before.IsZero ? [batchTransfer] : [ledger, batchTransfer],
        };
        var result = _options.Assessor.Assess(assessed, today);
        return result.Transfers[^1];

        static void AddItems(List<TransferItem> items, List<string> codes, long persons, bool sensitive)
        {
            for (int i = 0; i < codes.Count; i++)
            {
                // The first category carries the new persons; the others name what else went, adding no one twice.
                long individuals = i == 0 ? persons : Math.Max(persons, 1);
                items.Add(new TransferItem
                {
                    Category = DataCategories.Get(codes[i]),
                    Individuals = individuals,
                    Overlap = i == 0 ? 0 : individuals,
                    Sensitive = sensitive,
                });
            }
        }
    }
}
