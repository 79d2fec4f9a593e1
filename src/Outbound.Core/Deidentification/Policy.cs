using System.Collections.Immutable;
using Outbound.Detection;
using Outbound.Law;

namespace Outbound.Deidentification;

/// <summary>What a policy claims its output is.</summary>
public enum PolicyOutput
{
    /// <summary>去标识化: still personal information (PIPL Art. 73(3)); counted against the thresholds.</summary>
    Deidentified,

    /// <summary>匿名化: no longer personal information (PIPL Art. 73(4)); the validator holds the policy to it.</summary>
    Anonymised,
}

/// <summary>What k-anonymity does with the records of an equivalence class smaller than k.</summary>
public enum SmallClassAction
{
    /// <summary>Moves their quasi-identifiers to the coarser levels the rules allow, then retains what is still too small.</summary>
    Generalise,

    /// <summary>Retains them in China.</summary>
    Retain,
}

/// <summary>The k-anonymity a release must have over its quasi-identifiers.</summary>
public sealed record KAnonymitySettings
{
    /// <summary>The default k.</summary>
    public const int DefaultK = 5;

    /// <summary>Gets the smallest equivalence class released.</summary>
    /// <value>5.</value>
    public int K { get; init; } = DefaultK;

    /// <summary>Gets the output fields whose values together single a person out (exact names or globs such as <c>*.city</c>).</summary>
    public ImmutableArray<string> QuasiIdentifiers { get; init; } = [];

    /// <summary>Gets what happens to records in classes smaller than <see cref="K"/>.</summary>
    /// <value><see cref="SmallClassAction.Generalise"/>.</value>
    public SmallClassAction OnSmallClass { get; init; } = SmallClassAction.Generalise;
}

/// <summary>What a rule selects: a field, an identifier type or a data category.</summary>
public enum SelectorKind
{
    /// <summary>A field by its dotted name, exact or a glob (<c>*.phone</c>); the rule applies to the whole value.</summary>
    Field,

    /// <summary>Identifiers of one type wherever they are found.</summary>
    Type,

    /// <summary>Identifiers whose type belongs to one data category (RULES §12.1).</summary>
    Category,
}

/// <summary>What a rule selects.</summary>
public sealed record RuleSelector
{
    private RuleSelector(SelectorKind kind, string? field, IdentifierType? type, DataCategory? category) =>
        (Kind, FieldPattern, Type, Category) = (kind, field, type, category);

    /// <summary>Gets what kind of thing is selected.</summary>
    public SelectorKind Kind { get; }

    /// <summary>Gets the field name or glob, for <see cref="SelectorKind.Field"/>.</summary>
    public string? FieldPattern { get; }

    /// <summary>Gets the identifier type, for <see cref="SelectorKind.Type"/>.</summary>
    public IdentifierType? Type { get; }

    /// <summary>Gets the data category, for <see cref="SelectorKind.Category"/>.</summary>
    public DataCategory? Category { get; }

    /// <summary>Selects a field by its dotted name or a glob in which <c>*</c> stands for any characters.</summary>
    /// <exception cref="ArgumentException"><paramref name="pattern"/> is empty.</exception>
    public static RuleSelector Field(string pattern)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(pattern);
        return new(SelectorKind.Field, pattern, null, null);
    }

    /// <summary>Selects identifiers of <paramref name="type"/>.</summary>
    public static RuleSelector OfType(IdentifierType type) => new(SelectorKind.Type, null, type, null);

    /// <summary>Selects identifiers whose type belongs to <paramref name="category"/>.</summary>
    public static RuleSelector OfCategory(DataCategory category)
    {
        ArgumentNullException.ThrowIfNull(category);
        return new(SelectorKind.Category, null, null, category);
    }

    /// <summary>Returns the selector as a policy file writes it, e.g. <c>field driver.phone</c>, <c>type CN_MOBILE</c>.</summary>
    public override string ToString() => Kind switch
    {
        SelectorKind.Field => $"field {FieldPattern}",
        SelectorKind.Type => $"type {IdentifierCatalog.WireName(Type!.Value)}",
        _ => $"category {Category!.Code}",
    };
}

/// <summary>One rule of a policy: what it selects and the operator applied.</summary>
/// <param name="Selector">What the rule selects.</param>
/// <param name="Operation">The operator and its parameters.</param>
/// <param name="Name">How messages name the rule, e.g. <c>rules[2]</c>.</param>
public sealed record PolicyRule(RuleSelector Selector, Operation Operation, string Name);

/// <summary>
/// A de-identification policy: the operators applied to what leaves, and what the output is claimed to be.
/// </summary>
/// <remarks>
/// <para>
/// Precedence: a rule for the field (exact name before globs, globs in order) applies to the whole value and wins;
/// otherwise each identifier found in the value gets the rule for its type, else the rule for its data category,
/// else <see cref="Default"/>. A type or category rule whose operator does not apply to a type (a generalisation
/// of addresses to a phone number) passes that type on to the next level.
/// </para>
/// <para>Check a policy with <see cref="PolicyValidator"/>; a <see cref="RecordTransformer"/> refuses an invalid one.</para>
/// </remarks>
public sealed record Policy
{
    /// <summary>Gets the policy's name, e.g. <c>fleet-telemetry</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Gets what the output is claimed to be.</summary>
    public required PolicyOutput Output { get; init; }

    /// <summary>Gets the k-anonymity the release must have, or <see langword="null"/> for none.</summary>
    public KAnonymitySettings? KAnonymity { get; init; }

    /// <summary>Gets the operator for identifiers no rule selects.</summary>
    /// <value><see cref="LabelOperation"/>.</value>
    public Operation Default { get; init; } = new LabelOperation();

    /// <summary>Gets the rules, in file order.</summary>
    public ImmutableArray<PolicyRule> Rules { get; init; } = [];

    /// <summary>Gets where the policy came from (a file name), for messages.</summary>
    public string Source { get; init; } = "";

    /// <summary>Returns the rule for the field <paramref name="name"/>: an exact rule first, else the first glob that matches.</summary>
    public PolicyRule? FieldRule(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        PolicyRule? glob = null;
        foreach (PolicyRule rule in Rules)
        {
            if (rule.Selector.Kind != SelectorKind.Field)
            {
                continue;
            }

            string pattern = rule.Selector.FieldPattern!;
            if (!pattern.Contains('*', StringComparison.Ordinal))
            {
                if (string.Equals(pattern, name, StringComparison.Ordinal))
                {
                    return rule;
                }
            }
            else if (glob is null && FieldGlob.Matches(pattern, name))
            {
                glob = rule;
            }
        }

        return glob;
    }

    /// <summary>Returns the rule that applies to identifiers of <paramref name="type"/> found in a field without a field rule, or <see langword="null"/> for <see cref="Default"/>.</summary>
    public PolicyRule? RuleFor(IdentifierType type)
    {
        string category = IdentifierCatalog.Get(type).Category.Code;
        PolicyRule? byCategory = null;
        foreach (PolicyRule rule in Rules)
        {
            if (!OperationRules.AppliesTo(rule.Operation, type))
            {
                continue;
            }

            if (rule.Selector.Kind == SelectorKind.Type && rule.Selector.Type == type)
            {
                return rule;
            }

            if (byCategory is null && rule.Selector.Kind == SelectorKind.Category && rule.Selector.Category!.Code == category)
            {
                byCategory = rule;
            }
        }

        return byCategory;
    }

    /// <summary>Returns the operator applied to identifiers of <paramref name="type"/> found in a field without a field rule.</summary>
    public Operation OperationFor(IdentifierType type) => RuleFor(type)?.Operation ?? Default;

    /// <summary>Returns <see langword="true"/> when the field <paramref name="name"/> is one of the k-anonymity quasi-identifiers.</summary>
    public bool IsQuasiIdentifier(string name) =>
        KAnonymity is { } settings && settings.QuasiIdentifiers.Any(pattern => FieldGlob.Matches(pattern, name));
}

/// <summary>Matches field names against patterns in which <c>*</c> stands for any characters, dots included.</summary>
internal static class FieldGlob
{
    public static bool Matches(string pattern, string name)
    {
        // Greedy matching with one backtrack point, linear in practice for the short patterns of a policy.
        int p = 0, n = 0, star = -1, resume = 0;
        while (n < name.Length)
        {
            if (p < pattern.Length && pattern[p] == '*')
            {
                star = p++;
                resume = n;
            }
            else if (p < pattern.Length && pattern[p] == name[n])
            {
                p++;
                n++;
            }
            else if (star >= 0)
            {
                p = star + 1;
                n = ++resume;
            }
            else
            {
                return false;
            }
        }

        while (p < pattern.Length && pattern[p] == '*')
        {
            p++;
        }

        return p == pattern.Length;
    }
}
