using System.Globalization;
using System.Text;
using System.Text.Json;
using Outbound.Gateway;

namespace Outbound.Cli;

/// <summary>
/// The head of the audit log anchored outside the database: the last signed checkpoint, as a small JSON file
/// (<c>{"sequence", "hash", "time", "key_id", "signature"}</c>; hash in hex, signature in base64).
/// </summary>
/// <remarks>
/// Someone who can rewrite the database can also remove the tail of the log together with its checkpoints; the chain
/// left is intact in itself. Kept where the database's users cannot write (next to the audit key, or on other
/// storage), this file shows how far the log reached.
/// </remarks>
internal static class AuditHeadFile
{
    private static readonly JsonWriterOptions WriterOptions = new() { Indented = true };

    /// <summary>Reads the head anchored in <paramref name="path"/>, or <see langword="null"/> when there is no such file.</summary>
    /// <exception cref="FormatException">The file is not a head file; the message names it.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static AuditCheckpoint? Read(string path)
    {
        if (!File.Exists(path))
        {
            return null;
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads a head from its JSON text; <paramref name="source"/> names it in errors.</summary>
    /// <exception cref="FormatException">The text is not a head file.</exception>
    public static AuditCheckpoint Parse(string json, string source)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            return FromJson(document.RootElement);
        }
        catch (Exception e) when (e is JsonException or FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException(Messages.HeadFileUnreadable(source, e.Message), e);
        }
    }

    /// <summary>Writes <paramref name="checkpoint"/> to <paramref name="path"/> atomically: a temporary file beside it, then a rename.</summary>
    public static void Write(string path, AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        string full = Path.GetFullPath(path);
        string temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(Encoding.UTF8.GetBytes(ToJson(checkpoint) + "\n"));
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Returns the head as its JSON text.</summary>
    public static string ToJson(AuditCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, checkpoint, withDer: false);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Writes a checkpoint as a JSON object; with <paramref name="withDer"/>, adds the signature in DER for openssl.</summary>
    public static void Write(Utf8JsonWriter writer, AuditCheckpoint checkpoint, bool withDer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(checkpoint);
        writer.WriteStartObject();
        writer.WriteNumber("sequence", checkpoint.Sequence);
        writer.WriteString("hash", Convert.ToHexStringLower(checkpoint.Hash.Span));
        writer.WriteString("time", AuditChain.FormatTime(checkpoint.Time));
        writer.WriteString("key_id", checkpoint.KeyId);
        writer.WriteString("signature", Convert.ToBase64String(checkpoint.Signature.Span));
        if (withDer)
        {
            writer.WriteString("signature_der", Convert.ToBase64String(SignatureDer(checkpoint.Signature.Span)));
        }

        writer.WriteEndObject();
    }

    /// <summary>Reads a checkpoint written by <see cref="Write(Utf8JsonWriter, AuditCheckpoint, bool)"/>.</summary>
    /// <exception cref="FormatException">A field is missing or malformed.</exception>
    public static AuditCheckpoint FromJson(JsonElement element) => new(
        element.GetProperty("sequence").GetInt64(),
        Convert.FromHexString(element.GetProperty("hash").GetString() ?? ""),
        ParseTime(element.GetProperty("time").GetString() ?? ""),
        element.GetProperty("key_id").GetString() ?? "",
        Convert.FromBase64String(element.GetProperty("signature").GetString() ?? ""));

    /// <summary>Reads a time as the audit chain writes it.</summary>
    /// <exception cref="FormatException">The text is not such a time.</exception>
    public static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.ParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Returns an IEEE P1363 signature (r‖s, 64 bytes) as the DER sequence openssl reads.</summary>
    public static byte[] SignatureDer(ReadOnlySpan<byte> signature)
    {
        int half = signature.Length / 2;
        var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteIntegerUnsigned(Minimal(signature[..half]));
            writer.WriteIntegerUnsigned(Minimal(signature[half..]));
        }

        return writer.Encode();

        // DER integers carry no redundant leading zero bytes; r or s starts with one about once in 256 signatures.
        static ReadOnlySpan<byte> Minimal(ReadOnlySpan<byte> value)
        {
            int first = value.IndexOfAnyExcept((byte)0);
            return first < 0 ? value[^1..] : value[first..];
        }
    }
}
