using System.ComponentModel;
using System.Globalization;
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
            var query = new QuarantineQuery(RunId: ResolveRun(store, settings.Run), Reason: reason);

            // First, a page at a time: every record held now must open under the key before any moves, and their ids
            // name the run. Records quarantined meanwhile (after the last id seen) wait for the next release.
            using var ids = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            ids.AppendData("quarantine\n"u8);
            int held = 0;
            long through = 0;
            foreach (var page in QuarantinePages.Of(store, query))
            {
                foreach (var record in page)
                {
                    Open(setup, record);
                    ids.AppendData(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{(held++ == 0 ? "" : ",")}{record.Id}")));
                    through = record.Id;
                }
            }

            var runKey = setup.RunKey(Convert.ToHexStringLower(ids.GetHashAndReset()), settings.To);
            using var pipeline = setup.Pipeline(settings, runKey, time, Environment.ProcessorCount);

            var summary = new ExportSummary(runKey, 0, [], settings.DryRun);
            foreach (var page in QuarantinePages.Of(store, query, through))
            {
                var batch = ExportReader.ReadJsonRecords(page.Select(record => (record.Id, Open(setup, record))));
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
                console.MarkupLine(Markup.Escape(Messages.ReleaseLooked(held)));
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

    private static byte[] Open(ExportSetup setup, QuarantinedRecord record)
    {
        try
        {
            return setup.Sealer.Open(record.Item.Sealed.Span, record.Item.RunId, record.Item.Position);
        }
        catch (CryptographicException)
        {
            throw new ExportSetupException(Messages.QuarantineCannotOpen(record.Id, record.Item.KeyId, setup.Sealer.KeyId));
        }
    }

    private static string? ResolveRun(IGatewayStore store, string? run)
    {
        if (run is null || run.Length == 32)
        {
            return run;
        }

        // A run may be named by the 12-digit prefix the summaries and part files show.
        var match = QuarantinePages.Of(store, new QuarantineQuery(IncludeReleased: true))
            .SelectMany(page => page.Select(r => r.Item.RunId)).Distinct(StringComparer.Ordinal)
            .Where(id => id.StartsWith(run, StringComparison.Ordinal)).ToList();
        return match.Count == 1 ? match[0] : throw new ExportSetupException(Messages.RunUnknown(run));
    }
}
