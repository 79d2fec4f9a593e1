namespace Outbound.Law;

/// <summary>The PIPL Art. 28 kind of a sensitive personal information category (敏感个人信息种类).</summary>
public enum SensitiveKind
{
    /// <summary>Not sensitive.</summary>
    None,

    /// <summary>生物识别: biometrics (face, fingerprint, voiceprint, genes).</summary>
    Biometric,

    /// <summary>宗教信仰: religious belief.</summary>
    ReligiousBelief,

    /// <summary>特定身份: specific identity, including identity documents (GB/T 35273 annex B).</summary>
    SpecificIdentity,

    /// <summary>医疗健康: medical and health.</summary>
    MedicalHealth,

    /// <summary>金融账户: financial accounts.</summary>
    FinancialAccount,

    /// <summary>行踪轨迹: whereabouts, trajectories, precise location.</summary>
    Whereabouts,

    /// <summary>不满十四周岁未成年人的个人信息: all personal information of minors under 14.</summary>
    MinorUnder14,

    /// <summary>汽车敏感个人信息: vehicle audio, video and images (Automotive Provisions Art. 3).</summary>
    AutomotiveRecording,
}

/// <summary>The grade of a data category under DSL Art. 21 and GB/T 43697 (数据分级).</summary>
public enum DataGrade
{
    /// <summary>一般数据: general data that is not personal information.</summary>
    General,

    /// <summary>个人信息: personal information (PIPL Art. 4).</summary>
    PersonalInformation,
}

/// <summary>A category of data a transfer can carry, with its default legal classification.</summary>
/// <param name="Code">The code used in declarations, e.g. <c>identity_document</c>.</param>
/// <param name="NameEn">English name.</param>
/// <param name="NameZh">Chinese name.</param>
/// <param name="Grade">Whether the category is personal information.</param>
/// <param name="Sensitive">The PIPL Art. 28 kind when the category is sensitive by default; <see cref="SensitiveKind.None"/> otherwise.</param>
/// <param name="AutomotiveImportantItem">
/// The item of the Automotive Provisions Art. 3 important-data list the category falls under (1–4), or 0 when none.
/// </param>
/// <param name="Automotive">Whether the category is automotive data (汽车数据).</param>
public sealed record DataCategory(
    string Code,
    string NameEn,
    string NameZh,
    DataGrade Grade,
    SensitiveKind Sensitive,
    int AutomotiveImportantItem,
    bool Automotive)
{
    /// <summary>Gets a value indicating whether the category is personal information.</summary>
    public bool IsPersonalInformation => Grade == DataGrade.PersonalInformation;

    /// <summary>Gets a value indicating whether the category is sensitive personal information by default.</summary>
    public bool IsSensitiveByDefault => Sensitive != SensitiveKind.None;
}
