using System.Collections.Immutable;

namespace Outbound.Law;

/// <summary>The legal pathway a transfer needs, ordered from least to most strict.</summary>
/// <remarks>Wire names are the upper-case forms given by <see cref="WireNames"/>, e.g. <c>SCC_OR_CERTIFICATION</c>.</remarks>
public enum Pathway
{
    /// <summary>NOT_REGULATED: no personal information or important data leaves mainland China.</summary>
    NotRegulated,

    /// <summary>EXEMPT_FTZ: not on the free trade zone's negative list (2024 Provisions Art. 6).</summary>
    ExemptFreeTradeZone,

    /// <summary>EXEMPT_ART4: personal information collected abroad and re-exported (2024 Provisions Art. 4).</summary>
    ExemptArt4,

    /// <summary>EXEMPT_ART5_1: necessary for a contract to which the individual is a party.</summary>
    ExemptArt5Contract,

    /// <summary>EXEMPT_ART5_2: cross-border human-resources management.</summary>
    ExemptArt5HumanResources,

    /// <summary>EXEMPT_ART5_3: emergency.</summary>
    ExemptArt5Emergency,

    /// <summary>EXEMPT_LEGAL_DUTY: necessary to perform a statutory duty (NDSR Art. 35(6)); legal review.</summary>
    ExemptLegalDuty,

    /// <summary>EXEMPT_DE_MINIMIS: fewer than 100,000 persons' non-sensitive PI and no sensitive PI this year (Art. 5(4)).</summary>
    ExemptDeMinimis,

    /// <summary>SCC_OR_CERTIFICATION: a filed standard contract or a certificate (Art. 8).</summary>
    StandardContractOrCertification,

    /// <summary>SECURITY_ASSESSMENT: a CAC security assessment (Art. 7).</summary>
    SecurityAssessment,

    /// <summary>BLOCKED: no pathway cures it (RULES §3).</summary>
    Blocked,
}

/// <summary>Whether a transfer may go now.</summary>
public enum TransferStatus
{
    /// <summary>ALLOWED: the pathway is satisfied.</summary>
    Allowed,

    /// <summary>HELD: the pathway is not in place yet (approval, filing or evidence missing).</summary>
    Held,

    /// <summary>BLOCKED: the transfer must not go.</summary>
    Blocked,
}

/// <summary>A flag that calls for a person's attention (wire: <c>flags</c>).</summary>
public enum Attention
{
    /// <summary>LEGAL_REVIEW: the decision rests on an unverified or contested reading; a lawyer should confirm it.</summary>
    LegalReview,

    /// <summary>SPLIT_RISK: the group's combined volumes reach a stricter pathway than this handler's own (anti-splitting).</summary>
    SplitRisk,

    /// <summary>NOT_COMPUTABLE: a deadline needs a calendar year that is missing.</summary>
    NotComputable,
}

/// <summary>What a handler must do, and by when.</summary>
public enum ObligationKind
{
    /// <summary>NOTICE: inform individuals of the recipient, purpose, method, categories and rights (PIPL Arts. 17, 39).</summary>
    Notice,

    /// <summary>SEPARATE_CONSENT: separate consent for the export (PIPL Arts. 29, 39).</summary>
    SeparateConsent,

    /// <summary>GUARDIAN_CONSENT: consent of a parent or guardian for minors under 14 (PIPL Art. 31).</summary>
    GuardianConsent,

    /// <summary>PIPIA: personal information protection impact assessment before the export (PIPL Arts. 55–56).</summary>
    ProtectionImpactAssessment,

    /// <summary>RECIPIENT_CONTRACT: a contract binding the recipient to PIPL's standard (PIPL Art. 38; NDSR Art. 12).</summary>
    RecipientContract,

    /// <summary>RECORDS_RETENTION: keep the PIPIA report and provision records at least 3 years.</summary>
    RecordsRetention,

    /// <summary>SCC_FILING: file the standard contract within 10 working days of its effective date.</summary>
    ContractFiling,

    /// <summary>PATHWAY_REQUIRED: conclude an SCC or obtain a certificate before the transfer.</summary>
    PathwayRequired,

    /// <summary>ASSESSMENT_DECLARATION: declare a security assessment and pass it before the transfer.</summary>
    AssessmentDeclaration,

    /// <summary>REDECLARATION: re-declare the assessment or re-file the contract after a change.</summary>
    Redeclaration,

    /// <summary>ASSESSMENT_EXTENSION: apply to extend an assessment in the 60 working days before it expires.</summary>
    AssessmentExtension,

    /// <summary>CERTIFICATE_RENEWAL: apply to renew a certificate 6 months before it expires.</summary>
    CertificateRenewal,

    /// <summary>AUTOMOTIVE_ANNUAL_REPORT: the annual automotive data security report by 15 December.</summary>
    AutomotiveAnnualReport,

    /// <summary>IMPORTANT_DATA_RISK_REPORT: the annual risk assessment report of an important-data processor (NDSR Art. 33).</summary>
    ImportantDataRiskReport,

    /// <summary>IDENTIFY_AND_DECLARE: identify candidate important data and declare it to the regulator (2024 Provisions Art. 2; NDSR Art. 29).</summary>
    IdentifyAndDeclare,

    /// <summary>PI_PROTECTION_OFFICER: appoint a PI protection officer (1,000,000 or more persons processed).</summary>
    ProtectionOfficer,

    /// <summary>EXEMPTION_EVIDENCE: record the evidence for the claimed exemption before the transfer.</summary>
    ExemptionEvidence,
}

/// <summary>One reason for a decision, citing the rule it applies.</summary>
/// <param name="Rule">The rule applied.</param>
/// <param name="En">The reason in English, with the numbers of this case.</param>
/// <param name="Zh">The reason in Chinese; a paraphrase, never a quotation.</param>
public sealed record Reason(LegalRule Rule, string En, string Zh);

/// <summary>Something the handler must do, with its deadline.</summary>
/// <param name="Kind">What must be done.</param>
/// <param name="Due">The last day, when known; <see langword="null"/> when there is no fixed date or it is not computable.</param>
/// <param name="Rule">The rule that imposes it.</param>
/// <param name="En">What must be done, in English.</param>
/// <param name="Zh">What must be done, in Chinese (paraphrase).</param>
public sealed record Obligation(ObligationKind Kind, DateOnly? Due, LegalRule Rule, string En, string Zh)
{
    /// <summary>Gets the first day of the window in which it may be done, when it has one.</summary>
    public DateOnly? WindowOpens { get; init; }

    /// <summary>Gets the missing calendar year when the deadline is not computable.</summary>
    public int? NotComputableYear { get; init; }

    /// <summary>Gets a value indicating whether <see cref="Due"/> had passed on the assessment's as-of date.</summary>
    public bool Overdue { get; init; }
}

/// <summary>A warning about the declaration that does not stop the decision.</summary>
/// <param name="En">English text.</param>
/// <param name="Zh">Chinese text.</param>
public sealed record Warning(string En, string Zh);

/// <summary>A named interpretation that affected a decision, with the value used.</summary>
/// <param name="Interpretation">The interpretation.</param>
/// <param name="Value">The value in effect.</param>
public sealed record InterpretationUse(Interpretation Interpretation, bool Value)
{
    /// <summary>Gets a value indicating whether the value differs from the default.</summary>
    public bool Overridden => Value != Interpretation.Default;
}

/// <summary>A part of a transfer decided on its own: items under one exemption, or the counted remainder.</summary>
/// <param name="Pathway">The flow's pathway.</param>
/// <param name="Counted">Whether the flow is added to the year's counters.</param>
/// <param name="Items">Zero-based indices of the transfer's items in the flow.</param>
public sealed record FlowDecision(Pathway Pathway, bool Counted, ImmutableArray<int> Items);

/// <summary>How far the year's counts still are from the next band.</summary>
/// <param name="NonSensitiveToNextBand">More persons' non-sensitive PI before a stricter pathway, or <see langword="null"/> if none.</param>
/// <param name="SensitiveToNextBand">More persons' sensitive PI before a stricter pathway, or <see langword="null"/> if none.</param>
/// <param name="NextPathway">The pathway the next band would need.</param>
public sealed record Headroom(long? NonSensitiveToNextBand, long? SensitiveToNextBand, Pathway NextPathway);

/// <summary>The decision for one transfer.</summary>
public sealed record TransferDecision
{
    /// <summary>Gets the transfer decided.</summary>
    public required Transfer Transfer { get; init; }

    /// <summary>Gets the legal regime in force on the transfer date.</summary>
    public required Regime Regime { get; init; }

    /// <summary>Gets the pathway: the strictest of the flows' pathways.</summary>
    public required Pathway Pathway { get; init; }

    /// <summary>Gets whether the transfer may go.</summary>
    public required TransferStatus Status { get; init; }

    /// <summary>Gets the persons counted this year up to and including the transfer's date.</summary>
    public required PersonCounts Counted { get; init; }

    /// <summary>Gets the persons this transfer adds to the counters.</summary>
    public required PersonCounts Added { get; init; }

    /// <summary>Gets the flows the transfer splits into.</summary>
    public ImmutableArray<FlowDecision> Flows { get; init; } = [];

    /// <summary>Gets the flags raised.</summary>
    public ImmutableArray<Attention> Flags { get; init; } = [];

    /// <summary>Gets why, rule by rule.</summary>
    public ImmutableArray<Reason> Reasons { get; init; } = [];

    /// <summary>Gets what the handler must do.</summary>
    public ImmutableArray<Obligation> Obligations { get; init; } = [];

    /// <summary>Gets warnings about the declaration.</summary>
    public ImmutableArray<Warning> Warnings { get; init; } = [];

    /// <summary>Gets the named interpretations that affected the decision.</summary>
    public ImmutableArray<InterpretationUse> Interpretations { get; init; } = [];

    /// <summary>Gets the id of the approval relied on, if any.</summary>
    public string? ApprovalId { get; init; }

    /// <summary>Gets how far the counts are from the next band, under the current regime.</summary>
    public Headroom? Headroom { get; init; }
}

/// <summary>An approval on file, with its computed dates.</summary>
public sealed record ApprovalSummary
{
    /// <summary>Gets the approval.</summary>
    public required Approval Approval { get; init; }

    /// <summary>Gets the end of validity, as stated or computed; <see langword="null"/> for a contract (no term).</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>Gets whether <see cref="ValidUntil"/> was computed rather than stated.</summary>
    public bool ValidUntilComputed { get; init; }

    /// <summary>Gets the obligations attached to the approval itself (filing, extension, renewal).</summary>
    public ImmutableArray<Obligation> Obligations { get; init; } = [];

    /// <summary>Gets warnings about the approval.</summary>
    public ImmutableArray<Warning> Warnings { get; init; } = [];
}

/// <summary>The assessment of one declaration: a decision per transfer and the state of each approval.</summary>
public sealed record AssessmentResult
{
    /// <summary>Gets the declaration assessed.</summary>
    public required Declaration Declaration { get; init; }

    /// <summary>Gets the date deadlines were judged against.</summary>
    public required DateOnly AsOf { get; init; }

    /// <summary>Gets the decision for each transfer, in date order (declaration order within a date).</summary>
    public required ImmutableArray<TransferDecision> Transfers { get; init; }

    /// <summary>Gets the approvals on file with their computed dates.</summary>
    public required ImmutableArray<ApprovalSummary> Approvals { get; init; }

    /// <summary>Gets the persons counted for the whole year.</summary>
    public required PersonCounts YearTotals { get; init; }

    /// <summary>Gets a value indicating whether any transfer is held or blocked.</summary>
    public bool NeedsAction => Transfers.Any(decision => decision.Status != TransferStatus.Allowed);
}
