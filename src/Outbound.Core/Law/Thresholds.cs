namespace Outbound.Law;

/// <summary>The counted thresholds of the export rules, each with its source (RULES §1B).</summary>
/// <remarks>以上 includes the number and 不满/超过 exclude it (Civil Code Art. 1259; RULES C-1).</remarks>
public static class Thresholds
{
    /// <summary>"10万人以上" non-sensitive: standard contract or certification from here (P2024 Art. 8); de minimis below (Art. 5(4)).</summary>
    public const long ContractNonSensitive = 100_000;

    /// <summary>"100万人以上" non-sensitive: security assessment from here (P2024 Art. 7(2)).</summary>
    public const long AssessmentNonSensitive = 1_000_000;

    /// <summary>Any sensitive PI (one person) removes the de-minimis exemption (P2024 Arts. 5(4), 8).</summary>
    public const long ContractSensitive = 1;

    /// <summary>"1万人以上" sensitive: security assessment from here (P2024 Art. 7(2)).</summary>
    public const long AssessmentSensitive = 10_000;

    /// <summary>"超过10万人": automotive PI important data when more than this many persons (AUTO Art. 3(5)); 100,000 itself does not meet it.</summary>
    public const long AutomotivePersonsExceeding = 100_000;

    /// <summary>Legacy (M2022 Art. 4(2)): a handler processing PI of 1,000,000 or more persons needed an assessment for any PI export.</summary>
    public const long LegacyProcessedIndividuals = 1_000_000;

    /// <summary>Legacy (M2022 Art. 4(3)): 100,000 persons' PI since 1 January of the previous year.</summary>
    public const long LegacyPersons = 100_000;

    /// <summary>Legacy (M2022 Art. 4(3)): 10,000 persons' sensitive PI since 1 January of the previous year.</summary>
    public const long LegacySensitive = 10_000;

    /// <summary>PI protection officer from 1,000,000 processed persons (R-OBL-11).</summary>
    public const long ProtectionOfficerIndividuals = 1_000_000;

    /// <summary>SCC filing: within 10 working days of the effective date (SCCM Art. 7).</summary>
    public const int ContractFilingWorkingDays = 10;

    /// <summary>Assessment extension window: the last 60 working days before expiry (P2024 Art. 9; M2022 Art. 14 for re-declaration).</summary>
    public const int ExtensionWindowWorkingDays = 60;

    /// <summary>Assessment validity from 22 March 2024, in years (P2024 Art. 9).</summary>
    public const int AssessmentValidityYears = 3;

    /// <summary>Assessment validity stated before 22 March 2024, in years (M2022 Art. 14).</summary>
    public const int LegacyAssessmentValidityYears = 2;

    /// <summary>Certificate validity, in years (CERTM Art. 8, [S]).</summary>
    public const int CertificateValidityYears = 3;

    /// <summary>Certificate renewal lead time, in months (CERTM Art. 8, [S]).</summary>
    public const int CertificateRenewalMonths = 6;

    /// <summary>PIPIA and provision records kept at least this many years (PIPL Art. 56; NDSR Art. 12).</summary>
    public const int RecordsRetentionYears = 3;

    /// <summary>Returns the 2024-regime band for year-to-date counts of a flow carrying personal information (RULES §5).</summary>
    public static Pathway Band(PersonCounts counted) => counted switch
    {
        { NonSensitive: >= AssessmentNonSensitive } or { Sensitive: >= AssessmentSensitive } => Pathway.SecurityAssessment,
        { NonSensitive: >= ContractNonSensitive } or { Sensitive: >= ContractSensitive } => Pathway.StandardContractOrCertification,
        _ => Pathway.ExemptDeMinimis,
    };

    /// <summary>Returns how far <paramref name="counted"/> is from the next band, or <see langword="null"/> at the top.</summary>
    public static Headroom? HeadroomOf(PersonCounts counted) => Band(counted) switch
    {
        Pathway.ExemptDeMinimis => new(ContractNonSensitive - counted.NonSensitive, ContractSensitive - counted.Sensitive, Pathway.StandardContractOrCertification),
        Pathway.StandardContractOrCertification => new(AssessmentNonSensitive - counted.NonSensitive, AssessmentSensitive - counted.Sensitive, Pathway.SecurityAssessment),
        _ => null,
    };
}
