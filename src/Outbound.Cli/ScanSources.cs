using Outbound.Detection;
using Outbound.Formats.Records;

namespace Outbound.Cli;

/// <summary>Turns the paths and tables given to <c>outbound scan</c> into inventories.</summary>
internal static class ScanSources
{
    /// <summary>Returns the files named by <paramref name="paths"/>, folders expanded in name order.</summary>
    public static List<string> Expand(IEnumerable<string> paths) =>
        [.. paths.SelectMany<string, string>(path => Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            : [path])];

    /// <summary>Scans one file into an inventory with the reader its kind needs.</summary>
    public static DatasetInventory ScanFile(string path, SniffedContent content, InventoryFactory factory, int? sample, int parallelism, Action<long> progress, CancellationToken cancellationToken)
    {
        var kind = SourceKind.Detect(path);
        if (kind is SourceKind.JsonLines or SourceKind.PlainText)
        {
            return ScanLines(path, content, kind == SourceKind.JsonLines, factory, sample, parallelism, progress);
        }

        var inventory = factory.Create(path);
        using var stream = Open(path, content);
        long limit = sample ?? long.MaxValue;
        if (kind == SourceKind.Parquet)
        {
            new ParquetReader().ReadAsync(stream, inventory, limit, cancellationToken).GetAwaiter().GetResult();
        }
        else
        {
            new CsvReader(kind == SourceKind.Tsv ? '\t' : null).Read(stream, inventory, limit, cancellationToken);
        }

        return inventory;
    }

    /// <summary>Scans a JSON-lines or text file in parallel chunks into one inventory.</summary>
    public static DatasetInventory ScanLines(string path, SniffedContent content, bool json, InventoryFactory factory, int? sample, int parallelism, Action<long> progress)
    {
        using var stream = Open(path, content);
        var total = factory.Create(path);
        int chunksAtOnce = sample is null ? parallelism : 1;

        // Chunks handled in turn on this thread are scanned straight into the file's inventory: nothing to merge.
        using var handler = new InventoryLines(path, json, factory, sample, chunksAtOnce == 0 ? total : null);
        using var stop = new CancellationTokenSource();
        try
        {
            LineChunks.Run(
                stream,
                handler,
                (state, read) =>
                {
                    if (!ReferenceEquals(state.Inventory, total))
                    {
                        total.Merge(state.Inventory);
                    }

                    handler.Return(state);

                    progress(read);
                    if (sample is int limit && total.Records >= limit)
                    {
                        stop.Cancel();
                    }
                },
                chunksAtOnce,
                cancellationToken: stop.Token);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The sample is complete.
        }

        return total;
    }

    /// <summary>Returns <see langword="true"/> when a file of <paramref name="content"/> can be scanned (UTF-8, or text that is transcoded to it).</summary>
    public static bool IsReadable(SniffedContent content) => content != SniffedContent.Binary;

    /// <summary>Opens the file as UTF-8 bytes, transcoding GB 18030 and UTF-16 text on the way.</summary>
    internal static Stream Open(string path, SniffedContent content)
    {
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        var encoding = content switch
        {
            SniffedContent.Gb18030Text => Gb18030.Value,
            SniffedContent.Utf16Text => System.Text.Encoding.Unicode,
            _ => null,
        };
        return encoding is null ? file : System.Text.Encoding.CreateTranscodingStream(file, encoding, System.Text.Encoding.UTF8);
    }

    private static readonly Lazy<System.Text.Encoding> Gb18030 = new(() =>
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(54936);
    });

    /// <summary>Builds inventories that share one scanner, keyer and reference date.</summary>
    internal sealed class InventoryFactory(Scanner scanner, SubjectKeyer keyer, DateOnly referenceDate)
    {
        public DatasetInventory Create(string source) => new(source, scanner, keyer, referenceDate);
    }

    /// <summary>Scans the lines of each chunk into an inventory of its own, or of every chunk into <paramref name="only"/> when given.</summary>
    /// <remarks>
    /// A chunk's inventory, once merged into the file's, is empty again and takes a later chunk: it knows the file's fields
    /// already, so their names are not classified again for every chunk.
    /// </remarks>
    private sealed class InventoryLines(string source, bool json, InventoryFactory factory, int? sample, DatasetInventory? only) : ILineHandler<InventoryLines.State>, IDisposable
    {
        private static readonly byte[] TextField = "text"u8.ToArray();
        private static readonly JsonLinesReader Json = new();

        private readonly System.Collections.Concurrent.ConcurrentBag<State> _spare = [];
        private readonly List<State> _all = [];
        private long _taken;

        public State NewState()
        {
            if (_spare.TryTake(out var state))
            {
                return state;
            }

            state = new State(only ?? factory.Create(source));
            lock (_all)
            {
                _all.Add(state);
            }

            return state;
        }

        /// <summary>Takes back a chunk's state, its inventory merged (and so emptied) unless it is the only one, for a later chunk.</summary>
        public void Return(State state) => _spare.Add(state);

        public void Dispose()
        {
            foreach (var state in _all)
            {
                state.Session.Dispose();
            }
        }

        public void Line(State state, ReadOnlySpan<byte> line, long lineNumber)
        {
            if (line.IsEmpty || (sample is int limit && Interlocked.Increment(ref _taken) > limit))
            {
                return;
            }

            if (json)
            {
                Json.HandleLine(state.Session, line, lineNumber);
                return;
            }

            if (!System.Text.Unicode.Utf8.IsValid(line))
            {
                state.Inventory.Skip(lineNumber, "", RecordMessages.InvalidUtf8(Utf8Text.IndexOfInvalid(line) + 1L));
                return;
            }

            state.Inventory.BeginRecord(lineNumber);
            state.Inventory.Field(TextField, line);
            state.Inventory.EndRecord();
        }

        public void TooLong(State state, long lineNumber, long length) =>
            state.Inventory.Skip(lineNumber, "", RecordMessages.LineTooLong(LineChunks.DefaultMaxLineBytes, length));

        /// <summary>Gets a value indicating whether JSON lines are read as they come, their ends found by the reader; not when sampling, which counts every line.</summary>
        public bool FindsLineEnds => json && sample is null;

        public int LeadingLine(State state, ReadOnlySpan<byte> text, long lineNumber) => Json.HandleLeadingLine(state.Session, text, lineNumber);

        internal sealed class State(DatasetInventory inventory)
        {
            public DatasetInventory Inventory { get; } = inventory;

            public JsonLinesReader.Session Session { get; } = JsonLinesReader.NewSession(inventory);
        }
    }
}
