using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Outbound.Gateway;
using Outbound.Law;
using Outbound.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Outbound.Cli;

/// <summary><c>outbound approvals list</c>: the approvals on file.</summary>
/// <param name="console">Standard output.</param>
/// <param name="errors">Standard error.</param>
/// <param name="time">The store's clock.</param>
internal sealed class ApprovalsListCommand(IAnsiConsole console, ErrorOutput errors, TimeProvider time) : Command<ApprovalsListCommand.Settings>
{
    /// <summary>The options of <c>outbound approvals list</c>.</summary>
    internal sealed class Settings : StoreSettings
    {
        [CommandOption("--handler <NAME>")]
        [Description(Messages.HandlerOption)]
        public string? Handler { get; init; }
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

        IEnumerable<string> handlers = settings.Handler is { } handler ? [handler] : ((GatewayStore)store).ApprovalHandlers();
        var approvals = handlers.SelectMany(h => store.Approvals(h).Select(approval => (Handler: h, Approval: approval))).ToList();

        if (settings.Format == "json")
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = ApprovalsImportCommand.JsonOptions.Encoder }))
            {
                writer.WriteStartObject();
                writer.WriteString("store", store.Description);
                writer.WriteStartArray("approvals");
                foreach (var (owner, approval) in approvals)
                {
                    ApprovalsImportCommand.WriteApproval(writer, approval, owner);
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            }

            CommandStore.WriteRaw(console, Encoding.UTF8.GetString(buffer.ToArray()));
            return 0;
        }

        if (approvals.Count == 0)
        {
            CommandStore.WriteRaw(console, Messages.NoApprovals(store.Description));
            return 0;
        }

        var table = new Table().AddColumns("handler", "id", "kind", "effective", "filed", "filing number", "valid until", "status", "max persons");
        foreach (var (owner, approval) in approvals)
        {
            table.AddRow(
                Markup.Escape(owner),
                Markup.Escape(approval.Id),
                ApprovalsImportCommand.Upper(approval.Kind),
                Date(approval.Effective),
                approval.Filed is { } filed ? Date(filed) : "-",
                Markup.Escape(approval.FilingNumber ?? "-"),
                approval.ValidUntil is { } until ? Date(until) : "-",
                ApprovalsImportCommand.Upper(approval.Status),
                approval.MaxIndividuals?.ToString("N0", CultureInfo.InvariantCulture) ?? "-");
        }

        console.Write(table);
        return 0;
    }

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
