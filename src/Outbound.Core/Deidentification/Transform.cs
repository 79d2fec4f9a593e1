using System.Buffers;
using System.Diagnostics.CodeAnalysis;

namespace Outbound.Deidentification;

/// <summary>
/// Rewrites one identifier, or one field value, so that it no longer identifies a person, or identifies them only
/// with a key.
/// </summary>
/// <remarks>
/// Same shape as <c>Microsoft.Extensions.Compliance.Redaction.Redactor</c>: two span-based members to implement;
/// every convenience overload funnels into them. An operator that reads a form (a date, a timestamp, a coordinate,
/// an ID number) returns <see langword="false"/> from <see cref="TryApply(ReadOnlySpan{char}, Span{char}, out int)"/>
/// when the value is not in that form; the caller then falls back to a safer operator. Implementations are
/// immutable and thread-safe.
/// </remarks>
[System.Runtime.CompilerServices.SkipLocalsInit]
public abstract class Transform
{
    private const int MaxStackChars = 256;

    /// <summary>Gets what the output still is in law.</summary>
    public abstract Protection Protection { get; }

    /// <summary>Returns the most characters <see cref="TryApply(ReadOnlySpan{char}, Span{char}, out int)"/> writes for <paramref name="input"/>.</summary>
    public abstract int GetMaxOutputLength(ReadOnlySpan<char> input);

    /// <summary>Writes the transformed <paramref name="input"/> to <paramref name="destination"/>.</summary>
    /// <param name="input">The identifier or value.</param>
    /// <param name="destination">Where the output goes; at least <see cref="GetMaxOutputLength"/> characters.</param>
    /// <param name="written">The number of characters written.</param>
    /// <returns><see langword="false"/> when <paramref name="input"/> is not in a form this operator reads; nothing is written then.</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="GetMaxOutputLength"/>.</exception>
    public abstract bool TryApply(ReadOnlySpan<char> input, Span<char> destination, out int written);

    /// <summary>
    /// Writes what <see cref="TryApply(ReadOnlySpan{char}, Span{char}, out int)"/> writes for <paramref name="input"/>
    /// decoded, encoded as UTF-8, for an operator that reads the value's bytes as they are: the export's released
    /// values then never become characters. Returns <see langword="false"/>, writing nothing, for a value it does not
    /// read so (which may still be one <see cref="TryApply(ReadOnlySpan{char}, Span{char}, out int)"/> reads); the
    /// caller then decodes it and calls that. Operators that read no value so keep this default.
    /// </summary>
    /// <param name="input">The identifier or value, valid UTF-8.</param>
    /// <param name="destination">Where the output goes; at least <see cref="GetMaxUtf8OutputLength"/> bytes.</param>
    /// <param name="written">The number of bytes written.</param>
    internal virtual bool TryApplyUtf8(ReadOnlySpan<byte> input, Span<byte> destination, out int written)
    {
        written = 0;
        return false;
    }

    /// <summary>Returns the most bytes <see cref="TryApplyUtf8"/> writes for an input of <paramref name="inputLength"/> bytes.</summary>
    internal virtual int GetMaxUtf8OutputLength(int inputLength) => 0;

    /// <summary>Returns the transformed <paramref name="input"/> as a new string, or <see langword="false"/> when the operator does not read it.</summary>
    public bool TryApply(ReadOnlySpan<char> input, [NotNullWhen(true)] out string? output)
    {
        int length = GetMaxOutputLength(input);
        char[]? rented = null;
        Span<char> buffer = length <= MaxStackChars
            ? stackalloc char[MaxStackChars]
            : (rented = ArrayPool<char>.Shared.Rent(length));
        try
        {
            output = TryApply(input, buffer, out int written) ? new string(buffer[..written]) : null;
            return output is not null;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Returns the transformed <paramref name="input"/> as a new string.</summary>
    /// <exception cref="FormatException">The operator does not read <paramref name="input"/>.</exception>
    public string Apply(ReadOnlySpan<char> input) =>
        TryApply(input, out string? output)
            ? output
            : throw new FormatException($"The value ({input.Length} characters) is not in a form the {GetType().Name} operator reads.");

    /// <summary>Throws when <paramref name="destination"/> cannot hold the output for <paramref name="input"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is too short.</exception>
    protected void CheckDestination(ReadOnlySpan<char> input, Span<char> destination)
    {
        int needed = GetMaxOutputLength(input);
        if (destination.Length < needed)
        {
            throw new ArgumentException($"Destination needs {needed} characters but has {destination.Length}.", nameof(destination));
        }
    }
}
