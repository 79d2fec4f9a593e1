using System.ComponentModel;
using System.Security.Cryptography;
using Outbound.Deidentification;
using Outbound.Detection;
using Outbound.Formats;
using Outbound.Formats.Records;
using Outbound.Gateway;
using Outbound.Law;
using Outbound.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Outbound.Cli;

/// <summary><c>outbound export INPUT --declaration D --policy P --to OUT</c>: the export gate.</summary>
/// <param name="console">Standard output.</param>
/// <param name="errors">Standard error.</param>
/// <param name="time">The clock batches are committed by.</param>
/// <param name="standardInput">Where <c>-</c> reads from.</param>
internal sealed class ExportCommand(IAnsiConsole console, ErrorOutput errors, TimeProvider time, StandardInput standardInput) : Command<ExportCommand.Settings>
{
    /// <summary>Exit code when every record was released.</summary>
    public const int AllReleased = 0;

    /// <summary>Exit code when records were retained or could not be read.</summary>
    public const int SomeRetained = 1;

    /// <summary>Batches examined while an earlier one commits, by the threads that examine.</summary>
    /// <remarks>
    /// With more than one thread, four: enough that the examining threads do not run dry while the serial commit runs,
    /// the commit's waits on the disk included (measured: 1M records on two cores, 8 to 20% less time with four than with
    /// two). Each batch is examined by all the threads, so more cores need no more batches, and every batch ahead is
    /// memory. With one thread, every batch waiting is memory the collector goes over for nothing: one.
    /// </remarks>
    private static int ExamineAhead(int threads) => threads <= 1 ? 1 : 4;

    /// <summary>The arguments and options of <c>outbound export</c>.</summary>
    internal sealed class Settings : GatewaySettings
    {
        [CommandArgument(0, "[INPUT]")]
        [Description(Messages.ExportInputArgument)]
        public string? Input { get; init; }

        [CommandOption("--db <STORE>")]
        [Description(Messages.ExportDbOption)]
        public string? Db { get; init; }

        [CommandOption("--table <TABLE>")]
        [Description(Messages.ExportTableOption)]
        public string? Table { get; init; }

        [CommandOption("--resume")]
        [Description(Messages.ResumeOption)]
        public bool Resume { get; init; }

        [CommandOption("--batch-size <N>")]
        [Description(Messages.BatchSizeOption)]
        [DefaultValue(10_000)]
        public int BatchSize { get; init; } = 10_000;

        [CommandOption("--threads <N>")]
        [Description(Messages.ThreadsOption)]
        public int? Threads { get; init; }

        public override ValidationResult Validate()
        {
            var problems = Problems();
            if (Input is null && Db is null)
            {
                problems.Add(Messages.ExportNothingToRead);
            }

            if (Input is not null && Db is not null)
            {
                problems.Add(Messages.ExportInputAndDb);
            }

            if (Db is not null && Table is null)
            {
                problems.Add(Messages.ExportDbNeedsTable);
            }

            if (Input is not null and not ("-" or StandardInput.Name) && !File.Exists(Input))
            {
                problems.Add(Messages.PathMissing(Input));
            }

            if (BatchSize is < 1 or > 1_000_000)
            {
                problems.Add(Messages.BatchSizeInvalid(BatchSize));
            }

            if (Threads is < 1 or > 256)
            {
                problems.Add(Messages.ThreadsInvalid(Threads.Value));
            }

            return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join(Environment.NewLine, problems));
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Run(settings, cancellationToken);
    }

    /// <summary>Runs the export; what <see cref="Execute"/> does after parsing, also used by <c>outbound demo</c>.</summary>
    internal int Run(Settings settings, CancellationToken cancellationToken)
    {
        try
        {
            return RunChecked(settings, cancellationToken);
        }
        catch (Exception error) when (error is ExportSetupException or StoreException)
        {
            errors.WriteError(error.Message);
            return OutboundApp.UsageError;
        }
    }

    /// <summary>
    /// Reads the next batch while the pipeline works on the current one, and examines (detects, transforms) the next
    /// while the current one is decided and committed — <see cref="ExamineAhead"/> batches ahead, so memory stays
    /// bounded. On two cores, reading and detection overlap the ledger, the part file and the commit; batches still
    /// commit in input order.
    /// </summary>
    private static void ReadAhead(ExportInput input, int batchSize, long skipThrough, ExportPipeline pipeline, int threads, ExportSummary summary, Action<long> progress, CancellationToken cancellationToken)
    {
        int ahead = ExamineAhead(threads);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var queue = new System.Collections.Concurrent.BlockingCollection<InputBatch>(boundedCapacity: 1);
        // The reader blocks while the queue is full, so it has a thread of its own: on a pool thread it would hold the
        // only one a single core gets, and the first batch's examination would wait for the pool to add another.
        var reader = Task.Factory.StartNew(
            () =>
            {
                try
                {
                    input.Read(batchSize, skipThrough, batch => queue.Add(batch, stop.Token), progress, stop.Token);
                }
                finally
                {
                    queue.CompleteAdding();
                }
            },
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);
        // Batches are examined ahead of the one being committed (commits are serial, examining is not), and committed in
        // input order.
        var examining = new Queue<(InputBatch Batch, Task<ExportPipeline.ExaminedBatch> Work)>();
        void CommitNext()
        {
            var (batch, work) = examining.Dequeue();
            summary.Add(pipeline.DecideAndCommit(work.GetAwaiter().GetResult()));

            // Committed: nothing reads the batch's records again, so the reader may fill their memory anew.
            batch.Memory?.Dispose();
        }

        try
        {
            foreach (var batch in queue.GetConsumingEnumerable(cancellationToken))
            {
                examining.Enqueue((batch, Task.Run(() => pipeline.Examine(batch), CancellationToken.None)));
                if (examining.Count > ahead)
                {
                    CommitNext();
                }
            }

            while (examining.Count > 0)
            {
                CommitNext();
            }
        }
        catch
        {
            stop.Cancel();
            throw;
        }
        finally
        {
            try
            {
                reader.GetAwaiter().GetResult();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                // The consumer stopped first; its exception is the one that matters.
            }
        }
    }

    private int RunChecked(Settings settings, CancellationToken cancellationToken)
    {
        // The input's digest names the run; it is read while the setup is, and waited for only when the run is opened.
        using var stopDigest = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var digesting = ExportInput.StartDigest(settings.Input, settings.Db, stopDigest.Token);
        try
        {
            return RunChecked(settings, digesting, cancellationToken);
        }
        finally
        {
            stopDigest.Cancel();
        }
    }

    private int RunChecked(Settings settings, Task<string>? digesting, CancellationToken cancellationToken)
    {
        var setup = ExportSetup.Prepare(settings, time);
        using var store = setup.Store;
        string? spooled = null;
        try
        {
            long started = time.GetTimestamp();
            var input = ExportInput.Open(settings.Input, settings.Db, settings.Table, settings.To, standardInput, digesting, out spooled);
            var runKey = setup.RunKey(input.Digest, settings.To);
            var existing = store.FindRun(runKey.RunId);
            if (existing is { Batches.IsEmpty: false } && !settings.Resume && !settings.DryRun)
            {
                throw new ExportSetupException(Messages.RunExists(runKey.RunId, existing.CommittedThrough));
            }

            int threads = settings.Threads ?? Environment.ProcessorCount;
            using var pipeline = setup.Pipeline(settings, runKey, time, threads);
            var removed = settings.Resume ? pipeline.DropUncommittedParts() : [];
            var summary = new ExportSummary(runKey, pipeline.CommittedThrough, removed, settings.DryRun);
            void ReadAll(Action<long> progress) =>
                ReadAhead(input, settings.BatchSize, pipeline.CommittedThrough, pipeline, threads, summary, progress, cancellationToken);

            if (settings.Format == "text" && console.Profile.Capabilities.Interactive && input.Length > 0)
            {
                console.Progress().AutoClear(true).Start(progress =>
                {
                    var task = progress.AddTask(Markup.Escape(input.Name), maxValue: input.Length);
                    ReadAll(read => task.Value = read);
                });
            }
            else
            {
                ReadAll(_ => { });
            }

            pipeline.Finish();
            summary.Finish(store.Totals(setup.Declaration.Handler.Name, ChinaTime.DateOf(time.GetUtcNow()).Year), pipeline.Timings, time.GetElapsedTime(started));
            if (settings.Format == "json")
            {
                console.Profile.Out.Writer.Write(ExportOutput.ToJson(summary));
            }
            else
            {
                ExportOutput.WriteText(console, summary, settings.To);
            }

            return summary.Retained > 0 || summary.Unreadable > 0 ? SomeRetained : AllReleased;
        }
        finally
        {
            if (spooled is not null)
            {
                File.Delete(spooled);
            }
        }
    }
}
