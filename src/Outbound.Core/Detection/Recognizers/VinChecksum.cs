using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Outbound.Detection.Recognizers;

/// <summary>Computes and checks the check digit of a vehicle identification number (ISO 3779, GB 16735, 49 CFR 565).</summary>
/// <remarks>
/// Each character is transliterated (digits as themselves; A–H 1–8, J–N 1–5, P 7, R 9, S–Z 2–9), multiplied by its
/// position's weight (8 7 6 5 4 3 2 10 0 9 8 7 6 5 4 3 2), and the sum taken modulo 11; 10 is written X. The check
/// digit is the ninth character.
/// </remarks>
internal static class VinChecksum
{
    /// <summary>The length of a VIN.</summary>
    public const int Length = 17;

    /// <summary>The index of the check digit.</summary>
    public const int CheckIndex = 8;

    private static ReadOnlySpan<byte> Weights => [8, 7, 6, 5, 4, 3, 2, 10, 0, 9, 8, 7, 6, 5, 4, 3, 2];

    /// <summary>The weight of the last character.</summary>
    public const int LastWeight = 2;

    /// <summary>Marks a byte that never appears in a VIN in <see cref="Values"/>.</summary>
    public const byte NotAllowed = 0xFF;

    /// <summary>The first byte <see cref="Values"/> covers: '0'.</summary>
    private const byte FirstValued = (byte)'0';

    /// <summary>
    /// Gets the value of each byte from '0' to '_': digits as themselves, letters transliterated, <see cref="NotAllowed"/>
    /// for the rest (I, O and Q among them); every byte outside that range is not allowed either.
    /// </summary>
    private static ReadOnlySpan<byte> Values =>
    [
        0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 255, 255, 255, 255, 255, 255,
        255, 1, 2, 3, 4, 5, 6, 7, 8, 255, 1, 2, 3, 4, 5, 255,
        7, 255, 9, 2, 3, 4, 5, 6, 7, 8, 9, 255, 255, 255, 255, 255,
    ];

    /// <summary>Gets the weights of the first eight characters, to multiply their values widened to 16 bits.</summary>
    public static Vector128<ushort> LowWeights => Vector128.Create((ushort)8, 7, 6, 5, 4, 3, 2, 10);

    /// <summary>Gets the weights of the ninth to the sixteenth character (the check digit's is 0).</summary>
    public static Vector128<ushort> HighWeights => Vector128.Create((ushort)0, 9, 8, 7, 6, 5, 4, 3);

    /// <summary>Returns the value (<see cref="Values"/>) of each of 16 bytes, <see cref="NotAllowed"/> for a byte that may not appear in a VIN.</summary>
    /// <remarks>Three lookups of 16 entries each, for the bytes from '0', from '@' and from 'P'; a byte outside them finds none and is not allowed.</remarks>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector128<byte> Values16(Vector128<byte> bytes)
    {
        var index = bytes - Vector128.Create(FirstValued);
        var outside = Vector128.GreaterThanOrEqual(index, Vector128.Create((byte)Values.Length));
        var values = Vector128.Shuffle(Vector128.Create(Values[..16]), index)
            | Vector128.Shuffle(Vector128.Create(Values.Slice(16, 16)), index - Vector128.Create((byte)16))
            | Vector128.Shuffle(Vector128.Create(Values.Slice(32, 16)), index - Vector128.Create((byte)32));
        return values | outside;
    }

    /// <summary>Returns <see langword="true"/> when <paramref name="value"/> may appear in a VIN: 0–9 and A–Z except I, O and Q.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsVinCharacter(byte value) => ValueOf(value) != NotAllowed;

    /// <summary>Returns the check character for <paramref name="vin"/> (17 VIN characters; the ninth is ignored), or 0 when a character is not allowed.</summary>
    public static byte Compute(ReadOnlySpan<byte> vin)
    {
        if (vin.Length != Length)
        {
            return 0;
        }

        int sum = 0;
        for (int i = 0; i < Length; i++)
        {
            byte number = ValueOf(vin[i]);
            if (number == NotAllowed)
            {
                return 0;
            }

            // At most 17 × 10 × 9: no overflow.
            sum = unchecked(sum + (number * Weights[i]));
        }

        return CheckCharacter(sum);
    }

    /// <summary>Returns the value of <paramref name="value"/> times the weight of position <paramref name="index"/>, or -1 when it may not appear in a VIN.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Weighted(byte value, int index)
    {
        byte number = ValueOf(value);
        return number == NotAllowed ? -1 : number * Weights[index];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static byte ValueOf(byte value)
    {
        uint index = unchecked((uint)(value - FirstValued));
        return index < (uint)Values.Length ? Unsafe.Add(ref MemoryMarshal.GetReference(Values), index) : NotAllowed;
    }

    /// <summary>Returns the check character for a weighted sum: the sum modulo 11, 10 written X.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static byte CheckCharacter(int sum)
    {
        int remainder = sum % 11;
        return remainder == 10 ? (byte)'X' : (byte)('0' + remainder);
    }
}
