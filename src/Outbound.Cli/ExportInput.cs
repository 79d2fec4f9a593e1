using System.Security.Cryptography;
using System.Text;
using Outbound.Detection;
using Outbound.Formats.Records;
using Outbound.Gateway;
using Outbound.Storage;

namespace Outbound.Cli;

/// <summary>An export's input — a file, standard input, or a database table — with the digest that names its run.</summary>
internal sealed class ExportInput
{
    private readonly Action<int, long, Action<InputBatch>, Action<long>, CancellationToken> _read;

    private ExportInput(string name, long length, string digest, Action<int, long, Action<InputBatch>, Action<long>, CancellationToken> read)
    {
        Name = name;
        Length = length;
        Digest = digest;
        _read = read;
    }

    /// <summary>Gets the input's name for people.</summary>
    public string Name { get; }

    /// <summary>Gets the input's length in bytes, or 0 when unknown (a table).</summary>
    public long Length { get; }

    /// <summary>Gets the SHA-256 of the input (of a table: of its rows as read), lower-case hex.</summary>
    public string Digest { get; }

    /// <summary>
    /// Starts hashing the file <paramref name="path"/> on another thread, so that on a machine with a core to spare its
    /// digest is ready by the time the declaration, policy, keys and store are; <see langword="null"/> for standard input,
    /// a table, or a path that is no file.
    /// </summary>
    public static Task<string>? StartDigest(string? path, string? db, CancellationToken cancellationToken)
    {
        if (db is not null || path is null or "-" or StandardInput.Name || !File.Exists(path))
        {
            return null;
        }

        return Task.Run(() => DigestOf(path, cancellationToken), cancellationToken);
    }

    /// <summary>Opens the input: <paramref name="path"/> (<c>-</c> for standard input, spooled to a file first so it can be named by its digest and resumed), or a table.</summary>
    /// <param name="path">The input file, or <c>-</c>.</param>
    /// <param name="db">The database of a table, or <see langword="null"/>.</param>
    /// <param name="table">The table.</param>
    /// <param name="destination">Where standard input is spooled beside the released parts.</param>
    /// <param name="standardInput">Standard input.</param>
    /// <param name="digesting">The digest of <paramref name="path"/> <see cref="StartDigest"/> started, if it did.</param>
    /// <param name="spooled">The spooled copy of standard input, to delete when done.</param>
    /// <exception cref="ExportSetupException">The input cannot be exported; the message says why.</exception>
    public static ExportInput Open(string? path, string? db, string? table, string? destination, StandardInput standardInput, Task<string>? digesting, out string? spooled)
    {
        spooled = null;
        if (db is not null)
        {
            return OpenTable(StoreLocation.Parse(db), table!);
        }

        var kind = SourceKind.Detect(path!);
        if (path is "-" or StandardInput.Name)
        {
            spooled = Path.Combine(destination is null ? Path.GetTempPath() : Path.GetFullPath(destination), $".stdin-{Guid.NewGuid():N}.tmp");
            Directory.CreateDirectory(Path.GetDirectoryName(spooled)!);
            using (var file = File.Create(spooled))
            using (var stream = standardInput.Open())
            {
                stream.CopyTo(file);
            }

            kind = SniffKind(spooled);
            path = spooled;
        }

        if (kind == SourceKind.PlainText)
        {
            throw new ExportSetupException(Messages.ExportPlainText(path!));
        }

        var content = kind == SourceKind.Parquet ? SniffedContent.Utf8Text : BinarySniffer.Sniff(path!);
        if (!ScanSources.IsReadable(content))
        {
            throw new ExportSetupException(path + ": " + BinarySniffer.Note(content));
        }

        string digest = digesting is not null ? digesting.GetAwaiter().GetResult() : DigestOf(path!, CancellationToken.None);

        string name = spooled is null ? path! : "standard input";
        string filePath = path!;
        return new ExportInput(name, new FileInfo(filePath).Length, digest, (batchSize, skip, onBatch, progress, token) =>
        {
            using var stream = ScanSources.Open(filePath, content);
            ExportReader.Read(stream, kind, batchSize, skip, onBatch, progress, token);
        });
    }

    /// <summary>Reads the input in batches, passing over positions up to <paramref name="skipThrough"/>.</summary>
    public void Read(int batchSize, long skipThrough, Action<InputBatch> onBatch, Action<long> progress, CancellationToken cancellationToken) =>
        _read(batchSize, skipThrough, onBatch, progress, cancellationToken);

    private static string DigestOf(string path, CancellationToken cancellationToken)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        byte[] buffer = System.Buffers.ArrayPool<byte>.Shared.Rent(1 << 20);
        try
        {
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                hash.AppendData(buffer, 0, read);
            }
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(buffer);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static SourceKind SniffKind(string path)
    {
        using var stream = File.OpenRead(path);
        Span<byte> start = stackalloc byte[4];
        int read = stream.Read(start);
        if (read >= 4 && start.SequenceEqual("PAR1"u8))
        {
            return SourceKind.Parquet;
        }

        int first = start[..read].IndexOfAnyExcept(" \t\r\n\uFEFF"u8);
        return first >= 0 && start[first] == (byte)'{' ? SourceKind.JsonLines : SourceKind.Csv;
    }

    private static ExportInput OpenTable(StoreLocation location, string table)
    {
        string digest;
        using (var reader = TableReader.Open(location))
        {
            var hasher = new DigestVisitor();
            reader.Read(table, hasher);
            digest = hasher.Digest();
        }

        return new ExportInput($"{location}/{table}", 0, digest, (batchSize, skip, onBatch, _, token) =>
        {
            using var reader = TableReader.Open(location);
            var collector = new BatchCollector(RecordShape.Columns, batchSize, skip, onBatch);
            reader.Read(table, collector, cancellationToken: token);
            collector.Finish();
        });
    }

    /// <summary>Hashes a table's rows as read: each field's name and value, length-prefixed.</summary>
    private sealed class DigestVisitor : IRecordVisitor
    {
        private readonly IncrementalHash _hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

        public string Digest() => Convert.ToHexStringLower(_hash.GetHashAndReset());

        public void BeginRecord(long position) => _hash.AppendData("\u001e"u8);

        public void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value)
        {
            Span<byte> length = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, name.Length);
            System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length[4..], value.Length);
            _hash.AppendData(length);
            _hash.AppendData(name);
            _hash.AppendData(value);
        }

        public void EndRecord()
        {
        }

        public void Skip(long position, string field, string reason) => _hash.AppendData(Encoding.UTF8.GetBytes($"\u001f{position}"));
    }
}

/// <summary>An export cannot start: its input, declaration, policy, keys or store are not usable. The message says why.</summary>
internal sealed class ExportSetupException(string message) : Exception(message);
