using Outbound.Gateway;

namespace Outbound.Cli.Tests;

public sealed class AuditHeadFileTests
{
    [Fact]
    public void Write_ThenRead_GivesTheSameCheckpointAndLeavesNoTemporaryFile()
    {
        using var folder = new TempFolder();
        using var signer = AuditSigner.Create();
        var checkpoint = signer.Sign(AuditChain.Next(null, new AuditRecord(AuditKind.ExportBatch, "ops", CliRunner.Now, "{}")), CliRunner.Now.AddTicks(7));
        string path = Path.Combine(folder.Path, "audit.head");

        AuditHeadFile.Write(path, checkpoint);
        AuditHeadFile.Write(path, checkpoint);
        var read = AuditHeadFile.Read(path)!;

        Assert.Equal((checkpoint.Sequence, checkpoint.Time, checkpoint.KeyId), (read.Sequence, read.Time, read.KeyId));
        Assert.True(signer.Verify(read));
        Assert.Equal(["audit.head"], Directory.EnumerateFiles(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Read_Missing_ReturnsNull() => Assert.Null(AuditHeadFile.Read("/nonexistent/audit.head"));

    [Fact]
    public void Read_NotAHeadFile_ThrowsNamingIt()
    {
        using var folder = new TempFolder();
        string path = folder.Write("audit.head", """{"sequence": 3}""");

        var error = Assert.Throws<FormatException>(() => AuditHeadFile.Read(path));

        Assert.StartsWith($"The audit head file '{path}' cannot be read: ", error.Message, StringComparison.Ordinal);
    }
}
