using System.Runtime.CompilerServices;

namespace Outbound.Detection;

/// <summary>The shape of a run of ASCII letters and digits where an identifier might start.</summary>
/// <param name="Length">Bytes in the run.</param>
/// <param name="Digits">Whether the run is all digits.</param>
/// <param name="Hex">Whether the run is all hexadecimal digits.</param>
/// <param name="Next">The byte after the run, or 0 at the end of the text.</param>
/// <param name="Previous">The byte before the run, or 0 at the start of the text.</param>
/// <param name="AfterDecimalPoint">Whether the run follows a digit and a point (the <c>2304</c> of <c>31.2304</c>, the <c>2</c> of <c>4.2.1</c>).</param>
internal readonly record struct RunShape(int Length, bool Digits, bool Hex, byte Next, byte Previous, bool AfterDecimalPoint = false)
{
    /// <summary>Returns the shape of <paramref name="run"/>, between <paramref name="previous"/> and <paramref name="next"/>.</summary>
    public static RunShape Of(ReadOnlySpan<byte> run, byte previous, byte next)
    {
        int flags = ByteClass.DigitOrHex;
        foreach (byte b in run)
        {
            flags &= ByteClass.Of(b);
        }

        return new RunShape(run.Length, (flags & ByteClass.Digit) != 0, (flags & ByteClass.Hex) != 0, next, previous);
    }

    /// <summary>
    /// Gets a value indicating whether nothing before the run continues it, as <c>RecognizerBytes.IsClearBefore</c> tells:
    /// neither an ASCII letter or digit nor a point after a digit.
    /// </summary>
    public bool ClearBefore => (ByteClass.Of(Previous) & ByteClass.AlphaNumeric) == 0 && !AfterDecimalPoint;

    /// <summary>Gets a value indicating whether the run is followed by a separator that can continue a grouped number.</summary>
    public bool NextIsGroupSeparator => IsGroupSeparator(Next);

    /// <summary>Returns whether <paramref name="next"/> can continue a grouped number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsGroupSeparator(byte next) => next is (byte)' ' or (byte)'-' or (byte)')';
}

/// <summary>Classes of bytes for the scanner's runs: ASCII letters and digits, digits, hexadecimal digits.</summary>
internal static class ByteClass
{
    /// <summary>An ASCII letter or digit.</summary>
    public const int AlphaNumeric = 1;

    /// <summary>An ASCII digit.</summary>
    public const int Digit = 2;

    /// <summary>An ASCII hexadecimal digit.</summary>
    public const int Hex = 4;

    /// <summary>Both <see cref="Digit"/> and <see cref="Hex"/>.</summary>
    public const int DigitOrHex = Digit | Hex;

    /// <summary>Gets the class of every byte: digits 7, other hexadecimal digits 5, other ASCII letters 1, anything else 0.</summary>
    private static ReadOnlySpan<byte> Table =>
    [
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 0, 0, 0, 0, 0, 0,
        0, 5, 5, 5, 5, 5, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 5, 5, 5, 5, 5, 5, 1, 1, 1, 1, 1, 1, 1, 1, 1,
        1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    ];

    /// <summary>Returns the class of <paramref name="b"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Of(byte b) => Unsafe.Add(ref System.Runtime.InteropServices.MemoryMarshal.GetReference(Table), b);
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
    /// <summary>The longest run any gated type can begin at (a bank card of 19 digits).</summary>
    public const int LongestGatedRun = 19;

    /// <summary>The types that have a gate.</summary>
    public const uint Gated =
        (1u << (int)IdentifierType.CnResidentId) | (1u << (int)IdentifierType.CnUscc) | (1u << (int)IdentifierType.BankCard)
        | (1u << (int)IdentifierType.CnMobile) | (1u << (int)IdentifierType.CnLandline) | (1u << (int)IdentifierType.Imei)
        | (1u << (int)IdentifierType.Vin) | (1u << (int)IdentifierType.CnPlate) | (1u << (int)IdentifierType.CnPassport)
        | (1u << (int)IdentifierType.CnHmtPermit) | (1u << (int)IdentifierType.IpAddress) | (1u << (int)IdentifierType.MacAddress)
        | (1u << (int)IdentifierType.GpsCoord);

    /// <summary>Every type without a gate, which any run allows.</summary>
    public const uint Ungated = ~Gated;

    /// <summary>Returns the bit of <paramref name="type"/> in a <see cref="Mask(in RunShape)"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Bit(IdentifierType type) => 1u << (int)type;

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
        // The IP and GPS recognizers reject a start that is not clear before, and IP one after ':' or '.', GPS one after '-'.
        IdentifierType.IpAddress => shape.ClearBefore && shape.Previous is not ((byte)':' or (byte)'.')
            && ((shape.Digits && shape.Length <= 3 && shape.Next == (byte)'.') || (shape.Hex && shape.Length <= 4 && shape.Next == (byte)':')),
        IdentifierType.MacAddress => shape.Hex && ((shape.Length == 2 && shape.Next is (byte)':' or (byte)'-') || (shape.Length == 4 && shape.Next == (byte)'.')),
        IdentifierType.GpsCoord => shape.ClearBefore && shape.Previous != (byte)'-' && shape.Digits && shape.Length <= 3 && shape.Next == (byte)'.',
        _ => true,
    };

    /// <summary>Classes of the byte after a run that the gates tell apart: see <see cref="NextClass"/>.</summary>
    private const int NextClasses = 5;

    /// <summary>Classes of the byte before a run that the gates tell apart: see <see cref="PreviousClass"/>.</summary>
    private const int PreviousClasses = 7;

    /// <summary>The class of a point before a run that follows a digit (<see cref="RunShape.AfterDecimalPoint"/>).</summary>
    private const int PreviousDecimalPoint = 5;

    /// <summary>
    /// Gets <see cref="Mask(in RunShape)"/> of every run of at most <see cref="LongestGatedRun"/> bytes, indexed by length,
    /// digit and hexadecimal flags, and the classes of the bytes after and before it (<see cref="MaskIndex"/>).
    /// </summary>
    private static readonly uint[] Masks = BuildMasks();

    /// <summary>Gets <see cref="NextClass"/> of every byte.</summary>
    private static readonly byte[] NextClassOf = [.. Enumerable.Range(0, 256).Select(b => (byte)NextClass((byte)b))];

    /// <summary>Gets <see cref="PreviousClass"/> of every byte.</summary>
    private static readonly byte[] PreviousClassOf = [.. Enumerable.Range(0, 256).Select(b => (byte)PreviousClass((byte)b))];

    /// <summary>Gets <see cref="Lookup"/> of the digits before the point of a plain number (<see cref="IRecordVisitor.Number"/>), by their count: at the start of the text, followed by the end of the text.</summary>
    private static readonly uint[] WholeNumberMasks = DigitRunMasks(next: 0, previous: 0, afterDecimalPoint: false);

    /// <summary>Gets what <see cref="WholeNumberMasks"/> holds for digits followed by a point.</summary>
    private static readonly uint[] IntegerPartMasks = DigitRunMasks(next: (byte)'.', previous: 0, afterDecimalPoint: false);

    /// <summary>Gets <see cref="Lookup"/> of the digits after the point of a plain number, by their count: after a digit and a point, followed by the end of the text.</summary>
    private static readonly uint[] DecimalPartMasks = DigitRunMasks(next: 0, previous: (byte)'.', afterDecimalPoint: true);

    /// <summary>Gets a byte of each class of <see cref="NextClass"/>, to build <see cref="Masks"/>.</summary>
    private static ReadOnlySpan<byte> NextExamples => [0, (byte)' ', (byte)'-', (byte)'.', (byte)':'];

    /// <summary>Gets a byte of each class of <see cref="PreviousClass"/>, to build <see cref="Masks"/> (a point twice: plain, and after a digit).</summary>
    private static ReadOnlySpan<byte> PreviousExamples => [0, 0xE4, (byte)'a', (byte)':', (byte)'.', (byte)'.', (byte)'-'];

    /// <summary>
    /// Returns what <see cref="Mask(in RunShape)"/> returns for the run of <paramref name="length"/> bytes whose classes
    /// (<see cref="ByteClass"/>) all have <paramref name="flags"/>, between <paramref name="previous"/> and
    /// <paramref name="next"/>, by one table lookup.
    /// </summary>
    /// <param name="length">Bytes in the run.</param>
    /// <param name="flags">The <see cref="ByteClass.Digit"/> and <see cref="ByteClass.Hex"/> bits every byte of the run has.</param>
    /// <param name="next">The byte after the run, or 0 at the end of the text.</param>
    /// <param name="previous">The byte before the run, or 0 at the start of the text.</param>
    /// <param name="afterDecimalPoint">Whether <paramref name="previous"/> is a point after a digit.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Lookup(int length, int flags, byte next, byte previous, bool afterDecimalPoint)
    {
        if (length > LongestGatedRun)
        {
            return Ungated;
        }

        int previousClass = afterDecimalPoint ? PreviousDecimalPoint : PreviousClassOf[previous];
        return Masks[MaskIndex(length, flags & ByteClass.DigitOrHex, NextClassOf[next], previousClass)];
    }

    /// <summary>Returns <see cref="Lookup"/> of runs of digits of every gated length between <paramref name="previous"/> and <paramref name="next"/>.</summary>
    private static uint[] DigitRunMasks(byte next, byte previous, bool afterDecimalPoint)
    {
        var masks = new uint[LongestGatedRun + 1];
        for (int length = 0; length < masks.Length; length++)
        {
            masks[length] = Lookup(length, ByteClass.DigitOrHex, next, previous, afterDecimalPoint);
        }

        return masks;
    }

    /// <summary>Returns <see cref="Lookup"/> of the run of digits that begins a plain number of <paramref name="integerDigits"/> digits before any point, and has a point when <paramref name="point"/> is set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint IntegerPart(int integerDigits, bool point) =>
        (uint)integerDigits > LongestGatedRun ? Ungated : point ? IntegerPartMasks[integerDigits] : WholeNumberMasks[integerDigits];

    /// <summary>Returns <see cref="Lookup"/> of the run of <paramref name="decimals"/> digits after the point of a plain number.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint DecimalPart(int decimals) => (uint)decimals > LongestGatedRun ? Ungated : DecimalPartMasks[decimals];

    /// <summary>
    /// Returns the class of the byte after a run as the gates see it: 1 a space or ')' (group separators), 2 '-' (a group
    /// separator, and a MAC address separator), 3 '.', 4 ':', 0 anything else.
    /// </summary>
    private static int NextClass(byte next) => next switch
    {
        (byte)' ' or (byte)')' => 1,
        (byte)'-' => 2,
        (byte)'.' => 3,
        (byte)':' => 4,
        _ => 0,
    };

    /// <summary>
    /// Returns the class of the byte before a run as the gates see it: 1 a byte of 0x80 and above, 2 an ASCII letter or
    /// digit, 3 ':', 4 '.', 6 '-', 0 anything else; <see cref="PreviousDecimalPoint"/> is a point after a digit.
    /// </summary>
    private static int PreviousClass(byte previous) => previous switch
    {
        >= 0x80 => 1,
        (byte)':' => 3,
        (byte)'.' => 4,
        (byte)'-' => 6,
        _ => (ByteClass.Of(previous) & ByteClass.AlphaNumeric) != 0 ? 2 : 0,
    };

    /// <summary>Returns the index in <see cref="Masks"/> of a run's length, flags and neighbouring byte classes.</summary>
    private static int MaskIndex(int length, int flags, int nextClass, int previousClass) =>
        unchecked((((((length * (ByteClass.DigitOrHex + 1)) + flags) * NextClasses) + nextClass) * PreviousClasses) + previousClass);

    /// <summary>Computes <see cref="Masks"/> with <see cref="Mask(in RunShape)"/>, from one example shape of every index.</summary>
    private static uint[] BuildMasks()
    {
        var masks = new uint[(LongestGatedRun + 1) * (ByteClass.DigitOrHex + 1) * NextClasses * PreviousClasses];
        for (int length = 0; length <= LongestGatedRun; length++)
        {
            for (int flags = 0; flags <= ByteClass.DigitOrHex; flags++)
            {
                for (int next = 0; next < NextClasses; next++)
                {
                    for (int previous = 0; previous < PreviousClasses; previous++)
                    {
                        var shape = new RunShape(
                            length,
                            (flags & ByteClass.Digit) != 0,
                            (flags & ByteClass.Hex) != 0,
                            NextExamples[next],
                            PreviousExamples[previous],
                            previous == PreviousDecimalPoint);
                        masks[MaskIndex(length, flags, next, previous)] = Mask(shape);
                    }
                }
            }
        }

        return masks;
    }

    /// <summary>
    /// Returns the bits (<see cref="Bit(IdentifierType)"/>) of every type that can begin at a run of <paramref name="shape"/>:
    /// the same answer as <see cref="Allows(IdentifierType, in RunShape)"/> for all types at once.
    /// </summary>
    public static uint Mask(in RunShape shape)
    {
        int length = shape.Length;
        uint mask = Ungated;
        if (length > LongestGatedRun)
        {
            return mask;
        }

        byte next = shape.Next;
        if (length is 15 or 18)
        {
            mask |= Bit(IdentifierType.CnResidentId);
        }

        if (length == 18)
        {
            mask |= Bit(IdentifierType.CnUscc);
        }

        if (length == 17)
        {
            mask |= Bit(IdentifierType.Vin);
        }

        if (length <= 7 && shape.Previous >= 0x80)
        {
            mask |= Bit(IdentifierType.CnPlate);
        }

        if (length is >= 7 and <= 10 || (length == 1 && next == (byte)'.'))
        {
            mask |= Bit(IdentifierType.CnPassport);
        }

        if (length is >= 8 and <= 11)
        {
            mask |= Bit(IdentifierType.CnHmtPermit);
        }

        if (shape.Digits)
        {
            bool grouped = RunShape.IsGroupSeparator(next);
            if ((length is >= 4 and <= 6 && grouped) || length >= 16)
            {
                mask |= Bit(IdentifierType.BankCard);
            }

            if ((length is >= 2 and <= 4 && grouped) || length is 11 or 13 or 15)
            {
                mask |= Bit(IdentifierType.CnMobile);
            }

            if ((length is >= 2 and <= 4 && grouped) || length is >= 9 and <= 13)
            {
                mask |= Bit(IdentifierType.CnLandline);
            }

            if ((length == 2 && grouped) || length == 15)
            {
                mask |= Bit(IdentifierType.Imei);
            }

            if (length <= 3 && next == (byte)'.' && shape.ClearBefore)
            {
                if (shape.Previous is not ((byte)':' or (byte)'.'))
                {
                    mask |= Bit(IdentifierType.IpAddress);
                }

                if (shape.Previous != (byte)'-')
                {
                    mask |= Bit(IdentifierType.GpsCoord);
                }
            }
        }

        if (shape.Hex)
        {
            if (length <= 4 && next == (byte)':' && shape.ClearBefore && shape.Previous is not ((byte)':' or (byte)'.'))
            {
                mask |= Bit(IdentifierType.IpAddress);
            }

            if ((length == 2 && next is (byte)':' or (byte)'-') || (length == 4 && next == (byte)'.'))
            {
                mask |= Bit(IdentifierType.MacAddress);
            }
        }

        return mask;
    }
}
