using System.Buffers;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Outbound.Detection.Recognizers;

namespace Outbound.Detection;

/// <summary>Finds identifiers in UTF-8 text in one pass, offering each trigger position to the recognizers that anchor there.</summary>
/// <remarks>
/// Candidate positions come from one vectorised search over the union of the recognizers' trigger bytes. When no
/// recognizer matches at an ASCII letter or digit, the rest of that run of letters and digits is skipped: every
/// identifier needs a boundary before it, so none can start inside the run. Overlapping findings keep the longer.
/// Instances are immutable and thread-safe; build one and reuse it.
/// </remarks>
public sealed class Scanner
{
    /// <summary>Trigger bytes looked at one by one before a vectorised search: the gap between runs in JSON is short.</summary>
    private const int ScalarLookahead = 8;

    /// <summary>The most bytes left in the text that <see cref="Run"/> reads one by one rather than search.</summary>
    private const int ShortTail = 4;

    /// <summary>The types <see cref="AfterPoint"/> narrows.</summary>
    private const uint DecimalGated = (1u << (int)IdentifierType.IpAddress) | (1u << (int)IdentifierType.GpsCoord);

    /// <summary>The mobile number's bit, narrowed by the first digit of a run.</summary>
    private const uint Mobile = 1u << (int)IdentifierType.CnMobile;

    private static readonly SearchValues<byte> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private readonly SearchValues<byte> _triggers;
    private readonly bool[] _isTrigger;
    private readonly Matcher[][] _byByte;
    private readonly uint[][] _bitsByByte;
    private readonly uint[] _typesByByte;

    /// <summary>Initializes a new instance of the <see cref="Scanner"/> class.</summary>
    /// <param name="recognizers">The recognizers, in priority order for matches of equal length and score.</param>
    public Scanner(IEnumerable<IRecognizer> recognizers)
    {
        ArgumentNullException.ThrowIfNull(recognizers);
        Recognizers = [.. recognizers];
        _byByte = new Matcher[256][];
        _bitsByByte = new uint[256][];
        _typesByByte = new uint[256];
        _isTrigger = new bool[256];
        // Plain loops rather than queries: this runs once per scan, at start, where compiling queries would cost more.
        var matchers = new Matcher[Recognizers.Count];
        for (int r = 0; r < matchers.Length; r++)
        {
            matchers[r] = Recognizers[r].TryMatch;
        }

        var triggers = new List<byte>();
        var anchored = new List<Matcher>();
        var bits = new List<uint>();
        for (int b = 0; b < 256; b++)
        {
            anchored.Clear();
            bits.Clear();
            for (int r = 0; r < matchers.Length; r++)
            {
                if (Recognizers[r].Triggers.Contains((byte)b))
                {
                    anchored.Add(matchers[r]);
                    bits.Add(ShapeGate.Bit(Recognizers[r].Type));
                    _typesByByte[b] |= ShapeGate.Bit(Recognizers[r].Type);
                }
            }

            _byByte[b] = [.. anchored];
            _bitsByByte[b] = [.. bits];
            if (anchored.Count > 0)
            {
                triggers.Add((byte)b);
                _isTrigger[b] = true;
            }
        }

        _triggers = SearchValues.Create([.. triggers]);
    }

    /// <summary>A recognizer's <see cref="IRecognizer.TryMatch"/>, bound to it: called directly, without looking up the interface method at each call.</summary>
    private delegate bool Matcher(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding);

    /// <summary>Gets the recognizers, in priority order.</summary>
    public IReadOnlyList<IRecognizer> Recognizers { get; }

    /// <summary>Appends every identifier found in <paramref name="text"/> to <paramref name="findings"/>, in order of position.</summary>
    public void Scan(ReadOnlySpan<byte> text, in ScanContext context, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        ScanFrom(text, 0, findings.Count, context, findings);
    }

    /// <summary>
    /// Does what <see cref="Scan"/> does for a plain number — digits, or digits, a point and digits — whose first
    /// <paramref name="integerDigits"/> bytes are the digits before any point, as a reader that has read it knows.
    /// </summary>
    /// <remarks>
    /// The number's runs are known from its shape, so what may begin at each is looked up without reading them again.
    /// Most numbers (counts, speeds, timestamps) give no recognizer anything to look at and end there.
    /// </remarks>
    internal void ScanPlainNumber(ReadOnlySpan<byte> text, int integerDigits, in ScanContext context, List<Finding> findings)
    {
        byte first = text[0];
        if (!_isTrigger[first])
        {
            Scan(text, context, findings);
            return;
        }

        // What the scan would let begin at the digits before the point (the gate, narrowed as AfterPoint narrows it:
        // a plain number has no second point, so no IP address begins there), known from the number's shape alone.
        int floor = findings.Count;
        int position = integerDigits;
        int decimals = text.Length - integerDigits - 1;
        uint allowed = ShapeGate.IntegerPart(integerDigits, point: decimals >= 0);
        if (decimals >= 0)
        {
            allowed &= ~ShapeGate.Bit(IdentifierType.IpAddress);
            if (decimals < GpsCoordinateRules.MinimumDecimals && context.FieldType != IdentifierType.GpsCoord)
            {
                allowed &= ~ShapeGate.Bit(IdentifierType.GpsCoord);
            }
        }

        allowed = NarrowMobile(first, integerDigits, allowed);
        if ((allowed & _typesByByte[first]) != 0 && TryBest(text, 0, first, allowed, context, out var best))
        {
            Add(findings, floor, best);
            position = Math.Max(best.End, 1);
        }

        if (position == text.Length)
        {
            return;
        }

        if (position == integerDigits && !_isTrigger['.'])
        {
            // After the point, a run of digits to the end: nothing more begins in the number when the gates rule it out.
            byte next = text[position + 1];
            allowed = NarrowMobile(next, decimals, ShapeGate.DecimalPart(decimals));
            if (_isTrigger[next] && (allowed & _typesByByte[next]) == 0)
            {
                return;
            }
        }

        ScanFrom(text, position, floor, context, findings);
    }

    /// <summary>Does the work of <see cref="Scan"/> from <paramref name="position"/> on, keeping the findings before <paramref name="floor"/>.</summary>
    private void ScanFrom(ReadOnlySpan<byte> text, int position, int floor, in ScanContext context, List<Finding> findings)
    {
        unchecked
        {
            bool[] isTrigger = _isTrigger;
            while (position < text.Length)
            {
                position = NextTrigger(text, position, isTrigger);
                if (position < 0)
                {
                    return;
                }

                byte first = text[position];
                uint allowed = uint.MaxValue;
                int runLength = 0;
                if ((ByteClass.Of(first) & ByteClass.AlphaNumeric) != 0)
                {
                    runLength = Run(text, position, out allowed);
                    if ((allowed & DecimalGated) != 0)
                    {
                        allowed = AfterPoint(text, position + runLength, allowed, context);
                    }

                    allowed = NarrowMobile(first, runLength, allowed);

                    if ((allowed & _typesByByte[first]) == 0)
                    {
                        position += runLength;
                        continue;
                    }
                }

                if (TryBest(text, position, first, allowed, context, out var best))
                {
                    Add(findings, floor, best);
                    position = Math.Max(best.End, position + 1);
                }
                else if (runLength > 0)
                {
                    position += runLength;
                }
                else
                {
                    position++;
                }
            }
        }
    }

    /// <summary>Takes the mobile number out of <paramref name="allowed"/> for a run that begins with 1 and is neither 3 nor 11 long.</summary>
    /// <remarks>
    /// A mobile number that begins a run with its own first digit is 11 digits, or 3 grouped 3-4-4; the longer runs the
    /// gate lets through (13 and 15 digits) begin with a country code, 86 or 0086. So a 13-digit epoch timestamp is no
    /// candidate.
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint NarrowMobile(byte first, int runLength, uint allowed) =>
        first == (byte)'1' && runLength is not (3 or 11) ? allowed & ~Mobile : allowed;

    /// <summary>
    /// Offers <paramref name="position"/> to the recognizers anchored at its byte <paramref name="first"/> that
    /// <paramref name="allowed"/> lets through, and returns the longest match (of equal ones, the higher score; then the
    /// first in priority order).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryBest(ReadOnlySpan<byte> text, int position, byte first, uint allowed, in ScanContext context, out Finding best)
    {
        best = default;
        Matcher[] recognizers = _byByte[first];
        uint[] bits = _bitsByByte[first];
        int i = 0;

        // Until one matches, each writes its finding in place; one match is then not copied (most positions have one).
        for (; i < recognizers.Length; i++)
        {
            if ((allowed & bits[i]) != 0 && recognizers[i](text, position, context, out best))
            {
                break;
            }
        }

        if (i == recognizers.Length)
        {
            return false;
        }

        for (i++; i < recognizers.Length; i++)
        {
            if ((allowed & bits[i]) != 0
                && recognizers[i](text, position, context, out var candidate)
                && (candidate.Length > best.Length || (candidate.Length == best.Length && candidate.Score > best.Score)))
            {
                best = candidate;
            }
        }

        return true;
    }

    /// <summary>
    /// Narrows <paramref name="allowed"/> for a run of digits followed by a point at <paramref name="point"/>, by what
    /// comes after the point: an IPv4 address needs three more groups (<c>4.2.1</c> and <c>36.644591</c> are none), and
    /// a coordinate outside a coordinate field at least <see cref="GpsCoordinateRules.MinimumDecimals"/> decimals
    /// (<c>107.7</c> is a speed), as the IP and GPS recognizers require.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static uint AfterPoint(ReadOnlySpan<byte> text, int point, uint allowed, in ScanContext context)
    {
        if (RecognizerBytes.At(text, point) != (byte)'.')
        {
            return allowed;
        }

        int decimals = RecognizerBytes.DigitRun(text, point + 1);
        if (decimals < GpsCoordinateRules.MinimumDecimals && context.FieldType != IdentifierType.GpsCoord)
        {
            allowed &= ~ShapeGate.Bit(IdentifierType.GpsCoord);
        }

        int second = point + 1 + decimals;
        int third = second + 1 + RecognizerBytes.DigitRun(text, second + 1);
        if (decimals is 0 or > 3
            || RecognizerBytes.At(text, second) != (byte)'.'
            || (third - second - 1) is 0 or > 3
            || RecognizerBytes.At(text, third) != (byte)'.'
            || !RecognizerBytes.DigitAt(text, third + 1))
        {
            allowed &= ~ShapeGate.Bit(IdentifierType.IpAddress);
        }

        return allowed;
    }

    /// <summary>Returns the position of the next trigger byte at or after <paramref name="position"/>, or -1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int NextTrigger(ReadOnlySpan<byte> text, int position, bool[] isTrigger)
    {
        unchecked
        {
            int stop = Math.Min(text.Length, position + ScalarLookahead);
            for (; position < stop; position++)
            {
                if (isTrigger[text[position]])
                {
                    return position;
                }
            }

            if (position >= text.Length)
            {
                return -1;
            }

            int next = text[position..].IndexOfAny(_triggers);
            return next < 0 ? -1 : position + next;
        }
    }

    /// <summary>
    /// Returns the length of the run of ASCII letters and digits that begins at <paramref name="position"/>, and in
    /// <paramref name="allowed"/> the types that can begin at a run of its shape (<see cref="ShapeGate.Lookup"/>).
    /// </summary>
    /// <remarks>
    /// With 16 bytes left, the first 16 are classified at once; a shorter run is then known whole. With fewer left (most
    /// field values), the run is read byte by byte to its end. A run still going after 16 bytes (hashes, tokens) is
    /// measured with a vectorised search.
    /// </remarks>
    internal static int Run(ReadOnlySpan<byte> text, int position, out uint allowed)
    {
        unchecked
        {
            int flags;
            int end;
            if (Vector128.IsHardwareAccelerated && position <= text.Length - Vector128<byte>.Count)
            {
                var bytes = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(text), (nuint)position);
                var digits = Vector128.LessThan(bytes - Vector128.Create((byte)'0'), Vector128.Create((byte)10));
                var lowered = (bytes | Vector128.Create((byte)0x20)) - Vector128.Create((byte)'a');
                uint letterOrDigit = (digits | Vector128.LessThan(lowered, Vector128.Create((byte)26))).ExtractMostSignificantBits();
                uint hex = (digits | Vector128.LessThan(lowered, Vector128.Create((byte)6))).ExtractMostSignificantBits();
                int length = BitOperations.TrailingZeroCount(~letterOrDigit);
                uint run = (1u << length) - 1;
                flags = ((digits.ExtractMostSignificantBits() & run) == run ? ByteClass.Digit : 0) | ((hex & run) == run ? ByteClass.Hex : 0);
                end = position + length;
                if (length < Vector128<byte>.Count)
                {
                    allowed = Gate(text, position, end, flags);
                    return length;
                }
            }
            else
            {
                // Fewer than 16 bytes left (most field values), or no vectors: byte by byte, to the end of those few.
                flags = ByteClass.DigitOrHex & ByteClass.Of(text[position]);
                end = position + 1;
                int limit = Vector128.IsHardwareAccelerated ? text.Length : Math.Min(text.Length, position + ScalarLookahead);
                while (end < limit)
                {
                    int c = ByteClass.Of(text[end]);
                    if ((c & ByteClass.AlphaNumeric) == 0)
                    {
                        allowed = Gate(text, position, end, flags);
                        return end - position;
                    }

                    flags &= c;
                    end++;
                }
            }

            if (end < text.Length && (ByteClass.Of(text[end]) & ByteClass.AlphaNumeric) != 0)
            {
                int runEnd = end + 1;
                if (text.Length - runEnd <= ShortTail)
                {
                    // The last few bytes of the text (a VIN that is a whole field value): not worth a search.
                    while (runEnd < text.Length && (ByteClass.Of(text[runEnd]) & ByteClass.AlphaNumeric) != 0)
                    {
                        runEnd++;
                    }
                }
                else
                {
                    int rest = text[runEnd..].IndexOfAnyExcept(AsciiLettersAndDigits);
                    runEnd = rest < 0 ? text.Length : runEnd + rest;
                }

                if (runEnd - position > ShapeGate.LongestGatedRun)
                {
                    // Longer than any gated type: only the length matters.
                    allowed = ShapeGate.Ungated;
                    return runEnd - position;
                }

                for (; end < runEnd; end++)
                {
                    flags &= ByteClass.Of(text[end]);
                }
            }

            allowed = Gate(text, position, end, flags);
            return end - position;
        }
    }

    /// <summary>Returns the types that can begin at the run from <paramref name="start"/> to <paramref name="end"/> whose bytes all have <paramref name="flags"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Gate(ReadOnlySpan<byte> text, int start, int end, int flags)
    {
        byte previous = start > 0 ? text[start - 1] : (byte)0;
        return ShapeGate.Lookup(
            end - start,
            flags,
            end < text.Length ? text[end] : (byte)0,
            previous,
            previous == (byte)'.' && start > 1 && (ByteClass.Of(text[start - 2]) & ByteClass.Digit) != 0);
    }

    private static void Add(List<Finding> findings, int floor, in Finding finding)
    {
        while (findings.Count > floor && findings[^1].End > finding.Start)
        {
            if (findings[^1].Length >= finding.Length)
            {
                return;
            }

            findings.RemoveAt(findings.Count - 1);
        }

        findings.Add(finding);
    }
}
