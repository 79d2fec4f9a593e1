using System.ComponentModel;
using Outbound.Gateway;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Outbound.Cli;

/// <summary><c>outbound audit export DIR</c>: writes the audit log as evidence an auditor can check offline.</summary>
/// <param name="console">Standard output.</param>
/// <param name="errors">Standard error.</param>
/// <param name="time">The store's clock.</param>
internal sealed class AuditExportCommand(IAnsiConsole console, ErrorOutput errors, TimeProvider time) : Command<AuditExportCommand.Settings>
{
    /// <summary>The arguments and options of <c>outbound audit export</c>.</summary>
    internal sealed class Settings : StoreSettings
    {
        [CommandArgument(0, "<DIR>")]
        [Description(Messages.ExportDirArgument)]
        public string Directory { get; init; } = "";

        [CommandOption("--audit-key <FILE>")]
        [Description(Messages.AuditKeyOption)]
        public string? AuditKey { get; init; }

        [CommandOption("--public-key <FILE>")]
        [Description(Messages.PublicKeyOption)]
        public string? PublicKey { get; init; }

        [CommandOption("--audit-head <FILE>")]
        [Description(Messages.AuditHeadOption)]
        public string? AuditHead { get; init; }

        protected override List<string> Problems()
        {
            var problems = base.Problems();
            if (System.IO.Directory.Exists(Directory) && System.IO.Directory.EnumerateFileSystemEntries(Directory).Any())
            {
                problems.Add(Messages.ExportFolderNotEmpty(Directory));
            }

            return problems;
        }
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!AuditKeySource.TryResolve(settings.AuditKey, settings.PublicKey, settings.AuditHead, Environment.GetEnvironmentVariable, out var keys, out string? keyError))
        {
            errors.WriteError(keyError);
            return OutboundApp.UsageError;
        }

        using (keys)
        {
            using var store = CommandStore.Open(settings.Location, signer: null, time, errors, mustExist: true);
            if (store is null)
            {
                return OutboundApp.UsageError;
            }

            AuditCheckpoint? head;
            try
            {
                head = keys.ReadHead();
            }
            catch (FormatException e)
            {
                errors.WriteError(e.Message);
                return OutboundApp.UsageError;
            }

            long entries = 0;
            var checkpoints = store.AuditCheckpoints();
            AuditBundle.Write(settings.Directory, Counted(store.AuditEntries()), checkpoints, keys.Key?.ExportPublicKeyPem(), head);
            CommandStore.WriteRaw(console, Messages.BundleWritten(settings.Directory, entries, checkpoints.Length));
            if (keys.Key is null)
            {
                errors.WriteLine(Messages.BundleWithoutKey);
            }

            return 0;

            IEnumerable<AuditEntry> Counted(IEnumerable<AuditEntry> all)
            {
                foreach (var entry in all)
                {
                    entries++;
                    yield return entry;
                }
            }
        }
    }
}
