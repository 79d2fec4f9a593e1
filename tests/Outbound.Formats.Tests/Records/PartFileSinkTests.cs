using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Outbound.Formats.Records;

namespace Outbound.Formats.Tests.Records;

public sealed class PartFileSinkTests : IDisposable
{
    // Under the test's own folder, on the disk the build is on: a memory-backed /tmp holds no other copy to drop to.
    private readonly string _directory = Path.Combine(AppContext.BaseDirectory, $"parts-{Guid.NewGuid():N}");

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Complete_WritesThePartUnderItsNameWithItsDigest()
    {
        var sink = new PartFileSink(_directory);
        byte[] lines = Lines(20_000);
        string name;
        string digest;
        using (var part = sink.Open("0123456789abcdef0123", 7))
        {
            part.Write(lines.AsSpan(0, 1000));
            part.Write(lines.AsSpan(1000));
            (name, digest) = part.Complete();
        }

        Assert.Equal("part-0123456789ab-000007.jsonl", name);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(lines)), digest);
        Assert.Equal(lines, File.ReadAllBytes(Path.Combine(_directory, name)));
        Assert.Equal([name], Directory.GetFiles(_directory).Select(Path.GetFileName));
    }

    [Fact]
    public void Complete_OnLinux_LetsGoOfThePartsCachedPages()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "Pages are let go of on Linux only.");
        var sink = new PartFileSink(_directory);
        Assert.SkipWhen(new DriveInfo(_directory).DriveType == DriveType.Ram, "A memory-backed file system keeps a file's only copy in the cache.");
        byte[] lines = Lines(200_000);

        // The same bytes written and flushed to disk as a part is, but kept: the cache holds them.
        string kept = Path.Combine(_directory, "kept.jsonl");
        using (var stream = new FileStream(kept, FileMode.Create, FileAccess.Write))
        {
            stream.Write(lines);
            stream.Flush(flushToDisk: true);
        }

        string name;
        using (var part = sink.Open("0123456789abcdef0123", 1))
        {
            part.Write(lines);
            (name, _) = part.Complete();
        }

        Assert.True(ResidentBytes(kept) >= lines.Length / 2, $"{ResidentBytes(kept)} bytes of {lines.Length} of the kept file are cached");
        Assert.Equal(0, ResidentBytes(Path.Combine(_directory, name)));
        Assert.Equal(lines, File.ReadAllBytes(Path.Combine(_directory, name)));
    }

    private static byte[] Lines(int count)
    {
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"id\":{i},\"vin\":\"LSV*********{i % 10000:D4}\"}}\n");
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    // util-linux's fincore: how many of the file's bytes the page cache holds.
    private static long ResidentBytes(string path)
    {
        var start = new ProcessStartInfo("fincore", ["--bytes", "--noheadings", "--raw", "--output", "RES", path])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        string error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"fincore failed: {error}");
        return long.Parse(output.Trim(), CultureInfo.InvariantCulture);
    }
}
