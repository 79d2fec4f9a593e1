using System.Collections.Immutable;
using System.Globalization;
using Outbound.Detection;

namespace Outbound.Deidentification;

/// <summary>A reason a policy cannot be used, and the part of it concerned.</summary>
/// <param name="Part">The rule's name (<c>rules[2]</c>), <c>default</c>, <c>k_anonymity</c> or <c>policy</c>.</param>
/// <param name="Message">What is wrong, as a sentence.</param>
public readonly record struct PolicyProblem(string Part, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Part}: {Message}";
}

/// <summary>Checks a policy before any record moves: its rules are consistent, and an anonymised claim is kept.</summary>
/// <remarks>
/// <para>
/// The anonymisation rule (PIPL Art. 73(4)): when a policy claims <see cref="PolicyOutput.Anonymised"/>, every
/// identifier type that is personal information, and every field a field rule selects, must reach an operator whose
/// output is anonymous: <c>drop</c>, <c>redact</c>, <c>label</c>, <c>coarsen</c> to at most 2 decimals or cells of at least
/// 1 km, or <c>generalise</c> / <c>bucket</c> under k-anonymity (for a field rule, with the field among the
/// quasi-identifiers). <c>keep</c> leaves personal information in the clear; <c>mask</c>, <c>token</c> and <c>fpe</c> only
/// de-identify, since the result can be linked back to the person with the key or the visible parts. Each problem
/// names the rule and the types it lets through.
/// </para>
/// <para>
/// Consistency: one rule per type, category and exact field; an operator that reads the type it selects (no
/// generalising of phone numbers); a default that reads every type; coarser levels that are coarser; k of at least 2
/// with quasi-identifiers.
/// </para>
/// </remarks>
public static class PolicyValidator
{
    private const string AnonymousOperators =
        "A policy whose output is anonymised may only drop, redact, label, coarsen a location to at most 2 decimals or cells of 1000 m or more, or generalise and bucket quasi-identifiers under k-anonymity.";

    /// <summary>Returns every problem of <paramref name="policy"/>; empty when it can be used.</summary>
    public static ImmutableArray<PolicyProblem> Validate(Policy policy)
    {
        ArgumentNullException.ThrowIfNull(policy);
        var problems = ImmutableArray.CreateBuilder<PolicyProblem>();

        if (string.IsNullOrWhiteSpace(policy.Name))
        {
            problems.Add(new("policy", "The policy needs a name."));
        }

        CheckKAnonymity(policy, problems);
        CheckDefault(policy, problems);
        CheckRules(policy, problems);
        if (policy.Output == PolicyOutput.Anonymised)
        {
            CheckAnonymised(policy, problems);
        }

        return problems.ToImmutable();
    }

    /// <summary>Returns <see langword="true"/> when identifiers of <paramref name="type"/> identify a person by themselves (GB/T 37964 direct identifiers).</summary>
    /// <remarks>Locations and addresses are quasi-identifiers; a USCC names an organisation and is not personal information.</remarks>
    public static bool IsDirectIdentifier(IdentifierType type) =>
        type is not (IdentifierType.GpsCoord or IdentifierType.Address) && IdentifierCatalog.Get(type).IsPersonalInformation;

    private static void CheckKAnonymity(Policy policy, ImmutableArray<PolicyProblem>.Builder problems)
    {
        if (policy.KAnonymity is not { } settings)
        {
            return;
        }

        if (settings.K < 2)
        {
            problems.Add(new("k_anonymity", string.Create(CultureInfo.InvariantCulture, $"k must be at least 2; it is {settings.K}.")));
        }

        if (settings.QuasiIdentifiers.IsDefaultOrEmpty)
        {
            problems.Add(new("k_anonymity", "k-anonymity needs at least one quasi-identifier field."));
        }
    }

    private static void CheckDefault(Policy policy, ImmutableArray<PolicyProblem>.Builder problems)
    {
        if (policy.Default is GeneraliseOperation or CoarsenOperation or BucketOperation)
        {
            problems.Add(new("default", $"The default applies to every identifier type, but {OperationRules.Describe(policy.Default)} reads only some; use keep, drop, redact, label, mask, token or fpe."));
        }
    }

    private static void CheckRules(Policy policy, ImmutableArray<PolicyProblem>.Builder problems)
    {
        var first = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (PolicyRule rule in policy.Rules)
        {
            string key = rule.Selector.ToString();
            if (!first.TryAdd(key, rule.Name))
            {
                problems.Add(new(rule.Name, $"The rule selects {key}, which {first[key]} already selects."));
            }

            CheckApplies(rule, problems);
            CheckCoarser(rule, problems);
        }
    }

    private static void CheckApplies(PolicyRule rule, ImmutableArray<PolicyProblem>.Builder problems)
    {
        Operation operation = rule.Operation;
        IdentifierType[] readers = [.. IdentifierCatalog.All.Select(info => info.Type).Where(type => OperationRules.AppliesTo(operation, type))];
        string readable = readers.Length == 0 ? "no identifier type; use it in a field rule" : string.Join(", ", readers.Select(IdentifierCatalog.WireName));
        switch (rule.Selector.Kind)
        {
            case SelectorKind.Type when !OperationRules.AppliesTo(operation, rule.Selector.Type!.Value):
                problems.Add(new(rule.Name, $"{Capitalised(OperationRules.Describe(operation))} does not apply to {IdentifierCatalog.WireName(rule.Selector.Type.Value)}; it applies to {readable}."));
                break;
            case SelectorKind.Category when !IdentifierCatalog.All.Any(info => info.Category.Code == rule.Selector.Category!.Code && OperationRules.AppliesTo(operation, info.Type)):
                problems.Add(new(rule.Name, $"{Capitalised(OperationRules.Describe(operation))} applies to no identifier type of category {rule.Selector.Category!.Code}; it applies to {readable}."));
                break;
        }
    }

    private static void CheckCoarser(PolicyRule rule, ImmutableArray<PolicyProblem>.Builder problems)
    {
        switch (rule.Operation)
        {
            case GeneraliseOperation generalise:
                GeneraliseOperation previous = generalise;
                foreach (GeneraliseOperation next in generalise.Coarser)
                {
                    bool coarser = previous.To == GeneraliseLevel.AgeBand && next.To == GeneraliseLevel.AgeBand
                        ? next.BandWidth > previous.BandWidth && next.BandWidth % previous.BandWidth == 0
                        : Generalisation.IsCoarser(previous.To, next.To);
                    if (!coarser)
                    {
                        problems.Add(new(rule.Name, $"The coarser level {Level(next)} is not coarser than {Level(previous)}{(previous.To == GeneraliseLevel.AgeBand ? "; a wider band must be a multiple of the narrower" : "")}."));
                    }

                    previous = next;
                }

                break;
            case CoarsenOperation coarsen:
                CoarsenOperation before = coarsen;
                foreach (CoarsenOperation next in coarsen.Coarser)
                {
                    bool coarser = (before.Decimals, next.Decimals, before.CellMetres, next.CellMetres) switch
                    {
                        ({ } a, { } b, _, _) => b < a,
                        (_, _, { } a, { } b) => b > a,
                        _ => false,
                    };
                    if (!coarser)
                    {
                        problems.Add(new(rule.Name, $"The coarser setting {OperationRules.Describe(next)} is not coarser than {OperationRules.Describe(before)}; decimals must fall and cells grow, without switching between the two."));
                    }

                    before = next;
                }

                break;
            case BucketOperation bucket:
                TimeUnit unit = bucket.To;
                foreach (TimeUnit next in bucket.Coarser)
                {
                    if (next <= unit)
                    {
                        problems.Add(new(rule.Name, $"The coarser unit {PolicyWords.Unit(next)} is not coarser than {PolicyWords.Unit(unit)}."));
                    }

                    unit = next;
                }

                break;
        }

        static string Level(GeneraliseOperation operation) => operation.To == GeneraliseLevel.AgeBand
            ? string.Create(CultureInfo.InvariantCulture, $"age bands of {operation.BandWidth}")
            : PolicyWords.Level(operation.To);
    }

    private static void CheckAnonymised(Policy policy, ImmutableArray<PolicyProblem>.Builder problems)
    {
        bool hasK = policy.KAnonymity is not null;
        IdentifierType[] personal = [.. IdentifierCatalog.All.Where(info => info.IsPersonalInformation).Select(info => info.Type)];

        // Types and categories: every type reaches exactly one operator; group the types by the rule that decides them.
        foreach (var decided in personal.GroupBy(type => policy.RuleFor(type)?.Name ?? "default"))
        {
            Operation operation = decided.Key == "default" ? policy.Default : policy.RuleFor(decided.First())!.Operation;
            string subject = decided.Key == "default" ? "The default" : $"The rule ({policy.RuleFor(decided.First())!.Selector})";
            Protection protection = OperationRules.ProtectionOf(operation);
            if (protection == Protection.Anonymised || (protection == Protection.Generalised && hasK))
            {
                continue;
            }

            problems.Add(new(decided.Key, protection == Protection.Generalised
                ? $"{subject} applies {OperationRules.Describe(operation)} to {Types(decided)}, which anonymises only under k-anonymity, and the policy has none; add k_anonymity or use an anonymising operator."
                : $"{subject} applies {OperationRules.Describe(operation)} to {Types(decided)}, so {State(protection)}, and the policy claims output: anonymised. {AnonymousOperators}"));
        }

        // Field rules decide whole values, whatever identifiers they hold.
        foreach (PolicyRule rule in policy.Rules.Where(rule => rule.Selector.Kind == SelectorKind.Field))
        {
            Protection protection = OperationRules.ProtectionOf(rule.Operation);
            string subject = $"The rule ({rule.Selector})";
            if (protection == Protection.Anonymised)
            {
                continue;
            }

            if (protection == Protection.Generalised)
            {
                if (!hasK)
                {
                    problems.Add(new(rule.Name, $"{subject} applies {OperationRules.Describe(rule.Operation)}, which anonymises only under k-anonymity, and the policy has none; add k_anonymity or use an anonymising operator."));
                }
                else if (!policy.IsQuasiIdentifier(rule.Selector.FieldPattern!))
                {
                    problems.Add(new(rule.Name, $"{subject} applies {OperationRules.Describe(rule.Operation)}, which anonymises only under k-anonymity, but {rule.Selector.FieldPattern} is not among k_anonymity.quasi_identifiers; add it there."));
                }

                continue;
            }

            problems.Add(new(rule.Name, $"{subject} applies {OperationRules.Describe(rule.Operation)} to the whole value, whatever identifiers it holds (direct identifiers such as CN_MOBILE or CN_RESIDENT_ID included), so {State(protection)}, and the policy claims output: anonymised. {AnonymousOperators}"));
        }
    }

    private static string Types(IEnumerable<IdentifierType> types)
    {
        IdentifierType[] list = [.. types];
        string names = string.Join(", ", list.Select(IdentifierCatalog.WireName));
        int direct = list.Count(IsDirectIdentifier);
        return direct switch
        {
            0 => names,
            1 when list.Length == 1 => $"{names}, a direct identifier",
            _ when direct == list.Length => $"{names}, direct identifiers",
            _ => $"{names}, direct identifiers among them",
        };
    }

    private static string State(Protection protection) => protection == Protection.None
        ? "the output is personal information in the clear"
        : "the output is only de-identified, which is still personal information (PIPL Art. 73(3))";

    private static string Capitalised(string text) => string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));
}
