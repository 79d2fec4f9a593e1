using System.ComponentModel;
using System.Security.Cryptography;
using System.Text;
using Outbound.Detection;
using Outbound.Formats.Records;
using Outbound.Gateway;
using Outbound.Law;
using Outbound.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Outbound.Cli;

/// <summary>
/// <c>outbound quarantine release</c>: puts retained records through the gate again — after an approval arrived, or a
/// policy changed — releasing those that may now go and leaving the rest where they are.
/// </summary>
/// <param name="console">Standard output.</param>
/// <param name="errors">Standard error.</param>
/// <param name="time">The clock batches are committed by.</param>
internal sealed class QuarantineReleaseCommand(IAnsiConsole console, ErrorOutput errors, TimeProvider time) : Command<QuarantineReleaseCommand.Settings>
{
    private const int BatchSize = 10_000;

    /// <summary>The options of <c>outbound quarantine release</c>.</summary>
    internal sealed class Settings : GatewaySettings
    {
        [CommandOption("--run <ID>")]
        [Description(Messages.ReleaseRunOption)]
        public string? Run { get; init; }

        [CommandOption("--reason <REASON>")]
        [Description(Messages.ReleaseReasonOption)]
        public string? Reason { get; init; }

        public override ValidationResult Validate()
        {
            var problems = Problems();
            if (Reason is not null && !RetainReasonNames.TryParse(Reason, out _))
            {
                problems.Add(Messages.ReasonInvalid(Reason));
            }

            return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join(Environment.NewLine, problems));
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        try
        {
            var setup = ExportSetup.Prepare(settings, time);
            using var store = setup.Store;
            RetainReason? reason = settings.Reason is null ? null : RetainReasonNames.TryParse(settings.Reason, out var parsed) ? parsed : null;
            var held = store.Quarantined(new QuarantineQuery(RunId: ResolveRun(store, settings.Run), Reason: reason));
            var opened = new List<(long Position, byte[] Json)>(held.Length);
            foreach (var record in held)
            {
                try
                {
                    opened.Add((record.Id, setup.Sealer.Open(record.Item.Sealed.Span, record.Item.RunId, record.Item.Position)));
                }
                catch (CryptographicException)
                {
                    throw new ExportSetupException(Messages.QuarantineCannotOpen(record.Id, record.Item.KeyId, setup.Sealer.KeyId));
                }
            }

            string digest = GatewayDigest.Sha256Hex(Encoding.UTF8.GetBytes("quarantine\n" + string.Join(",", held.Select(r => r.Id))));
            var runKey = setup.RunKey(digest, settings.To);
            using var pipeline = setup.Pipeline(settings, runKey, time, Environment.ProcessorCount);

            var summary = new ExportSummary(runKey, 0, [], settings.DryRun);
            foreach (var chunk in opened.Chunk(BatchSize))
            {
                var batch = ExportReader.ReadJsonRecords(chunk);
                var records = batch.Records.Select(r => r with { QuarantineId = r.Position }).ToList();
                summary.Add(pipeline.Process(new InputBatch(records, batch.Unreadable)));
            }

            pipeline.Finish();
            summary.Finish(store.Totals(setup.Declaration.Handler.Name, ChinaTime.DateOf(time.GetUtcNow()).Year));
            if (settings.Format == "json")
            {
                console.Profile.Out.Writer.Write(ExportOutput.ToJson(summary));
            }
            else
            {
                console.MarkupLine(Markup.Escape(Messages.ReleaseLooked(held.Length)));
                ExportOutput.WriteText(console, summary, settings.To);
            }

            return summary.Retained > 0 || summary.Unreadable > 0 ? ExportCommand.SomeRetained : ExportCommand.AllReleased;
        }
        catch (Exception error) when (error is ExportSetupException or StoreException)
        {
            errors.WriteError(error.Message);
            return OutboundApp.UsageError;
        }
    }

    private static string? ResolveRun(IGatewayStore store, string? run)
    {
        if (run is null || run.Length == 32)
        {
            return run;
        }

        // A run may be named by the 12-digit prefix the summaries and part files show.
        var match = store.Quarantined(new QuarantineQuery(IncludeReleased: true))
            .Select(r => r.Item.RunId).Distinct(StringComparer.Ordinal)
            .Where(id => id.StartsWith(run, StringComparison.Ordinal)).ToList();
        return match.Count == 1 ? match[0] : throw new ExportSetupException(Messages.RunUnknown(run));
    }
}
