using Outbound.Deidentification;

namespace Outbound.Gateway;

/// <summary>Between the policy's transformer and the gate: released values per source field, what stays personal, k-anonymity.</summary>
public sealed partial class ExportPipeline
{
    /// <summary>Maps the transformer's output fields (input order, dropped ones absent) back onto the source's fields, a dropped one's entry nameless.</summary>
    private static OutputField[] OutputValues(SourceRecord record, TransformedRecord transformed)
    {
        var values = new OutputField[record.Fields.Count];
        int next = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (next < transformed.Fields.Length && string.Equals(transformed.Fields[next].Name, record.Fields[i].Name, StringComparison.Ordinal))
            {
                values[i] = transformed.Fields[next];
                next++;
            }
        }

        return values;
    }

    /// <summary>
    /// Makes the batch k-anonymous over the policy's quasi-identifiers: records of too small classes are generalised
    /// further (their released values follow) or retained.
    /// </summary>
    private void ApplyKAnonymity(List<ExaminedRecord> records)
    {
        if (_kAnonymity is null || records.Count == 0)
        {
            return;
        }

        var result = _kAnonymity.Apply([.. records.Select(r => r.Transformed!)]);
        for (int i = 0; i < records.Count; i++)
        {
            switch (result.Outcomes[i])
            {
                case KAnonymityOutcome.Generalised:
                    records[i].Transformed = result.Records[i];
                    records[i].Values = OutputValues(records[i].Source, result.Records[i]);
                    break;
                case KAnonymityOutcome.Retained:
                    records[i].Retain(RetainReason.KAnonymity, null,
                        $"The record's class over the quasi-identifiers has fewer than {_kAnonymity.K} records and cannot be generalised further.");
                    break;
            }
        }
    }
}
