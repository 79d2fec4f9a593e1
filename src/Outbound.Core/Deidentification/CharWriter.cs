using System.Buffers;
using System.Text;

namespace Outbound.Deidentification;

/// <summary>Collects characters in the caller's buffer (usually on the stack), moving to a pooled array when they outgrow it.</summary>
/// <remarks>Dispose it to return the pooled array; use it by reference, never by copy.</remarks>
internal ref struct CharWriter
{
    private Span<char> _chars;
    private char[]? _rented;
    private int _length;

    /// <summary>Initializes a new instance of the <see cref="CharWriter"/> struct over <paramref name="initial"/>.</summary>
    public CharWriter(Span<char> initial) => _chars = initial;

    /// <summary>Gets the number of characters written.</summary>
    public readonly int Length => _length;

    /// <summary>Gets the free space after what is written.</summary>
    public readonly Span<char> Free => _chars[_length..];

    /// <summary>Returns part of what is written.</summary>
    public readonly ReadOnlySpan<char> Slice(int start, int length) => _chars.Slice(start, length);

    /// <summary>Makes room for at least <paramref name="count"/> more characters.</summary>
    public void Reserve(int count)
    {
        if (_chars.Length - _length < count)
        {
            Grow(count);
        }
    }

    /// <summary>Appends <paramref name="text"/>.</summary>
    public void Append(scoped ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        text.CopyTo(_chars[_length..]);
        _length += text.Length;
    }

    /// <summary>Appends <paramref name="utf8"/> decoded as <see cref="Encoding.UTF8"/> decodes it.</summary>
    public void AppendUtf8(scoped ReadOnlySpan<byte> utf8)
    {
        if (utf8.IsEmpty)
        {
            return;
        }

        Reserve(Encoding.UTF8.GetMaxCharCount(utf8.Length));
        _length += Encoding.UTF8.GetChars(utf8, _chars[_length..]);
    }

    /// <summary>Replaces everything from <paramref name="start"/> on with <paramref name="text"/>, which may lie in the free space.</summary>
    public void ReplaceFrom(int start, scoped ReadOnlySpan<char> text)
    {
        _length = start;
        Append(text);
    }

    /// <inheritdoc/>
    public override readonly string ToString() => new(_chars[.._length]);

    /// <summary>Returns the pooled array, if any.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private void Grow(int count)
    {
        char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + count));
        _chars[.._length].CopyTo(larger);
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
        }

        _chars = _rented = larger;
    }
}
