using System.Collections.Immutable;
using System.Globalization;
using Outbound.Law;
using Outbound.Reports;
using Spectre.Console;

namespace Outbound.Cli;

/// <summary>Writes an assessment for people: a summary table, then per transfer why, what is due next, flags and warnings.</summary>
/// <remarks>Declaration text is escaped before it reaches Spectre markup.</remarks>
internal static class AssessmentText
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Writes <paramref name="result"/> to <paramref name="console"/>.</summary>
    public static void Write(IAnsiConsole console, AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(result);

        var declaration = result.Declaration;
        console.Write(new Rule(Markup.Escape(Messages.Title(declaration.Handler.Name, declaration.Year, result.AsOf, declaration.Source))).LeftJustified());
        console.MarkupLine(Markup.Escape(Messages.YearTotals(result.YearTotals.NonSensitive, result.YearTotals.Sensitive)));
        console.WriteLine();

        if (result.Transfers.IsEmpty)
        {
            console.MarkupLine(Markup.Escape(Messages.NoTransfers));
        }
        else
        {
            console.Write(SummaryTable(result.Transfers));
            console.WriteLine();
            foreach (var decision in result.Transfers)
            {
                WriteTransfer(console, decision);
            }
        }

        if (!result.Approvals.IsEmpty)
        {
            WriteApprovals(console, result.Approvals);
        }
    }

    private static Table SummaryTable(ImmutableArray<TransferDecision> transfers)
    {
        var table = new Table()
            .AddColumn("Transfer")
            .AddColumn("Date")
            .AddColumn("Recipient")
            .AddColumn("Pathway")
            .AddColumn("Status")
            .AddColumn(new TableColumn("Counted N / S").RightAligned());
        foreach (var decision in transfers)
        {
            var transfer = decision.Transfer;
            table.AddRow(
                new Text(transfer.Id),
                new Text(Date(transfer.Date)),
                new Text(Recipient(transfer.Recipient)),
                new Text(WireNames.Of(decision.Pathway)),
                new Markup(Status(decision.Status)),
                new Text(Invariant($"{decision.Counted.NonSensitive:N0} / {decision.Counted.Sensitive:N0}")));
        }

        return table;
    }

    private static void WriteTransfer(IAnsiConsole console, TransferDecision decision)
    {
        var transfer = decision.Transfer;
        var pathway = Terms.Of(decision.Pathway);
        console.MarkupLine(
            $"[bold]{Markup.Escape(transfer.Id)}[/] {Date(transfer.Date)} → {Markup.Escape(Recipient(transfer.Recipient))}: " +
            $"{WireNames.Of(decision.Pathway)} ({Markup.Escape(pathway.En)}), {Status(decision.Status)}");
        console.MarkupLine(Markup.Escape(Invariant(
            $"  Regime: {Terms.Of(decision.Regime).En}. Counted {Reports.Messages.Counts(decision.Counted)}; this transfer adds {Reports.Messages.Counts(decision.Added)}.")));

        if (decision.ApprovalId is string approval)
        {
            console.MarkupLine(Markup.Escape($"  Relies on approval {approval}."));
        }

        if (Reports.Messages.Headroom(decision.Headroom) is Term headroom)
        {
            console.MarkupLine($"  [green]Headroom:[/] {Markup.Escape(headroom.En)}");
        }

        if (!decision.Reasons.IsEmpty)
        {
            console.MarkupLine($"  [bold]{Messages.Why}[/]");
            var reasons = IndentedGrid(3);
            foreach (var reason in decision.Reasons)
            {
                reasons.AddRow(
                    new Text(reason.Rule.Id),
                    new Text($"{reason.Rule.Citation} [{WireNames.Of(reason.Rule.Tag)}]"),
                    new Text(reason.En));
            }

            console.Write(reasons);
        }

        WriteObligations(console, decision.Obligations);

        if (!decision.Flags.IsEmpty)
        {
            string flags = string.Join(", ", decision.Flags.Select(flag => $"{WireNames.Of(flag)} ({Terms.Of(flag).En})"));
            console.MarkupLine($"  [yellow]Flags:[/] {Markup.Escape(flags)}");
        }

        foreach (var warning in decision.Warnings)
        {
            console.MarkupLine($"  [yellow]Warning:[/] {Markup.Escape(warning.En)}");
        }

        if (!decision.Interpretations.IsEmpty)
        {
            string used = string.Join(", ", decision.Interpretations.Select(use =>
                $"{use.Interpretation.Name}={(use.Value ? "true" : "false")}{(use.Overridden ? " (overridden)" : "")}"));
            console.MarkupLine($"  Interpretations: {Markup.Escape(used)}");
        }

        console.WriteLine();
    }

    private static void WriteObligations(IAnsiConsole console, ImmutableArray<Obligation> obligations)
    {
        if (obligations.IsEmpty)
        {
            return;
        }

        console.MarkupLine($"  [bold]{Messages.DueNext}[/]");
        var grid = IndentedGrid(3);
        foreach (var obligation in InDueOrder(obligations))
        {
            string text = obligation.NotComputableYear is int year
                ? $"{obligation.En} {CalendarDate.Missing(year).ReasonEn}"
                : obligation.En;
            grid.AddRow(new Markup(Due(obligation)), new Text(WireNames.Of(obligation.Kind)), new Text(text));
        }

        console.Write(grid);
    }

    private static void WriteApprovals(IAnsiConsole console, ImmutableArray<ApprovalSummary> approvals)
    {
        console.MarkupLine($"[bold]{Messages.Approvals}[/]");
        var table = new Table()
            .AddColumn("Approval")
            .AddColumn("Kind")
            .AddColumn("Effective")
            .AddColumn("Valid until")
            .AddColumn("Status");
        foreach (var summary in approvals)
        {
            var approval = summary.Approval;
            string validUntil = summary.ValidUntil is DateOnly until
                ? Date(until) + (summary.ValidUntilComputed ? " (computed)" : "")
                : "-";
            table.AddRow(
                new Text(approval.Id),
                new Text(WireNames.DeclarationWord(approval.Kind)),
                new Text(Date(approval.Effective)),
                new Text(validUntil),
                new Text(WireNames.DeclarationWord(approval.Status)));
        }

        console.Write(table);
        foreach (var summary in approvals.Where(summary => !summary.Obligations.IsEmpty || !summary.Warnings.IsEmpty))
        {
            console.MarkupLine($"[bold]{Markup.Escape(summary.Approval.Id)}[/]");
            WriteObligations(console, summary.Obligations);
            foreach (var warning in summary.Warnings)
            {
                console.MarkupLine($"  [yellow]Warning:[/] {Markup.Escape(warning.En)}");
            }
        }

        console.WriteLine();
    }

    // Dated obligations first, earliest first; then those whose date is not computable; then those without a date.
    private static IEnumerable<Obligation> InDueOrder(ImmutableArray<Obligation> obligations) =>
        obligations
            .OrderBy(obligation => obligation.Due is not null ? 0 : obligation.NotComputableYear is not null ? 1 : 2)
            .ThenBy(obligation => obligation.Due);

    private static string Due(Obligation obligation)
    {
        if (obligation.Due is DateOnly due)
        {
            return obligation.Overdue
                ? $"[red]{Date(due)} {Messages.Overdue}[/]"
                : Date(due);
        }

        return obligation.NotComputableYear is not null
            ? $"[yellow]{Messages.NotComputable}[/]"
            : Messages.NoFixedDate;
    }

    private static Grid IndentedGrid(int columns)
    {
        var grid = new Grid();
        grid.AddColumn(new GridColumn().PadLeft(4).NoWrap());
        for (int i = 1; i < columns; i++)
        {
            grid.AddColumn(new GridColumn().PadLeft(1));
        }

        return grid;
    }

    private static string Status(TransferStatus status)
    {
        string color = status switch
        {
            TransferStatus.Allowed => "green",
            TransferStatus.Held => "yellow",
            _ => "red",
        };
        return $"[{color}]{WireNames.Of(status)}[/]";
    }

    private static string Recipient(Recipient recipient) => $"{recipient.Name} ({recipient.Country})";

    private static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
