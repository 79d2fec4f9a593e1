using System.Globalization;
using System.Text;
using System.Text.Json;
using Outbound.Detection;
using Spectre.Console;

namespace Outbound.Cli;

/// <summary>The result of a whole scan: one inventory per file or table, and totals across them.</summary>
/// <param name="Reports">One report per source, in the order given.</param>
/// <param name="Persons">Distinct persons across every source (one person in two files counts once).</param>
/// <param name="SensitivePersons">Distinct persons with sensitive personal information across every source.</param>
/// <param name="Notes">Sources skipped whole (binary files, unreadable tables), with the reason.</param>
/// <param name="ReferenceDate">The date birth dates were judged against.</param>
/// <param name="KeyId">The id of the subject key.</param>
/// <param name="ThrowAwayKey">Whether the key was made for this run only.</param>
/// <param name="SkippedFiles">Files skipped whole (binary).</param>
internal sealed record ScanResult(
    IReadOnlyList<InventoryReport> Reports,
    long Persons,
    long SensitivePersons,
    IReadOnlyList<string> Notes,
    DateOnly ReferenceDate,
    string KeyId,
    bool ThrowAwayKey,
    int SkippedFiles)
{
    public long Records => Reports.Sum(report => report.Records);

    public long Skipped => Reports.Sum(report => report.SkippedCount) + SkippedFiles;

    public bool FoundPersonalInformation => Reports.Any(report => report.RecordsWithPersonalInformation > 0);
}

/// <summary>Renders a <see cref="ScanResult"/> as text, JSON or Markdown.</summary>
internal static class InventoryOutput
{
    public static void WriteText(IAnsiConsole console, ScanResult result)
    {
        foreach (var report in result.Reports)
        {
            console.Write(new Rule($"[bold]{Markup.Escape(report.Source)}[/]").LeftJustified());
            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn("Field").AddColumn("Type").AddColumn(new TableColumn("Valid share").RightAligned())
                .AddColumn(new TableColumn("Looked at").RightAligned()).AddColumn("Law category").AddColumn("Sensitivity");
            foreach (var field in report.Fields)
            {
                var info = field.Type is IdentifierType type ? IdentifierCatalog.Get(type) : null;
                table.AddRow(
                    Markup.Escape(field.Name),
                    info?.WireName ?? "-",
                    info is null ? "-" : field.Share.ToString("P1", CultureInfo.InvariantCulture),
                    field.Values.ToString("N0", CultureInfo.InvariantCulture),
                    info?.Category.Code ?? "-",
                    Sensitivity(info, field.Minors));
            }

            console.Write(table);
            console.MarkupLine(Markup.Escape(PersonsLine(report)));
            foreach (var skipped in report.Skipped.Take(10))
            {
                console.MarkupLine("  [yellow]skipped[/] " + Markup.Escape(Messages.SkippedLine(report.Source, skipped.Position, skipped.Field, skipped.Reason)));
            }

            if (report.SkippedCount > 10)
            {
                console.MarkupLine(Markup.Escape(string.Create(CultureInfo.InvariantCulture, $"  … and {report.SkippedCount - 10:N0} more skipped.")));
            }

            console.WriteLine();
        }

        foreach (string note in result.Notes)
        {
            console.MarkupLine("[yellow]note[/] " + Markup.Escape(note));
        }

        var summary = new Table().Border(TableBorder.Rounded).Title("Summary")
            .AddColumn("Source").AddColumn(new TableColumn("Records").RightAligned()).AddColumn(new TableColumn("With PI").RightAligned())
            .AddColumn(new TableColumn("Persons").RightAligned()).AddColumn(new TableColumn("Sensitive").RightAligned()).AddColumn(new TableColumn("Skipped").RightAligned());
        foreach (var report in result.Reports)
        {
            summary.AddRow(Markup.Escape(report.Source), N(report.Records), N(report.RecordsWithPersonalInformation), N(report.Persons), N(report.SensitivePersons), N(report.SkippedCount));
        }

        summary.AddRow("[bold]all (persons counted once)[/]", N(result.Records), N(result.Reports.Sum(r => r.RecordsWithPersonalInformation)), N(result.Persons), N(result.SensitivePersons), N(result.Skipped));
        console.Write(summary);
        console.MarkupLine(Markup.Escape(Messages.ScanSummary(result.Reports.Count, result.Records, result.Persons, result.SensitivePersons, result.Skipped)));
        console.MarkupLine(Markup.Escape($"Subject key {result.KeyId}{(result.ThrowAwayKey ? " (throw-away)" : "")}; birth dates judged on {result.ReferenceDate:yyyy-MM-dd}."));
    }

    public static string ToJson(ScanResult result)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            json.WriteStartObject();
            json.WriteString("reference_date", result.ReferenceDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("key_id", result.KeyId);
            json.WriteBoolean("throw_away_key", result.ThrowAwayKey);
            json.WriteStartArray("sources");
            foreach (var report in result.Reports)
            {
                json.WriteStartObject();
                json.WriteString("source", report.Source);
                json.WriteNumber("records", report.Records);
                json.WriteNumber("records_with_pi", report.RecordsWithPersonalInformation);
                json.WriteNumber("persons", report.Persons);
                json.WriteNumber("sensitive_persons", report.SensitivePersons);
                json.WriteNumber("unkeyed_records", report.UnkeyedRecords);
                json.WriteNumber("skipped", report.SkippedCount);
                json.WriteStartArray("fields");
                foreach (var field in report.Fields)
                {
                    var info = field.Type is IdentifierType type ? IdentifierCatalog.Get(type) : null;
                    json.WriteStartObject();
                    json.WriteString("name", field.Name);
                    json.WriteNumber("values", field.Values);
                    if (info is null)
                    {
                        json.WriteNull("type");
                        json.WriteNull("category");
                    }
                    else
                    {
                        json.WriteString("type", info.WireName);
                        json.WriteString("category", info.Category.Code);
                    }

                    json.WriteNumber("share", Math.Round(field.Share, 4));
                    json.WriteBoolean("personal_information", info?.IsPersonalInformation ?? false);
                    json.WriteBoolean("sensitive", (info?.IsSensitive ?? false) || field.Minors > 0);
                    json.WriteNumber("minors_under_14", field.Minors);
                    if (field.Hint is IdentifierType hint)
                    {
                        json.WriteString("name_hint", IdentifierCatalog.WireName(hint));
                    }
                    else
                    {
                        json.WriteNull("name_hint");
                    }

                    json.WriteStartObject("counts");
                    foreach (var (counted, count) in field.Counts.OrderBy(pair => pair.Key))
                    {
                        json.WriteNumber(IdentifierCatalog.WireName(counted), count);
                    }

                    json.WriteEndObject();
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteStartArray("skipped_examples");
                foreach (var skipped in report.Skipped)
                {
                    json.WriteStartObject();
                    json.WriteNumber("position", skipped.Position);
                    json.WriteString("field", skipped.Field);
                    json.WriteString("reason", skipped.Reason);
                    json.WriteEndObject();
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteStartArray("notes");
            foreach (string note in result.Notes)
            {
                json.WriteStringValue(note);
            }

            json.WriteEndArray();
            json.WriteStartObject("totals");
            json.WriteNumber("sources", result.Reports.Count);
            json.WriteNumber("records", result.Records);
            json.WriteNumber("persons", result.Persons);
            json.WriteNumber("sensitive_persons", result.SensitivePersons);
            json.WriteNumber("skipped", result.Skipped);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan) + "\n";
    }

    public static string ToMarkdown(ScanResult result)
    {
        var text = new StringBuilder();
        text.Append("# 个人信息盘点 / Personal information inventory\n\n");
        text.Append(CultureInfo.InvariantCulture, $"Birth dates judged on {result.ReferenceDate:yyyy-MM-dd}; subject key `{result.KeyId}`{(result.ThrowAwayKey ? " (throw-away)" : "")}.\n\n");
        foreach (var report in result.Reports)
        {
            text.Append(CultureInfo.InvariantCulture, $"## {Escape(report.Source)}\n\n");
            text.Append("| 字段 Field | 类型 Type | 有效占比 Valid share | 检查数 Looked at | 法律类别 Law category | 敏感性 Sensitivity |\n|---|---|---:|---:|---|---|\n");
            foreach (var field in report.Fields)
            {
                var info = field.Type is IdentifierType type ? IdentifierCatalog.Get(type) : null;
                text.Append(CultureInfo.InvariantCulture, $"| {Escape(field.Name)} | {info?.WireName ?? "-"} | {(info is null ? "-" : field.Share.ToString("P1", CultureInfo.InvariantCulture))} | {field.Values:N0} | {info?.Category.Code ?? "-"} | {Sensitivity(info, field.Minors)} |\n");
            }

            text.Append('\n').Append(PersonsLine(report)).Append("\n\n");
        }

        text.Append(CultureInfo.InvariantCulture, $"**合计 Total:** {Messages.ScanSummary(result.Reports.Count, result.Records, result.Persons, result.SensitivePersons, result.Skipped)}\n");
        return text.ToString();
    }

    private static string PersonsLine(InventoryReport report) => string.Create(
        CultureInfo.InvariantCulture,
        $"{report.Records:N0} records, {report.RecordsWithPersonalInformation:N0} with personal information: {report.Persons:N0} distinct persons, {report.SensitivePersons:N0} with sensitive personal information ({report.UnkeyedRecords:N0} records without a keyable identifier, each counted as one person).");

    private static string Sensitivity(IdentifierInfo? info, long minors) => info switch
    {
        null => minors > 0 ? "sensitive (minors)" : "-",
        { IsSensitive: true } => "sensitive",
        { IsPersonalInformation: true } => minors > 0 ? "sensitive (minors)" : "personal",
        _ => "not personal",
    };

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
