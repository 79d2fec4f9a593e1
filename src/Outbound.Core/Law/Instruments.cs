namespace Outbound.Law;

/// <summary>The instruments the rules cite (RULES §1).</summary>
public static class Instruments
{
    /// <summary>Civil Code (民法典), counting words and periods.</summary>
    public static readonly Instrument CivilCode = new("CC", "Civil Code", "民法典", new(2021, 1, 1));

    /// <summary>Cybersecurity Law (网络安全法); amended text in force 1 January 2026.</summary>
    public static readonly Instrument Csl = new("CSL", "Cybersecurity Law", "网络安全法", new(2017, 6, 1));

    /// <summary>Data Security Law (数据安全法).</summary>
    public static readonly Instrument Dsl = new("DSL", "Data Security Law", "数据安全法", new(2021, 9, 1));

    /// <summary>Personal Information Protection Law (个人信息保护法).</summary>
    public static readonly Instrument Pipl = new("PIPL", "Personal Information Protection Law", "个人信息保护法", new(2021, 11, 1));

    /// <summary>Automotive Data Security Provisions (Trial) (汽车数据安全管理若干规定（试行）).</summary>
    public static readonly Instrument Automotive = new("AUTO", "Automotive Data Security Provisions (Trial)", "汽车数据安全管理若干规定（试行）", new(2021, 10, 1));

    /// <summary>Measures on Security Assessment of Data Export (数据出境安全评估办法), CAC Order No. 11.</summary>
    public static readonly Instrument AssessmentMeasures = new("M2022", "Measures on Security Assessment of Data Export", "数据出境安全评估办法", new(2022, 9, 1));

    /// <summary>Measures on the Standard Contract for PI Export (个人信息出境标准合同办法), CAC Order No. 13.</summary>
    public static readonly Instrument ContractMeasures = new("SCCM", "Measures on the Standard Contract for Personal Information Export", "个人信息出境标准合同办法", new(2023, 6, 1));

    /// <summary>Provisions on Promoting and Regulating Cross-Border Data Flows (促进和规范数据跨境流动规定), CAC Order No. 16.</summary>
    public static readonly Instrument Provisions2024 = new("P2024", "Provisions on Promoting and Regulating Cross-Border Data Flows", "促进和规范数据跨境流动规定", new(2024, 3, 22));

    /// <summary>Network Data Security Management Regulations (网络数据安全管理条例), State Council Order No. 790.</summary>
    public static readonly Instrument Ndsr = new("NDSR", "Network Data Security Management Regulations", "网络数据安全管理条例", new(2025, 1, 1));

    /// <summary>Measures for Certification of PI Export (个人信息出境认证办法), CAC and SAMR Order No. 20.</summary>
    public static readonly Instrument CertificationMeasures = new("CERTM", "Measures for Certification of Personal Information Export", "个人信息出境认证办法", new(2026, 1, 1));

    /// <summary>Security-assessment and SCC filing guidelines (申报指南, 备案指南).</summary>
    public static readonly Instrument FilingGuidelines = new("GUIDE", "CAC filing guidelines", "数据出境安全评估申报指南、个人信息出境标准合同备案指南", new(2022, 8, 31));

    /// <summary>Free trade zone negative lists (自贸区数据出境负面清单).</summary>
    public static readonly Instrument FreeTradeZoneLists = new("FTZ", "Free trade zone data-export negative lists", "自由贸易试验区数据出境负面清单", new(2024, 3, 22));

    /// <summary>Provincial CAC notices on the automotive annual report.</summary>
    public static readonly Instrument AutomotiveNotices = new("AUTO-NOTICE", "Provincial CAC notices on automotive data reporting", "省级网信部门汽车数据安全管理情况报送通知", new(2022, 11, 22));

    /// <summary>Outbound's own design rules derived from the law (RULES R-OBL-10).</summary>
    public static readonly Instrument Derived = new("DERIVED", "Derived from the instruments above", "依上述规定推导", new(2021, 11, 1));
}
