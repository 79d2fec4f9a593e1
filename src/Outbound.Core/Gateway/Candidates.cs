using System.Collections.Immutable;

namespace Outbound.Gateway;

/// <summary>The records of a batch that were not retained while examined, with the categories they leave, gathered as they are added.</summary>
/// <remarks>Records that leave the same categories share one list (<see cref="ExaminedRecord"/>): a list met again is not read again.</remarks>
internal sealed class Candidates
{
    private IReadOnlyList<string>? _lastNonSensitive;
    private IReadOnlyList<string>? _lastSensitive;

    /// <summary>Gets the records, in input order.</summary>
    public List<ExaminedRecord> Records { get; } = [];

    /// <summary>Gets the categories of non-sensitive personal information the records leave, without repeats.</summary>
    public HashSet<string> NonSensitive { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets the categories of sensitive personal information the records leave, without repeats.</summary>
    public HashSet<string> Sensitive { get; } = new(StringComparer.Ordinal);

    /// <summary>Gets a value indicating whether any record still carries personal information.</summary>
    public bool AnyPersonal => NonSensitive.Count > 0 || Sensitive.Count > 0;

    /// <summary>Adds a record and the categories it leaves.</summary>
    public void Add(ExaminedRecord record)
    {
        Records.Add(record);
        AddCategories(record.NonSensitiveCategories, ref _lastNonSensitive, NonSensitive);
        AddCategories(record.SensitiveCategories, ref _lastSensitive, Sensitive);
    }

    /// <summary>Forgets every record and category.</summary>
    public void Clear()
    {
        Records.Clear();
        NonSensitive.Clear();
        Sensitive.Clear();
        (_lastNonSensitive, _lastSensitive) = (null, null);
    }

    /// <summary>Returns every category the records leave, sensitive or not, without repeats, in ordinal order.</summary>
    public ImmutableArray<string> Categories() => [.. NonSensitive.Union(Sensitive, StringComparer.Ordinal).Order(StringComparer.Ordinal)];

    private static void AddCategories(IReadOnlyList<string> list, ref IReadOnlyList<string>? last, HashSet<string> categories)
    {
        if (ReferenceEquals(list, last))
        {
            return;
        }

        for (int i = 0; i < list.Count; i++)
        {
            categories.Add(list[i]);
        }

        last = list;
    }
}
