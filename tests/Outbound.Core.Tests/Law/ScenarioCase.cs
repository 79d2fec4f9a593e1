using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using System.Runtime.CompilerServices;
using Outbound.Law;

namespace Outbound.Core.Tests.Law;

/// <summary>A declaration file written in a case file: the YAML text and the line of its opening fence.</summary>
/// <param name="Text">The YAML between the fences.</param>
/// <param name="Line">The one-based line of the opening <c>```yaml</c> fence.</param>
internal sealed record CaseDeclaration(string Text, int Line);

/// <summary>An obligation a case expects with a given due date.</summary>
/// <param name="Kind">The obligation.</param>
/// <param name="Date">The due date.</param>
internal sealed record ExpectedDue(ObligationKind Kind, DateOnly Date);

/// <summary>An obligation a case expects to be not computable for lack of a calendar year.</summary>
/// <param name="Kind">The obligation.</param>
/// <param name="Year">The missing year.</param>
internal sealed record ExpectedMissingYear(ObligationKind Kind, int Year);

/// <summary>
/// One <c>```expect</c> block of a case file in <c>Cases/</c>, with the declaration it is judged against.
/// </summary>
/// <remarks>
/// <para>
/// A case file is Markdown. A <c>```yaml</c> block holds a complete declaration file; every <c>```expect</c>
/// block after it, up to the next <c>```yaml</c> block, is judged against it. Consecutive <c>```yaml group</c>
/// blocks are assessed together (<see cref="Assessor.AssessAll"/>). Other fenced blocks are prose.
/// </para>
/// <para>
/// An expect block holds <c>key: value</c> lines: <c>as_of</c> (default: 31 December of the first
/// declaration's year), <c>transfer</c> (required), <c>pathway</c>, <c>status</c>, <c>regime</c>,
/// <c>approval</c> (the approval relied on, or <c>none</c>), <c>counted</c> (<c>N/S</c> after the transfer),
/// <c>flags</c> (present; <c>none</c> means no flags at all), <c>flags_absent</c>, <c>obligations</c>
/// (present), <c>obligations_absent</c>, <c>overdue</c>, <c>due</c> (<c>KIND yyyy-MM-dd</c>),
/// <c>not_computable</c> (<c>KIND year</c>) and <c>cite</c> (rule IDs among the reasons). <c>due</c> and
/// <c>not_computable</c> may be repeated. Obligations that must be present, due or overdue are looked for on the
/// transfer and on the declaration's approvals; <c>obligations_absent</c> looks at the transfer only. A block that cannot be read still becomes a case, carrying <see cref="Error"/>,
/// so a typo fails a test instead of dropping an assertion.
/// </para>
/// </remarks>
internal sealed class ScenarioCase
{
    private const string Fence = "```";

    private static readonly FrozenSet<string> Keys = FrozenSet.Create(
        StringComparer.Ordinal,
        "as_of",
        "transfer",
        "pathway",
        "status",
        "regime",
        "approval",
        "counted",
        "flags",
        "flags_absent",
        "obligations",
        "obligations_absent",
        "overdue",
        "due",
        "not_computable",
        "cite");

    private static readonly FrozenSet<string> RepeatableKeys = FrozenSet.Create(StringComparer.Ordinal, "due", "not_computable");

    private static readonly FrozenDictionary<string, TransferStatus> Statuses =
        Enum.GetValues<TransferStatus>().ToFrozenDictionary(WireNames.Of, value => value, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Attention> FlagNames =
        Enum.GetValues<Attention>().ToFrozenDictionary(WireNames.Of, value => value, StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, Regime> Regimes =
        Enum.GetValues<Regime>().ToFrozenDictionary(WireNames.Of, value => value, StringComparer.Ordinal);

    private static readonly Lazy<ImmutableArray<ScenarioCase>> AllCases = new(() => ReadAll());

    private ScenarioCase(string file, int line, string heading)
    {
        File = file;
        Line = line;
        Heading = heading;
    }

    /// <summary>Gets every case of every file in <c>Cases/</c>, read once.</summary>
    public static ImmutableArray<ScenarioCase> All => AllCases.Value;

    /// <summary>Gets the case file's name, e.g. <c>thresholds.md</c>.</summary>
    public string File { get; }

    /// <summary>Gets the one-based line of the <c>```expect</c> fence.</summary>
    public int Line { get; }

    /// <summary>Gets the case's name, <c>file.md:line</c>.</summary>
    public string Name => string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}");

    /// <summary>Gets the nearest Markdown heading above the case, e.g. <c>SC-02 — Exactly 99,999 vs exactly 100,000</c>.</summary>
    public string Heading { get; }

    /// <summary>Gets why the block could not be read, or <see langword="null"/>.</summary>
    public string? Error { get; private init; }

    /// <summary>Gets the declarations the case is judged against (several for a group).</summary>
    public ImmutableArray<CaseDeclaration> Declarations { get; private init; } = [];

    /// <summary>Gets a value indicating whether the declarations are assessed together as a group.</summary>
    public bool IsGroup { get; private init; }

    /// <summary>Gets the as-of date, or <see langword="null"/> for the last day of the declaration's year.</summary>
    public DateOnly? AsOf { get; private init; }

    /// <summary>Gets the id of the transfer the block is about.</summary>
    public string TransferId { get; private init; } = "";

    /// <summary>Gets the expected pathway, if asserted.</summary>
    public Pathway? Pathway { get; private init; }

    /// <summary>Gets the expected status, if asserted.</summary>
    public TransferStatus? Status { get; private init; }

    /// <summary>Gets the expected regime, if asserted.</summary>
    public Regime? Regime { get; private init; }

    /// <summary>Gets a value indicating whether the approval relied on is asserted.</summary>
    public bool ApprovalAsserted { get; private init; }

    /// <summary>Gets the expected approval id; <see langword="null"/> with <see cref="ApprovalAsserted"/> means none.</summary>
    public string? Approval { get; private init; }

    /// <summary>Gets the expected counts after the transfer, if asserted.</summary>
    public PersonCounts? Counted { get; private init; }

    /// <summary>Gets the flags that must be present; empty means no flags at all; <see langword="null"/> if not asserted.</summary>
    public ImmutableArray<Attention>? Flags { get; private init; }

    /// <summary>Gets the flags that must be absent.</summary>
    public ImmutableArray<Attention> FlagsAbsent { get; private init; } = [];

    /// <summary>Gets the obligations that must be present.</summary>
    public ImmutableArray<ObligationKind> Obligations { get; private init; } = [];

    /// <summary>Gets the obligations that must be absent.</summary>
    public ImmutableArray<ObligationKind> ObligationsAbsent { get; private init; } = [];

    /// <summary>Gets the obligations that must be overdue on the as-of date.</summary>
    public ImmutableArray<ObligationKind> Overdue { get; private init; } = [];

    /// <summary>Gets the obligations that must be due on a given date.</summary>
    public ImmutableArray<ExpectedDue> Due { get; private init; } = [];

    /// <summary>Gets the obligations that must be not computable for lack of a given year.</summary>
    public ImmutableArray<ExpectedMissingYear> NotComputable { get; private init; } = [];

    /// <summary>Gets the rule IDs that must be among the decision's reasons.</summary>
    public ImmutableArray<string> Cites { get; private init; } = [];

    /// <summary>Returns the case named <paramref name="name"/> (<c>file.md:line</c>).</summary>
    /// <exception cref="KeyNotFoundException">No case has that name.</exception>
    public static ScenarioCase Find(string name) =>
        All.FirstOrDefault(candidate => string.Equals(candidate.Name, name, StringComparison.Ordinal))
            ?? throw new KeyNotFoundException($"No case is named '{name}'.");

    /// <summary>Returns the folder holding the case files, beside this source file.</summary>
    public static string CaseDirectory([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Cases");

    /// <summary>Reads every case file (<c>*.md</c> except <c>README.md</c>) in <c>Cases/</c>, in file-name order.</summary>
    public static ImmutableArray<ScenarioCase> ReadAll()
    {
        var cases = ImmutableArray.CreateBuilder<ScenarioCase>();
        foreach (string path in CaseFiles())
        {
            cases.AddRange(Parse(Path.GetFileName(path), System.IO.File.ReadAllText(path)));
        }

        return cases.ToImmutable();
    }

    /// <summary>Returns the paths of the case files, in file-name order.</summary>
    public static ImmutableArray<string> CaseFiles() =>
    [
        .. Directory.EnumerateFiles(CaseDirectory(), "*.md")
            .Where(path => !string.Equals(Path.GetFileName(path), "README.md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>Reads the cases of one Markdown file.</summary>
    /// <param name="fileName">The file's name, used in case names and messages.</param>
    /// <param name="markdown">The file's text.</param>
    public static ImmutableArray<ScenarioCase> Parse(string fileName, string markdown)
    {
        ArgumentNullException.ThrowIfNull(markdown);
        string[] lines = markdown.ReplaceLineEndings("\n").Split('\n');
        var cases = ImmutableArray.CreateBuilder<ScenarioCase>();
        ImmutableArray<CaseDeclaration> declarations = [];
        bool isGroup = false;
        bool groupOpen = false;
        string heading = "";

        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.StartsWith('#'))
            {
                heading = line.TrimStart('#').Trim();
                continue;
            }

            if (!line.StartsWith(Fence, StringComparison.Ordinal))
            {
                continue;
            }

            int open = i + 1;
            string info = line[Fence.Length..].Trim();
            int close = Array.FindIndex(lines, i + 1, candidate => string.Equals(candidate.TrimEnd(), Fence, StringComparison.Ordinal));
            if (close < 0)
            {
                cases.Add(Failed(fileName, open, heading, "This fence is never closed."));
                break;
            }

            string[] body = lines[(i + 1)..close];
            i = close;
            switch (info)
            {
                case "yaml":
                    declarations = [new CaseDeclaration(string.Join('\n', body), open)];
                    isGroup = false;
                    groupOpen = false;
                    break;
                case "yaml group":
                    declarations = groupOpen ? declarations.Add(new CaseDeclaration(string.Join('\n', body), open)) : [new CaseDeclaration(string.Join('\n', body), open)];
                    isGroup = true;
                    groupOpen = true;
                    break;
                case "expect":
                    groupOpen = false;
                    cases.Add(ParseExpect(fileName, open, heading, declarations, isGroup, body));
                    break;
                default:
                    // Any other fenced block is prose (an example, a table in text form).
                    break;
            }
        }

        return cases.ToImmutable();
    }

    /// <summary>Returns what in <paramref name="decision"/> differs from the block, one line each; empty when it matches.</summary>
    /// <param name="assessment">The assessment holding the decision; its approvals' obligations count too.</param>
    /// <param name="decision">The decision for <see cref="TransferId"/>.</param>
    public ImmutableArray<string> Mismatches(AssessmentResult assessment, TransferDecision decision)
    {
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(decision);
        var mismatches = ImmutableArray.CreateBuilder<string>();
        var obligations = AllObligations(assessment, decision).ToList();

        if (Pathway is Pathway pathway && pathway != decision.Pathway)
        {
            mismatches.Add($"pathway: expected {WireNames.Of(pathway)}, got {WireNames.Of(decision.Pathway)}");
        }

        if (Status is TransferStatus status && status != decision.Status)
        {
            mismatches.Add($"status: expected {WireNames.Of(status)}, got {WireNames.Of(decision.Status)}");
        }

        if (Regime is Regime regime && regime != decision.Regime)
        {
            mismatches.Add($"regime: expected {WireNames.Of(regime)}, got {WireNames.Of(decision.Regime)}");
        }

        if (ApprovalAsserted && !string.Equals(Approval, decision.ApprovalId, StringComparison.Ordinal))
        {
            mismatches.Add($"approval: expected {Approval ?? "none"}, got {decision.ApprovalId ?? "none"}");
        }

        if (Counted is PersonCounts counted && counted != decision.Counted)
        {
            mismatches.Add($"counted: expected {Counts(counted)}, got {Counts(decision.Counted)}");
        }

        if (Flags is ImmutableArray<Attention> flags)
        {
            if (flags.IsEmpty && !decision.Flags.IsEmpty)
            {
                mismatches.Add($"flags: expected none, got {FlagList(decision.Flags)}");
            }

            foreach (var flag in flags.Where(flag => !decision.Flags.Contains(flag)))
            {
                mismatches.Add($"flags: expected {WireNames.Of(flag)}, got {FlagList(decision.Flags)}");
            }
        }

        foreach (var flag in FlagsAbsent.Where(decision.Flags.Contains))
        {
            mismatches.Add($"flags_absent: {WireNames.Of(flag)} must not be raised");
        }

        foreach (var kind in Obligations.Where(kind => !obligations.Exists(obligation => obligation.Kind == kind)))
        {
            mismatches.Add($"obligations: expected {WireNames.Of(kind)}");
        }

        foreach (var kind in ObligationsAbsent.Where(kind => decision.Obligations.Any(obligation => obligation.Kind == kind)))
        {
            mismatches.Add($"obligations_absent: {WireNames.Of(kind)} must not be attached to the transfer");
        }

        foreach (var kind in Overdue.Where(kind => !obligations.Exists(obligation => obligation.Kind == kind && obligation.Overdue)))
        {
            mismatches.Add($"overdue: expected {WireNames.Of(kind)} to be overdue");
        }

        foreach (var due in Due.Where(due => !obligations.Exists(obligation => obligation.Kind == due.Kind && obligation.Due == due.Date)))
        {
            mismatches.Add($"due: expected {WireNames.Of(due.Kind)} due {Date(due.Date)}");
        }

        foreach (var missing in NotComputable.Where(missing =>
            !obligations.Exists(obligation => obligation.Kind == missing.Kind && obligation.NotComputableYear == missing.Year)))
        {
            mismatches.Add(string.Create(
                CultureInfo.InvariantCulture, $"not_computable: expected {WireNames.Of(missing.Kind)} not computable for lack of {missing.Year}"));
        }

        foreach (string rule in Cites.Where(rule => !decision.Reasons.Any(reason => string.Equals(reason.Rule.Id, rule, StringComparison.Ordinal))))
        {
            mismatches.Add($"cite: expected a reason citing {rule}");
        }

        return mismatches.ToImmutable();
    }

    /// <summary>Returns a failure message: the case, the mismatches, and the decision with its reasons and obligations.</summary>
    /// <param name="asOf">The as-of date used.</param>
    /// <param name="mismatches">The result of <see cref="Mismatches"/>.</param>
    /// <param name="assessment">The assessment holding the decision.</param>
    /// <param name="decision">The decision for <see cref="TransferId"/>.</param>
    public string Report(DateOnly asOf, IEnumerable<string> mismatches, AssessmentResult assessment, TransferDecision decision)
    {
        ArgumentNullException.ThrowIfNull(mismatches);
        ArgumentNullException.ThrowIfNull(assessment);
        ArgumentNullException.ThrowIfNull(decision);
        var lines = new List<string> { $"{Title(asOf)}: transfer '{TransferId}' does not match the case." };
        lines.AddRange(mismatches.Select(mismatch => "  - " + mismatch));
        lines.Add(
            $"Decision: {WireNames.Of(decision.Pathway)}, {WireNames.Of(decision.Status)}, regime {WireNames.Of(decision.Regime)}, "
            + $"counted {Counts(decision.Counted)}, approval {decision.ApprovalId ?? "none"}, flags {FlagList(decision.Flags)}");
        lines.Add("Reasons:");
        lines.AddRange(decision.Reasons.Select(reason => $"  {reason.Rule.Id} ({reason.Rule.Citation}): {reason.En}"));
        lines.Add("Obligations (the transfer's, then the approvals'):");
        lines.AddRange(AllObligations(assessment, decision).Select(obligation =>
            "  " + WireNames.Of(obligation.Kind)
            + (obligation.Due is DateOnly due ? " due " + Date(due) : "")
            + (obligation.NotComputableYear is int year ? string.Create(CultureInfo.InvariantCulture, $" not computable ({year})") : "")
            + (obligation.Overdue ? " overdue" : "")));
        lines.AddRange(decision.Warnings.Select(warning => "Warning: " + warning.En));
        return string.Join(Environment.NewLine, lines);
    }

    /// <summary>Returns the case's name and heading with the as-of date, to open a message.</summary>
    public string Title(DateOnly asOf) => $"{Name} ({Heading}) as of {Date(asOf)}";

    /// <inheritdoc/>
    public override string ToString() => Name;

    private static IEnumerable<Obligation> AllObligations(AssessmentResult assessment, TransferDecision decision) =>
        decision.Obligations.Concat(assessment.Approvals.SelectMany(approval => approval.Obligations));

    private static string Counts(PersonCounts counts) =>
        string.Create(CultureInfo.InvariantCulture, $"{counts.NonSensitive}/{counts.Sensitive}");

    private static string FlagList(ImmutableArray<Attention> flags) =>
        flags.IsEmpty ? "none" : string.Join(", ", flags.Select(WireNames.Of));

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static ScenarioCase Failed(string fileName, int line, string heading, string error) =>
        new(fileName, line, heading) { Error = string.Create(CultureInfo.InvariantCulture, $"{fileName}:{line}: {error}") };

    private static ScenarioCase ParseExpect(
        string fileName, int fenceLine, string heading, ImmutableArray<CaseDeclaration> declarations, bool isGroup, string[] body)
    {
        var errors = new List<string>();
        var values = new Dictionary<string, List<(string Value, int Line)>>(StringComparer.Ordinal);
        for (int i = 0; i < body.Length; i++)
        {
            int lineNumber = fenceLine + 1 + i;
            string text = body[i].Trim();
            if (text.Length == 0 || text.StartsWith('#'))
            {
                continue;
            }

            int colon = text.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                errors.Add(At(fileName, lineNumber, $"expected 'key: value' but found '{text}'."));
                continue;
            }

            string key = text[..colon].Trim();
            string value = text[(colon + 1)..].Trim();
            if (!Keys.Contains(key))
            {
                errors.Add(At(fileName, lineNumber, $"unknown key '{key}'; known keys: {string.Join(", ", Keys.Order(StringComparer.Ordinal))}."));
                continue;
            }

            if (values.TryGetValue(key, out var existing))
            {
                if (!RepeatableKeys.Contains(key))
                {
                    errors.Add(At(fileName, lineNumber, $"'{key}' is given twice; only 'due' and 'not_computable' may repeat."));
                    continue;
                }

                existing.Add((value, lineNumber));
            }
            else
            {
                values[key] = [(value, lineNumber)];
            }
        }

        if (declarations.IsEmpty)
        {
            errors.Add(At(fileName, fenceLine, "an expect block needs a ```yaml block above it."));
        }

        string? Single(string key) => values.TryGetValue(key, out var found) ? found[0].Value : null;
        int LineOf(string key) => values.TryGetValue(key, out var found) ? found[0].Line : fenceLine;

        string transfer = Single("transfer") ?? "";
        if (transfer.Length == 0)
        {
            errors.Add(At(fileName, fenceLine, "'transfer' is required: the id of the transfer the block is about."));
        }

        DateOnly? asOf = Single("as_of") is string asOfText ? ParseDate(asOfText, fileName, LineOf("as_of"), errors) : null;
        Pathway? pathway = Single("pathway") is string pathwayText
            ? Lookup<Pathway>(pathwayText, fileName, LineOf("pathway"), errors, WireNames.TryParsePathway, "a pathway such as SCC_OR_CERTIFICATION")
            : null;
        TransferStatus? status = Single("status") is string statusText
            ? Lookup<TransferStatus>(statusText, fileName, LineOf("status"), errors, Statuses.TryGetValue, "ALLOWED, HELD or BLOCKED")
            : null;
        Regime? regime = Single("regime") is string regimeText
            ? Lookup<Regime>(regimeText, fileName, LineOf("regime"), errors, Regimes.TryGetValue, $"one of {string.Join(", ", Regimes.Keys.Order(StringComparer.Ordinal))}")
            : null;
        string? approval = Single("approval");
        PersonCounts? counted = Single("counted") is string countedText ? ParseCounts(countedText, fileName, LineOf("counted"), errors) : null;

        ImmutableArray<Attention>? flags = null;
        if (Single("flags") is string flagsText)
        {
            flags = string.Equals(flagsText, "none", StringComparison.Ordinal)
                ? []
                : ParseList<Attention>(flagsText, fileName, LineOf("flags"), errors, FlagNames.TryGetValue, "a flag");
        }

        ImmutableArray<Attention> flagsAbsent = Single("flags_absent") is string absentFlagsText
            ? ParseList<Attention>(absentFlagsText, fileName, LineOf("flags_absent"), errors, FlagNames.TryGetValue, "a flag")
            : [];
        ImmutableArray<ObligationKind> obligations = Single("obligations") is string obligationsText
            ? ParseList<ObligationKind>(obligationsText, fileName, LineOf("obligations"), errors, WireNames.TryParseObligation, "an obligation")
            : [];
        ImmutableArray<ObligationKind> obligationsAbsent = Single("obligations_absent") is string absentText
            ? ParseList<ObligationKind>(absentText, fileName, LineOf("obligations_absent"), errors, WireNames.TryParseObligation, "an obligation")
            : [];
        ImmutableArray<ObligationKind> overdue = Single("overdue") is string overdueText
            ? ParseList<ObligationKind>(overdueText, fileName, LineOf("overdue"), errors, WireNames.TryParseObligation, "an obligation")
            : [];

        var due = ImmutableArray.CreateBuilder<ExpectedDue>();
        var notComputable = ImmutableArray.CreateBuilder<ExpectedMissingYear>();
        foreach (var (value, line) in values.GetValueOrDefault("due") ?? [])
        {
            foreach (var (kind, argument) in Pairs(value, fileName, line, errors))
            {
                if (ParseDate(argument, fileName, line, errors) is DateOnly date)
                {
                    due.Add(new ExpectedDue(kind, date));
                }
            }
        }

        foreach (var (value, line) in values.GetValueOrDefault("not_computable") ?? [])
        {
            foreach (var (kind, argument) in Pairs(value, fileName, line, errors))
            {
                if (int.TryParse(argument, NumberStyles.None, CultureInfo.InvariantCulture, out int year))
                {
                    notComputable.Add(new ExpectedMissingYear(kind, year));
                }
                else
                {
                    errors.Add(At(fileName, line, $"'{argument}' is not a year; write e.g. 'ASSESSMENT_EXTENSION 2029'."));
                }
            }
        }

        ImmutableArray<string> cites = Single("cite") is string citeText ? [.. SplitList(citeText)] : [];

        return new ScenarioCase(fileName, fenceLine, heading)
        {
            Error = errors.Count == 0 ? null : string.Join(Environment.NewLine, errors),
            Declarations = declarations,
            IsGroup = isGroup,
            AsOf = asOf,
            TransferId = transfer,
            Pathway = pathway,
            Status = status,
            Regime = regime,
            ApprovalAsserted = approval is not null,
            Approval = string.Equals(approval, "none", StringComparison.Ordinal) ? null : approval,
            Counted = counted,
            Flags = flags,
            FlagsAbsent = flagsAbsent,
            Obligations = obligations,
            ObligationsAbsent = obligationsAbsent,
            Overdue = overdue,
            Due = due.ToImmutable(),
            NotComputable = notComputable.ToImmutable(),
            Cites = cites,
        };
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static T? Lookup<T>(string text, string fileName, int line, List<string> errors, TryParse<T> tryParse, string expected)
        where T : struct
    {
        if (tryParse(text, out T value))
        {
            return value;
        }

        errors.Add(At(fileName, line, $"'{text}' is not {expected}."));
        return null;
    }

    private static ImmutableArray<T> ParseList<T>(string text, string fileName, int line, List<string> errors, TryParse<T> tryParse, string expected)
        where T : struct
    {
        var items = ImmutableArray.CreateBuilder<T>();
        foreach (string word in SplitList(text))
        {
            if (Lookup(word, fileName, line, errors, tryParse, expected) is T value)
            {
                items.Add(value);
            }
        }

        return items.ToImmutable();
    }

    private static IEnumerable<(ObligationKind Kind, string Argument)> Pairs(string text, string fileName, int line, List<string> errors)
    {
        foreach (string pair in SplitList(text))
        {
            string[] parts = pair.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Length != 2)
            {
                errors.Add(At(fileName, line, $"expected 'KIND value' but found '{pair}'."));
                continue;
            }

            if (Lookup<ObligationKind>(parts[0], fileName, line, errors, WireNames.TryParseObligation, "an obligation") is ObligationKind kind)
            {
                yield return (kind, parts[1]);
            }
        }
    }

    private static string[] SplitList(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static DateOnly? ParseDate(string text, string fileName, int line, List<string> errors)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(At(fileName, line, $"'{text}' is not a date like 2026-06-01."));
        return null;
    }

    private static PersonCounts? ParseCounts(string text, string fileName, int line, List<string> errors)
    {
        string[] parts = text.Replace(",", "", StringComparison.Ordinal).Replace("_", "", StringComparison.Ordinal).Split('/');
        if (parts.Length == 2
            && long.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long nonSensitive)
            && long.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long sensitive))
        {
            return new PersonCounts(nonSensitive, sensitive);
        }

        errors.Add(At(fileName, line, $"'counted' must be 'non_sensitive/sensitive', e.g. 60000/0, but is '{text}'."));
        return null;
    }

    private static string At(string fileName, int line, string message) =>
        string.Create(CultureInfo.InvariantCulture, $"{fileName}:{line}: {message}");
}
