using Outbound.Detection;
using Outbound.Law;

namespace Outbound.Gateway;

/// <summary>Whether a person is counted among those whose sensitive personal information was exported, or the others.</summary>
/// <remarks>
/// The thresholds count the two apart (P2024 Arts. 7–8): a person whose ID number and phone both left is counted in
/// both; a person of whom only a phone left is counted as non-sensitive only.
/// </remarks>
public enum Sensitivity
{
    /// <summary>Personal information that is not sensitive.</summary>
    NonSensitive = 0,

    /// <summary>Sensitive personal information (PIPL Art. 28), including any personal information of a minor under 14.</summary>
    Sensitive = 1,
}

/// <summary>One person counted under one sensitivity.</summary>
/// <param name="Subject">The person's subject key (never the identifier itself).</param>
/// <param name="Sensitivity">Which count the person enters.</param>
public readonly record struct LedgerEntry(SubjectKey Subject, Sensitivity Sensitivity);

/// <summary>The answer of the ledger to a batch.</summary>
/// <param name="Before">The handler's totals for the year before the batch.</param>
/// <param name="After">The totals the batch leads to (equal to <paramref name="Before"/> plus the persons not counted yet).</param>
/// <param name="Registered">Whether the batch's persons were added; <see langword="false"/> when <see cref="After"/> would pass the ceiling given.</param>
public sealed record LedgerRegistration(PersonCounts Before, PersonCounts After, bool Registered)
{
    /// <summary>Gets the persons the batch adds (or would add).</summary>
    public PersonCounts Added => new(After.NonSensitive - Before.NonSensitive, After.Sensitive - Before.Sensitive);
}
