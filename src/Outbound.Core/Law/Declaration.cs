using System.Collections.Immutable;

namespace Outbound.Law;

/// <summary>One data handler's planned exports for one calendar year: the input to <see cref="Assessor"/>.</summary>
public sealed record Declaration
{
    /// <summary>Gets the calendar year (China Standard Time) the declaration covers.</summary>
    public required int Year { get; init; }

    /// <summary>Gets the data handler (数据处理者).</summary>
    public required HandlerProfile Handler { get; init; }

    /// <summary>Gets the persons exported in the previous year, used only by the pre-22 March 2024 regime.</summary>
    public PersonCounts PriorYear { get; init; }

    /// <summary>Gets the named interpretations that override their defaults.</summary>
    public InterpretationSettings Interpretations { get; init; } = InterpretationSettings.Defaults;

    /// <summary>Gets the pathways already in place.</summary>
    public ImmutableArray<Approval> Approvals { get; init; } = [];

    /// <summary>Gets the planned and past transfers of the year.</summary>
    public ImmutableArray<Transfer> Transfers { get; init; } = [];

    /// <summary>Gets where the declaration came from (a file name), for messages.</summary>
    public string Source { get; init; } = "";
}

/// <summary>Numbers of distinct persons, non-sensitive and sensitive counted separately (RULES §0.4).</summary>
/// <param name="NonSensitive">Persons any of whose non-sensitive personal information is counted (N).</param>
/// <param name="Sensitive">Persons any of whose sensitive personal information is counted (S).</param>
public readonly record struct PersonCounts(long NonSensitive, long Sensitive)
{
    /// <summary>Returns the element-wise sum.</summary>
    public static PersonCounts operator +(PersonCounts left, PersonCounts right) =>
        new(left.NonSensitive + right.NonSensitive, left.Sensitive + right.Sensitive);

    /// <summary>Returns the element-wise sum.</summary>
    public static PersonCounts Add(PersonCounts left, PersonCounts right) => left + right;

    /// <summary>Gets a value indicating whether both counts are zero.</summary>
    public bool IsZero => NonSensitive == 0 && Sensitive == 0;
}

/// <summary>The facts about the data handler that the rules need.</summary>
public sealed record HandlerProfile
{
    /// <summary>Gets the handler's registered name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets a value indicating whether the handler has been notified that it is a critical information infrastructure operator (关键信息基础设施运营者).</summary>
    public bool CriticalInformationInfrastructureOperator { get; init; }

    /// <summary>Gets a value indicating whether the handler is a state organ or performs public-affairs functions (PIPL Arts. 36–37).</summary>
    public bool StateOrgan { get; init; }

    /// <summary>Gets a value indicating whether the handler is an automotive data handler (汽车数据处理者).</summary>
    public bool Automotive { get; init; }

    /// <summary>Gets the code of the free trade zone the handler is registered in, or <see langword="null"/>.</summary>
    public string? FreeTradeZone { get; init; }

    /// <summary>Gets the company group, used to catch volumes split across affiliates.</summary>
    public string? Group { get; init; }

    /// <summary>Gets the number of persons whose personal information the handler processes.</summary>
    public long ProcessedIndividuals { get; init; }
}

/// <summary>The kind of pathway an approval on file represents.</summary>
public enum ApprovalKind
{
    /// <summary>数据出境安全评估: a security assessment pass decision.</summary>
    SecurityAssessment,

    /// <summary>个人信息出境标准合同: a standard contract.</summary>
    StandardContract,

    /// <summary>个人信息保护认证: a personal information protection certificate.</summary>
    Certification,
}

/// <summary>The standing of an approval.</summary>
public enum ApprovalStatus
{
    /// <summary>In force.</summary>
    Active,

    /// <summary>Suspended by the certification body or the regulator.</summary>
    Suspended,

    /// <summary>Revoked or withdrawn.</summary>
    Revoked,

    /// <summary>The CAC ordered the approved export to stop (2022 Measures Art. 17).</summary>
    Terminated,
}

/// <summary>A change during an approval's term that requires a new assessment or a new filing (2022 Measures Art. 14; SCC Measures Art. 8).</summary>
public enum ApprovalTrigger
{
    /// <summary>Purpose, method, scope or type of the exported data changed.</summary>
    PurposeChange,

    /// <summary>The overseas retention period was extended.</summary>
    RetentionExtended,

    /// <summary>The actual control of the handler or the recipient changed.</summary>
    ControlChange,

    /// <summary>The recipient jurisdiction's data-protection law or environment changed.</summary>
    RecipientLawChange,

    /// <summary>The legal document with the recipient changed.</summary>
    LegalDocumentChange,

    /// <summary>Another circumstance affecting security or personal information rights.</summary>
    Other,
}

/// <summary>A pathway already in place: an assessment decision, a standard contract or a certificate.</summary>
public sealed record Approval
{
    /// <summary>Gets the identifier used in the declaration.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the kind of approval.</summary>
    public required ApprovalKind Kind { get; init; }

    /// <summary>Gets the date the contract took effect, the assessment result was issued, or the certificate was issued.</summary>
    public required DateOnly Effective { get; init; }

    /// <summary>Gets the date a standard contract was filed, or <see langword="null"/> if it has not been filed.</summary>
    public DateOnly? Filed { get; init; }

    /// <summary>Gets the filing number, once the filing has passed.</summary>
    public string? FilingNumber { get; init; }

    /// <summary>Gets the end of validity as stated on the decision or certificate; computed when absent.</summary>
    public DateOnly? ValidUntil { get; init; }

    /// <summary>Gets the approval's standing.</summary>
    public ApprovalStatus Status { get; init; } = ApprovalStatus.Active;

    /// <summary>Gets the recipients the approval covers; empty means any.</summary>
    public ImmutableArray<string> Recipients { get; init; } = [];

    /// <summary>Gets the purposes the approval covers; empty means any.</summary>
    public ImmutableArray<string> Purposes { get; init; } = [];

    /// <summary>Gets the category codes the approval covers; empty means any.</summary>
    public ImmutableArray<string> Categories { get; init; } = [];

    /// <summary>Gets the largest number of persons the approval covers, or <see langword="null"/> for no stated limit.</summary>
    public long? MaxIndividuals { get; init; }

    /// <summary>Gets the changes that occurred during the approval's term.</summary>
    public ImmutableArray<ApprovalTrigger> Triggers { get; init; } = [];
}

/// <summary>Who receives a transfer.</summary>
public enum RecipientKind
{
    /// <summary>A company or other organisation.</summary>
    Company,

    /// <summary>A natural person.</summary>
    Individual,

    /// <summary>A foreign court or other judicial body (PIPL Art. 41; DSL Art. 36).</summary>
    ForeignJudicial,

    /// <summary>A foreign law-enforcement body (PIPL Art. 41; DSL Art. 36).</summary>
    ForeignLawEnforcement,

    /// <summary>On the CAC list restricting provision of personal information (PIPL Art. 42).</summary>
    RestrictedList,

    /// <summary>On the CAC list prohibiting provision of personal information (PIPL Art. 42).</summary>
    ProhibitedList,
}

/// <summary>The recipient of a transfer.</summary>
/// <param name="Name">The recipient's name.</param>
/// <param name="Country">ISO 3166-1 alpha-2 code of where the recipient is; <c>CN</c> is mainland China.</param>
/// <param name="Kind">What kind of recipient it is.</param>
public sealed record Recipient(string Name, string Country, RecipientKind Kind);

/// <summary>How the data leaves (RULES §2, 数据出境行为).</summary>
public enum TransferMode
{
    /// <summary>Transferred abroad.</summary>
    Transfer,

    /// <summary>Stored in China, queried or retrieved from abroad.</summary>
    RemoteAccess,

    /// <summary>Processed abroad under PIPL Art. 3(2).</summary>
    OffshoreProcessing,
}

/// <summary>The PIPL Art. 13 legal basis of the processing.</summary>
public enum LegalBasis
{
    /// <summary>Art. 13(1): consent.</summary>
    Consent,

    /// <summary>Art. 13(2): necessary for a contract with the individual.</summary>
    Contract,

    /// <summary>Art. 13(2): necessary for human-resources management.</summary>
    HumanResources,

    /// <summary>Art. 13(3): necessary for a statutory duty or obligation.</summary>
    LegalDuty,

    /// <summary>Art. 13(4): emergency.</summary>
    Emergency,

    /// <summary>Art. 13(5): news reporting and public interest.</summary>
    PublicInterest,

    /// <summary>Art. 13(6): information already lawfully published.</summary>
    Published,
}

/// <summary>The exemption a transfer claims; the assessor checks it rather than trusting it.</summary>
public enum ExemptionClaim
{
    /// <summary>No exemption claimed.</summary>
    None,

    /// <summary>2024 Provisions Art. 5(1): necessary for a contract to which the individual is a party.</summary>
    Contract,

    /// <summary>2024 Provisions Art. 5(2): cross-border human-resources management.</summary>
    HumanResources,

    /// <summary>2024 Provisions Art. 5(3): emergency.</summary>
    Emergency,

    /// <summary>2024 Provisions Art. 3: trade and similar data without personal information or important data.</summary>
    TradeNonPersonal,

    /// <summary>2024 Provisions Art. 4: personal information collected abroad and re-exported.</summary>
    ForeignCollected,

    /// <summary>NDSR Art. 35(6): necessary to perform a statutory duty.</summary>
    LegalDuty,

    /// <summary>2024 Provisions Art. 6: data not on the free trade zone's negative list.</summary>
    FreeTradeZoneList,
}

/// <summary>Whose personal information an item holds.</summary>
public enum SubjectGroup
{
    /// <summary>Customers who are individuals.</summary>
    Customers,

    /// <summary>Users of a service.</summary>
    Users,

    /// <summary>The handler's employees.</summary>
    Employees,

    /// <summary>Job applicants.</summary>
    Applicants,

    /// <summary>Staff of business customers or suppliers.</summary>
    BusinessContacts,

    /// <summary>Vehicle owners.</summary>
    VehicleOwners,

    /// <summary>Vehicle passengers or drivers.</summary>
    Passengers,

    /// <summary>People outside the vehicle.</summary>
    Pedestrians,

    /// <summary>Patients.</summary>
    Patients,

    /// <summary>Students.</summary>
    Students,

    /// <summary>Anyone else.</summary>
    Other,
}

/// <summary>Whether an item is important data (RULES §4: only notified or published data counts).</summary>
public enum ImportantDataStatus
{
    /// <summary>Not important data.</summary>
    None,

    /// <summary>A competent department or region notified the handler that it is important data.</summary>
    Notified,

    /// <summary>It falls within a published important-data catalogue.</summary>
    Published,

    /// <summary>The handler's own screen flags it; it must be identified and declared, but is not treated as important data yet.</summary>
    Candidate,
}

/// <summary>Where an item's personal information was collected.</summary>
public enum DataOrigin
{
    /// <summary>Collected or generated in China.</summary>
    Domestic,

    /// <summary>Collected and generated abroad, brought into China for processing (2024 Provisions Art. 4).</summary>
    Abroad,
}

/// <summary>One kind of data a transfer carries, and how many distinct persons it concerns.</summary>
public sealed record TransferItem
{
    /// <summary>Gets the data category.</summary>
    public required DataCategory Category { get; init; }

    /// <summary>Gets whose personal information it is.</summary>
    public SubjectGroup Subjects { get; init; } = SubjectGroup.Customers;

    /// <summary>Gets the number of distinct persons in this item.</summary>
    public long Individuals { get; init; }

    /// <summary>Gets how many of <see cref="Individuals"/> were already counted this year in the same set (non-sensitive or sensitive).</summary>
    public long Overlap { get; init; }

    /// <summary>Gets an override of the category's default sensitivity, or <see langword="null"/>.</summary>
    public bool? Sensitive { get; init; }

    /// <summary>Gets how many of <see cref="Individuals"/> are minors under 14; they count as sensitive (PIPL Art. 28).</summary>
    public long MinorsUnder14 { get; init; }

    /// <summary>Gets the item's important-data status.</summary>
    public ImportantDataStatus Important { get; init; } = ImportantDataStatus.None;

    /// <summary>Gets a value indicating whether the item is core data (核心数据).</summary>
    public bool Core { get; init; }

    /// <summary>Gets a value indicating whether the item is irreversibly anonymised (PIPL Art. 73(4)) and so not personal information.</summary>
    public bool Anonymised { get; init; }

    /// <summary>Gets where the personal information was collected.</summary>
    public DataOrigin Origin { get; init; } = DataOrigin.Domestic;

    /// <summary>Gets a value indicating whether the item is personal information (its category is, and it is not anonymised).</summary>
    public bool IsPersonalInformation => Category.IsPersonalInformation && !Anonymised;

    /// <summary>Gets a value indicating whether the item is sensitive personal information.</summary>
    public bool IsSensitive => IsPersonalInformation && (Sensitive ?? Category.IsSensitiveByDefault);
}

/// <summary>One transfer abroad: who receives what, when, why, and under which claimed exemption.</summary>
public sealed record Transfer
{
    /// <summary>Gets the identifier used in the declaration.</summary>
    public required string Id { get; init; }

    /// <summary>Gets the date of the transfer (China Standard Time).</summary>
    public required DateOnly Date { get; init; }

    /// <summary>Gets the recipient.</summary>
    public required Recipient Recipient { get; init; }

    /// <summary>Gets the purpose tag.</summary>
    public string Purpose { get; init; } = "";

    /// <summary>Gets how the data leaves.</summary>
    public TransferMode Mode { get; init; } = TransferMode.Transfer;

    /// <summary>Gets the PIPL Art. 13 legal basis.</summary>
    public LegalBasis LegalBasis { get; init; } = LegalBasis.Consent;

    /// <summary>Gets the claimed exemption.</summary>
    public ExemptionClaim Exemption { get; init; } = ExemptionClaim.None;

    /// <summary>Gets what supports the claimed exemption (a contract reference, labour rules, an FTZ list entry).</summary>
    public string? Evidence { get; init; }

    /// <summary>Gets whether the data appears on the free trade zone's negative list, or <see langword="null"/> if not established.</summary>
    public bool? FreeTradeZoneListed { get; init; }

    /// <summary>Gets whether the transfer's sector and scenario are covered by the free trade zone's list, or <see langword="null"/> if not established.</summary>
    public bool? FreeTradeZoneSectorCovered { get; init; }

    /// <summary>Gets a value indicating whether the data is sent straight from vehicles to the recipient.</summary>
    public bool FromVehicle { get; init; }

    /// <summary>Gets the reference of the competent PRC authority's approval for a foreign judicial or law-enforcement request, if any.</summary>
    public string? AuthorityApproval { get; init; }

    /// <summary>Gets the items the transfer carries; empty when the gateway will measure the content.</summary>
    public ImmutableArray<TransferItem> Items { get; init; } = [];
}
