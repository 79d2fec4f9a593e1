using Outbound.Formats.Records;
using Outbound.Gateway;

namespace Outbound.Formats.Tests.Records;

public sealed class BatchCollectorUnreadableTests
{
    // A row reported twice is one unreadable record; a note about a field of a row that was read is none.
    [Fact]
    public void Skip_APositionReportedAgain_CountsOnce()
    {
        var batches = new List<InputBatch>();
        var collector = new BatchCollector(RecordShape.Columns, batchSize: 10, skipThrough: 0, batches.Add);

        collector.Skip(1, "a", "not a number");
        collector.Skip(1, "b", "not a date");
        collector.BeginRecord(2);
        collector.Field("x"u8, "1"u8);
        collector.Skip(2, "y", "a binary column, left out");
        collector.EndRecord();
        collector.Skip(2, "z", "another note");
        collector.Skip(3, "", "too many columns");
        collector.Skip(1, "c", "a third note");
        collector.Finish();

        var batch = Assert.Single(batches);
        Assert.Equal([1L, 3L], batch.Unreadable.Select(u => u.Position));
        Assert.Equal(2, Assert.Single(batch.Records).Position);
        Assert.Equal(3, batch.Count);
    }

    // The batch fills on a row's first note; its second note, after the batch was handed on, adds nothing.
    [Fact]
    public void Skip_ARowsSecondNoteAfterItsBatchWasHandedOn_AddsNothing()
    {
        var batches = new List<InputBatch>();
        var collector = new BatchCollector(RecordShape.Columns, batchSize: 2, skipThrough: 0, batches.Add);

        collector.Skip(1, "a", "not a number");
        collector.Skip(2, "a", "not a number");
        collector.Skip(2, "b", "not a date");
        collector.Skip(3, "a", "not a number");
        collector.Finish();

        Assert.Equal([[1L, 2L], [3L]], batches.Select(b => b.Unreadable.Select(u => u.Position).ToArray()));
        Assert.Equal(3, batches.Sum(b => b.Count));
    }

    // Many bad lines in one batch: each counted once, in order.
    [Fact]
    public void Skip_EveryLineBad_EachCountedOnceInOrder()
    {
        var batches = new List<InputBatch>();
        var collector = new BatchCollector(RecordShape.JsonObject, batchSize: 1000, skipThrough: 0, batches.Add);

        for (long line = 1; line <= 2500; line++)
        {
            collector.Skip(line, "", "not JSON");
        }

        collector.Finish();

        Assert.Equal([1000L, 1000L, 500L], batches.Select(b => b.Count));
        Assert.Equal(Enumerable.Range(1, 2500).Select(i => (long)i), batches.SelectMany(b => b.Unreadable).Select(u => u.Position));
    }
}
