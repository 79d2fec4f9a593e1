using System.Security.Cryptography;
using System.Text;

namespace Outbound.Gateway;

/// <summary>The digests the gateway names things by.</summary>
public static class GatewayDigest
{
    /// <summary>Returns the SHA-256 of <paramref name="data"/> in lower-case hex.</summary>
    public static string Sha256Hex(ReadOnlySpan<byte> data) => Convert.ToHexStringLower(SHA256.HashData(data));

    /// <summary>Returns an export run's id: the first 32 hex digits of SHA-256 over <c>input digest "\n" transfer id</c>.</summary>
    public static string RunId(string inputDigest, string transferId) =>
        Sha256Hex(Encoding.UTF8.GetBytes($"{inputDigest}\n{transferId}"))[..32];
}
