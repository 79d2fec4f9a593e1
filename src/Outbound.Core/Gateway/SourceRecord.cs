namespace Outbound.Gateway;

/// <summary>The shape a record had in its source, which decides how its released form is written.</summary>
public enum RecordShape
{
    /// <summary>One JSON object per line: released records keep the object's structure and value types.</summary>
    JsonObject,

    /// <summary>Named columns (CSV, Parquet, a database table): released records are written as flat JSON objects of text values.</summary>
    Columns,
}

/// <summary>One scalar field of a record: its dotted name and its value as UTF-8 text.</summary>
/// <param name="Name">The field's name; nested JSON fields are joined with dots, array elements share their array's name.</param>
/// <param name="Value">The value as UTF-8 text (JSON strings unescaped; numbers and booleans as written).</param>
/// <param name="IntegerDigits">For a value the reader knows to be a plain number (<see cref="Detection.IRecordVisitor.Number"/>), its digits before any point; else 0.</param>
public readonly record struct SourceField(string Name, ReadOnlyMemory<byte> Value, int IntegerDigits = 0);

/// <summary>A record read from the input, before anything is detected or changed.</summary>
/// <param name="Position">The 1-based line (text files) or row (tables, Parquet).</param>
/// <param name="Shape">The shape of the source.</param>
/// <param name="Fields">The scalar fields, in the order the source gives them.</param>
/// <param name="Raw">
/// The record as read: the JSON line, or for columns a JSON object of its fields. It is what quarantine seals and
/// what the batch digest covers.
/// </param>
public sealed record SourceRecord(long Position, RecordShape Shape, IReadOnlyList<SourceField> Fields, ReadOnlyMemory<byte> Raw)
{
    /// <summary>Gets the quarantine id of a record being released from quarantine, or <see langword="null"/> for a record read from an input.</summary>
    /// <remarks>A quarantined record that still may not go stays where it is, with the reason it is retained for now; one that may go is marked released.</remarks>
    public long? QuarantineId { get; init; }

    /// <summary>Gets the fields as a span: without a copy when they are an array, a slice of one, or a list.</summary>
    public ReadOnlySpan<SourceField> FieldSpan => Fields switch
    {
        SourceField[] array => array,
        ArraySegment<SourceField> segment => segment,
        List<SourceField> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
        _ => Fields.ToArray(),
    };
}

/// <summary>Part of the input that could not be read as a record.</summary>
/// <param name="Position">The 1-based line or row.</param>
/// <param name="Field">The field concerned, or empty.</param>
/// <param name="Reason">What was wrong, never quoting the data.</param>
public sealed record UnreadableRecord(long Position, string Field, string Reason);

/// <summary>One batch of input: the records read and the positions that could not be read, in input order.</summary>
/// <param name="Records">The records.</param>
/// <param name="Unreadable">The unreadable positions.</param>
public sealed record InputBatch(IReadOnlyList<SourceRecord> Records, IReadOnlyList<UnreadableRecord> Unreadable)
{
    /// <summary>Gets the first position in the batch.</summary>
    public long FirstPosition => Math.Min(Records.Count > 0 ? Records[0].Position : long.MaxValue, Unreadable.Count > 0 ? Unreadable[0].Position : long.MaxValue);

    /// <summary>Gets the last position in the batch.</summary>
    public long LastPosition => Math.Max(Records.Count > 0 ? Records[^1].Position : 0, Unreadable.Count > 0 ? Unreadable[^1].Position : 0);

    /// <summary>Gets the number of input records the batch stands for: records read plus unreadable ones.</summary>
    public long Count => Records.Count + Unreadable.Count;

    /// <summary>
    /// Gets the memory the records' values and raw forms are slices of, lent by the reader; <see langword="null"/> when the
    /// records own theirs. Dispose it once no record of the batch is used any more (its batch committed), so the reader
    /// fills it again; a batch never disposed leaves it to the collector.
    /// </summary>
    public IDisposable? Memory { get; init; }
}

/// <summary>Where released records go: one part file per batch, put in place before the batch's transaction commits.</summary>
public interface IReleaseSink
{
    /// <summary>Starts the part of one batch.</summary>
    IReleasePart Open(string runId, int batch);

    /// <summary>Returns a writer of released records in the parts' format, for one thread at a time.</summary>
    IReleaseWriter NewWriter();

    /// <summary>Removes parts of <paramref name="runId"/> whose batch never committed (what a crash between writing and committing leaves).</summary>
    /// <returns>The names of the parts removed.</returns>
    IReadOnlyList<string> DropUncommitted(string runId, IReadOnlySet<string> committedParts);

    /// <summary>Writes the destination's manifest of committed parts (as batches commit, and when the run ends), so the receiver knows what is complete.</summary>
    void WriteManifest(ExportRun run);
}

/// <summary>The released records of one batch, being written.</summary>
public interface IReleasePart : IDisposable
{
    /// <summary>Writes released records as an <see cref="IReleaseWriter"/> of the same sink put them, in the order they go.</summary>
    void Write(ReadOnlySpan<byte> records);

    /// <summary>Flushes the part to stable storage under its final name and returns that name and its SHA-256 (lower-case hex).</summary>
    (string FileName, string Digest) Complete();
}

/// <summary>Puts released records in the form a sink's parts hold (a line of JSON each, for part files).</summary>
public interface IReleaseWriter : IDisposable
{
    /// <summary>
    /// Writes one released record to <paramref name="output"/>: <paramref name="fields"/> has one entry per field of
    /// <paramref name="record"/>, at the field's index: an entry without a name is a field dropped, one not
    /// <see cref="Deidentification.OutputField.Changed"/> goes exactly as it was read, the others go with their value.
    /// </summary>
    void Write(SourceRecord record, ReadOnlySpan<Deidentification.OutputField> fields, System.Buffers.IBufferWriter<byte> output);
}
