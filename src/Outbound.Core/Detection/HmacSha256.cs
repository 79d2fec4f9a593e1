using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;

namespace Outbound.Detection;

/// <summary>
/// HMAC-SHA256 (RFC 2104, FIPS 180-4) under one key, for the many short messages an export keys: subject keys and
/// tokens, one or more per record.
/// </summary>
/// <remarks>
/// <para>
/// The states after the key's inner and outer pads are computed once, so a message of up to
/// <see cref="MaxLaneMessage"/> bytes costs two SHA-256 blocks and no call into the platform's library, whose
/// per-call cost is several times that of the blocks themselves. <see cref="Compute(ReadOnlySpan{byte}, ReadOnlySpan{Range}, Span{byte})"/>
/// keys up to <see cref="Lanes"/> such messages at once, one per lane of a 512-bit vector, where the processor has
/// AVX-512; elsewhere, and for longer messages, one at a time. Every path gives exactly
/// <see cref="HMACSHA256.HashData(byte[], byte[])"/>'s result, which the tests check against it and RFC 4231.
/// </para>
/// <para>The key is held only as the two pad states. Instances are immutable and thread-safe.</para>
/// </remarks>
[System.Runtime.CompilerServices.SkipLocalsInit]
internal sealed class HmacSha256
{
    /// <summary>The digest's length in bytes.</summary>
    public const int DigestBytes = 32;

    /// <summary>The messages keyed side by side.</summary>
    public const int Lanes = 16;

    /// <summary>The longest message that fits, with its padding, in the one block after the inner pad's.</summary>
    public const int MaxLaneMessage = BlockBytes - 9;

    private const int BlockBytes = 64;

    // vpternlogd truth tables over (x, y, z) = (0xF0, 0xCC, 0xAA): x ^ y ^ z; x ? y : z; at least two of three.
    private const byte Xor3 = 0x96;
    private const byte Choose = 0xCA;
    private const byte Majority = 0xE8;

    private static readonly uint[] Initial =
    [
        0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
    ];

    private static readonly uint[] RoundConstants =
    [
        0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
        0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
        0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
        0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
        0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
        0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
        0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
        0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
    ];

    private readonly uint[] _inner = new uint[8];
    private readonly uint[] _outer = new uint[8];

    /// <summary>Initializes a new instance of the <see cref="HmacSha256"/> class.</summary>
    /// <param name="key">The key; one longer than a block is hashed first, as RFC 2104 says.</param>
    public HmacSha256(ReadOnlySpan<byte> key)
    {
        Span<byte> padded = stackalloc byte[BlockBytes];
        padded.Clear();
        if (key.Length > BlockBytes)
        {
            SHA256.HashData(key, padded);
        }
        else
        {
            key.CopyTo(padded);
        }

        Span<byte> pad = stackalloc byte[BlockBytes];
        Pad(padded, 0x36, pad);
        Initial.CopyTo(_inner, 0);
        Compress(_inner, pad);
        Pad(padded, 0x5c, pad);
        Initial.CopyTo(_outer, 0);
        Compress(_outer, pad);
        padded.Clear();
        pad.Clear();
    }

    /// <summary>Gets a value indicating whether <see cref="Lanes"/> messages are keyed at once on this processor.</summary>
    public static bool LanesAccelerated => Avx512F.IsSupported;

    /// <summary>Writes the HMAC of <paramref name="message"/> to the first <see cref="DigestBytes"/> bytes of <paramref name="destination"/>.</summary>
    public void Compute(ReadOnlySpan<byte> message, Span<byte> destination)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(destination.Length, DigestBytes, nameof(destination));
        Span<uint> state = stackalloc uint[8];
        _inner.CopyTo(state);
        Span<byte> block = stackalloc byte[BlockBytes];
        ReadOnlySpan<byte> rest = message;
        while (rest.Length >= BlockBytes)
        {
            Compress(state, rest[..BlockBytes]);
            rest = rest[BlockBytes..];
        }

        // The message's last bytes, then 0x80, zeros and the bit length of pad and message; one more block if it does not fit.
        ulong bits = checked((ulong)(BlockBytes + message.Length) * 8);
        block.Clear();
        rest.CopyTo(block);
        block[rest.Length] = 0x80;
        if (rest.Length > MaxLaneMessage)
        {
            Compress(state, block);
            block.Clear();
        }

        BinaryPrimitives.WriteUInt64BigEndian(block[(BlockBytes - 8)..], bits);
        Compress(state, block);

        // The outer hash: the inner digest, 0x80, zeros and the bit length of pad and digest.
        block.Clear();
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(block[(4 * i)..], state[i]);
        }

        block[DigestBytes] = 0x80;
        BinaryPrimitives.WriteUInt64BigEndian(block[(BlockBytes - 8)..], (BlockBytes + DigestBytes) * 8);
        _outer.CopyTo(state);
        Compress(state, block);
        for (int i = 0; i < 8; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(destination[(4 * i)..], state[i]);
        }
    }

    /// <summary>
    /// Writes the HMAC of each message, the bytes of <paramref name="data"/> in <paramref name="messages"/>, to
    /// <paramref name="digests"/>: the <c>i</c>-th message's at bytes <c>32 i</c> to <c>32 i + 31</c>.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="digests"/> is too short for the messages.</exception>
    public void Compute(ReadOnlySpan<byte> data, ReadOnlySpan<Range> messages, Span<byte> digests)
    {
        if (digests.Length < messages.Length * DigestBytes)
        {
            throw new ArgumentException($"{messages.Length} digests need {messages.Length * DigestBytes} bytes but the destination has {digests.Length}.", nameof(digests));
        }

        Span<int> lane = stackalloc int[Lanes];
        int filled = 0;
        for (int i = 0; i < messages.Length; i++)
        {
            var (offset, length) = messages[i].GetOffsetAndLength(data.Length);
            if (!LanesAccelerated || length > MaxLaneMessage)
            {
                Compute(data.Slice(offset, length), digests.Slice(i * DigestBytes, DigestBytes));
                continue;
            }

            lane[filled++] = i;
            if (filled == Lanes)
            {
                ComputeLanes(data, messages, lane, digests);
                filled = 0;
            }
        }

        if (filled > 0)
        {
            ComputeLanes(data, messages, lane[..filled], digests);
        }
    }

    private static void Pad(ReadOnlySpan<byte> key, byte with, Span<byte> destination)
    {
        for (int i = 0; i < BlockBytes; i++)
        {
            destination[i] = (byte)(key[i] ^ with);
        }
    }

    /// <summary>Runs SHA-256's compression function over one 64-byte block.</summary>
    private static void Compress(Span<uint> state, ReadOnlySpan<byte> block)
    {
        unchecked
        {
            Span<uint> w = stackalloc uint[64];
            for (int t = 0; t < 16; t++)
            {
                w[t] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]);
            }

            for (int t = 16; t < 64; t++)
            {
                uint s0 = BitOperations.RotateRight(w[t - 15], 7) ^ BitOperations.RotateRight(w[t - 15], 18) ^ (w[t - 15] >> 3);
                uint s1 = BitOperations.RotateRight(w[t - 2], 17) ^ BitOperations.RotateRight(w[t - 2], 19) ^ (w[t - 2] >> 10);
                w[t] = w[t - 16] + s0 + w[t - 7] + s1;
            }

            uint a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
            ReadOnlySpan<uint> k = RoundConstants;
            for (int t = 0; t < 64; t++)
            {
                uint t1 = h + (BitOperations.RotateRight(e, 6) ^ BitOperations.RotateRight(e, 11) ^ BitOperations.RotateRight(e, 25))
                    + ((e & f) ^ (~e & g)) + k[t] + w[t];
                uint t2 = (BitOperations.RotateRight(a, 2) ^ BitOperations.RotateRight(a, 13) ^ BitOperations.RotateRight(a, 22))
                    + ((a & b) ^ (a & c) ^ (b & c));
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
            state[5] += f;
            state[6] += g;
            state[7] += h;
        }
    }

    /// <summary>Keys the messages at <paramref name="indexes"/> (each at most <see cref="MaxLaneMessage"/> bytes), one per lane.</summary>
    private void ComputeLanes(ReadOnlySpan<byte> data, ReadOnlySpan<Range> messages, ReadOnlySpan<int> indexes, Span<byte> digests)
    {
        // Word t of lane m's block at [t * Lanes + m]: each row loads as one vector.
        Span<uint> words = stackalloc uint[16 * Lanes];
        words.Clear();
        Span<byte> block = stackalloc byte[BlockBytes];
        for (int m = 0; m < indexes.Length; m++)
        {
            var (offset, length) = messages[indexes[m]].GetOffsetAndLength(data.Length);
            block.Clear();
            data.Slice(offset, length).CopyTo(block);
            block[length] = 0x80;
            BinaryPrimitives.WriteUInt64BigEndian(block[(BlockBytes - 8)..], (ulong)(BlockBytes + length) * 8);
            for (int t = 0; t < 16; t++)
            {
                words[(t * Lanes) + m] = BinaryPrimitives.ReadUInt32BigEndian(block[(4 * t)..]);
            }
        }

        Span<Vector512<uint>> w = stackalloc Vector512<uint>[16];
        for (int t = 0; t < 16; t++)
        {
            w[t] = Vector512.Create<uint>(words.Slice(t * Lanes, Lanes));
        }

        Span<Vector512<uint>> state = stackalloc Vector512<uint>[8];
        for (int i = 0; i < 8; i++)
        {
            state[i] = Vector512.Create(_inner[i]);
        }

        CompressLanes(state, w);

        // The outer block: the inner digest (already one word per lane), 0x80, zeros and the bit length.
        for (int i = 0; i < 8; i++)
        {
            w[i] = state[i];
            state[i] = Vector512.Create(_outer[i]);
        }

        w[8] = Vector512.Create(0x80000000u);
        for (int t = 9; t < 15; t++)
        {
            w[t] = Vector512<uint>.Zero;
        }

        w[15] = Vector512.Create((uint)((BlockBytes + DigestBytes) * 8));
        CompressLanes(state, w);

        for (int i = 0; i < 8; i++)
        {
            state[i].CopyTo(words.Slice(i * Lanes, Lanes));
        }

        for (int m = 0; m < indexes.Length; m++)
        {
            Span<byte> digest = digests.Slice(indexes[m] * DigestBytes, DigestBytes);
            for (int i = 0; i < 8; i++)
            {
                BinaryPrimitives.WriteUInt32BigEndian(digest[(4 * i)..], words[(i * Lanes) + m]);
            }
        }
    }

    /// <summary>SHA-256's compression function over one block in each lane; <paramref name="w"/> holds the blocks' 16 words and is overwritten.</summary>
    private static void CompressLanes(Span<Vector512<uint>> state, Span<Vector512<uint>> w)
    {
        unchecked
        {
            Vector512<uint> a = state[0], b = state[1], c = state[2], d = state[3], e = state[4], f = state[5], g = state[6], h = state[7];
            ReadOnlySpan<uint> k = RoundConstants;
            for (int t = 0; t < 64; t++)
            {
                Vector512<uint> word;
                if (t < 16)
                {
                    word = w[t];
                }
                else
                {
                    // The message schedule, kept in a ring of 16: w[t] = σ1(w[t-2]) + w[t-7] + σ0(w[t-15]) + w[t-16].
                    Vector512<uint> w15 = w[(t - 15) & 15];
                    Vector512<uint> w2 = w[(t - 2) & 15];
                    Vector512<uint> s0 = Avx512F.TernaryLogic(Avx512F.RotateRight(w15, 7), Avx512F.RotateRight(w15, 18), Avx512F.ShiftRightLogical(w15, 3), Xor3);
                    Vector512<uint> s1 = Avx512F.TernaryLogic(Avx512F.RotateRight(w2, 17), Avx512F.RotateRight(w2, 19), Avx512F.ShiftRightLogical(w2, 10), Xor3);
                    word = w[t & 15] + s0 + w[(t - 7) & 15] + s1;
                    w[t & 15] = word;
                }

                Vector512<uint> sum1 = Avx512F.TernaryLogic(Avx512F.RotateRight(e, 6), Avx512F.RotateRight(e, 11), Avx512F.RotateRight(e, 25), Xor3);
                Vector512<uint> t1 = h + sum1 + Avx512F.TernaryLogic(e, f, g, Choose) + Vector512.Create(k[t]) + word;
                Vector512<uint> sum0 = Avx512F.TernaryLogic(Avx512F.RotateRight(a, 2), Avx512F.RotateRight(a, 13), Avx512F.RotateRight(a, 22), Xor3);
                Vector512<uint> t2 = sum0 + Avx512F.TernaryLogic(a, b, c, Majority);
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            state[0] += a;
            state[1] += b;
            state[2] += c;
            state[3] += d;
            state[4] += e;
            state[5] += f;
            state[6] += g;
            state[7] += h;
        }
    }
}
