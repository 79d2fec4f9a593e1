using System.ComponentModel;
using Outbound.Gateway;
using Outbound.Storage;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Outbound.Cli;

/// <summary>The options every command on the gateway's store shares: <c>--store</c> and <c>--format</c>.</summary>
internal class StoreSettings : CommandSettings
{
    /// <summary>The store used when none is given.</summary>
    public const string DefaultStore = "sqlite:./outbound.db";

    [CommandOption("--store <STORE>")]
    [Description(Messages.StoreOption)]
    [DefaultValue(DefaultStore)]
    public string Store { get; init; } = DefaultStore;

    [CommandOption("--format <FORMAT>")]
    [Description(Messages.TextJsonFormatOption)]
    [DefaultValue("text")]
    public string Format { get; init; } = "text";

    /// <summary>Gets the store location, once <see cref="Validate"/> has accepted it.</summary>
    public StoreLocation Location => StoreLocation.Parse(Store);

    public override ValidationResult Validate()
    {
        var problems = Problems();
        return problems.Count == 0 ? ValidationResult.Success() : ValidationResult.Error(string.Join('\n', problems));
    }

    /// <summary>Returns every problem with the options, for subclasses to add to.</summary>
    protected virtual List<string> Problems()
    {
        var problems = new List<string>();
        if (!StoreLocation.TryParse(Store, out _, out string? error))
        {
            problems.Add(error);
        }

        if (Format is not ("text" or "json"))
        {
            problems.Add(Messages.TextJsonFormatInvalid(Format));
        }

        return problems;
    }
}

/// <summary>Opens the store a command names, reporting a failure on standard error.</summary>
internal static class CommandStore
{
    /// <summary>Opens the store; a SQLite file must exist already when <paramref name="mustExist"/> (commands that only read).</summary>
    public static IGatewayStore? Open(StoreLocation location, AuditSigner? signer, TimeProvider clock, ErrorOutput errors, bool mustExist)
    {
        if (mustExist && location.Kind == StoreKind.Sqlite && !File.Exists(location.Target))
        {
            errors.WriteError(Messages.StoreFileMissing(location.Target));
            return null;
        }

        try
        {
            return GatewayStores.Open(location, new GatewayStoreOptions { Signer = signer, Clock = clock });
        }
        catch (StoreException e)
        {
            errors.WriteError(e.Message);
            return null;
        }
    }

    /// <summary>Returns the actor to record: the one given, else the operating-system user.</summary>
    public static string Actor(string? given) => string.IsNullOrWhiteSpace(given) ? Environment.UserName : given;

    /// <summary>Writes text as it is: Spectre would wrap long lines at the console width.</summary>
    public static void WriteRaw(IAnsiConsole console, string text)
    {
        var writer = console.Profile.Out.Writer;
        writer.Write(text);
        if (!text.EndsWith('\n'))
        {
            writer.Write('\n');
        }

        writer.Flush();
    }
}
