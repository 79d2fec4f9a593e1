using System.Security.Cryptography;
using Outbound.Detection;

namespace Outbound.Gateway;

/// <summary>
/// The subject keys of the identifiers one thread met last, so that a person met again (a vehicle reporting every few
/// seconds) is keyed without another HMAC.
/// </summary>
/// <remarks>
/// Direct-mapped by a hash of the canonical form; a hit compares the canonical bytes in full, so a key is exactly what
/// <see cref="SubjectKeyer.KeyOfCanonical(ReadOnlySpan{byte}, IncrementalHash)"/> gives. Holds no identifier beyond the
/// life of the thread's work. Owns the thread's HMAC. Not thread-safe: one per thread.
/// </remarks>
internal sealed class SubjectKeyCache : IDisposable
{
    private const int SlotBits = 13;
    private const int Slots = 1 << SlotBits;

    /// <summary>The longest canonical form kept: IDs, phones, VINs and plates fit; a longer one (an e-mail) is keyed each time.</summary>
    private const int SlotBytes = 64;

    private readonly SubjectKeyer _keyer;
    private readonly IncrementalHash _hmac;
    private readonly byte[] _canonical = new byte[Slots * SlotBytes];
    private readonly int[] _lengths = new int[Slots];
    private readonly SubjectKey[] _keys = new SubjectKey[Slots];

    public SubjectKeyCache(SubjectKeyer keyer) => (_keyer, _hmac) = (keyer, keyer.CreateHmac());

    /// <summary>Gets the number of keys computed (not found in the cache), for tests.</summary>
    internal long Computed { get; private set; }

    /// <summary>Returns the subject key of an already canonical identifier.</summary>
    public SubjectKey KeyOf(ReadOnlySpan<byte> canonical)
    {
        if (canonical.IsEmpty || canonical.Length > SlotBytes)
        {
            Computed++;
            return _keyer.KeyOfCanonical(canonical, _hmac);
        }

        var hash = default(HashCode);
        hash.AddBytes(canonical);
        int slot = hash.ToHashCode() & (Slots - 1);
        var held = _canonical.AsSpan(slot * SlotBytes, SlotBytes);
        if (_lengths[slot] == canonical.Length && held[..canonical.Length].SequenceEqual(canonical))
        {
            return _keys[slot];
        }

        Computed++;
        var key = _keyer.KeyOfCanonical(canonical, _hmac);
        canonical.CopyTo(held);
        _lengths[slot] = canonical.Length;
        _keys[slot] = key;
        return key;
    }

    /// <inheritdoc/>
    public void Dispose() => _hmac.Dispose();
}
