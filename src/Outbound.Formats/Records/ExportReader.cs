using Outbound.Gateway;

namespace Outbound.Formats.Records;

/// <summary>Reads an export's input — JSON lines, CSV/TSV or Parquet — into batches for the gateway.</summary>
internal static class ExportReader
{
    /// <summary>Reads <paramref name="input"/> of kind <paramref name="kind"/> into batches of <paramref name="batchSize"/> input records.</summary>
    /// <param name="input">The input, positioned at its start.</param>
    /// <param name="kind">How to read it; plain text is not a record source.</param>
    /// <param name="batchSize">Input records (read or unreadable) per batch.</param>
    /// <param name="skipThrough">Positions up to this one were committed by an earlier run and are passed over.</param>
    /// <param name="onBatch">Receives each batch, in input order.</param>
    /// <param name="progress">Receives the bytes read so far, now and then.</param>
    /// <param name="cancellationToken">Stops reading between records.</param>
    /// <returns>The input records handed on, and those passed over.</returns>
    public static (long Handed, long Passed) Read(Stream input, SourceKind kind, int batchSize, long skipThrough, Action<InputBatch> onBatch, Action<long>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        switch (kind)
        {
            case SourceKind.JsonLines:
            {
                var collector = new BatchCollector(RecordShape.JsonObject, batchSize, skipThrough, onBatch);
                var reader = new JsonLinesReader();
                using var session = JsonLinesReader.NewSession(collector);
                LineChunks.Run(
                    input,
                    new Lines(reader, session, collector, skipThrough, cancellationToken),
                    (_, read) => progress?.Invoke(read),
                    parallelism: 0,
                    reader.MaxLineBytes,
                    cancellationToken: cancellationToken);
                collector.Finish();
                return (collector.Handed, collector.Passed);
            }

            case SourceKind.Csv or SourceKind.Tsv:
            {
                var collector = new BatchCollector(RecordShape.Columns, batchSize, skipThrough, onBatch);
                new CsvReader(kind == SourceKind.Tsv ? '\t' : null).Read(input, collector, cancellationToken: cancellationToken);
                collector.Finish();
                return (collector.Handed, collector.Passed);
            }

            case SourceKind.Parquet:
            {
                var collector = new BatchCollector(RecordShape.Columns, batchSize, skipThrough, onBatch);
                // Read on this thread throughout: the collector blocks it while the consumer is a batch behind.
                new ParquetReader().ReadAsync(new SynchronousReads(input), collector, cancellationToken: cancellationToken).GetAwaiter().GetResult();
                collector.Finish();
                return (collector.Handed, collector.Passed);
            }

            default:
                throw new ArgumentException("Plain text has no records to export; give JSON lines, CSV, TSV or Parquet.", nameof(kind));
        }
    }

    /// <summary>Reads records kept as JSON objects (e.g. opened from quarantine), each under its own position.</summary>
    /// <returns>The records, and the positions that could not be read.</returns>
    public static InputBatch ReadJsonRecords(IEnumerable<(long Position, byte[] Json)> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var read = new List<SourceRecord>();
        var unreadable = new List<UnreadableRecord>();
        var collector = new BatchCollector(RecordShape.JsonObject, int.MaxValue, 0, batch =>
        {
            read.AddRange(batch.Records);
            unreadable.AddRange(batch.Unreadable);
        });
        var reader = new JsonLinesReader();
        using var session = JsonLinesReader.NewSession(collector);
        foreach (var (position, json) in records)
        {
            collector.CurrentLine = json;
            reader.HandleLine(session, json, position);
        }

        collector.Finish();
        return new InputBatch(read, unreadable);
    }

    /// <summary>Hands each line to the JSON-lines reader with the line kept for the record's raw form.</summary>
    private sealed class Lines(JsonLinesReader reader, JsonLinesReader.Session session, BatchCollector collector, long skipThrough, CancellationToken cancellationToken)
        : ILineHandler<JsonLinesReader.Session>
    {
        private byte[] _line = new byte[4096];

        public JsonLinesReader.Session NewState() => session;

        public void Line(JsonLinesReader.Session state, ReadOnlySpan<byte> line, long lineNumber)
        {
            if (lineNumber <= skipThrough)
            {
                return;
            }

            cancellationToken.ThrowIfCancellationRequested();

            // The collector copies the line into its record, so one buffer serves every line. The reader reads the
            // copy, so the values it passes are slices of the line the collector keeps.
            if (line.Length > _line.Length)
            {
                _line = new byte[Math.Max(line.Length, _line.Length * 2)];
            }

            line.CopyTo(_line);
            int start = lineNumber == 1 && line.StartsWith("\uFEFF"u8) ? 3 : 0;
            int end = line.Length > start && line[^1] == (byte)'\r' ? line.Length - 1 : line.Length;
            collector.CurrentLine = _line.AsMemory(start, end - start);
            reader.HandleLine(state, _line.AsSpan(0, line.Length), lineNumber);
        }

        public void TooLong(JsonLinesReader.Session state, long lineNumber, long length)
        {
            if (lineNumber > skipThrough)
            {
                state.Visitor.Skip(lineNumber, "", RecordMessages.LineTooLong(reader.MaxLineBytes, length));
            }
        }
    }
}
