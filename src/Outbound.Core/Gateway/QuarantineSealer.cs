using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Outbound.Gateway;

/// <summary>Seals retained records with AES-256-GCM under the quarantine's own key, bound to their run and position.</summary>
/// <remarks>
/// Sealed form: 12-byte random nonce, ciphertext, 16-byte tag. The associated data is the UTF-8 run id, a line feed,
/// and the position as an 8-byte big-endian integer, so a sealed record moved to another row does not open. Thread-safe.
/// </remarks>
public sealed class QuarantineSealer
{
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private readonly byte[] _key;

    /// <summary>Initializes a new instance of the <see cref="QuarantineSealer"/> class.</summary>
    /// <param name="key">A 32-byte key.</param>
    /// <exception cref="ArgumentException">The key is not 32 bytes.</exception>
    public QuarantineSealer(ReadOnlySpan<byte> key)
    {
        if (key.Length != 32)
        {
            throw new ArgumentException($"The quarantine key must be 32 bytes; it has {key.Length}.", nameof(key));
        }

        _key = key.ToArray();
        KeyId = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("outbound-quarantine-key-id\n").Concat(_key).ToArray()))[..16];
    }

    /// <summary>Gets the key's id.</summary>
    public string KeyId { get; }

    /// <summary>Seals a record.</summary>
    public byte[] Seal(ReadOnlySpan<byte> record, string runId, long position)
    {
        byte[] sealedRecord = new byte[NonceSize + record.Length + TagSize];
        var nonce = sealedRecord.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagSize);
        aes.Encrypt(nonce, record, sealedRecord.AsSpan(NonceSize, record.Length), sealedRecord.AsSpan(NonceSize + record.Length), AssociatedData(runId, position));
        return sealedRecord;
    }

    /// <summary>Opens a sealed record.</summary>
    /// <exception cref="CryptographicException">The record was sealed under another key, for another place, or altered.</exception>
    public byte[] Open(ReadOnlySpan<byte> sealedRecord, string runId, long position)
    {
        if (sealedRecord.Length < NonceSize + TagSize)
        {
            throw new CryptographicException("The sealed record is too short.");
        }

        int length = sealedRecord.Length - NonceSize - TagSize;
        byte[] record = new byte[length];
        using var aes = new AesGcm(_key, TagSize);
        aes.Decrypt(sealedRecord[..NonceSize], sealedRecord.Slice(NonceSize, length), sealedRecord[^TagSize..], record, AssociatedData(runId, position));
        return record;
    }

    private static byte[] AssociatedData(string runId, long position)
    {
        byte[] run = Encoding.UTF8.GetBytes(runId + "\n");
        byte[] data = new byte[run.Length + sizeof(long)];
        run.CopyTo(data, 0);
        BinaryPrimitives.WriteInt64BigEndian(data.AsSpan(run.Length), position);
        return data;
    }
}
