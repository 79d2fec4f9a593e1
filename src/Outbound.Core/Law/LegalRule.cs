namespace Outbound.Law;

/// <summary>How far a rule has been checked against the official text (RULES §0.1).</summary>
public enum VerificationTag
{
    /// <summary>[V]: verified against a full text.</summary>
    Verified,

    /// <summary>[S]: confirmed only by secondary material.</summary>
    Secondary,

    /// <summary>[U]: unverified.</summary>
    Unverified,
}

/// <summary>A legal instrument with its dates.</summary>
/// <param name="Code">Short code, e.g. <c>P2024</c>.</param>
/// <param name="NameEn">English title.</param>
/// <param name="NameZh">Chinese title.</param>
/// <param name="InForce">The date it took effect.</param>
public sealed record Instrument(string Code, string NameEn, string NameZh, DateOnly InForce);

/// <summary>A rule of RULES.md as dated data: what it says, where, from when, and how well it is verified.</summary>
/// <param name="Id">The rule's ID in RULES.md, e.g. <c>R-PATH-4</c>.</param>
/// <param name="Instrument">The instrument the rule comes from.</param>
/// <param name="Article">The article, e.g. <c>Art. 8</c>.</param>
/// <param name="From">The first day the rule applies.</param>
/// <param name="Until">The last day the rule applies, or <see langword="null"/> while in force.</param>
/// <param name="Condition">When it applies, in English.</param>
/// <param name="Outcome">What follows, in English.</param>
/// <param name="Tag">Its verification tag.</param>
/// <param name="Zh">A Chinese paraphrase of the rule (释义), never a quotation.</param>
public sealed record LegalRule(
    string Id,
    Instrument Instrument,
    string Article,
    DateOnly From,
    DateOnly? Until,
    string Condition,
    string Outcome,
    VerificationTag Tag,
    string Zh)
{
    /// <summary>Gets the citation, e.g. <c>P2024 Art. 8</c>.</summary>
    public string Citation => $"{Instrument.Code} {Article}";

    /// <summary>Gets the citation with the instrument's full titles, for documents.</summary>
    public string CitationLong => $"{Instrument.NameEn} ({Instrument.NameZh}), {Article}";

    /// <summary>Returns <see langword="true"/> when the rule applies on <paramref name="date"/>.</summary>
    public bool AppliesOn(DateOnly date) => date >= From && (Until is null || date <= Until);
}

/// <summary>The regime of export rules in force on a date.</summary>
public enum Regime
{
    /// <summary>PIPL in force but the 2022 Assessment Measures not yet (before 1 September 2022).</summary>
    BeforeAssessmentMeasures,

    /// <summary>The 2022 Assessment Measures and 2023 SCC Measures, before the 2024 Provisions (to 21 March 2024).</summary>
    Measures2022,

    /// <summary>The 2024 Provisions (22 March 2024 – 31 December 2024).</summary>
    Provisions2024,

    /// <summary>The 2024 Provisions with the NDSR (1 January 2025 – 31 December 2025).</summary>
    NetworkDataRegulations,

    /// <summary>The above with the 2025 Certification Measures (from 1 January 2026).</summary>
    CertificationMeasures,
}
