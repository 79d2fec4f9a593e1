using System.Text;
using Outbound.Formats.Records;
using Parquet;
using Parquet.Schema;

namespace Outbound.Formats.Tests.Records;

// The export's reader blocks in its batch callback while the consumer is a batch behind. Every kind of input must call
// it on the thread that reads: on a pool thread, a blocked callback holds the only thread one core gets, and the
// examination of the batches waits for the pool to add another.
public sealed class ExportReaderThreadTests : IDisposable
{
    private const int Rows = 2_500;

    private readonly string _directory = Directory.CreateTempSubdirectory("outbound-reader-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Read_JsonLinesFile_HandsEveryBatchOnTheReadingThread()
    {
        string path = Path.Combine(_directory, "in.jsonl");
        File.WriteAllLines(path, Enumerable.Range(0, Rows).Select(i => $$"""{"vin":"V{{i}}","speed":{{i}}}"""));

        AssertBatchesOnThisThread(path, SourceKind.JsonLines);
    }

    [Fact]
    public void Read_CsvFile_HandsEveryBatchOnTheReadingThread()
    {
        string path = Path.Combine(_directory, "in.csv");
        File.WriteAllLines(path, ["vin,speed", .. Enumerable.Range(0, Rows).Select(i => $"V{i},{i}")]);

        AssertBatchesOnThisThread(path, SourceKind.Csv);
    }

    [Fact]
    public async Task Read_ParquetFile_HandsEveryBatchOnTheReadingThread()
    {
        string path = Path.Combine(_directory, "in.parquet");
        var vin = new DataField<string>("vin");
        var speed = new DataField<int>("speed");
        await using (var output = File.Create(path))
        await using (var writer = await ParquetWriter.CreateAsync(new ParquetSchema(vin, speed), output, cancellationToken: TestContext.Current.CancellationToken))
        {
            // Several row groups, so the reader goes back to the file between batches.
            for (int start = 0; start < Rows; start += 500)
            {
                using var group = writer.CreateRowGroup();
                await group.WriteAsync(vin, Enumerable.Range(start, 500).Select(i => $"V{i}").ToArray());
                await group.WriteAsync<int>(speed, Enumerable.Range(start, 500).ToArray(), cancellationToken: TestContext.Current.CancellationToken);
            }
        }

        await Task.Run(() => AssertBatchesOnThisThread(path, SourceKind.Parquet), TestContext.Current.CancellationToken);
    }

    private static void AssertBatchesOnThisThread(string path, SourceKind kind)
    {
        int reader = Environment.CurrentManagedThreadId;
        var threads = new HashSet<int>();
        long records = 0;
        using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 4096);

        ExportReader.Read(input, kind, batchSize: 100, skipThrough: 0, batch =>
        {
            threads.Add(Environment.CurrentManagedThreadId);
            records += batch.Records.Count;
        }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(Rows, records);
        Assert.Equal([reader], threads);
    }
}
