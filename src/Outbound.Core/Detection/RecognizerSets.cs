using System.Collections.Immutable;

namespace Outbound.Detection;

/// <summary>The recognizers Outbound ships, in priority order, and scanners built from them.</summary>
public static class RecognizerSets
{
    /// <summary>Gets the recognizers of identifiers validated by check digits, code tables, dates or ranges.</summary>
    public static ImmutableArray<IRecognizer> Validated { get; } = [];

    /// <summary>Gets the recognizers of names and addresses, which read Chinese text and are slower.</summary>
    public static ImmutableArray<IRecognizer> NamesAndAddresses { get; } = [];

    /// <summary>Returns a scanner over the validated recognizers, and names and addresses when asked.</summary>
    public static Scanner Create(bool namesAndAddresses) =>
        new(namesAndAddresses ? Validated.AddRange(NamesAndAddresses) : Validated);
}
