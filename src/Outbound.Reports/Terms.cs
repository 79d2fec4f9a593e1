using Outbound.Law;

namespace Outbound.Reports;

/// <summary>A term in Chinese and English.</summary>
/// <param name="Zh">The Chinese term.</param>
/// <param name="En">The English term.</param>
internal readonly record struct Term(string Zh, string En);

/// <summary>The names people read for the values of an assessment, in Chinese and English (docs/glossary.md).</summary>
/// <remarks>The Chinese names paraphrase the instruments' terms; they are labels, not quotations.</remarks>
internal static class Terms
{
    /// <summary>Returns the name of <paramref name="pathway"/>.</summary>
    public static Term Of(Pathway pathway) => pathway switch
    {
        Pathway.NotRegulated => new("不属于数据出境监管范围", "Not regulated as a data export"),
        Pathway.ExemptFreeTradeZone => new("免予申报（自贸区负面清单以外）", "Exempt: outside the free trade zone's negative list"),
        Pathway.ExemptArt4 => new("免予申报（境外收集后再出境）", "Exempt: collected abroad and re-exported"),
        Pathway.ExemptArt5Contract => new("免予申报（个人作为一方当事人的合同所必需）", "Exempt: necessary for a contract with the individual"),
        Pathway.ExemptArt5HumanResources => new("免予申报（跨境人力资源管理）", "Exempt: cross-border human-resources management"),
        Pathway.ExemptArt5Emergency => new("免予申报（紧急情况）", "Exempt: emergency"),
        Pathway.ExemptLegalDuty => new("免予申报（履行法定职责或者法定义务）", "Exempt: necessary to perform a statutory duty"),
        Pathway.ExemptDeMinimis => new("免予申报（小额）", "Exempt: de minimis"),
        Pathway.StandardContractOrCertification => new("标准合同备案或个人信息保护认证", "Standard contract filing or certification"),
        Pathway.SecurityAssessment => new("数据出境安全评估", "Security assessment"),
        Pathway.Blocked => new("禁止", "Blocked"),
        _ => new(WireNames.Of(pathway), WireNames.Of(pathway)),
    };

    /// <summary>Returns the name of <paramref name="status"/>.</summary>
    public static Term Of(TransferStatus status) => status switch
    {
        TransferStatus.Allowed => new("可出境", "Allowed"),
        TransferStatus.Held => new("暂缓", "Held"),
        TransferStatus.Blocked => new("禁止", "Blocked"),
        _ => new(WireNames.Of(status), WireNames.Of(status)),
    };

    /// <summary>Returns the name of <paramref name="flag"/>.</summary>
    public static Term Of(Attention flag) => flag switch
    {
        Attention.LegalReview => new("需法律复核", "Legal review"),
        Attention.SplitRisk => new("拆分规避风险（集团合并计数）", "Split risk (group volumes combined)"),
        Attention.NotComputable => new("期限无法计算", "Deadline not computable"),
        _ => new(WireNames.Of(flag), WireNames.Of(flag)),
    };

    /// <summary>Returns the name of <paramref name="kind"/>.</summary>
    public static Term Of(ObligationKind kind) => kind switch
    {
        ObligationKind.Notice => new("告知", "Notice to individuals"),
        ObligationKind.SeparateConsent => new("单独同意", "Separate consent"),
        ObligationKind.GuardianConsent => new("监护人同意", "Guardian consent"),
        ObligationKind.ProtectionImpactAssessment => new("个人信息保护影响评估", "PI protection impact assessment"),
        ObligationKind.RecipientContract => new("与境外接收方的约定", "Contract with the recipient"),
        ObligationKind.RecordsRetention => new("记录保存", "Records retention"),
        ObligationKind.ContractFiling => new("标准合同备案", "Standard contract filing"),
        ObligationKind.PathwayRequired => new("订立标准合同或取得认证", "Standard contract or certification required"),
        ObligationKind.AssessmentDeclaration => new("申报数据出境安全评估", "Security assessment declaration"),
        ObligationKind.Redeclaration => new("重新申报或重新备案", "Re-declaration or re-filing"),
        ObligationKind.AssessmentExtension => new("申请延长评估结果有效期", "Assessment extension"),
        ObligationKind.CertificateRenewal => new("认证证书续期", "Certificate renewal"),
        ObligationKind.AutomotiveAnnualReport => new("汽车数据安全管理年度报告", "Automotive annual report"),
        ObligationKind.ImportantDataRiskReport => new("重要数据风险评估报告", "Important-data risk assessment report"),
        ObligationKind.IdentifyAndDeclare => new("识别并申报重要数据", "Identify and declare important data"),
        ObligationKind.ProtectionOfficer => new("个人信息保护负责人", "PI protection officer"),
        ObligationKind.ExemptionEvidence => new("留存免予申报依据", "Evidence for the exemption"),
        _ => new(WireNames.Of(kind), WireNames.Of(kind)),
    };

    /// <summary>Returns the name of <paramref name="regime"/>.</summary>
    public static Term Of(Regime regime) => regime switch
    {
        Regime.BeforeAssessmentMeasures => new("《个人信息保护法》（《数据出境安全评估办法》施行前）", "PIPL, before the 2022 Assessment Measures"),
        Regime.Measures2022 => new("《数据出境安全评估办法》《个人信息出境标准合同办法》", "2022 Assessment Measures and 2023 Standard Contract Measures"),
        Regime.Provisions2024 => new("《促进和规范数据跨境流动规定》", "2024 Provisions on Cross-Border Data Flows"),
        Regime.NetworkDataRegulations => new("《促进和规范数据跨境流动规定》及《网络数据安全管理条例》", "2024 Provisions and the Network Data Security Management Regulations"),
        Regime.CertificationMeasures => new("《促进和规范数据跨境流动规定》《网络数据安全管理条例》及《个人信息出境认证办法》", "2024 Provisions, Network Data Security Management Regulations and 2025 Certification Measures"),
        _ => new(WireNames.Of(regime), WireNames.Of(regime)),
    };

    /// <summary>Returns the name of <paramref name="kind"/>.</summary>
    public static Term Of(ApprovalKind kind) => kind switch
    {
        ApprovalKind.SecurityAssessment => new("数据出境安全评估结果", "Security assessment result"),
        ApprovalKind.StandardContract => new("个人信息出境标准合同", "Standard contract"),
        ApprovalKind.Certification => new("个人信息保护认证证书", "PI protection certificate"),
        _ => new(WireNames.DeclarationWord(kind), WireNames.DeclarationWord(kind)),
    };

    /// <summary>Returns the name of <paramref name="status"/>.</summary>
    public static Term Of(ApprovalStatus status) => status switch
    {
        ApprovalStatus.Active => new("有效", "Active"),
        ApprovalStatus.Suspended => new("暂停", "Suspended"),
        ApprovalStatus.Revoked => new("撤销", "Revoked"),
        ApprovalStatus.Terminated => new("责令停止出境", "Terminated: export ordered to stop"),
        _ => new(WireNames.DeclarationWord(status), WireNames.DeclarationWord(status)),
    };

    /// <summary>Returns the pathway the next band needs, as it reads after "before" or "需要".</summary>
    public static Term NextBand(Pathway pathway) => pathway switch
    {
        Pathway.StandardContractOrCertification => new("标准合同备案或个人信息保护认证", "a standard contract or certification"),
        Pathway.SecurityAssessment => new("数据出境安全评估", "a security assessment"),
        _ => new(Of(pathway).Zh, Of(pathway).En.ToLowerInvariant()),
    };
}
