using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;

namespace Outbound.Deidentification;

/// <summary>
/// FF1 format-preserving encryption (NIST SP 800-38G, §6.2) with AES, over numeral strings of any radix from 2 to
/// 65,536: a string of n numerals encrypts to another string of n numerals, and back with the same key and tweak.
/// </summary>
/// <remarks>
/// The pseudorandom function is AES-CBC-MAC with a zero IV, computed block by block with
/// <see cref="SymmetricAlgorithm.EncryptEcb(ReadOnlySpan{byte}, PaddingMode)"/>. AES objects are not thread-safe, so
/// each call takes one from a small pool. Instances are immutable and thread-safe.
/// </remarks>
internal sealed class Ff1
{
    /// <summary>The smallest domain SP 800-38G allows: radix^minlen ≥ 1,000,000 (Rev. 1, §5.2).</summary>
    public const int MinimumDomain = 1_000_000;

    /// <summary>The longest input accepted, in numerals; the standard allows 2^32 − 1, far beyond any identifier.</summary>
    public const int MaximumLength = 4096;

    /// <summary>The longest tweak accepted, in bytes.</summary>
    public const int MaximumTweakBytes = 256;

    private const int Rounds = 10;
    private const int Block = 16;

    private readonly byte[] _key;
    private readonly ConcurrentBag<Aes> _ciphers = [];

    /// <summary>Initializes a new instance of the <see cref="Ff1"/> class.</summary>
    /// <param name="key">The AES key: 16, 24 or 32 bytes.</param>
    /// <param name="radix">The radix of the numerals, 2 to 65,536.</param>
    /// <exception cref="ArgumentException">The key length is not an AES key length.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The radix is out of range.</exception>
    public Ff1(ReadOnlySpan<byte> key, int radix)
    {
        DeidentificationKeys.CheckFpeKey(key, nameof(key));
        ArgumentOutOfRangeException.ThrowIfLessThan(radix, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(radix, 65_536);
        _key = key.ToArray();
        Radix = radix;

        int minimum = 2;
        while (BigInteger.Pow(radix, minimum) < MinimumDomain)
        {
            minimum++;
        }

        MinimumLength = minimum;
    }

    /// <summary>Gets the radix.</summary>
    public int Radix { get; }

    /// <summary>Gets the fewest numerals an input must have (at least 2, and radix^n ≥ 1,000,000): 6 for radix 10, 4 for 36 and 62.</summary>
    public int MinimumLength { get; }

    /// <summary>Returns <see langword="true"/> when a string of <paramref name="length"/> numerals can be encrypted.</summary>
    public bool Accepts(int length) => length >= MinimumLength && length <= MaximumLength;

    /// <summary>Encrypts the numerals <paramref name="input"/> into <paramref name="output"/> (algorithm 7, FF1.Encrypt).</summary>
    /// <exception cref="ArgumentException">The length, a numeral or the tweak is out of range, or the output is too short.</exception>
    public void Encrypt(ReadOnlySpan<int> input, ReadOnlySpan<byte> tweak, Span<int> output) => Cipher(input, tweak, output, encrypt: true);

    /// <summary>Decrypts the numerals <paramref name="input"/> into <paramref name="output"/> (algorithm 8, FF1.Decrypt).</summary>
    /// <exception cref="ArgumentException">The length, a numeral or the tweak is out of range, or the output is too short.</exception>
    public void Decrypt(ReadOnlySpan<int> input, ReadOnlySpan<byte> tweak, Span<int> output) => Cipher(input, tweak, output, encrypt: false);

    private void Cipher(ReadOnlySpan<int> x, ReadOnlySpan<byte> tweak, Span<int> output, bool encrypt)
    {
        int n = x.Length;
        if (!Accepts(n))
        {
            throw new ArgumentException($"FF1 with radix {Radix} needs {MinimumLength} to {MaximumLength} numerals but got {n}.", nameof(x));
        }

        if (tweak.Length > MaximumTweakBytes)
        {
            throw new ArgumentException($"The tweak may have at most {MaximumTweakBytes} bytes but has {tweak.Length}.", nameof(tweak));
        }

        if (output.Length < n)
        {
            throw new ArgumentException($"Output needs {n} numerals but has {output.Length}.", nameof(output));
        }

        int u = n / 2;
        int v = n - u;
        BigInteger radix = Radix;
        BigInteger radixPowU = BigInteger.Pow(radix, u);
        BigInteger radixPowV = BigInteger.Pow(radix, v);

        // b = ⌈⌈v·log2(radix)⌉ / 8⌉, and ⌈v·log2(radix)⌉ is exactly the bit length of radix^v − 1.
        int b = (int)((radixPowV - 1).GetBitLength() + 7) / 8;
        int d = (4 * ((b + 3) / 4)) + 4;
        int t = tweak.Length;

        // P || Q: P is one block; Q is T, zero padding, the round number and NUM(B) in b bytes, a whole number of blocks.
        int padding = (((-t - b - 1) % Block) + Block) % Block;
        byte[] pq = new byte[Block + t + padding + 1 + b];
        pq[0] = 1;
        pq[1] = 2;
        pq[2] = 1;
        pq[3] = unchecked((byte)(Radix >> 16));
        pq[4] = unchecked((byte)(Radix >> 8));
        pq[5] = unchecked((byte)Radix);
        pq[6] = Rounds;
        pq[7] = (byte)(u % 256);
        BinaryPrimitives.WriteInt32BigEndian(pq.AsSpan(8), n);
        BinaryPrimitives.WriteInt32BigEndian(pq.AsSpan(12), t);
        tweak.CopyTo(pq.AsSpan(Block));
        int roundIndex = Block + t + padding;
        Span<byte> numberBytes = pq.AsSpan(roundIndex + 1, b);

        BigInteger a = Number(x[..u], Radix);
        BigInteger bValue = Number(x[u..], Radix);
        byte[] s = new byte[((d + Block - 1) / Block) * Block];

        Aes aes = Rent();
        try
        {
            for (int step = 0; step < Rounds; step++)
            {
                int i = encrypt ? step : Rounds - 1 - step;
                pq[roundIndex] = (byte)i;
                WriteFixed(encrypt ? bValue : a, numberBytes);
                Expand(aes, pq, s, d);
                var y = new BigInteger(s.AsSpan(0, d), isUnsigned: true, isBigEndian: true);
                BigInteger modulus = i % 2 == 0 ? radixPowU : radixPowV;
                if (encrypt)
                {
                    BigInteger c = Mod(a + y, modulus);
                    a = bValue;
                    bValue = c;
                }
                else
                {
                    BigInteger c = Mod(bValue - y, modulus);
                    bValue = a;
                    a = c;
                }
            }
        }
        finally
        {
            _ciphers.Add(aes);
        }

        WriteNumerals(a, Radix, output[..u]);
        WriteNumerals(bValue, Radix, output[u..n]);
    }

    // S = R || CIPH(R ⊕ [1]^16) || CIPH(R ⊕ [2]^16) … , of which the first d bytes are used.
    private static void Expand(Aes aes, ReadOnlySpan<byte> pq, Span<byte> s, int d)
    {
        Span<byte> r = s[..Block];
        Prf(aes, pq, r);
        Span<byte> block = stackalloc byte[Block];
        for (int j = 1; j * Block < d; j++)
        {
            // R ⊕ [j]^16: j is at most a few hundred, so only the last four bytes change.
            r.CopyTo(block);
            BinaryPrimitives.WriteInt32BigEndian(block[12..], BinaryPrimitives.ReadInt32BigEndian(r[12..]) ^ j);

            aes.EncryptEcb(block, s.Slice(j * Block, Block), PaddingMode.None);
        }
    }

    // PRF(X): CBC-MAC under AES with a zero IV; X is a whole number of blocks.
    private static void Prf(Aes aes, ReadOnlySpan<byte> x, Span<byte> result)
    {
        Span<byte> chained = stackalloc byte[Block];
        chained.Clear();
        for (int offset = 0; offset < x.Length; offset += Block)
        {
            for (int k = 0; k < Block; k++)
            {
                chained[k] ^= x[offset + k];
            }

            aes.EncryptEcb(chained, chained, PaddingMode.None);
        }

        chained.CopyTo(result);
    }

    private Aes Rent()
    {
        if (_ciphers.TryTake(out Aes? aes))
        {
            return aes;
        }

        aes = Aes.Create();
        aes.Key = _key;
        return aes;
    }

    private static BigInteger Number(ReadOnlySpan<int> numerals, int radix)
    {
        BigInteger value = BigInteger.Zero;
        foreach (int numeral in numerals)
        {
            if ((uint)numeral >= (uint)radix)
            {
                throw new ArgumentException($"A numeral is outside 0 to {radix - 1}.", nameof(numerals));
            }

            value = (value * radix) + numeral;
        }

        return value;
    }

    private static void WriteNumerals(BigInteger value, int radix, Span<int> destination)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            value = BigInteger.DivRem(value, radix, out BigInteger remainder);
            destination[i] = (int)remainder;
        }
    }

    // [x]^b: x as b bytes, big-endian, zero-filled on the left.
    private static void WriteFixed(BigInteger value, Span<byte> destination)
    {
        destination.Clear();
        int length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(destination[(destination.Length - length)..], out _, isUnsigned: true, isBigEndian: true);
    }

    private static BigInteger Mod(BigInteger value, BigInteger modulus)
    {
        BigInteger remainder = BigInteger.Remainder(value, modulus);
        return remainder.Sign < 0 ? remainder + modulus : remainder;
    }
}
