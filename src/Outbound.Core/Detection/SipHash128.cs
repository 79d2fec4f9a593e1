using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Outbound.Detection;

/// <summary>SipHash-2-4 with its 128-bit output (Aumasson and Bernstein, reference <c>siphash.c</c> with <c>outlen</c> 16): a keyed pseudorandom function.</summary>
/// <remarks>
/// Used where a keyed hash only needs to tell values apart in memory (<see cref="SubjectKeyer.Fingerprint"/>): about a
/// hundred times cheaper than HMAC-SHA256 on an identifier of 20 bytes. Immutable and thread-safe.
/// </remarks>
internal readonly struct SipHash128
{
    private readonly ulong _k0;
    private readonly ulong _k1;

    /// <summary>Initializes a new instance of the <see cref="SipHash128"/> struct with a key of 16 bytes (two little-endian words).</summary>
    public SipHash128(ReadOnlySpan<byte> key)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(key.Length, 16, nameof(key));
        _k0 = BinaryPrimitives.ReadUInt64LittleEndian(key);
        _k1 = BinaryPrimitives.ReadUInt64LittleEndian(key[8..]);
    }

    /// <summary>Returns the hash of <paramref name="data"/>: the reference output's 16 bytes read as one big-endian number.</summary>
    public UInt128 Hash(ReadOnlySpan<byte> data)
    {
        unchecked
        {
            ulong v0 = 0x736f6d6570736575UL ^ _k0;
            ulong v1 = 0x646f72616e646f6dUL ^ _k1 ^ 0xee;
            ulong v2 = 0x6c7967656e657261UL ^ _k0;
            ulong v3 = 0x7465646279746573UL ^ _k1;
            int whole = data.Length & ~7;
            for (int i = 0; i < whole; i += 8)
            {
                ulong m = BinaryPrimitives.ReadUInt64LittleEndian(data[i..]);
                v3 ^= m;
                Round(ref v0, ref v1, ref v2, ref v3);
                Round(ref v0, ref v1, ref v2, ref v3);
                v0 ^= m;
            }

            ulong last = (ulong)data.Length << 56;
            ReadOnlySpan<byte> tail = data[whole..];
            for (int i = 0; i < tail.Length; i++)
            {
                last |= (ulong)tail[i] << (8 * i);
            }

            v3 ^= last;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            v0 ^= last;

            v2 ^= 0xee;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            ulong first = v0 ^ v1 ^ v2 ^ v3;

            v1 ^= 0xdd;
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            Round(ref v0, ref v1, ref v2, ref v3);
            ulong second = v0 ^ v1 ^ v2 ^ v3;

            // The reference writes each word little-endian: bytes 0–7 are `first`, bytes 8–15 `second`.
            return new UInt128(BinaryPrimitives.ReverseEndianness(first), BinaryPrimitives.ReverseEndianness(second));
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(ref ulong v0, ref ulong v1, ref ulong v2, ref ulong v3)
    {
        unchecked
        {
            v0 += v1;
            v1 = BitOperations.RotateLeft(v1, 13);
            v1 ^= v0;
            v0 = BitOperations.RotateLeft(v0, 32);
            v2 += v3;
            v3 = BitOperations.RotateLeft(v3, 16);
            v3 ^= v2;
            v0 += v3;
            v3 = BitOperations.RotateLeft(v3, 21);
            v3 ^= v0;
            v2 += v1;
            v1 = BitOperations.RotateLeft(v1, 17);
            v1 ^= v2;
            v2 = BitOperations.RotateLeft(v2, 32);
        }
    }
}
