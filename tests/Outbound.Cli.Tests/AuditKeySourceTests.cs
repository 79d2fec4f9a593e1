using Outbound.Gateway;

namespace Outbound.Cli.Tests;

public sealed class AuditKeySourceTests
{
    [Fact]
    public void TryResolve_KeyFile_SignsAndAnchorsBesideIt()
    {
        using var folder = new StoreFolder();

        Assert.True(AuditKeySource.TryResolve(folder.KeyFile, null, null, NoEnvironment, out var keys, out _));

        using (keys)
        {
            Assert.Equal((folder.Signer.KeyId, true, folder.KeyFile + ".head"), (keys.Signer!.KeyId, keys.Key!.CanSign, keys.HeadPath));
        }
    }

    [Fact]
    public void TryResolve_KeyFromEnvironment_HeadFromEnvironmentToo()
    {
        using var signer = AuditSigner.Create();
        var environment = new Dictionary<string, string>
        {
            ["OUTBOUND_AUDIT_KEY"] = signer.ExportPrivateKeyPem(),
            ["OUTBOUND_AUDIT_HEAD"] = "/var/lib/outbound/audit.head",
        };

        Assert.True(AuditKeySource.TryResolve(null, null, null, environment.GetValueOrDefault, out var keys, out _));

        using (keys)
        {
            Assert.Equal((signer.KeyId, "OUTBOUND_AUDIT_KEY", "/var/lib/outbound/audit.head"), (keys.Signer!.KeyId, keys.KeyOrigin, keys.HeadPath));
        }
    }

    [Fact]
    public void TryResolve_KeyFromEnvironmentWithoutHead_NoAnchor()
    {
        using var signer = AuditSigner.Create();

        Assert.True(AuditKeySource.TryResolve(null, null, null, name => name == "OUTBOUND_AUDIT_KEY" ? signer.ExportPrivateKeyPem() : null, out var keys, out _));

        using (keys)
        {
            Assert.Null(keys.HeadPath);
            Assert.False(keys.WriteHead(signer.Sign(AuditChain.Next(null, new AuditRecord(AuditKind.ExportBatch, "a", CliRunner.Now, "{}")), CliRunner.Now)));
        }
    }

    [Fact]
    public void TryResolve_Nothing_NoKeyNoAnchor()
    {
        Assert.True(AuditKeySource.TryResolve(null, null, null, NoEnvironment, out var keys, out _));

        Assert.Equal((null, null), (keys.Key, keys.HeadPath));
    }

    [Fact]
    public void TryResolve_PublicKeyAsAuditKey_SaysToUsePublicKey()
    {
        using var folder = new StoreFolder();
        StoreFolder.SetMode(folder.PublicKeyFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        Assert.False(AuditKeySource.TryResolve(folder.PublicKeyFile, null, null, NoEnvironment, out _, out string? error));

        Assert.Equal($"The audit key file '{folder.PublicKeyFile}' holds only a public key; give it with --public-key to verify, or give the private key with --audit-key.", error);
    }

    [Fact]
    public void TryResolve_PublicKeyFile_ChecksButCannotSign()
    {
        using var folder = new StoreFolder();

        Assert.True(AuditKeySource.TryResolve(null, folder.PublicKeyFile, "anchor.head", NoEnvironment, out var keys, out _));

        using (keys)
        {
            Assert.Equal((false, (AuditSigner?)null, "anchor.head"), (keys.Key!.CanSign, keys.Signer, keys.HeadPath));
        }
    }

    [Fact]
    public void TryResolve_BothKeyOptions_Refused()
    {
        Assert.False(AuditKeySource.TryResolve("a.pem", "b.pem", null, NoEnvironment, out _, out string? error));

        Assert.Equal("Give either --audit-key or --public-key, not both.", error);
    }

    [Theory]
    [InlineData("not a key")]
    [InlineData("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----")]
    public void TryResolve_EnvironmentNotAKey_NamesTheVariable(string text)
    {
        Assert.False(AuditKeySource.TryResolve(null, null, null, name => name == "OUTBOUND_AUDIT_KEY" ? text : null, out _, out string? error));

        Assert.StartsWith("The audit key in OUTBOUND_AUDIT_KEY cannot be read: ", error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryResolve_KeyFileMissing_NamesIt()
    {
        Assert.False(AuditKeySource.TryResolve("/nonexistent/audit.pem", null, null, NoEnvironment, out _, out string? error));

        Assert.Equal("The audit key file '/nonexistent/audit.pem' does not exist.", error);
    }

    private static string? NoEnvironment(string name) => null;
}
