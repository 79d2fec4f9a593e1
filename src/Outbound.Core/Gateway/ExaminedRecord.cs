using Outbound.Deidentification;
using Outbound.Detection;

namespace Outbound.Gateway;

/// <summary>One record after detection and transformation, waiting for the batch's decision.</summary>
internal sealed class ExaminedRecord(SourceRecord source, TransformedRecord? transformed, IReadOnlyList<string?> values)
{
    public SourceRecord Source { get; } = source;

    /// <summary>Gets or sets the record as the policy transformed it, kept only for k-anonymity (<see langword="null"/> without it).</summary>
    /// <remarks>The released values are in <see cref="Values"/>; without k-anonymity nothing reads the transformed record again.</remarks>
    public TransformedRecord? Transformed { get; set; } = transformed;

    /// <summary>Gets the released form's values, one per source field, <see langword="null"/> where dropped.</summary>
    public IReadOnlyList<string?> Values { get; set; } = values;

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

    /// <summary>Gets or sets where the record's released form starts in its batch's released lines (<see cref="IReleaseWriter"/>).</summary>
    public int LineStart { get; set; }

    /// <summary>Gets or sets the length of the record's released form in its batch's released lines.</summary>
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
