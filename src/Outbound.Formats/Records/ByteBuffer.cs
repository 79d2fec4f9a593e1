using System.Buffers;

namespace Outbound.Formats.Records;

/// <summary>A growable byte buffer rented from the shared pool, reused from record to record.</summary>
/// <remarks>Offsets into it stay valid when it grows; spans taken from it do not. Return it with <see cref="Dispose"/>.</remarks>
internal sealed class ByteBuffer : IDisposable
{
    private byte[] _bytes;

    public ByteBuffer(int initialCapacity = 4096) => _bytes = ArrayPool<byte>.Shared.Rent(initialCapacity);

    /// <summary>Gets the number of bytes written since the last <see cref="Clear"/>.</summary>
    public int Length { get; private set; }

    /// <summary>Gets the bytes written.</summary>
    public ReadOnlySpan<byte> Written => _bytes.AsSpan(0, Length);

    public ReadOnlySpan<byte> Slice(int start, int length) => _bytes.AsSpan(start, length);

    public void Clear() => Length = 0;

    /// <summary>Shortens the written bytes to <paramref name="length"/>.</summary>
    public void Truncate(int length) => Length = length;

    /// <summary>Returns a span of at least <paramref name="size"/> free bytes after the written ones.</summary>
    public Span<byte> GetSpan(int size)
    {
        if (_bytes.Length - Length < size)
        {
            Grow(size);
        }

        return _bytes.AsSpan(Length);
    }

    /// <summary>Marks <paramref name="count"/> bytes of the span from <see cref="GetSpan"/> as written.</summary>
    public void Advance(int count) => Length += count;

    public void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        Length += bytes.Length;
    }

    public void Append(byte value)
    {
        GetSpan(1)[0] = value;
        Length++;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = [];
        Length = 0;
    }

    private void Grow(int size)
    {
        int needed = checked(Length + size);
        byte[] larger = ArrayPool<byte>.Shared.Rent(Math.Max(needed, (int)Math.Min(Array.MaxLength, 2L * _bytes.Length)));
        _bytes.AsSpan(0, Length).CopyTo(larger);
        ArrayPool<byte>.Shared.Return(_bytes);
        _bytes = larger;
    }
}
