using System.Collections.Immutable;
using System.ComponentModel;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outbound.Formats;
using Outbound.Gateway;
using Outbound.Law;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Outbound.Cli;

/// <summary><c>outbound approvals import DECLARATION</c>: takes a declaration's approvals into the store, audited.</summary>
/// <param name="console">Standard output.</param>
/// <param name="errors">Standard error.</param>
/// <param name="time">The clock that stamps the import.</param>
internal sealed class ApprovalsImportCommand(IAnsiConsole console, ErrorOutput errors, TimeProvider time) : Command<ApprovalsImportCommand.Settings>
{
    internal static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The arguments and options of <c>outbound approvals import</c>.</summary>
    internal sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<DECLARATION>")]
        [Description(Messages.DeclarationArgument)]
        public string Declaration { get; init; } = "";

        [CommandOption("--actor <NAME>")]
        [Description(Messages.ActorOption)]
        public string? Actor { get; init; }

        [CommandOption("--audit-key <FILE>")]
        [Description(Messages.AuditKeyOption)]
        public string? AuditKey { get; init; }

        [CommandOption("--audit-head <FILE>")]
        [Description(Messages.AuditHeadOption)]
        public string? AuditHead { get; init; }

        protected override List<string> Problems()
        {
            var problems = base.Problems();
            if (!File.Exists(Declaration))
            {
                problems.Add(Messages.FileMissing(Declaration));
            }

            return problems;
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return Run(settings);
    }

    /// <summary>Imports the declaration's approvals; what <see cref="Execute"/> does after parsing, also used by <c>outbound demo</c>.</summary>
    internal int Run(Settings settings)
    {
        byte[] bytes;
        DeclarationReadResult read;
        try
        {
            bytes = File.ReadAllBytes(settings.Declaration);
            read = DeclarationReader.Read(Encoding.UTF8.GetString(bytes), settings.Declaration);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.WriteError(Messages.FileUnreadable(settings.Declaration, e.Message));
            return OutboundApp.UsageError;
        }

        if (read.Declaration is not { } declaration)
        {
            foreach (var error in read.Errors)
            {
                errors.WriteLine(error.ToString());
            }

            return OutboundApp.UsageError;
        }

        if (!AuditKeySource.TryResolve(settings.AuditKey, null, settings.AuditHead, Environment.GetEnvironmentVariable, out var keys, out string? keyError))
        {
            errors.WriteError(keyError);
            return OutboundApp.UsageError;
        }

        using (keys)
        {
            if (declaration.Approvals.IsEmpty)
            {
                errors.WriteLine(Messages.DeclarationHasNoApprovals(settings.Declaration));
                return 0;
            }

            using var store = CommandStore.Open(settings.Location, keys.Signer, time, errors, mustExist: false);
            if (store is null)
            {
                return OutboundApp.UsageError;
            }

            string handler = declaration.Handler.Name;
            var record = new AuditRecord(
                AuditKind.ApprovalImport,
                CommandStore.Actor(settings.Actor),
                time.GetUtcNow(),
                AuditBody(Path.GetFileName(settings.Declaration), GatewayDigest.Sha256Hex(bytes), handler, declaration.Approvals));

            ImmutableArray<string> added;
            try
            {
                added = store.ImportApprovals(handler, declaration.Approvals, record);
            }
            catch (ApprovalConflictException e)
            {
                errors.WriteError(e.Message);
                return OutboundApp.UsageError;
            }

            AnchorHead(store, keys, errors);

            string[] unchanged = [.. declaration.Approvals.Select(a => a.Id).Distinct(StringComparer.Ordinal).Except(added, StringComparer.Ordinal)];
            if (settings.Format == "json")
            {
                CommandStore.WriteRaw(console, Json(store.Description, handler, added, unchanged));
            }
            else
            {
                CommandStore.WriteRaw(console, Messages.ApprovalsImported(added.Length, unchanged.Length, handler, store.Description));
            }

            return 0;
        }
    }

    /// <summary>Anchors the store's last checkpoint in the head file, or says why there is none; for every command that appends to the log.</summary>
    internal static void AnchorHead(IGatewayStore store, AuditKeys keys, ErrorOutput errors)
    {
        if (keys.Signer is null)
        {
            errors.WriteLine(Messages.NoSigningKey);
            return;
        }

        if (keys.HeadPath is null)
        {
            errors.WriteLine(Messages.NoHeadAnchor);
            return;
        }

        var checkpoints = store.AuditCheckpoints();
        if (!checkpoints.IsEmpty && keys.WriteHead(checkpoints[^1]))
        {
            errors.WriteLine(Messages.HeadWritten(checkpoints[^1].Sequence, keys.HeadPath));
        }
    }

    private static string AuditBody(string source, string digest, string handler, ImmutableArray<Approval> approvals)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, JsonOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("source", source);
            writer.WriteString("declaration_digest", digest);
            writer.WriteString("handler", handler);
            writer.WriteStartArray("approvals");
            foreach (var approval in approvals)
            {
                WriteApproval(writer, approval, handler: null);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes an approval as a JSON object with snake_case names and upper-case enum values.</summary>
    internal static void WriteApproval(Utf8JsonWriter writer, Approval approval, string? handler)
    {
        writer.WriteStartObject();
        if (handler is not null)
        {
            writer.WriteString("handler", handler);
        }

        writer.WriteString("id", approval.Id);
        writer.WriteString("kind", Upper(approval.Kind));
        writer.WriteString("effective", approval.Effective.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        WriteDate(writer, "filed", approval.Filed);
        writer.WriteString("filing_number", approval.FilingNumber);
        WriteDate(writer, "valid_until", approval.ValidUntil);
        writer.WriteString("status", Upper(approval.Status));
        WriteList(writer, "recipients", approval.Recipients);
        WriteList(writer, "purposes", approval.Purposes);
        WriteList(writer, "categories", approval.Categories);
        if (approval.MaxIndividuals is { } max)
        {
            writer.WriteNumber("max_individuals", max);
        }
        else
        {
            writer.WriteNull("max_individuals");
        }

        WriteList(writer, "triggers", approval.Triggers.Select(Upper));
        writer.WriteEndObject();
    }

    /// <summary>Returns the upper-case wire name of an approval's enum value, e.g. <c>STANDARD_CONTRACT</c>.</summary>
    internal static string Upper<TEnum>(TEnum value)
        where TEnum : struct, Enum => WireNames.DeclarationWord(value).ToUpperInvariant();

    private static void WriteDate(Utf8JsonWriter writer, string name, DateOnly? date)
    {
        if (date is { } value)
        {
            writer.WriteString(name, value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteList(Utf8JsonWriter writer, string name, IEnumerable<string> items)
    {
        writer.WriteStartArray(name);
        foreach (string item in items)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }

    private static string Json(string store, string handler, ImmutableArray<string> added, string[] unchanged)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteString("store", store);
            writer.WriteString("handler", handler);
            WriteList(writer, "added", added);
            WriteList(writer, "unchanged", unchanged);

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
