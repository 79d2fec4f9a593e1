using System.Diagnostics;
using System.Globalization;
using System.Runtime.ExceptionServices;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Outbound.Cli;

/// <summary>Builds the <c>outbound</c> command line application.</summary>
internal static class OutboundApp
{
    /// <summary>Exit code for bad input or usage (DESIGN.md).</summary>
    public const int UsageError = 2;

    /// <summary>Returns the application, writing results to <paramref name="console"/> and errors to <paramref name="errors"/>.</summary>
    /// <param name="console">Standard output.</param>
    /// <param name="errors">Standard error.</param>
    /// <param name="time">The clock that gives the default <c>--as-of</c> date.</param>
    /// <param name="input">Where <c>-</c> reads from; default: the process's standard input.</param>
    public static CommandApp Create(IAnsiConsole console, ErrorOutput errors, TimeProvider time, StandardInput? input = null)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(time);

        var app = new CommandApp();
        app.Configure(config =>
        {
            config.SetApplicationName("outbound");
            config.Settings.Console = console;
            config.Settings.Culture = CultureInfo.InvariantCulture;
            config.UseStrictParsing();
            config.Settings.Registrar.RegisterInstance<TimeProvider>(time);
            config.Settings.Registrar.RegisterInstance(errors);
            config.Settings.Registrar.RegisterInstance(input ?? StandardInput.Process);
            config.SetExceptionHandler((exception, _) => HandleException(exception, errors));

            config.AddCommand<AssessCommand>("assess")
                .WithDescription(Messages.AssessDescription)
                .WithExample("assess", "declaration.yaml")
                .WithExample("assess", "declaration.yaml", "--as-of", "2026-11-29", "--format", "json")
                .WithExample("assess", "shanghai.yaml", "beijing.yaml", "--format", "markdown", "--calendar", "cn-holidays-2027.csv");

            config.AddCommand<ScanCommand>("scan")
                .WithDescription(Messages.ScanDescription)
                .WithExample("scan", "samples/data")
                .WithExample("scan", "telemetry.jsonl", "--format", "json")
                .WithExample("scan", "--spans", "--field", "text", "corpus.jsonl")
                .WithExample("scan", "--db", "sqlite:crm.db", "--table", "customers");

            config.AddCommand<ExportCommand>("export")
                .WithDescription(Messages.ExportDescription)
                .WithExample("export", "trips.jsonl", "--declaration", "declaration.yaml", "--policy", "policy.yaml", "--to", "out/")
                .WithExample("export", "trips.jsonl", "--declaration", "declaration.yaml", "--policy", "policy.yaml", "--to", "out/", "--resume")
                .WithExample("export", "--db", "sqlite:crm.db", "--table", "customers", "--declaration", "d.yaml", "--policy", "p.yaml", "--dry-run");

            config.AddBranch("approvals", approvals =>
            {
                approvals.SetDescription(Messages.ApprovalsDescription);
                approvals.AddCommand<ApprovalsImportCommand>("import")
                    .WithDescription(Messages.ApprovalsImportDescription)
                    .WithExample("approvals", "import", "declaration.yaml", "--audit-key", "audit-key.pem");
                approvals.AddCommand<ApprovalsListCommand>("list")
                    .WithDescription(Messages.ApprovalsListDescription)
                    .WithExample("approvals", "list", "--store", "postgres:Host=db;Database=outbound;Username=gateway");
            });

            config.AddBranch("quarantine", quarantine =>
            {
                quarantine.SetDescription(Messages.QuarantineDescription);
                quarantine.AddCommand<QuarantineListCommand>("list")
                    .WithDescription(Messages.QuarantineListDescription)
                    .WithExample("quarantine", "list", "--reason", "SCOPE_EXCEEDED");
                quarantine.AddCommand<QuarantineReleaseCommand>("release")
                    .WithDescription(Messages.QuarantineReleaseDescription)
                    .WithExample("quarantine", "release", "--declaration", "declaration.yaml", "--policy", "policy.yaml", "--to", "out/", "--reason", "SCOPE_EXCEEDED");
            });

            config.AddBranch("audit", audit =>
            {
                audit.SetDescription(Messages.AuditDescription);
                audit.AddCommand<AuditVerifyCommand>("verify")
                    .WithDescription(Messages.AuditVerifyDescription)
                    .WithExample("audit", "verify", "--public-key", "audit-public-key.pem", "--audit-head", "audit-key.pem.head")
                    .WithExample("audit", "verify", "--bundle", "evidence-2026");
                audit.AddCommand<AuditExportCommand>("export")
                    .WithDescription(Messages.AuditExportDescription)
                    .WithExample("audit", "export", "evidence-2026", "--audit-key", "audit-key.pem");
            });

            config.AddCommand<Demo.DemoCommand>("demo")
                .WithDescription(Messages.DemoDescription)
                .WithExample("demo");
        });

        return app;
    }

    /// <summary>
    /// Returns the arguments as the parser takes them: a lone <c>-</c> (standard input, DESIGN "Conventions") would be
    /// read as an option without a name, so it is passed as <see cref="StandardInput.Name"/>.
    /// </summary>
    public static string[] Arguments(IEnumerable<string> args) => [.. args.Select(arg => arg == "-" ? StandardInput.Name : arg)];

    private static int HandleException(Exception exception, ErrorOutput errors)
    {
        if (exception is Outbound.Detection.PersonSpillException spill)
        {
            // The machine, not the program: no room for the temporary files of a large count.
            errors.WriteError(spill.Message);
            return UsageError;
        }

        if (exception is not CommandAppException usage)
        {
            // Anything else is a bug, not bad input: let it surface with its stack trace.
            ExceptionDispatchInfo.Throw(exception);
            throw new UnreachableException();
        }

        if (usage.Pretty is { } pretty)
        {
            errors.Write(pretty);
        }
        else
        {
            errors.WriteError(usage.Message);
        }

        return UsageError;
    }
}
