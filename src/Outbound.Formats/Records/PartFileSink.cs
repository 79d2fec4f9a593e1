using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outbound.Deidentification;
using Outbound.Gateway;

namespace Outbound.Formats.Records;

/// <summary>
/// Writes released records into a destination directory: one JSON-lines part file per batch
/// (<c>part-RUN-000001.jsonl</c>, RUN being the first 12 hex digits of the run id) and a manifest of the committed
/// parts (<c>manifest-RUN.json</c>).
/// </summary>
/// <remarks>
/// A part is written under a temporary name, flushed to disk and renamed into place before its batch commits; a
/// part whose batch did not commit (a crash in between) is removed on resume. Once on disk, its pages are let go of
/// (<see cref="PageCache"/>): nothing here reads a part again. The manifest is rewritten as batches
/// commit (at most once a second, and when the run ends), also through a temporary file, so a receiver reading it never
/// sees a part that is not complete.
/// </remarks>
internal sealed class PartFileSink : IReleaseSink
{
    private static readonly JsonWriterOptions ManifestOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Initializes a new instance of the <see cref="PartFileSink"/> class, creating the directory when missing.</summary>
    public PartFileSink(string directory)
    {
        Directory = Path.GetFullPath(directory);
        System.IO.Directory.CreateDirectory(Directory);
    }

    /// <summary>Gets the destination directory.</summary>
    public string Directory { get; }

    /// <summary>Returns a part's file name.</summary>
    public static string PartName(string runId, int batch) => string.Create(CultureInfo.InvariantCulture, $"part-{Short(runId)}-{batch:D6}.jsonl");

    /// <summary>Returns the run's manifest file name.</summary>
    public static string ManifestName(string runId) => $"manifest-{Short(runId)}.json";

    /// <inheritdoc/>
    public IReleasePart Open(string runId, int batch) => new Part(Directory, PartName(runId, batch));

    /// <inheritdoc/>
    public IReleaseWriter NewWriter() => new LineWriter();

    /// <inheritdoc/>
    public IReadOnlyList<string> DropUncommitted(string runId, IReadOnlySet<string> committedParts)
    {
        ArgumentNullException.ThrowIfNull(committedParts);
        var removed = new List<string>();
        foreach (string path in System.IO.Directory.EnumerateFiles(Directory, $"part-{Short(runId)}-*").Order(StringComparer.Ordinal))
        {
            string name = Path.GetFileName(path);
            if (!committedParts.Contains(name))
            {
                File.Delete(path);
                removed.Add(name);
            }
        }

        foreach (string path in System.IO.Directory.EnumerateFiles(Directory, $".part-{Short(runId)}-*.tmp"))
        {
            File.Delete(path);
        }

        return removed;
    }

    /// <inheritdoc/>
    public void WriteManifest(ExportRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        string final = Path.Combine(Directory, ManifestName(run.Key.RunId));
        string temporary = final + ".tmp";
        using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            using (var writer = new Utf8JsonWriter(stream, ManifestOptions))
            {
                writer.WriteStartObject();
                writer.WriteString("run_id", run.Key.RunId);
                writer.WriteString("transfer_id", run.Key.TransferId);
                writer.WriteString("handler", run.Key.Handler);
                writer.WriteString("input_digest", run.Key.InputDigest);
                writer.WriteString("policy_digest", run.Key.PolicyDigest);
                writer.WriteString("declaration_digest", run.Key.DeclarationDigest);
                writer.WriteStartArray("parts");
                foreach (var batch in run.Batches.Where(b => b.PartFile is not null))
                {
                    writer.WriteStartObject();
                    writer.WriteString("file", batch.PartFile);
                    writer.WriteString("sha256", batch.PartDigest);
                    writer.WriteNumber("records", batch.Released);
                    writer.WriteNumber("batch", batch.Batch);
                    writer.WriteString("committed", batch.Committed.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteNumber("records_released", run.Batches.Sum(b => b.Released));
                writer.WriteEndObject();
            }
        }

        // Renamed into place whole; not forced to disk, since a resume writes it again from the store's manifest.
        File.Move(temporary, final, overwrite: true);
    }

    private static string Short(string runId) => runId.Length > 12 ? runId[..12] : runId;

    /// <summary>Writes released records as JSON lines (<see cref="ReleasedJson"/>), with one JSON writer for all.</summary>
    private sealed class LineWriter : IReleaseWriter
    {
        private readonly Utf8JsonWriter _writer = new(Stream.Null, ReleasedJson.Options);

        public void Write(SourceRecord record, ReadOnlySpan<OutputField> fields, IBufferWriter<byte> output) => ReleasedJson.Write(record, fields, output, _writer);

        public void Dispose() => _writer.Dispose();
    }

    /// <summary>One part being written; the digest is computed as the bytes go out.</summary>
    private sealed class Part : IReleasePart
    {
        private readonly string _final;
        private readonly string _temporary;
        private readonly FileStream _stream;
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private bool _completed;

        public Part(string directory, string name)
        {
            _final = Path.Combine(directory, name);
            _temporary = Path.Combine(directory, "." + name + ".tmp");
            _stream = new FileStream(_temporary, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        }

        public void Write(ReadOnlySpan<byte> records)
        {
            _hash.AppendData(records);
            _stream.Write(records);
        }

        public (string FileName, string Digest) Complete()
        {
            _stream.Flush(flushToDisk: true);
            PageCache.DropWritten(_stream.SafeFileHandle);
            _stream.Dispose();
            File.Move(_temporary, _final, overwrite: true);
            _completed = true;
            return (Path.GetFileName(_final), Convert.ToHexStringLower(_hash.GetHashAndReset()));
        }

        public void Dispose()
        {
            _stream.Dispose();
            _hash.Dispose();
            if (!_completed && File.Exists(_temporary))
            {
                File.Delete(_temporary);
            }
        }
    }
}
