using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Outbound.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Outbound.Cli;

/// <summary><c>outbound quarantine list</c>: the records exports retained, by their metadata only; never opens them.</summary>
/// <param name="console">Standard output.</param>
/// <param name="errors">Standard error.</param>
/// <param name="time">The store's clock.</param>
internal sealed class QuarantineListCommand(IAnsiConsole console, ErrorOutput errors, TimeProvider time) : Command<QuarantineListCommand.Settings>
{
    /// <summary>The options of <c>outbound quarantine list</c>.</summary>
    internal sealed class Settings : StoreSettings
    {
        [CommandOption("--run <ID>")]
        [Description(Messages.RunOption)]
        public string? Run { get; init; }

        [CommandOption("--reason <REASON>")]
        [Description(Messages.ReasonOption)]
        public string? Reason { get; init; }

        [CommandOption("--all")]
        [Description(Messages.AllOption)]
        public bool All { get; init; }

        /// <summary>Gets the reason asked for, once <see cref="StoreSettings.Validate"/> has accepted it.</summary>
        public RetainReason? ReasonValue => Reason is null ? null : RetainReasonNames.TryParse(Reason.ToUpperInvariant(), out var reason) ? reason : null;

        protected override List<string> Problems()
        {
            var problems = base.Problems();
            if (Reason is not null && !RetainReasonNames.TryParse(Reason.ToUpperInvariant(), out _))
            {
                problems.Add(Messages.ReasonInvalid(Reason));
            }

            return problems;
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        using var store = CommandStore.Open(settings.Location, signer: null, time, errors, mustExist: true);
        if (store is null)
        {
            return OutboundApp.UsageError;
        }

        if (settings.Format == "json")
        {
            WriteJson(store, new QuarantineQuery(settings.Run, settings.ReasonValue, settings.All));
            return 0;
        }

        var records = store.Quarantined(new QuarantineQuery(settings.Run, settings.ReasonValue, settings.All));
        if (records.IsEmpty)
        {
            CommandStore.WriteRaw(console, Messages.NoQuarantined(store.Description));
            return 0;
        }

        var table = new Table().AddColumns("id", "run", "batch", "position", "reason", "rule", "retained", "released", "why");
        foreach (var record in records)
        {
            table.AddRow(
                record.Id.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(record.Item.RunId),
                record.Item.Batch.ToString(CultureInfo.InvariantCulture),
                record.Item.Position.ToString(CultureInfo.InvariantCulture),
                RetainReasonNames.Of(record.Item.Reason),
                Markup.Escape(record.Item.RuleId ?? "-"),
                Time(record.Retained),
                record.Released is { } released ? Time(released) : "-",
                Markup.Escape(record.Item.Detail));
        }

        console.Write(table);
        CommandStore.WriteRaw(console, Messages.QuarantinedCount(records.Length));
        return 0;
    }

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes the records as JSON a page at a time, each page out before the next is read, so the listing's memory does
    /// not grow with the quarantine.
    /// </summary>
    private void WriteJson(IGatewayStore store, QuarantineQuery query)
    {
        var output = console.Profile.Out.Writer;
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = ApprovalsImportCommand.JsonOptions.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("store", store.Description);
            writer.WriteStartArray("records");
            foreach (var page in QuarantinePages.Of(store, query))
            {
                foreach (var record in page)
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("id", record.Id);
                    writer.WriteString("run_id", record.Item.RunId);
                    writer.WriteNumber("batch", record.Item.Batch);
                    writer.WriteNumber("position", record.Item.Position);
                    writer.WriteString("reason", RetainReasonNames.Of(record.Item.Reason));
                    writer.WriteString("rule_id", record.Item.RuleId);
                    writer.WriteString("detail", record.Item.Detail);
                    writer.WriteString("key_id", record.Item.KeyId);
                    writer.WriteNumber("sealed_bytes", record.Item.Sealed.Length);
                    writer.WriteString("retained", AuditChain.FormatTime(record.Retained));
                    writer.WriteString("released", record.Released is { } released ? AuditChain.FormatTime(released) : null);
                    writer.WriteEndObject();
                }

                writer.Flush();
                Drain(buffer, output);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        Drain(buffer, output);
        output.Write('\n');

        static void Drain(MemoryStream buffer, TextWriter output)
        {
            output.Write(Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
            buffer.SetLength(0);
        }
    }
}
