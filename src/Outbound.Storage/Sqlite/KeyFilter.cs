using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.Intrinsics.X86;

namespace Outbound.Storage.Sqlite;

/// <summary>
/// A blocked Bloom filter over 32-byte subject keys: says for certain that a key was never added, or that it may have
/// been. Holds no key, only bits set by them.
/// </summary>
/// <remarks>
/// Keys are HMAC outputs, so their bits serve as the hashes: the first eight bytes choose a 512-bit block (one cache
/// line), the next eight five bits within it. At 16 bits per key a key never added is taken for one added about once in
/// 500 (<see cref="BitsPerKey"/>). It grows by segments: when a segment holds its capacity of keys a new one of twice the
/// capacity takes further keys, and a lookup asks every segment. Not thread-safe.
/// </remarks>
internal sealed class KeyFilter
{
    /// <summary>The bits spent per key of capacity.</summary>
    public const int BitsPerKey = 16;

    /// <summary>The largest capacity of one segment.</summary>
    public const int MaxSegmentCapacity = 1 << 28;

    private const int BlockWords = 8;
    private const int Probes = 5;

    private readonly List<Segment> _segments = [];

    /// <summary>Initializes a new instance of the <see cref="KeyFilter"/> class for about <paramref name="capacity"/> keys before it grows.</summary>
    public KeyFilter(int capacity) => _segments.Add(new Segment(Math.Clamp(capacity, 1024, MaxSegmentCapacity)));

    /// <summary>Gets the number of keys added.</summary>
    public long Count { get; private set; }

    /// <summary>Adds a key.</summary>
    public void Add(ReadOnlySpan<byte> key)
    {
        var last = _segments[^1];
        if (last.Count >= last.Capacity)
        {
            _segments.Add(last = new Segment((int)Math.Min(last.Capacity * 2L, MaxSegmentCapacity)));
        }

        last.Add(key);
        Count++;
    }

    /// <summary>Returns <see langword="false"/> when the key was certainly never added.</summary>
    public bool MayContain(ReadOnlySpan<byte> key)
    {
        foreach (var segment in _segments)
        {
            if (segment.MayContain(key))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Asks the processor to fetch the blocks a <see cref="MayContain"/> of the key reads, for a lookup a few keys later.</summary>
    public void Prefetch(ReadOnlySpan<byte> key)
    {
        foreach (var segment in _segments)
        {
            segment.Prefetch(key);
        }
    }

    private sealed class Segment
    {
        public Segment(int capacity)
        {
            Capacity = capacity;
            long blocks = Math.Max(1, (long)capacity * BitsPerKey / (BlockWords * 64));
            Bits = new ulong[BitOperations.RoundUpToPowerOf2((ulong)blocks) * BlockWords];
        }

        public int Capacity { get; }

        public int Count { get; private set; }

        public ulong[] Bits { get; }

        public void Add(ReadOnlySpan<byte> key)
        {
            var block = Block(key, out ulong positions);
            for (int i = 0; i < Probes; i++, positions >>= 9)
            {
                int bit = (int)(positions & 511);
                block[bit >> 6] |= 1UL << bit;
            }

            Count++;
        }

        public bool MayContain(ReadOnlySpan<byte> key)
        {
            var block = Block(key, out ulong positions);
            for (int i = 0; i < Probes; i++, positions >>= 9)
            {
                int bit = (int)(positions & 511);
                if ((block[bit >> 6] & (1UL << bit)) == 0)
                {
                    return false;
                }
            }

            return true;
        }

        public unsafe void Prefetch(ReadOnlySpan<byte> key)
        {
            if (Sse.IsSupported)
            {
                fixed (ulong* block = Block(key, out _))
                {
                    Sse.Prefetch0(block);
                }
            }
        }

        private Span<ulong> Block(ReadOnlySpan<byte> key, out ulong positions)
        {
            ulong blockCount = (ulong)Bits.Length / BlockWords;
            ulong index = BinaryPrimitives.ReadUInt64LittleEndian(key) & (blockCount - 1);
            positions = BinaryPrimitives.ReadUInt64LittleEndian(key[8..]);
            return Bits.AsSpan((int)(index * BlockWords), BlockWords);
        }
    }
}
