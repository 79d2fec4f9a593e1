using System.ComponentModel;
using Outbound.Storage;
using Spectre.Console.Cli;

namespace Outbound.Cli;

/// <summary>The options every command that moves records through the gate shares: declaration, policy, store, keys, actor.</summary>
internal abstract class GatewaySettings : CommandSettings
{
    [CommandOption("--declaration <FILE>")]
    [Description(Messages.ExportDeclarationOption)]
    public string? Declaration { get; init; }

    [CommandOption("--policy <FILE>")]
    [Description(Messages.ExportPolicyOption)]
    public string? Policy { get; init; }

    [CommandOption("--to <DIR>")]
    [Description(Messages.ExportToOption)]
    public string? To { get; init; }

    [CommandOption("--transfer <ID>")]
    [Description(Messages.ExportTransferOption)]
    public string? Transfer { get; init; }

    [CommandOption("--store <STORE>")]
    [Description(Messages.StoreOption)]
    [DefaultValue(StoreSettings.DefaultStore)]
    public string Store { get; init; } = StoreSettings.DefaultStore;

    [CommandOption("--dry-run")]
    [Description(Messages.DryRunOption)]
    public bool DryRun { get; init; }

    [CommandOption("--key-file <FILE>")]
    [Description(Messages.ExportKeyFileOption)]
    public string? KeyFile { get; init; }

    [CommandOption("--quarantine-key-file <FILE>")]
    [Description(Messages.QuarantineKeyFileOption)]
    public string? QuarantineKeyFile { get; init; }

    [CommandOption("--audit-key <FILE>")]
    [Description(Messages.AuditKeyOption)]
    public string? AuditKey { get; init; }

    [CommandOption("--audit-head <FILE>")]
    [Description(Messages.AuditHeadOption)]
    public string? AuditHead { get; init; }

    [CommandOption("--actor <NAME>")]
    [Description(Messages.ActorOption)]
    public string? Actor { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description(Messages.ExportFormatOption)]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    /// <summary>Gets the setup's paths.</summary>
    public ExportSetup.Paths SetupPaths => new(Declaration!, Policy!, Transfer, Store, KeyFile, QuarantineKeyFile, AuditKey, AuditHead);

    /// <summary>Returns what is wrong with the shared options.</summary>
    protected List<string> Problems()
    {
        var problems = new List<string>();
        if (Declaration is null)
        {
            problems.Add(Messages.OptionRequired("--declaration"));
        }
        else if (!File.Exists(Declaration))
        {
            problems.Add(Messages.PathMissing(Declaration));
        }

        if (Policy is null)
        {
            problems.Add(Messages.OptionRequired("--policy"));
        }
        else if (!File.Exists(Policy))
        {
            problems.Add(Messages.PathMissing(Policy));
        }

        if (To is null && !DryRun)
        {
            problems.Add(Messages.OptionRequired("--to"));
        }

        if (Format is not ("text" or "json"))
        {
            problems.Add(Messages.FormatInvalid(Format));
        }

        if (!StoreLocation.TryParse(Store, out _, out string? storeError))
        {
            problems.Add(storeError);
        }

        return problems;
    }
}
