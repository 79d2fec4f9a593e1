using Outbound.Deidentification;
using Outbound.Detection;

namespace Outbound.Gateway;

/// <summary>One record after detection and transformation, waiting for the batch's decision.</summary>
internal sealed class ExaminedRecord(SourceRecord source, TransformedRecord? transformed)
{
    public SourceRecord Source { get; } = source;

    /// <summary>Gets or sets the record as the policy transformed it, kept only for k-anonymity (<see langword="null"/> without it).</summary>
    public TransformedRecord? Transformed { get; set; } = transformed;

    /// <summary>
    /// Gets or sets the released form's fields, one per source field (<see cref="IReleaseWriter.Write"/>), kept only
    /// where k-anonymity may change them before the released form is written; otherwise the worker that transformed
    /// the record wrote it at once (<see cref="Lines"/>).
    /// </summary>
    public OutputField[]? Values { get; set; }

    /// <summary>Gets or sets the buffer the record's released form is written in; <see langword="null"/> until it is written, and for a dry run.</summary>
    public System.Buffers.ArrayBufferWriter<byte>? Lines { get; set; }

    /// <summary>Gets or sets the person the record is about, when it carries personal information.</summary>
    public SubjectKey? Subject { get; set; }

    /// <summary>Gets or sets the categories of non-sensitive personal information left in the released form.</summary>
    /// <remarks>Records that leave the same categories may share one list; never change it.</remarks>
    public IReadOnlyList<string> NonSensitiveCategories { get; set; } = [];

    /// <summary>Gets or sets the categories of sensitive personal information left in the released form.</summary>
    /// <remarks>Records that leave the same categories may share one list; never change it.</remarks>
    public IReadOnlyList<string> SensitiveCategories { get; set; } = [];

    public bool RemainsNonSensitive => NonSensitiveCategories.Count > 0;

    public bool RemainsSensitive => SensitiveCategories.Count > 0;

    public bool RemainsPersonal => RemainsNonSensitive || RemainsSensitive;

    public IEnumerable<string> Categories => NonSensitiveCategories.Concat(SensitiveCategories);

    /// <summary>Gets or sets where the record's released form starts in <see cref="Lines"/>.</summary>
    public int LineStart { get; set; }

    /// <summary>Gets or sets the length of the record's released form in <see cref="Lines"/>.</summary>
    public int LineLength { get; set; }

    public RetainReason? Retained { get; private set; }

    public string? RetainRule { get; private set; }

    public string? RetainDetail { get; private set; }

    public void Retain(RetainReason reason, string? rule, string detail)
    {
        if (Retained is null)
        {
            (Retained, RetainRule, RetainDetail) = (reason, rule, detail);
        }
    }
}
