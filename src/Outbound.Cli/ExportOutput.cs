using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outbound.Gateway;
using Outbound.Law;
using Outbound.Reports;
using Spectre.Console;
using static System.FormattableString;

namespace Outbound.Cli;

/// <summary>Prints an export's summary as text for people or JSON for programs.</summary>
internal static class ExportOutput
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The unreadable records the text summary names; the JSON summary lists more.</summary>
    private const int UnreadableShown = 3;

    public static void WriteText(IAnsiConsole console, ExportSummary summary, string? destination)
    {
        if (summary.RemovedParts.Count > 0)
        {
            console.MarkupLine(Markup.Escape(Invariant($"Resumed: removed {summary.RemovedParts.Count} part file(s) whose batch had not committed.")));
        }

        if (summary.ResumedAfter > 0)
        {
            console.MarkupLine(Markup.Escape(Invariant($"Resumed after position {summary.ResumedAfter:N0}, which an earlier run committed.")));
        }

        var table = new Table().Border(TableBorder.Rounded).Title(summary.DryRun ? "Export (dry run: nothing written)" : "Export")
            .AddColumn("").AddColumn(new TableColumn("").RightAligned()).AddColumn("");
        table.ShowHeaders = false;
        table.AddRow("records in", Invariant($"{summary.Records:N0}"), Invariant($"{summary.Batches:N0} batch(es), run {summary.Run.RunId[..12]}"));
        table.AddRow("released", Invariant($"{summary.Released:N0}"), Markup.Escape(destination is null || summary.DryRun ? "" : "to " + destination));
        table.AddRow("retained", Invariant($"{summary.Retained:N0}"), Markup.Escape(string.Join("; ", summary.RetainedByReason.OrderBy(p => p.Key).Select(p => Invariant($"{RetainReasonNames.Of(p.Key)} {p.Value:N0}")))));
        table.AddRow("unreadable", Invariant($"{summary.Unreadable:N0}"), Markup.Escape(UnreadableText(summary)));
        table.AddRow("persons added", Invariant($"{summary.Added.NonSensitive:N0} / {summary.Added.Sensitive:N0}"), "distinct persons newly counted: non-sensitive / sensitive personal information");
        table.AddRow(Markup.Escape(Invariant($"year {summary.Year} in ledger")), Invariant($"{summary.YearTotals.NonSensitive:N0} / {summary.YearTotals.Sensitive:N0}"), "the handler's distinct persons exported this year: non-sensitive / sensitive (a person can be in both)");
        if (!summary.Categories.IsEmpty)
        {
            table.AddRow("categories", "", Markup.Escape(string.Join(", ", summary.Categories)));
        }

        console.Write(table);
        var decision = summary.FirstStop ?? summary.LastDecision;
        if (decision is null)
        {
            console.MarkupLine("No personal information left in what was released: nothing was counted.");
            return;
        }

        console.MarkupLine(
            $"[bold]Pathway:[/] {WireNames.Of(decision.Pathway)} ({Markup.Escape(Terms.Of(decision.Pathway).En)}), " +
            $"{(decision.Status == TransferStatus.Allowed ? "[green]ALLOWED[/]" : $"[red]{WireNames.Of(decision.Status)}[/]")}");
        if (decision.ApprovalId is string approval)
        {
            console.MarkupLine(Markup.Escape($"Relies on approval {approval}."));
        }

        if (Reports.Messages.Headroom(decision.Headroom) is Term headroom)
        {
            console.MarkupLine($"[green]Headroom:[/] {Markup.Escape(headroom.En)}");
        }

        foreach (var reason in decision.Reasons)
        {
            console.MarkupLine(Markup.Escape($"  {reason.Rule.Id} ({reason.Rule.Citation}): {reason.En}"));
        }
    }

    /// <summary>The first unreadable records, one a line, with their field when known, and how many more there are.</summary>
    internal static string UnreadableText(ExportSummary summary)
    {
        var lines = summary.FirstUnreadable.Take(UnreadableShown)
            .Select(u => u.Field.Length > 0 ? Invariant($"line/row {u.Position}, field {u.Field}: {u.Reason}") : Invariant($"line/row {u.Position}: {u.Reason}"))
            .ToList();
        long more = summary.Unreadable - lines.Count;
        if (more > 0)
        {
            lines.Add(Invariant($"and {more:N0} more (--format json lists the first {summary.FirstUnreadable.Count:N0})"));
        }

        return string.Join('\n', lines);
    }

    public static string ToJson(ExportSummary summary)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, JsonOptions))
        {
            w.WriteStartObject();
            w.WriteString("run_id", summary.Run.RunId);
            w.WriteString("transfer_id", summary.Run.TransferId);
            w.WriteString("input_digest", summary.Run.InputDigest);
            w.WriteBoolean("dry_run", summary.DryRun);
            w.WriteNumber("resumed_after", summary.ResumedAfter);
            w.WriteNumber("batches", summary.Batches);
            w.WriteNumber("records", summary.Records);
            w.WriteNumber("released", summary.Released);
            w.WriteNumber("retained", summary.Retained);
            w.WriteStartObject("retained_by_reason");
            foreach (var (reason, count) in summary.RetainedByReason.OrderBy(p => p.Key))
            {
                w.WriteNumber(RetainReasonNames.Of(reason), count);
            }

            w.WriteEndObject();
            w.WriteNumber("unreadable", summary.Unreadable);
            w.WriteStartArray("unreadable_positions");
            foreach (var unreadable in summary.FirstUnreadable)
            {
                w.WriteStartObject();
                w.WriteNumber("position", unreadable.Position);
                w.WriteString("field", unreadable.Field);
                w.WriteString("reason", unreadable.Reason);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            WriteCounts(w, "persons_added", summary.Added);
            w.WriteNumber("year", summary.Year);
            WriteCounts(w, "year_totals", summary.YearTotals);
            w.WriteStartArray("categories");
            foreach (string category in summary.Categories)
            {
                w.WriteStringValue(category);
            }

            w.WriteEndArray();
            if (summary.Timings is { } timings)
            {
                w.WriteStartObject("seconds");
                w.WriteNumber("elapsed", Math.Round(summary.Elapsed.TotalSeconds, 3));
                w.WriteNumber("detect", Math.Round(timings.Detect.TotalSeconds, 3));
                w.WriteNumber("transform", Math.Round(timings.Transform.TotalSeconds, 3));
                w.WriteNumber("decide", Math.Round(timings.Decide.TotalSeconds, 3));
                w.WriteNumber("ledger", Math.Round(timings.Ledger.TotalSeconds, 3));
                w.WriteNumber("write", Math.Round(timings.Write.TotalSeconds, 3));
                w.WriteNumber("commit", Math.Round(timings.Commit.TotalSeconds, 3));

                // Process-wide: the garbage collector's pauses, which fall inside the stages above.
                w.WriteNumber("gc_pause", Math.Round(GC.GetTotalPauseDuration().TotalSeconds, 3));
                w.WriteEndObject();

                // Process-wide, for judging the pauses: collections of each generation and the bytes allocated in all.
                w.WriteStartObject("memory");
                w.WriteNumber("gen0_collections", GC.CollectionCount(0));
                w.WriteNumber("gen1_collections", GC.CollectionCount(1));
                w.WriteNumber("gen2_collections", GC.CollectionCount(2));
                w.WriteNumber("allocated_bytes", GC.GetTotalAllocatedBytes());
                w.WriteEndObject();
            }

            var decision = summary.FirstStop ?? summary.LastDecision;
            if (decision is null)
            {
                w.WriteNull("decision");
            }
            else
            {
                w.WriteStartObject("decision");
                w.WriteString("pathway", WireNames.Of(decision.Pathway));
                w.WriteString("status", WireNames.Of(decision.Status));
                if (decision.ApprovalId is null)
                {
                    w.WriteNull("approval_id");
                }
                else
                {
                    w.WriteString("approval_id", decision.ApprovalId);
                }

                if (decision.Headroom is { } headroom)
                {
                    w.WriteStartObject("headroom");
                    WriteOptional(w, "non_sensitive_to_next_band", headroom.NonSensitiveToNextBand);
                    WriteOptional(w, "sensitive_to_next_band", headroom.SensitiveToNextBand);
                    w.WriteString("next_pathway", WireNames.Of(headroom.NextPathway));
                    w.WriteEndObject();
                }

                w.WriteStartArray("reasons");
                foreach (var reason in decision.Reasons)
                {
                    w.WriteStartObject();
                    w.WriteString("rule", reason.Rule.Id);
                    w.WriteString("en", reason.En);
                    w.WriteString("zh", reason.Zh);
                    w.WriteEndObject();
                }

                w.WriteEndArray();
                w.WriteEndObject();
            }

            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    private static void WriteCounts(Utf8JsonWriter writer, string name, PersonCounts counts)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("non_sensitive", counts.NonSensitive);
        writer.WriteNumber("sensitive", counts.Sensitive);
        writer.WriteEndObject();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, long? value)
    {
        if (value is long number)
        {
            writer.WriteNumber(name, number);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
