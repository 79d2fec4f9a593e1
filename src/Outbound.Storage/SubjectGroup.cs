using System.Buffers.Binary;

namespace Outbound.Storage;

/// <summary>Subject keys of one key id, sorted and without repeats, as 32-byte big-endian values side by side.</summary>
/// <param name="KeyId">The key id the keys were made under.</param>
/// <param name="Keys">The keys: <paramref name="Count"/> times 32 bytes (the array may be longer).</param>
/// <param name="Count">How many keys.</param>
internal sealed record SubjectGroup(string KeyId, byte[] Keys, int Count)
{
    /// <summary>The size of one key.</summary>
    public const int KeySize = 32;

    /// <summary>Gets the key at <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> this[int index] => Keys.AsSpan(index * KeySize, KeySize);

    /// <summary>Gets the keys as one run of bytes.</summary>
    public ReadOnlyMemory<byte> Bytes => Keys.AsMemory(0, Count * KeySize);

    /// <summary>Writes a key's 256 bits big-endian, high half first (the order the keys sort in).</summary>
    public static void Write(UInt128 high, UInt128 low, Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt128BigEndian(destination, high);
        BinaryPrimitives.WriteUInt128BigEndian(destination[16..], low);
    }
}
