namespace Outbound.Deidentification;

/// <summary>What an operator's output still is in law: personal information in the clear, de-identified, or anonymised.</summary>
/// <remarks>
/// PIPL Art. 73(3) defines de-identification (去标识化): the information can no longer identify a person without
/// additional information, and it remains personal information. Art. 73(4) defines anonymisation (匿名化): the
/// person can no longer be identified and the processing cannot be reversed, and the result is no longer personal
/// information (Art. 4). Members are ordered from least to most protective.
/// </remarks>
public enum Protection
{
    /// <summary>Released as it is: still personal information in the clear (the <c>keep</c> operator).</summary>
    None,

    /// <summary>去标识化: masked, tokenised, encrypted, or a location not coarse enough; still personal information.</summary>
    Deidentified,

    /// <summary>
    /// A quasi-identifier made coarser (birth year, age band, city, time bucket): anonymised only when the release is
    /// k-anonymous over it, otherwise still personal information.
    /// </summary>
    Generalised,

    /// <summary>匿名化: dropped, redacted, replaced by a label or coarse enough a location; no longer personal information.</summary>
    Anonymised,
}
