using Outbound.Law;

namespace Outbound.Cli.Tests;

/// <summary>Assessment results built by hand from the real Core types, independent of the assessor.</summary>
internal static class SampleResults
{
    public static readonly DateOnly AsOf = new(2026, 11, 29);

    public static readonly Transfer CrmFirstQuarter = new()
    {
        Id = "crm-q1",
        Date = new(2026, 1, 15),
        Recipient = new("ACME GmbH", "DE", RecipientKind.Company),
        Purpose = "group CRM",
        Items = [new TransferItem { Category = DataCategories.Get("contact"), Individuals = 60_000 }],
    };

    public static readonly Transfer CrmThirdQuarter = new()
    {
        Id = "crm-q3",
        Date = new(2026, 9, 1),
        Recipient = new("ACME | Partners", "DE", RecipientKind.Company),
        Purpose = "group CRM",
        Items = [new TransferItem { Category = DataCategories.Get("contact"), Individuals = 90_000 }],
    };

    public static readonly Approval Contract = new()
    {
        Id = "scc-1",
        Kind = ApprovalKind.StandardContract,
        Effective = new(2026, 3, 1),
    };

    public static readonly Obligation OverdueFiling = new(
        ObligationKind.ContractFiling, new DateOnly(2026, 3, 13), RuleBook.ContractFiling,
        "File the standard contract with the provincial CAC by 2026-03-13.", "应于2026年3月13日前向省级网信部门备案标准合同。")
    {
        Overdue = true,
    };

    public static readonly Obligation ExtensionNotComputable = new(
        ObligationKind.AssessmentExtension, null, RuleBook.AssessmentExtension,
        "Apply to extend the assessment in the 60 working days before it expires.", "在评估结果有效期届满前60个工作日内申请延长。")
    {
        NotComputableYear = 2029,
    };

    public static readonly Obligation Notice = new(
        ObligationKind.Notice, null, RuleBook.Notice,
        "Inform the individuals of the recipient, purpose and their rights.", "向个人告知境外接收方、处理目的及其权利。");

    public static readonly TransferDecision Exempt = new()
    {
        Transfer = CrmFirstQuarter,
        Regime = Regime.CertificationMeasures,
        Pathway = Pathway.ExemptDeMinimis,
        Status = TransferStatus.Allowed,
        Counted = new(60_000, 0),
        Added = new(60_000, 0),
        Headroom = new(40_000, 1, Pathway.StandardContractOrCertification),
        Flows = [new(Pathway.ExemptDeMinimis, true, [0])],
        Reasons = [new(RuleBook.DeMinimis, "60,000 persons counted this year, fewer than 100,000, and no sensitive PI.", "当年累计60,000人，不满10万人，且无敏感个人信息。")],
        Obligations = [Notice],
        Interpretations = [new(Interpretations.ExemptFlowsExcludedFromCounters, true)],
    };

    public static readonly TransferDecision Held = new()
    {
        Transfer = CrmThirdQuarter,
        Regime = Regime.CertificationMeasures,
        Pathway = Pathway.StandardContractOrCertification,
        Status = TransferStatus.Held,
        Counted = new(150_000, 0),
        Added = new(90_000, 0),
        Headroom = null,
        Flows = [new(Pathway.StandardContractOrCertification, true, [0])],
        Flags = [Attention.LegalReview, Attention.NotComputable],
        ApprovalId = "scc-1",
        Reasons = [new(RuleBook.ContractBand, "150,000 persons counted this year: 100,000 or more.", "当年累计150,000人，达到10万人以上。")],
        Obligations = [ExtensionNotComputable, OverdueFiling],
        Warnings = [new("The standard contract has not been filed.", "标准合同尚未备案。")],
        Interpretations = [new(Interpretations.GroupVolumesAggregated, true)],
    };

    public static AssessmentResult Result() => new()
    {
        Declaration = new Declaration
        {
            Year = 2026,
            Handler = new HandlerProfile { Name = "示例科技（上海）有限公司" },
            Source = "sample.yaml",
            Interpretations = new InterpretationSettings(new Dictionary<string, bool> { ["group_volumes_aggregated"] = true }),
            Approvals = [Contract],
            Transfers = [CrmFirstQuarter, CrmThirdQuarter],
        },
        AsOf = AsOf,
        Transfers = [Exempt, Held],
        Approvals = [new ApprovalSummary { Approval = Contract, Obligations = [OverdueFiling] }],
        YearTotals = new(150_000, 0),
    };

    public static AssessmentResult AllowedOnly() => Result() with
    {
        Transfers = [Exempt],
        Approvals = [],
        YearTotals = new(60_000, 0),
    };
}
