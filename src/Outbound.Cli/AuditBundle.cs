using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Outbound.Gateway;

namespace Outbound.Cli;

/// <summary>
/// Evidence an auditor can check without Outbound or the database: the audit log's entries and checkpoints as JSON
/// lines, the public key, the anchored head, a SHA-256 manifest, and VERIFY.md saying how to recompute it all by hand.
/// </summary>
internal static class AuditBundle
{
    /// <summary>The entries, one JSON object a line.</summary>
    public const string EntriesFile = "entries.jsonl";

    /// <summary>The checkpoints, one JSON object a line.</summary>
    public const string CheckpointsFile = "checkpoints.jsonl";

    /// <summary>The audit key's public half.</summary>
    public const string PublicKeyFile = "audit-public-key.pem";

    /// <summary>The head anchored outside the database.</summary>
    public const string HeadFile = "head.json";

    /// <summary>The guide to checking the bundle by hand.</summary>
    public const string GuideFile = "VERIFY.md";

    /// <summary>SHA-256 of every other file, in <c>sha256sum</c> format.</summary>
    public const string ManifestFile = "MANIFEST.sha256";

    private static readonly JsonWriterOptions LineOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Writes a bundle into <paramref name="directory"/>, which must be empty or not exist yet.</summary>
    /// <returns>The files written, in the manifest's order.</returns>
    public static IReadOnlyList<string> Write(string directory, IEnumerable<AuditEntry> entries, IReadOnlyList<AuditCheckpoint> checkpoints, string? publicKeyPem, AuditCheckpoint? head)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(checkpoints);
        Directory.CreateDirectory(directory);

        var files = new List<string> { EntriesFile, CheckpointsFile };
        using (var stream = File.Create(Path.Combine(directory, EntriesFile)))
        {
            foreach (var entry in entries)
            {
                WriteLine(stream, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("sequence", entry.Sequence);
                    writer.WriteString("kind", AuditChain.WireName(entry.Kind));
                    writer.WriteString("actor", entry.Actor);
                    writer.WriteString("time", AuditChain.FormatTime(entry.Time));
                    writer.WriteString("body", entry.Body);
                    writer.WriteString("previous", Convert.ToHexStringLower(entry.Previous.Span));
                    writer.WriteString("hash", Convert.ToHexStringLower(entry.Hash.Span));
                    writer.WriteEndObject();
                });
            }
        }

        using (var stream = File.Create(Path.Combine(directory, CheckpointsFile)))
        {
            foreach (var checkpoint in checkpoints)
            {
                WriteLine(stream, writer => AuditHeadFile.Write(writer, checkpoint, withDer: true));
            }
        }

        if (publicKeyPem is not null)
        {
            File.WriteAllText(Path.Combine(directory, PublicKeyFile), publicKeyPem.ReplaceLineEndings("\n").TrimEnd('\n') + "\n");
            files.Add(PublicKeyFile);
        }

        if (head is not null)
        {
            File.WriteAllText(Path.Combine(directory, HeadFile), AuditHeadFile.ToJson(head) + "\n");
            files.Add(HeadFile);
        }

        File.WriteAllText(Path.Combine(directory, GuideFile), Guide());
        files.Add(GuideFile);

        var manifest = new StringBuilder();
        foreach (string file in files)
        {
            manifest.Append(Sha256Of(Path.Combine(directory, file))).Append("  ").Append(file).Append('\n');
        }

        File.WriteAllText(Path.Combine(directory, ManifestFile), manifest.ToString());
        return [.. files, ManifestFile];
    }

    /// <summary>Reads a bundle; the manifest is checked first and any file that differs from it is reported.</summary>
    /// <exception cref="FormatException">A file is missing or not in the bundle's format; the message names the file and line.</exception>
    public static Contents Read(string directory)
    {
        var manifestProblems = CheckManifest(directory);
        return Read(directory, manifestProblems);
    }

    /// <summary>Reads a bundle whose manifest was checked already.</summary>
    /// <exception cref="FormatException">A file is missing or not in the bundle's format; the message names the file and line.</exception>
    public static Contents Read(string directory, IReadOnlyList<string> manifestProblems)
    {
        var entries = ReadLines(directory, EntriesFile, ReadEntry);
        var checkpoints = ReadLines(directory, CheckpointsFile, AuditHeadFile.FromJson);
        string keyPath = Path.Combine(directory, PublicKeyFile);
        string headPath = Path.Combine(directory, HeadFile);
        return new Contents(
            entries,
            checkpoints,
            File.Exists(keyPath) ? File.ReadAllText(keyPath) : null,
            File.Exists(headPath) ? AuditHeadFile.Parse(File.ReadAllText(headPath), headPath) : null,
            manifestProblems);
    }

    /// <summary>Returns the guide to checking a bundle by hand (VERIFY.md).</summary>
    public static string Guide()
    {
        using var stream = typeof(AuditBundle).Assembly.GetManifestResourceStream("Outbound.Cli.VERIFY.md")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().ReplaceLineEndings("\n");
    }

    /// <summary>Checks every file the manifest lists against its SHA-256; returns one sentence per file that differs.</summary>
    public static List<string> CheckManifest(string directory)
    {
        var problems = new List<string>();
        string manifest = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifest))
        {
            problems.Add(Messages.BundleManifestMissing);
            return problems;
        }

        foreach (string line in File.ReadAllLines(manifest).Where(line => line.Length > 0))
        {
            int gap = line.IndexOf("  ", StringComparison.Ordinal);
            string file = gap < 0 ? line : line[(gap + 2)..];
            string path = Path.Combine(directory, file);
            if (gap != 64 || file.Contains('/', StringComparison.Ordinal) || file.Contains('\\', StringComparison.Ordinal))
            {
                problems.Add(Messages.BundleManifestLine(line));
            }
            else if (!File.Exists(path))
            {
                problems.Add(Messages.BundleFileMissing(file));
            }
            else if (!string.Equals(Sha256Of(path), line[..64], StringComparison.OrdinalIgnoreCase))
            {
                problems.Add(Messages.BundleFileChanged(file));
            }
        }

        return problems;
    }

    private static List<T> ReadLines<T>(string directory, string file, Func<JsonElement, T> read)
    {
        string path = Path.Combine(directory, file);
        if (!File.Exists(path))
        {
            throw new FormatException(Messages.BundleFileMissing(file));
        }

        var items = new List<T>();
        int number = 0;
        foreach (string line in File.ReadLines(path))
        {
            number++;
            if (line.Length == 0)
            {
                continue;
            }

            try
            {
                using var document = JsonDocument.Parse(line);
                items.Add(read(document.RootElement));
            }
            catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
            {
                throw new FormatException(Messages.BundleLineUnreadable(file, number, e.Message), e);
            }
        }

        return items;
    }

    private static AuditEntry ReadEntry(JsonElement element)
    {
        string kindName = element.GetProperty("kind").GetString() ?? "";
        if (!AuditChain.TryParseKind(kindName, out var kind))
        {
            throw new FormatException(Messages.BundleUnknownKind(kindName));
        }

        return new AuditEntry(
            element.GetProperty("sequence").GetInt64(),
            kind,
            element.GetProperty("actor").GetString() ?? "",
            AuditHeadFile.ParseTime(element.GetProperty("time").GetString() ?? ""),
            element.GetProperty("body").GetString() ?? "",
            Convert.FromHexString(element.GetProperty("previous").GetString() ?? ""),
            Convert.FromHexString(element.GetProperty("hash").GetString() ?? ""));
    }

    private static void WriteLine(Stream stream, Action<Utf8JsonWriter> write)
    {
        using (var writer = new Utf8JsonWriter(stream, LineOptions))
        {
            write(writer);
        }

        stream.WriteByte((byte)'\n');
    }

    private static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>What a bundle holds.</summary>
    /// <param name="Entries">The entries, in file order.</param>
    /// <param name="Checkpoints">The checkpoints, in file order.</param>
    /// <param name="PublicKeyPem">The public key, when the bundle has one.</param>
    /// <param name="Head">The anchored head, when the bundle has one.</param>
    /// <param name="ManifestProblems">Files that differ from the manifest, one sentence each.</param>
    internal sealed record Contents(
        IReadOnlyList<AuditEntry> Entries,
        IReadOnlyList<AuditCheckpoint> Checkpoints,
        string? PublicKeyPem,
        AuditCheckpoint? Head,
        IReadOnlyList<string> ManifestProblems);
}
