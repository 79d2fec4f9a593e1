using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Outbound.Detection;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// HMAC-SHA256 over 1,024 canonical VINs (17 bytes each), as an export keys its subjects: the platform's reused
/// <see cref="IncrementalHash"/> (the baseline), <see cref="HmacSha256"/> one message at a time, and in lanes.
/// </summary>
public class SubjectKeyBenchmarks
{
    private const int Messages = 1024;

    private readonly byte[] _key = Encoding.UTF8.GetBytes("outbound-benchmark-subject-key-01");
    private readonly byte[] _digests = new byte[Messages * HmacSha256.DigestBytes];
    private byte[] _data = [];
    private Range[] _ranges = [];
    private IncrementalHash _platform = null!;
    private HmacSha256 _hmac = null!;

    [GlobalSetup]
    public void Setup()
    {
        _data = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Range(0, Messages).Select(i => "LVS1YUVE5TE" + (100_000 + i).ToString(CultureInfo.InvariantCulture))));
        _ranges = [.. Enumerable.Range(0, Messages).Select(i => new Range(i * 17, (i + 1) * 17))];
        _platform = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        _hmac = new HmacSha256(_key);
    }

    [GlobalCleanup]
    public void Cleanup() => _platform.Dispose();

    [Benchmark(Baseline = true, OperationsPerInvoke = Messages)]
    public void Platform()
    {
        for (int i = 0; i < Messages; i++)
        {
            _platform.AppendData(_data.AsSpan(_ranges[i]));
            _platform.GetHashAndReset(_digests.AsSpan(i * HmacSha256.DigestBytes, HmacSha256.DigestBytes));
        }
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public void OneAtATime()
    {
        for (int i = 0; i < Messages; i++)
        {
            _hmac.Compute(_data.AsSpan(_ranges[i]), _digests.AsSpan(i * HmacSha256.DigestBytes, HmacSha256.DigestBytes));
        }
    }

    [Benchmark(OperationsPerInvoke = Messages)]
    public void Lanes() => _hmac.Compute(_data, _ranges, _digests);
}
