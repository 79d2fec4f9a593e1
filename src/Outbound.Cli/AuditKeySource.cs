using System.Diagnostics.CodeAnalysis;
using Outbound.Gateway;

namespace Outbound.Cli;

/// <summary>The audit key and the file the log's head is anchored in, as one command found them.</summary>
internal sealed class AuditKeys : IDisposable
{
    public AuditKeys(AuditSigner? key, string? keyOrigin, string? headPath)
    {
        Key = key;
        KeyOrigin = keyOrigin;
        HeadPath = headPath;
    }

    /// <summary>Gets the audit key: a private key signs checkpoints, a public key only checks them; <see langword="null"/> when none was given.</summary>
    public AuditSigner? Key { get; }

    /// <summary>Gets where the key came from (a file or an environment variable), for messages.</summary>
    public string? KeyOrigin { get; }

    /// <summary>Gets the head anchor file, or <see langword="null"/> when there is none.</summary>
    public string? HeadPath { get; }

    /// <summary>Gets the signer to give the store: the key when it can sign.</summary>
    public AuditSigner? Signer => Key is { CanSign: true } ? Key : null;

    /// <summary>Reads the anchored head, or <see langword="null"/> when there is no anchor file (yet).</summary>
    /// <exception cref="FormatException">The file is not a head file.</exception>
    public AuditCheckpoint? ReadHead() => HeadPath is null ? null : AuditHeadFile.Read(HeadPath);

    /// <summary>Anchors <paramref name="checkpoint"/> as the log's head; call after each commit that wrote one.</summary>
    /// <returns>Whether a head file was written.</returns>
    public bool WriteHead(AuditCheckpoint? checkpoint)
    {
        if (checkpoint is null || HeadPath is null)
        {
            return false;
        }

        AuditHeadFile.Write(HeadPath, checkpoint);
        return true;
    }

    /// <inheritdoc/>
    public void Dispose() => Key?.Dispose();
}

/// <summary>
/// Finds the audit key: <c>--audit-key FILE</c> (private key, PEM), <c>--public-key FILE</c> (to verify only), else
/// the <c>OUTBOUND_AUDIT_KEY</c> environment variable (PEM text); and the head anchor file: <c>--audit-head FILE</c>,
/// else the key file's path with <c>.head</c> added, else (key from the environment) <c>OUTBOUND_AUDIT_HEAD</c>.
/// </summary>
/// <remarks>A private key file must be the owner's alone (on Unix, no permission for group or others): the key is what makes the log's checkpoints unforgeable.</remarks>
internal static class AuditKeySource
{
    /// <summary>The environment variable holding the private key as PEM text.</summary>
    public const string KeyVariable = "OUTBOUND_AUDIT_KEY";

    /// <summary>The environment variable naming the head anchor file when the key comes from <see cref="KeyVariable"/>.</summary>
    public const string HeadVariable = "OUTBOUND_AUDIT_HEAD";

    /// <summary>The suffix added to the key file's path to name its head anchor file.</summary>
    public const string HeadSuffix = ".head";

    private const UnixFileMode OthersMayAccess =
        UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
        UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;

    /// <summary>Finds the key and head file, or says what is wrong.</summary>
    /// <param name="keyFile">The <c>--audit-key</c> file, if given.</param>
    /// <param name="publicKeyFile">The <c>--public-key</c> file, if given.</param>
    /// <param name="headFile">The <c>--audit-head</c> file, if given.</param>
    /// <param name="environment">Reads an environment variable.</param>
    /// <param name="keys">The key and head file found.</param>
    /// <param name="error">A sentence saying what is wrong.</param>
    public static bool TryResolve(
        string? keyFile,
        string? publicKeyFile,
        string? headFile,
        Func<string, string?> environment,
        [NotNullWhen(true)] out AuditKeys? keys,
        [NotNullWhen(false)] out string? error)
    {
        ArgumentNullException.ThrowIfNull(environment);
        keys = null;
        if (keyFile is not null && publicKeyFile is not null)
        {
            error = Messages.AuditKeyAndPublicKey;
            return false;
        }

        if (keyFile is not null)
        {
            if (!TryReadKeyFile(keyFile, privateKey: true, out var key, out error))
            {
                return false;
            }

            keys = new AuditKeys(key, keyFile, headFile ?? keyFile + HeadSuffix);
            return true;
        }

        if (publicKeyFile is not null)
        {
            if (!TryReadKeyFile(publicKeyFile, privateKey: false, out var key, out error))
            {
                return false;
            }

            keys = new AuditKeys(key, publicKeyFile, headFile ?? NonEmpty(environment(HeadVariable)));
            return true;
        }

        string? pem = NonEmpty(environment(KeyVariable));
        AuditSigner? fromEnvironment = null;
        if (pem is not null)
        {
            try
            {
                fromEnvironment = AuditSigner.FromPem(pem);
            }
            catch (ArgumentException e)
            {
                error = Messages.AuditKeyUnreadable(KeyVariable, e.Message);
                return false;
            }
        }

        keys = new AuditKeys(fromEnvironment, fromEnvironment is null ? null : KeyVariable, headFile ?? NonEmpty(environment(HeadVariable)));
        error = null;
        return true;
    }

    private static bool TryReadKeyFile(string path, bool privateKey, [NotNullWhen(true)] out AuditSigner? key, [NotNullWhen(false)] out string? error)
    {
        key = null;
        if (!File.Exists(path))
        {
            error = Messages.AuditKeyFileMissing(path);
            return false;
        }

        if (privateKey && !OperatingSystem.IsWindows() && (File.GetUnixFileMode(path) & OthersMayAccess) != 0)
        {
            error = Messages.AuditKeyFileOpen(path, Convert.ToString((int)File.GetUnixFileMode(path) & 0x1FF, 8).PadLeft(4, '0'));
            return false;
        }

        try
        {
            key = AuditSigner.FromPem(File.ReadAllText(path));
        }
        catch (ArgumentException e)
        {
            error = Messages.AuditKeyUnreadable(path, e.Message);
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            error = Messages.FileUnreadable(path, e.Message);
            return false;
        }

        if (privateKey && !key.CanSign)
        {
            key.Dispose();
            key = null;
            error = Messages.AuditKeyNotPrivate(path);
            return false;
        }

        error = null;
        return true;
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
