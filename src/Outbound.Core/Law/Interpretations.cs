using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Outbound.Law;

/// <summary>
/// A reading of the law that RULES.md marks as unverified or contested, made a named choice with a default.
/// Every decision the choice affects echoes it.
/// </summary>
/// <param name="Name">The name used in declarations (<c>interpretations:</c>).</param>
/// <param name="Default">The value used unless the declaration sets another.</param>
/// <param name="Source">Where RULES.md discusses the reading.</param>
/// <param name="En">What <see langword="true"/> means, in English.</param>
/// <param name="Zh">What <see langword="true"/> means, in Chinese (a paraphrase).</param>
public sealed record Interpretation(string Name, bool Default, string Source, string En, string Zh);

/// <summary>The catalogue of named interpretations.</summary>
public static class Interpretations
{
    /// <summary>Exempt flows are neither added to nor counted against the Art. 7/8 bands.</summary>
    public static readonly Interpretation ExemptFlowsExcludedFromCounters = new(
        "exempt_flows_excluded_from_counters", true, "RULES §0.4, §15 item 4 [U]",
        "Flows exempt under 2024 Provisions Arts. 3–6 are not added to the year's person counters.",
        "依《促进和规范数据跨境流动规定》第三条至第六条免予申报的数据出境活动，不计入当年累计人数。");

    /// <summary>Automotive personal information of more than 100,000 persons is important data (Automotive Provisions Art. 3(5)).</summary>
    public static readonly Interpretation AutoPiOver100kIsImportantData = new(
        "auto_pi_over_100k_is_important_data", false, "RULES §10.1 R-AUTO-ID-2 [U]; SCENARIOS SC-41",
        "An automotive handler's personal information of more than 100,000 persons is important data, so its export needs a security assessment.",
        "汽车数据处理者涉及个人信息主体超过10万人的个人信息属于重要数据，出境须申报安全评估。");

    /// <summary>Staff of a business customer are not parties to the contract exemption.</summary>
    public static readonly Interpretation B2bStaffNotContractParties = new(
        "b2b_staff_not_contract_parties", true, "RULES §6 gating conditions, §15 item 10 [U]",
        "Staff of a corporate customer under a B2B contract are not parties to the contract, so the Art. 5(1) exemption does not cover their personal information.",
        "企业客户员工并非合同当事人，其个人信息不适用第五条第（一）项的合同履行豁免。");

    /// <summary>Job applicants are not employees for the HR exemption.</summary>
    public static readonly Interpretation ApplicantsNotEmployees = new(
        "applicants_not_employees", true, "RULES §6 gating conditions, §15 item 10 [U]",
        "Job applicants are not employees, so the Art. 5(2) cross-border HR exemption does not cover their personal information.",
        "求职者并非员工，其个人信息不适用第五条第（二）项的跨境人力资源管理豁免。");

    /// <summary>The NDSR legal-duty ground dispenses with the assessment, contract and certification filings.</summary>
    public static readonly Interpretation LegalDutyDispensesWithFilings = new(
        "legal_duty_dispenses_with_filings", true, "RULES §6 R-EX-6, §15 item 10 [U]",
        "An export necessary to perform a statutory duty (NDSR Art. 35(6)) needs no assessment, contract or certification; it is marked for legal review.",
        "为履行法定职责或者法定义务确需向境外提供个人信息的（《网络数据安全管理条例》第三十五条第（六）项），无需申报安全评估、订立标准合同或者认证，须经法律复核。");

    /// <summary>Assessment results issued before 22 March 2024 are valid 3 years rather than the 2 years stated at issue.</summary>
    public static readonly Interpretation Pre2024AssessmentValidThreeYears = new(
        "pre_2024_assessment_valid_3_years", false, "RULES §7 R-SA-12 [U]",
        "An assessment result issued before 22 March 2024 is valid for 3 years, like later results, when the decision states no end date.",
        "2024年3月22日前出具的评估结果，如未载明有效期，按3年计算。");

    /// <summary>Declarations of one company group are decided on the group's combined counts.</summary>
    public static readonly Interpretation GroupVolumesAggregated = new(
        "group_volumes_aggregated", false, "RULES §0.4 anti-splitting [S]",
        "Declarations of one company group given together are decided on the group's combined person counts, not each handler's own.",
        "同一集团的多份申报一并评估时，按集团合并后的人数确定出境路径。");

    /// <summary>Gets every named interpretation.</summary>
    public static ImmutableArray<Interpretation> All { get; } =
    [
        ExemptFlowsExcludedFromCounters,
        AutoPiOver100kIsImportantData,
        B2bStaffNotContractParties,
        ApplicantsNotEmployees,
        LegalDutyDispensesWithFilings,
        Pre2024AssessmentValidThreeYears,
        GroupVolumesAggregated,
    ];

    private static readonly FrozenDictionary<string, Interpretation> ByName =
        All.ToFrozenDictionary(interpretation => interpretation.Name, StringComparer.Ordinal);

    /// <summary>Finds the interpretation named <paramref name="name"/>.</summary>
    public static bool TryGet(string name, [NotNullWhen(true)] out Interpretation? interpretation) =>
        ByName.TryGetValue(name, out interpretation);
}

/// <summary>The values a declaration gives to the named interpretations; unset names take their defaults.</summary>
public sealed record InterpretationSettings
{
    /// <summary>Gets settings with every interpretation at its default.</summary>
    public static InterpretationSettings Defaults { get; } = new(ImmutableDictionary<string, bool>.Empty);

    /// <summary>Initializes a new instance of the <see cref="InterpretationSettings"/> class.</summary>
    /// <param name="overrides">Values by interpretation name.</param>
    /// <exception cref="ArgumentException">A name is not a known interpretation.</exception>
    public InterpretationSettings(IReadOnlyDictionary<string, bool> overrides)
    {
        ArgumentNullException.ThrowIfNull(overrides);
        foreach (string name in overrides.Keys)
        {
            if (!Interpretations.TryGet(name, out _))
            {
                throw new ArgumentException($"'{name}' is not a known interpretation.", nameof(overrides));
            }
        }

        Overrides = overrides.ToImmutableDictionary(StringComparer.Ordinal);
    }

    /// <summary>Gets the values the declaration sets explicitly.</summary>
    public ImmutableDictionary<string, bool> Overrides { get; }

    /// <summary>Returns the value in effect for <paramref name="interpretation"/>.</summary>
    public bool this[Interpretation interpretation] =>
        Overrides.TryGetValue(interpretation.Name, out bool value) ? value : interpretation.Default;
}
