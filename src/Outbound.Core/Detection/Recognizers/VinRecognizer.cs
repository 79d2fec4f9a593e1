using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds vehicle identification numbers (车辆识别代号, VIN) whose check digit is right, as China requires.</summary>
/// <remarks>
/// <para>
/// A VIN is 17 characters of 0–9 and A–Z without I, O and Q (ISO 3779). GB 16735 requires the check digit in the
/// ninth position (<see cref="VinChecksum"/>), so a 17-character code that fails it, such as a part number, is not
/// reported. Further rules: the first character (the region of the world manufacturer identifier) is not 0; the tenth
/// (model year) is not 0, U or Z; the last four are digits (GB 16735, ISO 3779); and the characters are not all the same.
/// </para>
/// <para>
/// In a field whose name says VIN (<see cref="ScanContext.FieldType"/> is <see cref="IdentifierType.Vin"/>), a code that
/// passes every rule but the check digit (an imported vehicle from a market without one) is reported as
/// <see cref="FindingTraits.Weak"/> at 0.6. Lowercase VINs are not accepted. Instances are immutable and thread-safe.
/// </para>
/// </remarks>
public sealed class VinRecognizer : IRecognizer
{
    private const float ValidatedScore = 0.99f;
    private const float UncheckedScore = 0.6f;

    private static readonly SearchValues<byte> TriggerBytes = SearchValues.Create("123456789ABCDEFGHJKLMNPRSTUVWXYZ"u8);

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.Vin;

    /// <inheritdoc/>
    public SearchValues<byte> Triggers => TriggerBytes;

    /// <inheritdoc/>
    public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
    {
        finding = default;
        int end = position + VinChecksum.Length;
        if (end > text.Length || !RecognizerBytes.IsClearBefore(text, position) || !RecognizerBytes.IsClearAfter(text, end))
        {
            return false;
        }

        ReadOnlySpan<byte> vin = text.Slice(position, VinChecksum.Length);
        byte check = CheckOfShape(vin);
        if (check == 0)
        {
            return false;
        }

        if (vin[VinChecksum.CheckIndex] == check)
        {
            finding = new Finding(IdentifierType.Vin, position, VinChecksum.Length, ValidatedScore);
            return true;
        }

        if (context.FieldType == IdentifierType.Vin)
        {
            finding = new Finding(IdentifierType.Vin, position, VinChecksum.Length, UncheckedScore, FindingTraits.Weak);
            return true;
        }

        return false;
    }

    /// <summary>
    /// Returns the check character that <paramref name="vin"/>'s characters give (<see cref="VinChecksum.Compute"/>) when
    /// it has every property of a VIN except, perhaps, its check digit; else 0.
    /// </summary>
    /// <remarks>
    /// The first 16 characters are checked, transliterated and weighed at once in vectors; the seventeenth, a digit, is
    /// added alone. <see cref="CheckOfShapeByCharacter"/> is the same, one character at a time.
    /// </remarks>
    internal static byte CheckOfShape(ReadOnlySpan<byte> vin)
    {
        if (!Vector128.IsHardwareAccelerated || vin.Length != VinChecksum.Length)
        {
            return CheckOfShapeByCharacter(vin);
        }

        if (!HasFixedPlaces(vin))
        {
            return 0;
        }

        byte first = vin[0];
        unchecked
        {
            var bytes = Vector128.LoadUnsafe(ref MemoryMarshal.GetReference(vin));
            var values = VinChecksum.Values16(bytes);
            if (Vector128.EqualsAny(values, Vector128.Create(VinChecksum.NotAllowed)))
            {
                return 0;
            }

            // Not all one character; and every world manufacturer identifier has a letter (China's begin with L), so an
            // all-digit string is a number, not a VIN. The last character is a digit.
            if (!Vector128.GreaterThanAny(bytes, Vector128.Create((byte)'9'))
                || (Vector128.EqualsAll(bytes, Vector128.Create(first)) && vin[16] == first))
            {
                return 0;
            }

            var (low, high) = Vector128.Widen(values);
            int sum = (int)Vector128.Sum((low * VinChecksum.LowWeights) + (high * VinChecksum.HighWeights));
            return VinChecksum.CheckCharacter(sum + ((vin[16] - '0') * VinChecksum.LastWeight));
        }
    }

    /// <summary>
    /// Returns whether the places of the 17 characters of <paramref name="vin"/> that have rules of their own keep them:
    /// the first is not 0, the check digit is a digit or X, the model year is not 0, U or Z, and the last four are digits.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool HasFixedPlaces(ReadOnlySpan<byte> vin)
    {
        byte check = vin[VinChecksum.CheckIndex];
        return vin[0] != '0'
            && (RecognizerBytes.IsDigit(check) || check == 'X')
            && vin[9] is not ((byte)'0' or (byte)'U' or (byte)'Z')
            && RecognizerBytes.IsDigit(vin[13]) && RecognizerBytes.IsDigit(vin[14]) && RecognizerBytes.IsDigit(vin[15]) && RecognizerBytes.IsDigit(vin[16]);
    }

    /// <summary>Does what <see cref="CheckOfShape"/> does one character at a time: where vectors are not accelerated, and as the reference in tests.</summary>
    internal static byte CheckOfShapeByCharacter(ReadOnlySpan<byte> vin)
    {
        if (vin.Length != VinChecksum.Length || !HasFixedPlaces(vin))
        {
            return 0;
        }

        byte first = vin[0];
        int sum = 0;
        bool letter = false;
        bool varied = false;
        for (int i = 0; i < VinChecksum.Length; i++)
        {
            byte value = vin[i];
            int weighted = VinChecksum.Weighted(value, i);
            if (weighted < 0)
            {
                return 0;
            }

            sum += weighted;
            letter |= value > '9';
            varied |= value != first;
        }

        if (!letter || !varied)
        {
            return 0;
        }

        return VinChecksum.CheckCharacter(sum);
    }
}
