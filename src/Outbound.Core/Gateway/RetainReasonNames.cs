namespace Outbound.Gateway;

/// <summary>The wire names of <see cref="RetainReason"/>, e.g. <c>SCOPE_EXCEEDED</c> (DESIGN.md: names on the wire).</summary>
public static class RetainReasonNames
{
    /// <summary>Returns the wire name of <paramref name="reason"/>.</summary>
    public static string Of(RetainReason reason) => reason switch
    {
        RetainReason.PathwayNotInPlace => "PATHWAY_NOT_IN_PLACE",
        RetainReason.Blocked => "BLOCKED",
        RetainReason.ScopeExceeded => "SCOPE_EXCEEDED",
        RetainReason.KAnonymity => "K_ANONYMITY",
        RetainReason.Policy => "POLICY",
        _ => throw new ArgumentOutOfRangeException(nameof(reason), reason, null),
    };

    /// <summary>Gets every wire name, in the order of the enum.</summary>
    public static IReadOnlyList<string> All { get; } = [.. Enum.GetValues<RetainReason>().Select(Of)];

    /// <summary>Reads a wire name given by <see cref="Of"/>; the match is exact.</summary>
    public static bool TryParse(string name, out RetainReason reason)
    {
        foreach (var candidate in Enum.GetValues<RetainReason>())
        {
            if (string.Equals(Of(candidate), name, StringComparison.Ordinal))
            {
                reason = candidate;
                return true;
            }
        }

        reason = default;
        return false;
    }
}
