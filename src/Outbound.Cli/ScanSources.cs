using System.Globalization;
using Outbound.Detection;
using Outbound.Formats.Records;

namespace Outbound.Cli;

/// <summary>What a file holds, judged from its name.</summary>
internal enum FileKind
{
    /// <summary>JSON lines.</summary>
    JsonLines,

    /// <summary>Comma- or tab-separated values.</summary>
    Csv,

    /// <summary>Apache Parquet.</summary>
    Parquet,

    /// <summary>Anything else, read as lines of text.</summary>
    Text,
}

/// <summary>Turns the paths and tables given to <c>outbound scan</c> into inventories.</summary>
internal static class ScanSources
{
    /// <summary>Returns the kind of the file at <paramref name="path"/> from its extension.</summary>
    public static FileKind KindOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".jsonl" or ".ndjson" or ".json" => FileKind.JsonLines,
        ".csv" or ".tsv" => FileKind.Csv,
        ".parquet" => FileKind.Parquet,
        _ => FileKind.Text,
    };

    /// <summary>Returns the files named by <paramref name="paths"/>, folders expanded in name order.</summary>
    public static List<string> Expand(IEnumerable<string> paths) =>
        [.. paths.SelectMany<string, string>(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [path])];

    /// <summary>Returns <see langword="true"/> when the first bytes of the file hold a NUL byte, as binary files do.</summary>
    public static bool LooksBinary(string path)
    {
        Span<byte> head = stackalloc byte[8192];
        using var stream = File.OpenRead(path);
        int read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return read >= 4 && head[..read].StartsWith("PAR1"u8) is false && head[..read].Contains((byte)0);
    }

    /// <summary>Scans a JSON-lines or text file in parallel chunks into one inventory.</summary>
    public static DatasetInventory ScanLines(string path, bool json, InventoryFactory factory, int? sample, int parallelism, Action<long> progress)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var total = factory.Create(path);
        var handler = new InventoryLines(path, json, factory, sample);
        using var stop = new CancellationTokenSource();
        try
        {
            LineChunks.Run(
                stream,
                handler,
                (state, read) =>
                {
                    total.Merge(state.Inventory);
                    progress(read);
                    if (sample is int limit && total.Records >= limit)
                    {
                        stop.Cancel();
                    }
                },
                sample is null ? parallelism : 1,
                cancellationToken: stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The sample is complete.
        }

        return total;
    }

    /// <summary>Builds inventories that share one scanner, keyer and reference date.</summary>
    internal sealed class InventoryFactory(Scanner scanner, SubjectKeyer keyer, DateOnly referenceDate)
    {
        public DatasetInventory Create(string source) => new(source, scanner, keyer, referenceDate);
    }

    private sealed class InventoryLines(string source, bool json, InventoryFactory factory, int? sample) : ILineHandler<InventoryLines.State>
    {
        private static readonly byte[] TextField = "text"u8.ToArray();
        private long _taken;

        public State NewState() => new(factory.Create(source));

        public void Line(State state, ReadOnlySpan<byte> line, long lineNumber)
        {
            if (line.IsEmpty || (sample is int limit && Interlocked.Increment(ref _taken) > limit))
            {
                return;
            }

            if (json)
            {
                state.Parser.Visit(line, lineNumber, state.Inventory);
                return;
            }

            if (!System.Text.Unicode.Utf8.IsValid(line))
            {
                state.Inventory.Skip(lineNumber, "", "Expected UTF-8 text; found bytes that are not valid UTF-8.");
                return;
            }

            state.Inventory.BeginRecord(lineNumber);
            state.Inventory.Field(TextField, line);
            state.Inventory.EndRecord();
        }

        public void TooLong(State state, long lineNumber, long length) =>
            state.Inventory.Skip(lineNumber, "", string.Create(CultureInfo.InvariantCulture, $"The line is {length:N0} bytes, longer than the {LineChunks.DefaultMaxLineBytes:N0}-byte limit; skipped."));

        internal sealed class State(DatasetInventory inventory)
        {
            public DatasetInventory Inventory { get; } = inventory;

            public JsonRecord Parser { get; } = new();
        }
    }
}
