using System.Buffers;

namespace Outbound.Detection;

/// <summary>The shape of a run of ASCII letters and digits where an identifier might start.</summary>
/// <param name="Length">Bytes in the run.</param>
/// <param name="Digits">Whether the run is all digits.</param>
/// <param name="Hex">Whether the run is all hexadecimal digits.</param>
/// <param name="Next">The byte after the run, or 0 at the end of the text.</param>
/// <param name="Previous">The byte before the run, or 0 at the start of the text.</param>
internal readonly record struct RunShape(int Length, bool Digits, bool Hex, byte Next, byte Previous)
{
    private static readonly SearchValues<byte> AsciiDigits = SearchValues.Create("0123456789"u8);
    private static readonly SearchValues<byte> HexDigits = SearchValues.Create("0123456789abcdefABCDEF"u8);

    /// <summary>Returns the shape of <paramref name="run"/>, between <paramref name="previous"/> and <paramref name="next"/>.</summary>
    public static RunShape Of(ReadOnlySpan<byte> run, byte previous, byte next)
    {
        bool digits = run.IndexOfAnyExcept(AsciiDigits) < 0;
        return new RunShape(run.Length, digits, digits || run.IndexOfAnyExcept(HexDigits) < 0, next, previous);
    }

    /// <summary>Gets a value indicating whether the run is followed by a separator that can continue a grouped number.</summary>
    public bool NextIsGroupSeparator => Next is (byte)' ' or (byte)'-' or (byte)')';
}

/// <summary>
/// Which identifier types can begin at a run of ASCII letters and digits of a given shape, so the scanner offers a
/// position only to the recognizers that could match there.
/// </summary>
/// <remarks>
/// A gate only rules out what can never match (a mobile number never begins a run of 17 characters); every
/// candidate it lets through is still validated in full by its recognizer. Identifiers written with separators
/// begin with a short run (<c>138-0013-8000</c>, <c>6222 0212 …</c>, <c>31.2304</c>), which the gates allow.
/// </remarks>
internal static class ShapeGate
{
    /// <summary>Returns <see langword="true"/> when an identifier of <paramref name="type"/> can begin at a run of <paramref name="shape"/>.</summary>
    public static bool Allows(IdentifierType type, in RunShape shape) => type switch
    {
        IdentifierType.CnResidentId => shape.Length is 15 or 18,
        IdentifierType.CnUscc => shape.Length == 18,
        IdentifierType.BankCard => shape.Digits && ((shape.Length is >= 4 and <= 6 && shape.NextIsGroupSeparator) || shape.Length is >= 16 and <= 19),
        IdentifierType.CnMobile => shape.Digits && ((shape.Length is >= 2 and <= 4 && shape.NextIsGroupSeparator) || shape.Length is 11 or 13 or 15),
        IdentifierType.CnLandline => shape.Digits && ((shape.Length is >= 2 and <= 4 && shape.NextIsGroupSeparator) || shape.Length is >= 9 and <= 13),
        IdentifierType.Imei => shape.Digits && ((shape.Length == 2 && shape.NextIsGroupSeparator) || shape.Length == 15),
        IdentifierType.Vin => shape.Length == 17,

        // A plate's letter follows its province character (UTF-8, bytes of 0x80 and above).
        IdentifierType.CnPlate => shape.Length <= 7 && shape.Previous >= 0x80,
        IdentifierType.CnPassport => shape.Length is >= 7 and <= 10 || (shape.Length == 1 && shape.Next == (byte)'.'),
        IdentifierType.CnHmtPermit => shape.Length is >= 8 and <= 11,
        IdentifierType.IpAddress => (shape.Digits && shape.Length <= 3 && shape.Next == (byte)'.')
            || (shape.Hex && shape.Length <= 4 && shape.Next == (byte)':'),
        IdentifierType.MacAddress => shape.Hex && ((shape.Length == 2 && shape.Next is (byte)':' or (byte)'-') || (shape.Length == 4 && shape.Next == (byte)'.')),
        IdentifierType.GpsCoord => shape.Digits && shape.Length <= 3 && shape.Next == (byte)'.',
        _ => true,
    };
}
