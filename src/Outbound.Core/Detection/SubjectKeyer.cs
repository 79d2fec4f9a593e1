using System.Buffers;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace Outbound.Detection;

/// <summary>A keyed pseudonym of one person: the key's id and an HMAC-SHA256 of the person's canonical identifier.</summary>
/// <param name="KeyId">The id of the key it was made under (8 hex digits).</param>
/// <param name="High">Bytes 0–15 of the HMAC.</param>
/// <param name="Low">Bytes 16–31 of the HMAC.</param>
public readonly record struct SubjectKey(string KeyId, UInt128 High, UInt128 Low)
{
    /// <summary>Returns the key as <c>keyid:hex</c>, e.g. <c>3f2a19c0:5d1e…</c>.</summary>
    public override string ToString() => $"{KeyId}:{High:x32}{Low:x32}";
}

/// <summary>
/// Turns an identifier into a <see cref="SubjectKey"/>: the identifier is put in its canonical form
/// (<see cref="CanonicalForm"/>) and hashed with HMAC-SHA256 over its UTF-8 bytes under a secret key.
/// </summary>
/// <remarks>
/// The same person gets the same key under the same secret, so persons can be counted across files and flows
/// without storing the identifier. The secret never leaves the process; the key id (the first 8 hex digits of
/// SHA-256 of the secret) tells keys made under different secrets apart. Instances are immutable and thread-safe.
/// </remarks>
public sealed class SubjectKeyer
{
    private const int MinimumSecretBytes = 16;

    private readonly HmacSha256 _hmac;
    private readonly SipHash128 _fingerprints;

    /// <summary>Initializes a new instance of the <see cref="SubjectKeyer"/> class.</summary>
    /// <param name="secret">The HMAC secret, at least 16 bytes.</param>
    /// <exception cref="ArgumentException">The secret is shorter than 16 bytes.</exception>
    public SubjectKeyer(ReadOnlySpan<byte> secret)
    {
        if (secret.Length < MinimumSecretBytes)
        {
            throw new ArgumentException($"The subject-key secret needs at least {MinimumSecretBytes} bytes but has {secret.Length}.", nameof(secret));
        }

        _hmac = new HmacSha256(secret);
        KeyId = Convert.ToHexStringLower(SHA256.HashData(secret)[..4]);
        _fingerprints = new SipHash128(HMACSHA256.HashData(secret, FingerprintLabel).AsSpan(0, 16));
    }

    /// <summary>The label of the fingerprint key, so that it is independent of every subject key made under the same secret.</summary>
    private static ReadOnlySpan<byte> FingerprintLabel => "outbound person fingerprint v1"u8;

    /// <summary>Gets the id of the secret: the first 8 hex digits of its SHA-256.</summary>
    public string KeyId { get; }

    /// <summary>Returns a keyer with a fresh random secret, for scans that need no stable keys.</summary>
    public static SubjectKeyer ThrowAway() => new(RandomNumberGenerator.GetBytes(32));

    /// <summary>Returns the subject key of an identifier of <paramref name="type"/> written as <paramref name="value"/> (UTF-8).</summary>
    /// <returns><see langword="null"/> when the value has no canonical form for that type.</returns>
    public SubjectKey? Key(IdentifierType type, ReadOnlySpan<byte> value)
    {
        Span<byte> canonical = stackalloc byte[CanonicalForm.MaxLength];
        int length = CanonicalForm.Write(type, value, canonical);
        return length <= 0 ? null : KeyOfCanonical(canonical[..length]);
    }

    /// <summary>Returns the subject key of an already canonical identifier.</summary>
    public SubjectKey KeyOfCanonical(ReadOnlySpan<byte> canonical)
    {
        Span<byte> hash = stackalloc byte[HmacSha256.DigestBytes];
        _hmac.Compute(canonical, hash);
        return ToKey(hash);
    }

    /// <summary>
    /// Writes to <paramref name="keys"/> the subject keys of many already canonical identifiers, the bytes of
    /// <paramref name="data"/> in <paramref name="canonical"/>: what <see cref="KeyOfCanonical(ReadOnlySpan{byte})"/>
    /// gives each, several times faster when they are many (<see cref="HmacSha256"/> keys them side by side).
    /// </summary>
    internal void KeysOfCanonical(ReadOnlySpan<byte> data, ReadOnlySpan<Range> canonical, Span<SubjectKey> keys)
    {
        const int Group = 64;
        Span<byte> hashes = stackalloc byte[Group * HmacSha256.DigestBytes];
        for (int start = 0; start < canonical.Length; start += Group)
        {
            int count = Math.Min(Group, canonical.Length - start);
            _hmac.Compute(data, canonical.Slice(start, count), hashes);
            for (int i = 0; i < count; i++)
            {
                keys[start + i] = ToKey(hashes.Slice(i * HmacSha256.DigestBytes, HmacSha256.DigestBytes));
            }
        }
    }

    /// <summary>
    /// Returns a 128-bit fingerprint of an already canonical identifier for telling persons apart in memory
    /// (<see cref="PersonSet"/>): SipHash-2-4-128 under a key derived from the secret, not a <see cref="SubjectKey"/>.
    /// </summary>
    /// <remarks>
    /// <para>
    /// Counting distinct persons needs only that two persons never share a value; it does not need a key that can be
    /// stored, shown or compared across secrets. SipHash is a keyed pseudorandom function, so for persons chosen without
    /// knowing the key the chance that any two of <c>n</c> share a 128-bit fingerprint is below n² / 2¹²⁹: about 10⁻²¹
    /// for a billion persons, the same bound the 128 bits of an HMAC held in memory gave. Counts stay exact.
    /// </para>
    /// <para>
    /// The fingerprint key is HMAC-SHA256(secret, "outbound person fingerprint v1") cut to 16 bytes, so every keyer with
    /// the same secret fingerprints alike and a fingerprint reveals nothing about the subject keys. Wherever a key is
    /// stored or shown (the export ledger, spans, any output) use <see cref="KeyOfCanonical(ReadOnlySpan{byte})"/>.
    /// </para>
    /// </remarks>
    public UInt128 Fingerprint(ReadOnlySpan<byte> canonical) => _fingerprints.Hash(canonical);

    private SubjectKey ToKey(ReadOnlySpan<byte> hash) => new(
        KeyId,
        System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(hash[..16]),
        System.Buffers.Binary.BinaryPrimitives.ReadUInt128BigEndian(hash[16..]));
}

/// <summary>The canonical form of each keyable identifier, so that one person written two ways is one key.</summary>
/// <remarks>
/// Resident IDs, passports, permits, VINs and plates: upper case without separators (<c>x</c> becomes <c>X</c>;
/// plates drop <c>·</c> and spaces). Mobile numbers: <c>+86</c> and the 11 digits (<c>+86 138-0013-8000</c> and
/// <c>13800138000</c> are one person). Bank cards: the digits. E-mail: lower case.
/// </remarks>
public static class CanonicalForm
{
    /// <summary>The longest canonical form, in bytes.</summary>
    public const int MaxLength = 320;

    private static readonly SearchValues<byte> DigitsAndCapitals = SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"u8);

    /// <summary>Writes the canonical form of <paramref name="value"/> to <paramref name="destination"/>.</summary>
    /// <returns>The number of bytes written, or 0 when <paramref name="type"/> is not keyable or the value does not fit its form.</returns>
    public static int Write(IdentifierType type, ReadOnlySpan<byte> value, Span<byte> destination)
    {
        switch (type)
        {
            case IdentifierType.CnMobile:
                return WriteMobile(value, destination);
            case IdentifierType.BankCard:
                return WriteKept(value, destination, upper: false, digitsOnly: true);
            case IdentifierType.Email:
                return WriteLower(value, destination);
            case IdentifierType.CnResidentId or IdentifierType.CnPassport or IdentifierType.CnHmtPermit or IdentifierType.Vin:
                return WriteKept(value, destination, upper: true, digitsOnly: false);
            case IdentifierType.CnPlate:
                return WritePlate(value, destination);
            default:
                return 0;
        }
    }

    private static int WriteMobile(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        Span<byte> digits = stackalloc byte[24];
        int count = 0;
        foreach (byte b in value)
        {
            if (b is >= (byte)'0' and <= (byte)'9')
            {
                if (count == digits.Length)
                {
                    return 0;
                }

                digits[count++] = b;
            }
        }

        // The last 11 digits are the number; anything before them is the country prefix (86, 0086).
        if (count < 11 || destination.Length < 14)
        {
            return 0;
        }

        "+86"u8.CopyTo(destination);
        digits.Slice(count - 11, 11).CopyTo(destination[3..]);
        return 14;
    }

    private static int WriteKept(ReadOnlySpan<byte> value, Span<byte> destination, bool upper, bool digitsOnly)
    {
        // Most values are canonical already (an ID or a VIN as printed, a card's bare digits): copied whole.
        if (value.Length <= destination.Length
            && (digitsOnly ? value.IndexOfAnyExceptInRange((byte)'0', (byte)'9') : value.IndexOfAnyExcept(DigitsAndCapitals)) < 0)
        {
            value.CopyTo(destination);
            return value.Length;
        }

        int written = 0;
        foreach (byte b in value)
        {
            bool keep = digitsOnly ? b is >= (byte)'0' and <= (byte)'9' : b < 0x80 && !IsSeparator(b);
            if (!keep)
            {
                continue;
            }

            if (written == destination.Length)
            {
                return 0;
            }

            destination[written++] = upper && b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;
        }

        return written;
    }

    /// <summary>Returns <see langword="true"/> for the separators left out of a canonical form: space, '-', '(', ')' and tab.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static bool IsSeparator(byte b) => b is (byte)' ' or (byte)'-' or (byte)'(' or (byte)')' or (byte)'\t';

    private static int WriteLower(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        if (value.Length > destination.Length)
        {
            return 0;
        }

        for (int i = 0; i < value.Length; i++)
        {
            byte b = value[i];
            destination[i] = b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b + 32) : b;
        }

        return value.Length;
    }

    private static int WritePlate(ReadOnlySpan<byte> value, Span<byte> destination)
    {
        int written = 0;
        for (int i = 0; i < value.Length; i++)
        {
            byte b = value[i];
            if (b == 0xC2 && i + 1 < value.Length && value[i + 1] == 0xB7)
            {
                i++; // the middle dot · (U+00B7)
                continue;
            }

            if (b is (byte)' ' or (byte)'-')
            {
                continue;
            }

            if (written == destination.Length)
            {
                return 0;
            }

            destination[written++] = b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;
        }

        return written;
    }
}
