using System.Security.Cryptography;

namespace Outbound.Cli.Tests;

/// <summary>The DER form of checkpoint signatures that evidence bundles carry for openssl.</summary>
public sealed class SignatureDerTests
{
    [Fact]
    public void Signatures_whose_r_or_s_starts_with_a_zero_byte_become_valid_DER()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        byte[] data = "outbound-audit-checkpoint"u8.ToArray();
        int withLeadingZero = 0;
        for (int i = 0; i < 4000 && withLeadingZero < 3; i++)
        {
            byte[] signature = key.SignData(data, HashAlgorithmName.SHA256);
            byte[] der = AuditHeadFile.SignatureDer(signature);

            Assert.True(key.VerifyData(data, der, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
            if (signature[0] == 0 || signature[32] == 0)
            {
                withLeadingZero++;
            }
        }

        Assert.True(withLeadingZero > 0, "No signature with a leading zero byte came up in 4,000 tries.");
    }
}
