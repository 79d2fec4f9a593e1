using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Outbound.Gateway;

/// <summary>How audit entries are chained and checkpoints signed; written down so an auditor can recompute both without Outbound.</summary>
/// <remarks>
/// <para>
/// An entry's hash is SHA-256 over the previous entry's 32-byte hash (32 zero bytes for the first entry) followed by
/// the UTF-8 text <c>sequence "\n" KIND "\n" actor "\n" time "\n" body</c>, where KIND is the upper-case wire name
/// (e.g. <c>EXPORT_BATCH</c>) and time is UTC in ISO 8601 with seven fractional digits
/// (<c>2026-11-29T12:00:00.0000000Z</c>).
/// </para>
/// <para>
/// A checkpoint's signature is ECDSA P-256 with SHA-256 (IEEE P1363 r‖s, 64 bytes) over the UTF-8 text
/// <c>"outbound-audit-checkpoint\n" sequence "\n" hash-hex "\n" time</c>.
/// </para>
/// </remarks>
public static class AuditChain
{
    /// <summary>The hash before the first entry.</summary>
    public static ReadOnlyMemory<byte> Genesis { get; } = new byte[32];

    /// <summary>Returns the wire name of an entry kind, e.g. <c>EXPORT_BATCH</c>.</summary>
    public static string WireName(AuditKind kind) => kind switch
    {
        AuditKind.ExportBatch => "EXPORT_BATCH",
        AuditKind.ApprovalImport => "APPROVAL_IMPORT",
        AuditKind.QuarantineRelease => "QUARANTINE_RELEASE",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>Reads a wire name given by <see cref="WireName"/>.</summary>
    public static bool TryParseKind(string name, out AuditKind kind)
    {
        foreach (var candidate in Enum.GetValues<AuditKind>())
        {
            if (WireName(candidate) == name)
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>Formats a time as the chain hashes it: UTC, ISO 8601, seven fractional digits.</summary>
    public static string FormatTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    /// <summary>Computes an entry's hash.</summary>
    public static byte[] Hash(ReadOnlySpan<byte> previous, long sequence, AuditKind kind, string actor, DateTimeOffset time, string body)
    {
        if (previous.Length != 32)
        {
            throw new ArgumentException("The previous hash must be 32 bytes.", nameof(previous));
        }

        byte[] text = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{sequence}\n{WireName(kind)}\n{actor}\n{FormatTime(time)}\n{body}"));
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(previous);
        hash.AppendData(text);
        return hash.GetHashAndReset();
    }

    /// <summary>Builds the entry that follows <paramref name="previous"/> (or the first entry, when it is <see langword="null"/>).</summary>
    public static AuditEntry Next(AuditEntry? previous, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        long sequence = (previous?.Sequence ?? 0) + 1;
        var before = previous?.Hash ?? Genesis;
        byte[] hash = Hash(before.Span, sequence, record.Kind, record.Actor, record.Time, record.Body);
        return new AuditEntry(sequence, record.Kind, record.Actor, record.Time, record.Body, before.ToArray(), hash);
    }

    /// <summary>Returns whether <paramref name="entry"/>'s hash is right for its content and the hash it names as previous.</summary>
    public static bool HashMatches(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return entry.Previous.Length == 32
            && Hash(entry.Previous.Span, entry.Sequence, entry.Kind, entry.Actor, entry.Time, entry.Body).AsSpan().SequenceEqual(entry.Hash.Span);
    }

    /// <summary>Returns the bytes a checkpoint's signature covers.</summary>
    public static byte[] CheckpointMessage(long sequence, ReadOnlySpan<byte> hash, DateTimeOffset time) =>
        Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"outbound-audit-checkpoint\n{sequence}\n{Convert.ToHexStringLower(hash)}\n{FormatTime(time)}"));
}
