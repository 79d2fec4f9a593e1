using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outbound.Law;

namespace Outbound.Formats;

/// <summary>Writes assessment results as the JSON of <c>outbound assess --format json</c> and <c>POST /v1/assess</c>.</summary>
/// <remarks>
/// Names are snake_case, enum values their wire names (<see cref="WireNames"/>), dates <c>yyyy-MM-dd</c>.
/// Chinese text is written as UTF-8, not as <c>\u</c> escapes, so the output stays readable.
/// </remarks>
internal static class AssessmentJson
{
    /// <summary>The label in front of every reason's Chinese text: a paraphrase (释义), never a quotation.</summary>
    public const string Paraphrase = "（释义）";

    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Gets the writer options: indented, LF line ends, Chinese and other non-ASCII text unescaped.</summary>
    public static JsonWriterOptions WriterOptions { get; } = new()
    {
        Indented = true,
        NewLine = "\n",
        // The output is a document for people and programs, never embedded in HTML, so HTML-sensitive
        // characters need no escaping and Chinese stays legible.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>Returns the JSON object of one assessment.</summary>
    public static string ToJson(AssessmentResult result) => Render(writer => Write(writer, result));

    /// <summary>Returns <c>{"assessments": [...]}</c> for several assessments.</summary>
    public static string ToJson(IReadOnlyList<AssessmentResult> results) => Render(writer => Write(writer, results));

    /// <summary>Writes <c>{"assessments": [...]}</c> for several assessments.</summary>
    public static void Write(Utf8JsonWriter writer, IReadOnlyList<AssessmentResult> results)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(results);

        writer.WriteStartObject();
        writer.WriteStartArray("assessments");
        foreach (var result in results)
        {
            Write(writer, result);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>Writes the JSON object of one assessment.</summary>
    public static void Write(Utf8JsonWriter writer, AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);

        var declaration = result.Declaration;
        writer.WriteStartObject();
        writer.WriteNumber("year", declaration.Year);
        WriteDate(writer, "as_of", result.AsOf);
        writer.WriteString("handler", declaration.Handler.Name);
        writer.WriteString("source", declaration.Source);
        WriteCounts(writer, "totals", result.YearTotals);

        writer.WriteStartArray("interpretations");
        foreach (var interpretation in Interpretations.All)
        {
            WriteInterpretation(writer, interpretation, declaration.Interpretations[interpretation]);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("transfers");
        foreach (var decision in result.Transfers)
        {
            WriteTransfer(writer, decision);
        }

        writer.WriteEndArray();

        writer.WriteStartArray("approvals");
        foreach (var approval in result.Approvals)
        {
            WriteApproval(writer, approval);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteTransfer(Utf8JsonWriter writer, TransferDecision decision)
    {
        writer.WriteStartObject();
        writer.WriteString("id", decision.Transfer.Id);
        WriteDate(writer, "date", decision.Transfer.Date);
        writer.WriteString("recipient", decision.Transfer.Recipient.Name);
        writer.WriteString("regime", WireNames.Of(decision.Regime));
        writer.WriteString("pathway", WireNames.Of(decision.Pathway));
        writer.WriteString("status", WireNames.Of(decision.Status));
        WriteCounts(writer, "counted", decision.Counted);
        WriteCounts(writer, "added", decision.Added);
        WriteHeadroom(writer, decision.Headroom);

        writer.WriteStartArray("flows");
        foreach (var flow in decision.Flows)
        {
            writer.WriteStartObject();
            writer.WriteString("pathway", WireNames.Of(flow.Pathway));
            writer.WriteBoolean("counted", flow.Counted);
            writer.WriteStartArray("items");
            foreach (int item in flow.Items)
            {
                writer.WriteNumberValue(item);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("flags");
        foreach (var flag in decision.Flags)
        {
            writer.WriteStringValue(WireNames.Of(flag));
        }

        writer.WriteEndArray();

        WriteNullableString(writer, "approval", decision.ApprovalId);

        writer.WriteStartArray("reasons");
        foreach (var reason in decision.Reasons)
        {
            writer.WriteStartObject();
            writer.WriteString("rule", reason.Rule.Id);
            writer.WriteString("citation", reason.Rule.Citation);
            writer.WriteString("tag", WireNames.Of(reason.Rule.Tag));
            // A reason's Chinese text paraphrases the law; the label keeps it from reading as a quotation.
            writer.WriteString("zh", Paraphrase + reason.Zh);
            writer.WriteString("en", reason.En);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        WriteObligations(writer, decision.Obligations);
        WriteWarnings(writer, decision.Warnings);

        writer.WriteStartArray("interpretations");
        foreach (var use in decision.Interpretations)
        {
            WriteInterpretation(writer, use.Interpretation, use.Value);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteApproval(Utf8JsonWriter writer, ApprovalSummary summary)
    {
        var approval = summary.Approval;
        writer.WriteStartObject();
        writer.WriteString("id", approval.Id);
        writer.WriteString("kind", WireNames.DeclarationWord(approval.Kind));
        WriteDate(writer, "effective", approval.Effective);
        WriteNullableDate(writer, "valid_until", summary.ValidUntil);
        writer.WriteBoolean("valid_until_computed", summary.ValidUntilComputed);
        writer.WriteString("status", WireNames.DeclarationWord(approval.Status));
        WriteObligations(writer, summary.Obligations);
        WriteWarnings(writer, summary.Warnings);
        writer.WriteEndObject();
    }

    private static void WriteObligations(Utf8JsonWriter writer, ImmutableArray<Obligation> obligations)
    {
        writer.WriteStartArray("obligations");
        foreach (var obligation in obligations)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", WireNames.Of(obligation.Kind));
            WriteNullableDate(writer, "due", obligation.Due);
            WriteNullableDate(writer, "window_opens", obligation.WindowOpens);
            writer.WriteBoolean("overdue", obligation.Overdue);
            WriteNullableString(writer, "not_computable", NotComputableReason(obligation));
            writer.WriteString("rule", obligation.Rule.Id);
            writer.WriteString("zh", obligation.Zh);
            writer.WriteString("en", obligation.En);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteWarnings(Utf8JsonWriter writer, ImmutableArray<Warning> warnings)
    {
        writer.WriteStartArray("warnings");
        foreach (var warning in warnings)
        {
            writer.WriteStartObject();
            writer.WriteString("zh", warning.Zh);
            writer.WriteString("en", warning.En);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteInterpretation(Utf8JsonWriter writer, Interpretation interpretation, bool value)
    {
        writer.WriteStartObject();
        writer.WriteString("name", interpretation.Name);
        writer.WriteBoolean("value", value);
        writer.WriteBoolean("default", interpretation.Default);
        writer.WriteEndObject();
    }

    private static void WriteCounts(Utf8JsonWriter writer, string name, PersonCounts counts)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("non_sensitive", counts.NonSensitive);
        writer.WriteNumber("sensitive", counts.Sensitive);
        writer.WriteEndObject();
    }

    private static void WriteHeadroom(Utf8JsonWriter writer, Headroom? headroom)
    {
        if (headroom is null)
        {
            writer.WriteNull("headroom");
            return;
        }

        writer.WriteStartObject("headroom");
        WriteNullableNumber(writer, "non_sensitive", headroom.NonSensitiveToNextBand);
        WriteNullableNumber(writer, "sensitive", headroom.SensitiveToNextBand);
        writer.WriteString("next_pathway", WireNames.Of(headroom.NextPathway));
        writer.WriteEndObject();
    }

    /// <summary>Returns why the obligation's deadline is not computable, in English, or <see langword="null"/>.</summary>
    internal static string? NotComputableReason(Obligation obligation) =>
        obligation.NotComputableYear is int year ? CalendarDate.Missing(year).ReasonEn : null;

    private static void WriteDate(Utf8JsonWriter writer, string name, DateOnly date) =>
        writer.WriteString(name, date.ToString(DateFormat, CultureInfo.InvariantCulture));

    private static void WriteNullableDate(Utf8JsonWriter writer, string name, DateOnly? date)
    {
        if (date is DateOnly value)
        {
            WriteDate(writer, name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNullableNumber(Utf8JsonWriter writer, string name, long? number)
    {
        if (number is long value)
        {
            writer.WriteNumber(name, value);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNullableString(Utf8JsonWriter writer, string name, string? text)
    {
        if (text is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, text);
        }
    }

    private static string Render(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
