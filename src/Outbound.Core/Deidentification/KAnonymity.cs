using System.Collections.Immutable;
using System.Text;

namespace Outbound.Deidentification;

/// <summary>What k-anonymity did with one record of a batch.</summary>
public enum KAnonymityOutcome
{
    /// <summary>Its equivalence class had k records or more as transformed: released as it is.</summary>
    Released,

    /// <summary>Its class was too small; its quasi-identifiers were generalised further and it is released in a class of k or more.</summary>
    Generalised,

    /// <summary>Its class stayed smaller than k: retained in China.</summary>
    Retained,
}

/// <summary>A batch after k-anonymity: the records as they are to be released, and what happened to each.</summary>
/// <param name="Records">The records, in batch order; generalised further where needed. Retained records are included unchanged, for the quarantine.</param>
/// <param name="Outcomes">What happened to each record, by index.</param>
public sealed record KAnonymityResult(ImmutableArray<TransformedRecord> Records, ImmutableArray<KAnonymityOutcome> Outcomes)
{
    /// <summary>Gets the indices of the records to release, in batch order.</summary>
    public IEnumerable<int> Released => Enumerable.Range(0, Outcomes.Length).Where(i => Outcomes[i] != KAnonymityOutcome.Retained);

    /// <summary>Gets the indices of the records to retain, in batch order.</summary>
    public IEnumerable<int> Retained => Enumerable.Range(0, Outcomes.Length).Where(i => Outcomes[i] == KAnonymityOutcome.Retained);
}

/// <summary>
/// Makes a batch of transformed records k-anonymous over the policy's quasi-identifiers: every released record
/// shares its quasi-identifier values with at least k − 1 others.
/// </summary>
/// <remarks>
/// <para>
/// Records are grouped into equivalence classes by the values of the quasi-identifier fields (a glob matches every
/// field it names; a missing field is a value of its own). With <see cref="SmallClassAction.Generalise"/>, the
/// records of classes smaller than k have a quasi-identifier moved one coarser level (the rule's
/// <c>coarser</c> list: an hour to a day, a city to a province, a 10-year age band to 20), and the classes are
/// formed again, until no class is too small or no record of one can be generalised further; what is still in too
/// small a class is retained. Each round generalises one quasi-identifier, the one with the most distinct values among
/// the records of small classes (the Datafly heuristic), so the others keep their detail. Only values a generalising
/// operator made whole can be generalised further; other values stay as they are. With
/// <see cref="SmallClassAction.Retain"/>, small classes are retained at once.
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class KAnonymity
{
    private const char ValueEnd = '\u001F';
    private const char Missing = '\u001E';
    private const char PatternEnd = '\u001D';

    private readonly ImmutableArray<string> _quasiIdentifiers;

    /// <summary>Initializes a new instance of the <see cref="KAnonymity"/> class.</summary>
    /// <param name="policy">The policy, with its k-anonymity settings.</param>
    /// <exception cref="ArgumentException">The policy has no k-anonymity settings, or they are invalid.</exception>
    public KAnonymity(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        if (policy.KAnonymity is not { } settings)
        {
            throw new ArgumentException($"The policy '{policy.Name}' sets no k-anonymity.", nameof(policy));
        }

        if (settings.K < 2 || settings.QuasiIdentifiers.IsDefaultOrEmpty)
        {
            throw new ArgumentException($"The policy '{policy.Name}' needs k of at least 2 and at least one quasi-identifier.", nameof(policy));
        }

        (K, OnSmallClass, _quasiIdentifiers) = (settings.K, settings.OnSmallClass, settings.QuasiIdentifiers);
    }

    /// <summary>Gets the smallest class released.</summary>
    public int K { get; }

    /// <summary>Gets what happens to records in classes smaller than <see cref="K"/>.</summary>
    public SmallClassAction OnSmallClass { get; }

    /// <summary>Makes <paramref name="batch"/> k-anonymous.</summary>
    public KAnonymityResult Apply(IReadOnlyList<TransformedRecord> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        TransformedRecord[] records = [.. batch];
        var outcomes = new KAnonymityOutcome[records.Length];

        while (true)
        {
            List<int> small = SmallClassMembers(records, outcomes);
            if (small.Count == 0)
            {
                break;
            }

            bool generalised = false;
            if (OnSmallClass == SmallClassAction.Generalise && ChooseQuasiIdentifier(records, small) is { } pattern)
            {
                foreach (int i in small)
                {
                    if (GeneraliseFurther(records[i], pattern) is ({ } coarser, bool valueChanged))
                    {
                        records[i] = coarser;
                        outcomes[i] = valueChanged ? KAnonymityOutcome.Generalised : outcomes[i];
                        generalised = true;
                    }
                }
            }

            if (!generalised)
            {
                foreach (int i in small)
                {
                    outcomes[i] = KAnonymityOutcome.Retained;
                }

                break;
            }
        }

        return new KAnonymityResult([.. records], [.. outcomes]);
    }

    private List<int> SmallClassMembers(TransformedRecord[] records, KAnonymityOutcome[] outcomes)
    {
        var classes = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < records.Length; i++)
        {
            if (outcomes[i] == KAnonymityOutcome.Retained)
            {
                continue;
            }

            string key = ClassKey(records[i]);
            if (!classes.TryGetValue(key, out List<int>? members))
            {
                classes[key] = members = [];
            }

            members.Add(i);
        }

        return [.. classes.Values.Where(members => members.Count < K).SelectMany(members => members).Order()];
    }

    private string ClassKey(TransformedRecord record)
    {
        var key = new StringBuilder();
        foreach (string pattern in _quasiIdentifiers)
        {
            bool any = false;
            foreach (OutputField field in record.Fields)
            {
                if (FieldGlob.Matches(pattern, field.Name))
                {
                    key.Append(field.Value).Append(ValueEnd);
                    any = true;
                }
            }

            key.Append(any ? PatternEnd : Missing);
        }

        return key.ToString();
    }

    // As Datafly does (Sweeney 1997): the quasi-identifier with the most distinct values among the records of small
    // classes, of those that can still be generalised, is generalised first; ties go to the first in the policy.
    private string? ChooseQuasiIdentifier(TransformedRecord[] records, List<int> small)
    {
        string? chosen = null;
        int most = 0;
        foreach (string pattern in _quasiIdentifiers)
        {
            var values = new HashSet<string>(StringComparer.Ordinal);
            bool generalisable = false;
            foreach (int i in small)
            {
                foreach (OutputField field in records[i].Fields)
                {
                    if (FieldGlob.Matches(pattern, field.Name))
                    {
                        values.Add(field.Value);
                        generalisable |= !field.Coarser.IsDefaultOrEmpty;
                    }
                }
            }

            if (generalisable && values.Count > most)
            {
                (chosen, most) = (pattern, values.Count);
            }
        }

        return chosen;
    }

    // Moves the record's fields named by pattern one coarser level on; null when none of them has a coarser level.
    private static (TransformedRecord Record, bool ValueChanged)? GeneraliseFurther(TransformedRecord record, string pattern)
    {
        OutputField[] fields = [.. record.Fields];
        bool changed = false;
        bool valueChanged = false;
        for (int j = 0; j < fields.Length; j++)
        {
            OutputField field = fields[j];
            if (field.Coarser.IsDefaultOrEmpty || !FieldGlob.Matches(pattern, field.Name))
            {
                continue;
            }

            // A value the next level cannot read is left as it is and generalised no further.
            bool read = field.Coarser[0].TryApply(field.Value, out string? coarser);
            fields[j] = read
                ? new OutputField(field.Name, coarser!, changed: true) { Coarser = field.Coarser.RemoveAt(0) }
                : field with { Coarser = [] };
            changed = true;
            valueChanged |= read && !string.Equals(coarser, field.Value, StringComparison.Ordinal);
        }

        return changed ? (record with { Fields = [.. fields] }, valueChanged) : null;
    }
}
