using System.Security.Cryptography;

namespace Outbound.Deidentification;

/// <summary>The secret keys a policy's keyed operators use: the token key (<c>token</c>) and the format-preserving encryption key (<c>fpe</c>).</summary>
/// <remarks>
/// The caller derives the keys (from a key store, or a master key through HKDF) and keeps them in China; they never
/// appear in output, messages or logs, only their ids do. An empty key means the key is not provided: a
/// <c>RecordTransformer</c> whose policy needs it refuses to start. Instances are immutable and thread-safe.
/// </remarks>
public sealed class DeidentificationKeys
{
    /// <summary>The fewest bytes of a token key: 256 bits, as long as the HMAC-SHA256 output.</summary>
    public const int MinimumTokenKeyBytes = 32;

    private readonly byte[] _tokenKey;
    private readonly byte[] _fpeKey;

    /// <summary>Initializes a new instance of the <see cref="DeidentificationKeys"/> class.</summary>
    /// <param name="tokenKey">The HMAC key of keyed tokens, at least 32 bytes; empty when the policy tokenises nothing.</param>
    /// <param name="fpeKey">The AES key of format-preserving encryption, 16, 24 or 32 bytes; empty when the policy encrypts nothing.</param>
    /// <exception cref="ArgumentException">A key that is given has the wrong length.</exception>
    public DeidentificationKeys(ReadOnlySpan<byte> tokenKey, ReadOnlySpan<byte> fpeKey)
    {
        if (!tokenKey.IsEmpty)
        {
            CheckTokenKey(tokenKey, nameof(tokenKey));
        }

        if (!fpeKey.IsEmpty)
        {
            CheckFpeKey(fpeKey, nameof(fpeKey));
        }

        _tokenKey = tokenKey.ToArray();
        _fpeKey = fpeKey.ToArray();
        TokenKeyId = tokenKey.IsEmpty ? null : KeyIdOf(tokenKey);
        FpeKeyId = fpeKey.IsEmpty ? null : KeyIdOf(fpeKey);
    }

    /// <summary>Gets the id of the token key (first 8 hex digits of its SHA-256), or <see langword="null"/> when there is none.</summary>
    public string? TokenKeyId { get; }

    /// <summary>Gets the id of the encryption key (first 8 hex digits of its SHA-256), or <see langword="null"/> when there is none.</summary>
    public string? FpeKeyId { get; }

    /// <summary>Gets the token key.</summary>
    internal ReadOnlySpan<byte> TokenKey => _tokenKey;

    /// <summary>Gets the encryption key.</summary>
    internal ReadOnlySpan<byte> FpeKey => _fpeKey;

    /// <summary>Returns the id of <paramref name="key"/>: the first 8 hex digits of its SHA-256.</summary>
    internal static string KeyIdOf(ReadOnlySpan<byte> key) => Convert.ToHexStringLower(SHA256.HashData(key)[..4]);

    /// <summary>Throws when <paramref name="key"/> is too short for a token key.</summary>
    internal static void CheckTokenKey(ReadOnlySpan<byte> key, string parameter)
    {
        if (key.Length < MinimumTokenKeyBytes)
        {
            throw new ArgumentException($"The token key needs at least {MinimumTokenKeyBytes} bytes but has {key.Length}.", parameter);
        }
    }

    /// <summary>Throws when <paramref name="key"/> is not an AES key length.</summary>
    internal static void CheckFpeKey(ReadOnlySpan<byte> key, string parameter)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException($"The format-preserving encryption key needs 16, 24 or 32 bytes (AES-128, -192 or -256) but has {key.Length}.", parameter);
        }
    }
}
