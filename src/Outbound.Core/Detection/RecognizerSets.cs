using System.Collections.Immutable;
using Outbound.Detection.Recognizers;

namespace Outbound.Detection;

/// <summary>The recognizers Outbound ships, in priority order, and scanners built from them.</summary>
public static class RecognizerSets
{
    /// <summary>Gets the recognizers of identifiers validated by check digits, code tables, dates or ranges.</summary>
    public static ImmutableArray<IRecognizer> Validated { get; } =
    [
        // Priority breaks ties of equal length and score: an ID before a USCC, a mobile before a landline.
        new ResidentIdRecognizer(),
        new UsccRecognizer(),
        new BankCardRecognizer(),
        new MobileRecognizer(),
        new LandlineRecognizer(),
        new ImeiRecognizer(),
        new VinRecognizer(),
        new PlateRecognizer(),
        new PassportRecognizer(),
        new HmtPermitRecognizer(),
        new EmailRecognizer(),
        new IpAddressRecognizer(),
        new MacAddressRecognizer(),
        new GpsCoordinateRecognizer(),
    ];

    /// <summary>Gets the recognizers of names and addresses, which read Chinese text and are slower.</summary>
    public static ImmutableArray<IRecognizer> NamesAndAddresses { get; } = [new PersonNameRecognizer(), new AddressRecognizer()];

    /// <summary>Returns a scanner over the validated recognizers, and names and addresses when asked.</summary>
    public static Scanner Create(bool namesAndAddresses) =>
        new(namesAndAddresses ? Validated.AddRange(NamesAndAddresses) : Validated);
}
