using System.Security.Cryptography;

namespace Outbound.Gateway;

/// <summary>Signs audit checkpoints with an ECDSA P-256 key kept apart from the store, and checks them with its public key.</summary>
/// <remarks>Thread-safe for signing and checking. Dispose to clear the key.</remarks>
public sealed class AuditSigner : IDisposable
{
    private readonly ECDsa _key;

    private AuditSigner(ECDsa key, bool canSign)
    {
        _key = key;
        CanSign = canSign;
        KeyId = KeyIdOf(key);
    }

    /// <summary>Gets the key's id: the first 16 hex digits of the SHA-256 of its public key (SubjectPublicKeyInfo, DER).</summary>
    public string KeyId { get; }

    /// <summary>Gets a value indicating whether the private key is present.</summary>
    public bool CanSign { get; }

    /// <summary>Creates a new random P-256 key.</summary>
    public static AuditSigner Create() => new(ECDsa.Create(ECCurve.NamedCurves.nistP256), canSign: true);

    /// <summary>Reads a private key (PKCS#8 or SEC 1 PEM) or a public key (SubjectPublicKeyInfo PEM).</summary>
    /// <exception cref="ArgumentException">The text holds no P-256 key.</exception>
    public static AuditSigner FromPem(string pem)
    {
        ArgumentNullException.ThrowIfNull(pem);
        var key = ECDsa.Create();
        try
        {
            key.ImportFromPem(pem);
        }
        catch (CryptographicException e)
        {
            key.Dispose();
            throw new ArgumentException($"The audit key is not a PEM ECDSA key ({e.Message}).", nameof(pem), e);
        }

        if (key.KeySize != 256)
        {
            key.Dispose();
            throw new ArgumentException($"The audit key must be a P-256 key; this one has {key.KeySize} bits.", nameof(pem));
        }

        bool canSign = pem.Contains("PRIVATE KEY", StringComparison.Ordinal);
        return new AuditSigner(key, canSign);
    }

    /// <summary>Returns the private key as PKCS#8 PEM.</summary>
    public string ExportPrivateKeyPem() => _key.ExportPkcs8PrivateKeyPem();

    /// <summary>Returns the public key as SubjectPublicKeyInfo PEM.</summary>
    public string ExportPublicKeyPem() => _key.ExportSubjectPublicKeyInfoPem();

    /// <summary>Signs a checkpoint of the log's head.</summary>
    /// <exception cref="InvalidOperationException">Only the public key is present.</exception>
    public AuditCheckpoint Sign(AuditEntry head, DateTimeOffset time)
    {
        ArgumentNullException.ThrowIfNull(head);
        if (!CanSign)
        {
            throw new InvalidOperationException("The audit key given holds only a public key; signing needs the private key.");
        }

        byte[] signature = _key.SignData(AuditChain.CheckpointMessage(head.Sequence, head.Hash.Span, time), HashAlgorithmName.SHA256);
        return new AuditCheckpoint(head.Sequence, head.Hash, time, KeyId, signature);
    }

    /// <summary>Returns whether the checkpoint's signature is this key's.</summary>
    public bool Verify(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return checkpoint.KeyId == KeyId
            && _key.VerifyData(AuditChain.CheckpointMessage(checkpoint.Sequence, checkpoint.Hash.Span, checkpoint.Time), checkpoint.Signature.Span, HashAlgorithmName.SHA256);
    }

    /// <inheritdoc/>
    public void Dispose() => _key.Dispose();

    private static string KeyIdOf(ECDsa key) => Convert.ToHexStringLower(SHA256.HashData(key.ExportSubjectPublicKeyInfo()))[..16];
}
