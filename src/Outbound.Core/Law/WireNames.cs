using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Outbound.Law;

/// <summary>The names enum values travel under in files and JSON (DESIGN.md: names on the wire).</summary>
public static class WireNames
{
    private static readonly FrozenDictionary<Pathway, string> Pathways = new Dictionary<Pathway, string>
    {
        [Pathway.NotRegulated] = "NOT_REGULATED",
        [Pathway.ExemptFreeTradeZone] = "EXEMPT_FTZ",
        [Pathway.ExemptArt4] = "EXEMPT_ART4",
        [Pathway.ExemptArt5Contract] = "EXEMPT_ART5_1",
        [Pathway.ExemptArt5HumanResources] = "EXEMPT_ART5_2",
        [Pathway.ExemptArt5Emergency] = "EXEMPT_ART5_3",
        [Pathway.ExemptLegalDuty] = "EXEMPT_LEGAL_DUTY",
        [Pathway.ExemptDeMinimis] = "EXEMPT_DE_MINIMIS",
        [Pathway.StandardContractOrCertification] = "SCC_OR_CERTIFICATION",
        [Pathway.SecurityAssessment] = "SECURITY_ASSESSMENT",
        [Pathway.Blocked] = "BLOCKED",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<ObligationKind, string> ObligationKinds = new Dictionary<ObligationKind, string>
    {
        [ObligationKind.Notice] = "NOTICE",
        [ObligationKind.SeparateConsent] = "SEPARATE_CONSENT",
        [ObligationKind.GuardianConsent] = "GUARDIAN_CONSENT",
        [ObligationKind.ProtectionImpactAssessment] = "PIPIA",
        [ObligationKind.RecipientContract] = "RECIPIENT_CONTRACT",
        [ObligationKind.RecordsRetention] = "RECORDS_RETENTION",
        [ObligationKind.ContractFiling] = "SCC_FILING",
        [ObligationKind.PathwayRequired] = "PATHWAY_REQUIRED",
        [ObligationKind.AssessmentDeclaration] = "ASSESSMENT_DECLARATION",
        [ObligationKind.Redeclaration] = "REDECLARATION",
        [ObligationKind.AssessmentExtension] = "ASSESSMENT_EXTENSION",
        [ObligationKind.CertificateRenewal] = "CERTIFICATE_RENEWAL",
        [ObligationKind.AutomotiveAnnualReport] = "AUTOMOTIVE_ANNUAL_REPORT",
        [ObligationKind.ImportantDataRiskReport] = "IMPORTANT_DATA_RISK_REPORT",
        [ObligationKind.IdentifyAndDeclare] = "IDENTIFY_AND_DECLARE",
        [ObligationKind.ProtectionOfficer] = "PI_PROTECTION_OFFICER",
        [ObligationKind.ExemptionEvidence] = "EXEMPTION_EVIDENCE",
    }.ToFrozenDictionary();

    /// <summary>Returns the wire name of <paramref name="pathway"/>, e.g. <c>EXEMPT_ART5_1</c>.</summary>
    public static string Of(Pathway pathway) => Pathways[pathway];

    /// <summary>Returns the wire name of <paramref name="kind"/>, e.g. <c>SCC_FILING</c>.</summary>
    public static string Of(ObligationKind kind) => ObligationKinds[kind];

    /// <summary>Returns the wire name of <paramref name="status"/>, e.g. <c>HELD</c>.</summary>
    public static string Of(TransferStatus status) => UpperSnake(status.ToString());

    /// <summary>Returns the wire name of <paramref name="flag"/>, e.g. <c>LEGAL_REVIEW</c>.</summary>
    public static string Of(Attention flag) => UpperSnake(flag.ToString());

    /// <summary>Returns the tag as written in RULES.md: <c>V</c>, <c>S</c> or <c>U</c>.</summary>
    public static string Of(VerificationTag tag) => tag switch
    {
        VerificationTag.Verified => "V",
        VerificationTag.Secondary => "S",
        _ => "U",
    };

    /// <summary>Returns the declaration name of a regime, e.g. <c>provisions_2024</c>.</summary>
    public static string Of(Regime regime) => LowerSnake(regime.ToString());

    /// <summary>Returns the pathway with the wire name <paramref name="name"/>.</summary>
    public static bool TryParsePathway(string name, out Pathway pathway) => TryFind(Pathways, name, out pathway);

    /// <summary>Returns the obligation kind with the wire name <paramref name="name"/>.</summary>
    public static bool TryParseObligation(string name, out ObligationKind kind) => TryFind(ObligationKinds, name, out kind);

    private static bool TryFind<TEnum>(FrozenDictionary<TEnum, string> names, string name, out TEnum value)
        where TEnum : struct, Enum
    {
        foreach (var (key, wire) in names)
        {
            if (string.Equals(wire, name, StringComparison.Ordinal))
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>Gets the declaration words of each enum a declaration uses, e.g. <c>standard_contract</c>.</summary>
    public static ImmutableArray<string> DeclarationWords<TEnum>()
        where TEnum : struct, Enum => [.. DeclarationMap<TEnum>.Words.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Parses a declaration word (lower snake case, e.g. <c>business_contacts</c>) into <typeparamref name="TEnum"/>.</summary>
    public static bool TryParseDeclarationWord<TEnum>(string word, [NotNullWhen(true)] out TEnum value)
        where TEnum : struct, Enum => DeclarationMap<TEnum>.Words.TryGetValue(word, out value);

    /// <summary>Returns the declaration word of <paramref name="value"/>.</summary>
    public static string DeclarationWord<TEnum>(TEnum value)
        where TEnum : struct, Enum => DeclarationMap<TEnum>.ByValue[value];

    private static string UpperSnake(string pascal) => LowerSnake(pascal).ToUpperInvariant();

    private static string LowerSnake(string pascal)
    {
        var text = new System.Text.StringBuilder(pascal.Length + 8);
        for (int i = 0; i < pascal.Length; i++)
        {
            char c = pascal[i];
            if (char.IsUpper(c) && i > 0 && !char.IsDigit(pascal[i - 1]))
            {
                text.Append('_');
            }
            else if (char.IsDigit(c) && i > 0 && !char.IsDigit(pascal[i - 1]))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }

    private static class DeclarationMap<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly FrozenDictionary<TEnum, string> ByValue = Enum.GetValues<TEnum>()
            .ToFrozenDictionary(value => value, value => Word(value));

        public static readonly FrozenDictionary<string, TEnum> Words = ByValue
            .ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

        // Declaration words are the names; a few differ from the C# member names.
        private static string Word(TEnum value) => value switch
        {
            LegalBasis.HumanResources => "hr",
            ExemptionClaim.HumanResources => "hr",
            ExemptionClaim.TradeNonPersonal => "trade_non_pi",
            ExemptionClaim.FreeTradeZoneList => "ftz_list",
            _ => LowerSnake(value.ToString()),
        };
    }
}
