using System.Collections.Immutable;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outbound.Law;

namespace Outbound.Gateway;

/// <summary>Writes audit entries' bodies: one JSON object with the fields RULES R-OBL-10 asks for, never a raw identifier or a key.</summary>
internal static class AuditBody
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The body of one export batch's entry.</summary>
    internal static string ExportBatch(ExportOptions options, string runId, BatchResult result, string batchDigest, string? partDigest, ImmutableArray<Approval> approvals, long releasedFromQuarantine)
    {
        var transfer = options.Transfer;
        var decision = result.Decision;
        var approval = decision?.ApprovalId is string id ? approvals.FirstOrDefault(a => a.Id == id) : null;
        return Write(w =>
        {
            w.WriteString("run_id", runId);
            w.WriteNumber("batch", result.Batch);
            w.WriteString("handler", options.Declaration.Handler.Name);
            w.WriteString("transfer_id", transfer.Id);
            w.WriteStartObject("recipient");
            w.WriteString("name", transfer.Recipient.Name);
            w.WriteString("country", transfer.Recipient.Country);
            w.WriteString("kind", WireNames.DeclarationWord(transfer.Recipient.Kind));
            w.WriteEndObject();
            w.WriteString("purpose", transfer.Purpose);
            w.WriteString("mode", WireNames.DeclarationWord(transfer.Mode));
            w.WriteString("legal_basis", WireNames.DeclarationWord(transfer.LegalBasis));
            w.WriteString("exemption_claimed", WireNames.DeclarationWord(transfer.Exemption));
            WriteOptional(w, "exemption_evidence", transfer.Evidence);
            w.WriteString("decision", result.Released == 0 ? "RETAINED" : result.RetainedTotal == 0 ? "RELEASED" : "PARTLY_RELEASED");
            WriteOptional(w, "pathway", decision is null ? null : WireNames.Of(decision.Pathway));
            WriteOptional(w, "status", decision is null ? null : WireNames.Of(decision.Status));
            WriteOptional(w, "regime", decision is null ? null : WireNames.Of(decision.Regime));
            w.WriteStartArray("rule_ids");
            foreach (string rule in decision?.Reasons.Select(r => r.Rule.Id).Distinct(StringComparer.Ordinal) ?? [])
            {
                w.WriteStringValue(rule);
            }

            w.WriteEndArray();
            w.WriteStartArray("legal_basis_cited");
            foreach (var rule in decision?.Reasons.Select(r => r.Rule).DistinctBy(r => r.Id) ?? [])
            {
                w.WriteStringValue(rule.Citation);
            }

            w.WriteEndArray();
            WriteOptional(w, "approval_id", approval?.Id);
            WriteOptional(w, "approval_kind", approval is null ? null : WireNames.DeclarationWord(approval.Kind));
            WriteOptional(w, "filing_number", approval?.FilingNumber);
            WriteStrings(w, "categories", result.Categories);
            w.WriteBoolean("sensitive", result.After.Sensitive > result.Before.Sensitive || result.Categories.Any(c => DataCategories.Get(c).IsSensitiveByDefault));
            w.WriteNumber("year", result.Year);
            WriteCounts(w, "counts_before", result.Before);
            WriteCounts(w, "counts_after", result.After);
            w.WriteStartObject("records");
            w.WriteNumber("in", result.Records);
            w.WriteNumber("released", result.Released);
            w.WriteNumber("retained", result.RetainedTotal);
            w.WriteNumber("unreadable", result.Unreadable.Length);
            w.WriteNumber("released_from_quarantine", releasedFromQuarantine);
            w.WriteEndObject();
            w.WriteStartObject("retained_by_reason");
            foreach (var (reason, count) in result.Retained.OrderBy(pair => pair.Key))
            {
                w.WriteNumber(RetainReasonNames.Of(reason), count);
            }

            w.WriteEndObject();
            w.WriteString("batch_digest", batchDigest);
            WriteOptional(w, "part_file", result.PartFile);
            WriteOptional(w, "part_digest", partDigest);
            w.WriteString("input_digest", options.RunKey.InputDigest);
            w.WriteString("policy", options.Policy.Name);
            w.WriteString("policy_digest", options.RunKey.PolicyDigest);
            w.WriteString("declaration_digest", options.RunKey.DeclarationDigest);
            w.WriteString("subject_key_id", options.Keyer.KeyId);
        });
    }

    internal static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, Options))
        {
            writer.WriteStartObject();
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static void WriteCounts(Utf8JsonWriter writer, string name, PersonCounts counts)
    {
        writer.WriteStartObject(name);
        writer.WriteNumber("non_sensitive", counts.NonSensitive);
        writer.WriteNumber("sensitive", counts.Sensitive);
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IEnumerable<string> values)
    {
        writer.WriteStartArray(name);
        foreach (string value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }
}
