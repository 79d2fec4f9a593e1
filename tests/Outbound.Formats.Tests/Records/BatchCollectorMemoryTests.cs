using System.Text;
using Outbound.Formats.Records;
using Outbound.Gateway;

namespace Outbound.Formats.Tests.Records;

/// <summary>The blocks a batch's records are cut from: lent with the batch, filled again only once it is handed back.</summary>
public sealed class BatchCollectorMemoryTests
{
    private const int BatchSize = 1000;

    // Lines of some 300 bytes: a batch of 1,000 takes a few blocks of bytes.
    private static string Line(int n) =>
        $$"""{"vin":"LVS1YUVE5TE{{n:D6}}","plate":"鲁A{{n % 100000:D5}}","ts":{{1754114446281L + n}},"note":"{{new string('x', 200)}}"}""";

    [Fact]
    public void Read_BatchesKeptAndNeverHandedBack_EveryRecordKeepsItsOwnBytes()
    {
        var batches = Read(4 * BatchSize, batch => { });

        Assert.Equal(4, batches.Count);
        Assert.All(batches, batch => Assert.NotNull(batch.Memory));
        AssertIntact(batches);
    }

    [Fact]
    public void Read_EachBatchHandedBackOnceTheNextIsRead_NoRecordOfABatchStillHeldIsOverwritten()
    {
        // The consumer holds two batches at a time, as the export does while one commits and the next is examined.
        var held = new Queue<InputBatch>();
        var checkedBatches = new List<InputBatch>();
        var batches = Read(8 * BatchSize, batch =>
        {
            held.Enqueue(batch);
            if (held.Count > 2)
            {
                var done = held.Dequeue();
                AssertIntact([done]);
                checkedBatches.Add(done);
                done.Memory!.Dispose();
            }

            AssertIntact(held);
        });

        Assert.Equal(8, batches.Count);
        Assert.Equal(6, checkedBatches.Count);
        AssertIntact(held);
    }

    [Fact]
    public void Read_EveryOtherBatchHandedBackAtOnce_TheBatchesKeptAreIntact()
    {
        // A batch handed back at once lends its blocks to the next batches straight away: none of them may be a block
        // that a kept batch's records also lie in.
        var kept = new List<InputBatch>();
        var batches = Read(12 * BatchSize, batch =>
        {
            if (batch.Records[0].Position / BatchSize % 2 == 0)
            {
                batch.Memory!.Dispose();
            }
            else
            {
                kept.Add(batch);
            }
        });

        Assert.Equal(12, batches.Count);
        Assert.Equal(6, kept.Count);
        AssertIntact(kept);
    }

    [Fact]
    public void Read_BatchesHandedBack_BlocksAreUsedAgainRatherThanMade()
    {
        int made = MadeFor(16 * BatchSize, handBack: true);
        int madeWithout = MadeFor(16 * BatchSize, handBack: false);

        Assert.True(made * 4 < madeWithout, $"{made} blocks made with batches handed back, {madeWithout} without");
    }

    [Fact]
    public void Memory_DisposedTwice_TheBlocksGoBackOnce()
    {
        var blocks = new RecordBlocks();
        var first = WholeBlock(blocks);
        var lease = blocks.EndBatch()!;
        lease.Dispose();
        lease.Dispose();

        var again = WholeBlock(blocks);
        var other = WholeBlock(blocks);

        Assert.Same(first, again);
        Assert.NotSame(first, other);
    }

    // Takes a whole block of bytes, in quarters, so the next take needs another one; returns the block.
    private static byte[] WholeBlock(RecordBlocks blocks)
    {
        const int quarter = RecordBlocks.ByteBlock / 4;
        Assert.True(System.Runtime.InteropServices.MemoryMarshal.TryGetArray<byte>(blocks.Bytes(quarter), out var first));
        for (int i = 1; i < 4; i++)
        {
            blocks.Bytes(quarter);
        }

        return first.Array!;
    }

    [Fact]
    public void EndBatch_NothingTaken_LendsNothing()
    {
        var blocks = new RecordBlocks();

        Assert.Null(blocks.EndBatch());
    }

    private static List<InputBatch> Read(int lines, Action<InputBatch> onBatch)
    {
        var text = string.Join("\n", Enumerable.Range(1, lines).Select(Line));
        var batches = new List<InputBatch>();
        using var input = new MemoryStream(Encoding.UTF8.GetBytes(text));
        ExportReader.Read(input, SourceKind.JsonLines, BatchSize, 0, batch =>
        {
            batches.Add(batch);
            onBatch(batch);
        });
        return batches;
    }

    private static int MadeFor(int lines, bool handBack)
    {
        var text = string.Join("\n", Enumerable.Range(1, lines).Select(Line));
        var collector = new BatchCollector(RecordShape.JsonObject, BatchSize, 0, batch =>
        {
            if (handBack)
            {
                batch.Memory?.Dispose();
            }
        });
        var reader = new JsonLinesReader();
        using var session = JsonLinesReader.NewSession(collector);
        long position = 0;
        foreach (var line in text.Split('\n'))
        {
            byte[] bytes = Encoding.UTF8.GetBytes(line);
            collector.CurrentLine = bytes;
            reader.HandleLine(session, bytes, ++position);
        }

        collector.Finish();
        return collector.BlocksMade;
    }

    // Every record still reads as the line it was read from, and its fields as slices of that line.
    private static void AssertIntact(IEnumerable<InputBatch> batches)
    {
        foreach (var batch in batches)
        {
            foreach (var record in batch.Records)
            {
                string expected = Line((int)record.Position);
                Assert.Equal(expected, Encoding.UTF8.GetString(record.Raw.Span));
                var vin = record.Fields.Single(field => field.Name == "vin");
                Assert.Equal($"LVS1YUVE5TE{record.Position:D6}", Encoding.UTF8.GetString(vin.Value.Span));
            }
        }
    }
}
