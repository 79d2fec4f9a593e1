using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Formats.Records;

namespace Outbound.Formats.Tests.Records;

public sealed class LineChunksTests
{
    private static readonly int[] Parallelisms = [2, 0];

    [Property(MaxTest = 500)]
    public Property Run_AnyLinesAnyChunkSize_HandsEveryLineOnceInOrder() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Choose(0, 120).Select(length => new string('a', length))).ToArbitrary(),
            // Chunks from 1 byte (every line needs a larger buffer) to more than the longest line (40 bytes).
            Gen.Choose(0, (160 * 4) - 1).Select(n => (Chunk: 1 + (n / 4), Newline: n % 2 == 0 ? "\n" : "\r\n", Final: n / 2 % 2 == 0)).ToArbitrary(),
            (lines, shape) =>
            {
                var (chunk, newline, finalNewline) = shape;
                string text = string.Join(newline, lines.Select((line, i) => line + i)) + (finalNewline && lines.Length > 0 ? newline : "");
                var numbered = lines.Select((line, i) => (Line: (long)i + 1, Text: line + i)).ToList();
                var expected = numbered.Where(entry => entry.Text.Length <= 40).ToList();
                var expectedTooLong = numbered.Where(entry => entry.Text.Length > 40).Select(entry => entry.Line);

                // In parallel the lines of a chunk are counted before it is handled; in turn, by handling it.
                return Parallelisms.All(parallelism =>
                {
                    var seen = Collect(text, maxLineBytes: 40, chunkBytes: chunk, parallelism);
                    return seen.Lines.SequenceEqual(expected) && seen.TooLong.Select(entry => entry.Line).SequenceEqual(expectedTooLong);
                });
            });

    [Fact]
    public void Run_LineLongerThanTheLimit_IsReportedWithItsNumberAndLength()
    {
        string text = "first\n" + new string('x', 500) + "\nlast\n";

        var seen = Collect(text, maxLineBytes: 100, chunkBytes: 101);

        Assert.Equal([(1L, "first"), (3L, "last")], seen.Lines);
        Assert.Equal([(2L, 500L)], seen.TooLong);
    }

    [Fact]
    public void Run_LinesLongerThanAChunk_HandledWholeWithinTheLimitAndReportedBeyondIt()
    {
        // A chunk of 16 bytes: lines of 17 to 1,000 bytes get larger buffers, up to the limit of 1,000; then small again.
        string[] lines = ["a", new string('b', 17), "c", new string('d', 999), new string('e', 1000), new string('f', 1001), new string('g', 5000), "h", "", "i"];

        var seen = Collect(string.Join("\r\n", lines) + "\n", maxLineBytes: 1000, chunkBytes: 16);

        Assert.Equal(lines.Select((line, i) => ((long)i + 1, line)).Where(entry => entry.line.Length <= 1000), seen.Lines);
        Assert.Equal([(6L, 1001L), (7L, 5000L)], seen.TooLong);
    }

    [Fact]
    public void Run_Sequential_HandlesEveryChunkOnTheCallingThread()
    {
        // A handler that blocks (a full queue downstream) must not hold a pool thread: on one core there is only one.
        var threads = new HashSet<int>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(string.Concat(Enumerable.Range(0, 200).Select(i => $"line {i}\n"))));
        var handler = new ThreadRecorder(threads);

        LineChunks.Run(stream, handler, (_, _) => { }, parallelism: 0, maxLineBytes: 20, chunkBytes: 64, TestContext.Current.CancellationToken);

        Assert.Equal(200, handler.Lines);
        Assert.Equal([Environment.CurrentManagedThreadId], threads);
    }

    private static (List<(long Line, string Text)> Lines, List<(long Line, long Length)> TooLong) Collect(string text, int maxLineBytes, int chunkBytes, int parallelism = 2)
    {
        var lines = new List<(long, string)>();
        var tooLong = new List<(long, long)>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        LineChunks.Run(stream, new Recorder(), (state, _) => { lines.AddRange(state.Lines); tooLong.AddRange(state.TooLong); }, parallelism, maxLineBytes, chunkBytes);
        return (lines, tooLong);
    }

    private sealed class ThreadRecorder(HashSet<int> threads) : ILineHandler<object?>
    {
        public int Lines { get; private set; }

        public object? NewState() => null;

        public void Line(object? state, ReadOnlySpan<byte> line, long lineNumber)
        {
            threads.Add(Environment.CurrentManagedThreadId);
            Lines++;
        }

        public void TooLong(object? state, long lineNumber, long length) => threads.Add(Environment.CurrentManagedThreadId);
    }

    private sealed class Recorder : ILineHandler<Recorder.State>
    {
        public State NewState() => new();

        public void Line(State state, ReadOnlySpan<byte> line, long lineNumber) => state.Lines.Add((lineNumber, Encoding.UTF8.GetString(line)));

        public void TooLong(State state, long lineNumber, long length) => state.TooLong.Add((lineNumber, length));

        internal sealed class State
        {
            public List<(long, string)> Lines { get; } = [];

            public List<(long, long)> TooLong { get; } = [];
        }
    }
}
