using System.Buffers;
using System.Text;
using Outbound.Detection;

namespace Outbound.Deidentification;

/// <summary>
/// Replaces an identifier with a deterministic keyed token (<c>token</c>): the key's id, a colon, and the first 16
/// bytes of HMAC-SHA256 over the identifier's canonical form, in lower-case hex, e.g.
/// <c>5b2e07c1:3f9a…</c> (41 characters). De-identifying only: whoever holds the key can test a guess.
/// </summary>
/// <remarks>
/// <para>
/// The canonical form is <see cref="CanonicalForm"/>'s where the type has one, so <c>+86 138-0013-8000</c> and
/// <c>13800138000</c> get one token and records can still be joined on it. Other types: landline numbers and IMEIs
/// their digits, MAC addresses their hex digits in lower case, e-mail and IP addresses in lower case, USCCs upper case
/// without separators, anything else the value as written without surrounding white space. The HMAC is over the
/// <b>UTF-8</b> bytes of that form. The key id is the first 8 hex digits of SHA-256 of the key, so tokens made under
/// different keys never collide silently.
/// </para>
/// <para>Instances are immutable and thread-safe.</para>
/// </remarks>
[System.Runtime.CompilerServices.SkipLocalsInit]
public sealed class KeyedToken : Transform
{
    /// <summary>Bytes of the HMAC kept in the token.</summary>
    public const int TokenBytes = 16;

    /// <summary>Characters of a token: 8 hex digits of key id, a colon, and 32 hex digits.</summary>
    public const int TokenLength = 8 + 1 + (2 * TokenBytes);

    private const int MaxStackBytes = 512;

    private readonly HmacSha256 _hmac;
    private readonly IdentifierType? _type;

    /// <summary>Initializes a new instance of the <see cref="KeyedToken"/> class.</summary>
    /// <param name="key">The token key, at least <see cref="DeidentificationKeys.MinimumTokenKeyBytes"/> bytes.</param>
    /// <param name="type">The identifier type, which chooses the canonical form; <see langword="null"/> hashes the value as written.</param>
    /// <exception cref="ArgumentException"><paramref name="key"/> is too short.</exception>
    public KeyedToken(ReadOnlySpan<byte> key, IdentifierType? type)
    {
        DeidentificationKeys.CheckTokenKey(key, nameof(key));
        _hmac = new HmacSha256(key);
        _type = type;
        KeyId = DeidentificationKeys.KeyIdOf(key);
    }

    /// <summary>Gets the key id that prefixes every token: the first 8 hex digits of SHA-256 of the key.</summary>
    public string KeyId { get; }

    /// <inheritdoc/>
    public override Protection Protection => Protection.Deidentified;

    /// <inheritdoc/>
    public override int GetMaxOutputLength(ReadOnlySpan<char> input) => TokenLength;

    /// <inheritdoc/>
    public override bool TryApply(ReadOnlySpan<char> input, Span<char> destination, out int written)
    {
        CheckDestination(input, destination);

        int utf8Length = Encoding.UTF8.GetByteCount(input);
        int canonicalCapacity = Math.Max(utf8Length, CanonicalForm.MaxLength);
        byte[]? rented = null;
        Span<byte> buffer = 2 * canonicalCapacity <= MaxStackBytes
            ? stackalloc byte[MaxStackBytes]
            : (rented = ArrayPool<byte>.Shared.Rent(2 * canonicalCapacity));
        try
        {
            Span<byte> utf8 = buffer[..utf8Length];
            Encoding.UTF8.GetBytes(input, utf8);
            Span<byte> canonical = buffer.Slice(utf8Length, canonicalCapacity);
            int length = TokenCanonical.Write(_type, utf8, canonical);

            Span<byte> hash = stackalloc byte[HmacSha256.DigestBytes];
            _hmac.Compute(canonical[..length], hash);

            KeyId.CopyTo(destination);
            destination[KeyId.Length] = ':';
            Convert.TryToHexStringLower(hash[..TokenBytes], destination[(KeyId.Length + 1)..], out int hexWritten);
            written = KeyId.Length + 1 + hexWritten;
            return true;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>The token is made of the value's UTF-8 bytes in any case: here they are read as they are.</remarks>
    internal override bool TryApplyUtf8(ReadOnlySpan<byte> input, Span<byte> destination, out int written)
    {
        written = 0;
        if (input.Length > MaxStackBytes)
        {
            return false;
        }

        Span<byte> canonical = stackalloc byte[MaxStackBytes + CanonicalForm.MaxLength];
        int length = TokenCanonical.Write(_type, input, canonical);
        Span<byte> hash = stackalloc byte[HmacSha256.DigestBytes];
        _hmac.Compute(canonical[..length], hash);
        written = Encoding.ASCII.GetBytes(KeyId, destination);
        destination[written++] = (byte)':';
        Convert.TryToHexStringLower(hash[..TokenBytes], destination[written..], out int hexWritten);
        written += hexWritten;
        return true;
    }

    /// <inheritdoc/>
    internal override int GetMaxUtf8OutputLength(int inputLength) => TokenLength;
}

/// <summary>The canonical form a <see cref="KeyedToken"/> hashes: <see cref="CanonicalForm"/> where the type has one, else a per-type normalisation.</summary>
internal static class TokenCanonical
{
    private static readonly SearchValues<byte> Separators = SearchValues.Create(" -()\t"u8);

    /// <summary>Writes the canonical form of <paramref name="value"/> to <paramref name="destination"/>, which holds at least as many bytes as the value and <see cref="CanonicalForm.MaxLength"/>.</summary>
    /// <returns>The number of bytes written.</returns>
    public static int Write(IdentifierType? type, ReadOnlySpan<byte> value, Span<byte> destination)
    {
        if (type is { } known && CanonicalForm.Write(known, value, destination) is > 0 and var length)
        {
            return length;
        }

        ReadOnlySpan<byte> trimmed = value.Trim(" \t\r\n"u8);
        return type switch
        {
            IdentifierType.CnLandline or IdentifierType.Imei => Keep(trimmed, destination, static b => char.IsAsciiDigit((char)b), lower: false, upper: false),
            IdentifierType.MacAddress => Keep(trimmed, destination, static b => char.IsAsciiHexDigit((char)b), lower: true, upper: false),
            IdentifierType.IpAddress or IdentifierType.Email => Keep(trimmed, destination, static _ => true, lower: true, upper: false),
            IdentifierType.CnUscc => Keep(trimmed, destination, static b => !Separators.Contains(b), lower: false, upper: true),
            _ => Keep(trimmed, destination, static _ => true, lower: false, upper: false),
        };
    }

    private static int Keep(ReadOnlySpan<byte> value, Span<byte> destination, Func<byte, bool> keep, bool lower, bool upper)
    {
        int written = 0;
        foreach (byte b in value)
        {
            if (!keep(b))
            {
                continue;
            }

            destination[written++] = (lower, b) switch
            {
                (true, >= (byte)'A' and <= (byte)'Z') => (byte)(b + 32),
                (false, >= (byte)'a' and <= (byte)'z') when upper => (byte)(b - 32),
                _ => b,
            };
        }

        return written;
    }
}
