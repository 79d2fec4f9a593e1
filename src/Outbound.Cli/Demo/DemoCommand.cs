using System.ComponentModel;
using System.Globalization;
using Outbound.Detection;
using Outbound.Gateway;
using Outbound.Law;
using Outbound.Storage;
using Spectre.Console;
using Spectre.Console.Cli;
using static System.FormattableString;

namespace Outbound.Cli.Demo;

/// <summary>
/// <c>outbound demo</c>: the whole job on the embedded default — keys, a fleet dataset, the declaration assessed, the
/// data scanned, exported through a policy into a destination with the store beside it, and the audit log verified.
/// </summary>
/// <param name="console">Standard output.</param>
/// <param name="errors">Standard error.</param>
/// <param name="time">The clock.</param>
internal sealed class DemoCommand(IAnsiConsole console, ErrorOutput errors, TimeProvider time) : Command<DemoCommand.Settings>
{
    /// <summary>The options of <c>outbound demo</c>.</summary>
    internal sealed class Settings : CommandSettings
    {
        [CommandOption("--dir <DIR>")]
        [Description("Where the demo puts its keys, data, store and released records.")]
        [DefaultValue("./outbound-demo")]
        public string Dir { get; init; } = "./outbound-demo";

        [CommandOption("--records <N>")]
        [Description("How many trip records the fleet dataset has.")]
        [DefaultValue(20_000)]
        public int Records { get; init; } = 20_000;

        [CommandOption("--drivers <N>")]
        [Description("How many drivers (distinct persons) the fleet has.")]
        [DefaultValue(2_000)]
        public int Drivers { get; init; } = 2_000;

        public override ValidationResult Validate() =>
            Records is < 1 or > 10_000_000 ? ValidationResult.Error(Invariant($"--records must be between 1 and 10,000,000; got {Records}."))
            : Drivers is < 1 or > 10_000_000 ? ValidationResult.Error(Invariant($"--drivers must be between 1 and 10,000,000; got {Drivers}."))
            : ValidationResult.Success();
    }

    /// <inheritdoc/>
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        var layout = DemoLayout.Prepare(settings.Dir, console);

        console.Write(new Rule("[bold]1 · The data[/]").LeftJustified());
        int lines;
        using (var file = File.Create(layout.Data))
        {
            lines = DemoFleet.Write(file, settings.Records, seed: 2026, settings.Drivers);
        }

        console.MarkupLine(Markup.Escape(Invariant($"Built {layout.Data}: {lines:N0} trip uploads of {settings.Drivers:N0} drivers' cars (VIN, plate, driver's name, phone and ID number, position, service note), a few of them truncated as real feeds have.")));

        console.Write(new Rule("[bold]2 · The declaration, assessed[/]").LeftJustified());
        var (declaration, _) = ExportSetup.ReadDeclaration(layout.Declaration);
        var today = ChinaTime.DateOf(time.GetUtcNow());
        var planned = new Assessor(WorkingDayCalendar.Default).Assess(declaration with { Year = today.Year }, today);
        foreach (var decision in planned.Transfers)
        {
            console.MarkupLine(Markup.Escape($"{decision.Transfer.Id} → {decision.Transfer.Recipient.Name} ({decision.Transfer.Recipient.Country}), as declared: {WireNames.Of(decision.Pathway)}, {WireNames.Of(decision.Status)}" +
                (decision.ApprovalId is null ? "" : $", relying on {decision.ApprovalId}")));
        }

        int code = Import(layout);
        if (code != 0)
        {
            return code;
        }

        console.Write(new Rule("[bold]3 · What is in it (scan)[/]").LeftJustified());
        Scan(layout);

        console.Write(new Rule("[bold]4 · The gate (export)[/]").LeftJustified());
        var export = new ExportCommand(console, errors, time, StandardInput.Process);
        int exported = export.Run(
            new ExportCommand.Settings
            {
                Input = layout.Data,
                Declaration = layout.Declaration,
                Policy = layout.Policy,
                To = layout.Released,
                Store = layout.Store,
                KeyFile = layout.SubjectKey,
                QuarantineKeyFile = layout.QuarantineKey,
                AuditKey = layout.AuditKey,
                Actor = "outbound demo",
            },
            cancellationToken);
        if (exported == OutboundApp.UsageError)
        {
            return exported;
        }

        console.Write(new Rule("[bold]5 · The proof (audit log)[/]").LeftJustified());
        bool intact = Verify(layout);

        console.Write(new Rule("[bold]Where everything is[/]").LeftJustified());
        var where = new Grid().AddColumn().AddColumn();
        where.AddRow("keys (owner-only)", Markup.Escape(layout.Keys));
        where.AddRow("fleet dataset", Markup.Escape(layout.Data));
        where.AddRow("declaration", Markup.Escape(layout.Declaration));
        where.AddRow("policy", Markup.Escape(layout.Policy));
        where.AddRow("released records", Markup.Escape(layout.Released + Path.DirectorySeparatorChar + " (part files + manifest)"));
        where.AddRow("store (ledger, quarantine, audit log)", Markup.Escape(layout.StorePath));
        console.Write(where);
        console.MarkupLine(Markup.Escape($"Next: outbound quarantine list --store {layout.Store} · outbound audit verify --store {layout.Store} --audit-key {layout.AuditKey} · outbound audit export evidence/ --store {layout.Store} --audit-key {layout.AuditKey}"));
        return intact ? 0 : 1;
    }

    private int Import(DemoLayout layout) =>
        new ApprovalsImportCommand(console, errors, time).Run(new ApprovalsImportCommand.Settings
        {
            Declaration = layout.Declaration,
            Store = layout.Store,
            AuditKey = layout.AuditKey,
            Actor = "outbound demo",
        });

    private void Scan(DemoLayout layout)
    {
        var keyer = new SubjectKeyer(Convert.FromHexString(File.ReadAllText(layout.SubjectKey).Trim()));
        var factory = new ScanSources.InventoryFactory(RecognizerSets.Create(namesAndAddresses: true), keyer, ChinaTime.DateOf(time.GetUtcNow()));
        var inventory = ScanSources.ScanFile(layout.Data, Formats.Records.SniffedContent.Utf8Text, factory, null, Environment.ProcessorCount, _ => { }, CancellationToken.None);
        var persons = new PersonSet();
        inventory.AddPersonsTo(persons);
        var report = inventory.ToReport();
        var table = new Table().Border(TableBorder.Rounded).AddColumn("field").AddColumn("holds").AddColumn(new TableColumn("valid").RightAligned()).AddColumn("category");
        foreach (var field in report.Fields.Where(f => f.Type is not null))
        {
            var info = IdentifierCatalog.Get(field.Type!.Value);
            table.AddRow(Markup.Escape(field.Name), info.WireName, field.Share.ToString("P1", CultureInfo.InvariantCulture),
                Markup.Escape(info.Category.Code + (info.IsSensitive ? " (sensitive)" : "")));
        }

        console.Write(table);
        console.MarkupLine(Markup.Escape(Invariant($"{report.Records:N0} records, {persons.Count + report.UnkeyedRecords:N0} distinct persons, {persons.SensitiveCount + report.UnkeyedSensitiveRecords:N0} with sensitive personal information; {report.SkippedCount:N0} line(s) unreadable.")));
    }

    private bool Verify(DemoLayout layout)
    {
        using var audit = AuditSigner.FromPem(File.ReadAllText(layout.AuditKey));
        using var store = GatewayStores.Open(StoreLocation.Parse(layout.Store), new GatewayStoreOptions { Clock = time });
        var head = AuditHeadFile.Read(layout.AuditHead);
        var result = AuditVerifier.Verify(store.AuditEntries(), store.AuditCheckpoints(), audit, head);
        console.MarkupLine(result.Intact
            ? Markup.Escape(Invariant($"Audit log intact: {result.Entries:N0} entries, hash-chained; {result.Checkpoints:N0} signed checkpoints (key {audit.KeyId}); the latest also kept apart in {layout.AuditHead}."))
            : $"[red]{Markup.Escape($"Audit log NOT intact: entry {result.Problem!.Sequence}: {result.Problem.Message}")}[/]");
        return result.Intact;
    }
}
