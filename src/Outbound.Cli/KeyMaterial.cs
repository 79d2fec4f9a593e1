using System.Security.Cryptography;
using System.Text;

namespace Outbound.Cli;

/// <summary>
/// Reads secret keys from a key file or an environment variable, refusing files others can read and keys too weak
/// to protect anything. A key is never printed: messages name where it came from, never what it is.
/// </summary>
internal static class KeyMaterial
{
    /// <summary>The fewest bytes a secret for subject keys, tokens and format-preserving encryption may have.</summary>
    public const int MinimumSecretBytes = 32;

    /// <summary>Reads a secret from <paramref name="file"/>, else from the environment variable <paramref name="variable"/>.</summary>
    /// <param name="file">The key file, or <see langword="null"/>.</param>
    /// <param name="variable">The environment variable.</param>
    /// <param name="what">What the key is for, for messages (e.g. "subject key").</param>
    /// <param name="exactBytes">The exact length required, or <see langword="null"/> for at least <see cref="MinimumSecretBytes"/>.</param>
    /// <returns>The secret, or an error saying what is wrong and how to fix it.</returns>
    public static (byte[]? Secret, string? Error) Read(string? file, string variable, string what, int? exactBytes = null)
    {
        string text;
        string origin;
        if (file is not null)
        {
            if (!File.Exists(file))
            {
                return (null, Messages.KeyFileMissing(file));
            }

            if (OpenToOthers(file))
            {
                return (null, Messages.KeyFileOpen(file));
            }

            text = File.ReadAllText(file);
            origin = file;
        }
        else
        {
            string? value = Environment.GetEnvironmentVariable(variable);
            if (string.IsNullOrWhiteSpace(value))
            {
                return (null, Messages.KeyMissing(what, variable));
            }

            text = value;
            origin = variable;
        }

        byte[] secret = Decode(text.Trim());
        if (exactBytes is int exact && secret.Length != exact)
        {
            return (null, Messages.KeyWrongLength(what, origin, exact, secret.Length));
        }

        if (secret.Length < MinimumSecretBytes)
        {
            return (null, Messages.KeyTooWeak(what, origin, MinimumSecretBytes, secret.Length));
        }

        if (secret.Distinct().Count() < 8)
        {
            return (null, Messages.KeyNotRandom(what, origin));
        }

        return (secret, null);
    }

    /// <summary>Writes a new random 32-byte key as hex to <paramref name="file"/>, readable by its owner only.</summary>
    public static void Create(string file)
    {
        WriteOwnerOnly(file, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) + "\n");
    }

    /// <summary>Writes <paramref name="text"/> to a new file that only its owner can read and write.</summary>
    public static void WriteOwnerOnly(string file, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(file, options);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    /// <summary>Derives a key for one purpose from a secret (HKDF-SHA256, RFC 5869), so one secret serves tokens and encryption without reuse.</summary>
    public static byte[] Derive(byte[] secret, string purpose, int length = 32) =>
        HKDF.DeriveKey(HashAlgorithmName.SHA256, secret, length, salt: Encoding.UTF8.GetBytes("outbound"), info: Encoding.UTF8.GetBytes(purpose));

    private static bool OpenToOthers(string file)
    {
        if (OperatingSystem.IsWindows())
        {
            return false;
        }

        var mode = File.GetUnixFileMode(file);
        return (mode & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;
    }

    /// <summary>Reads a key written as hex (32 digits or more), base64, or else taken as UTF-8 text.</summary>
    internal static byte[] Decode(string text)
    {
        if (text.Length >= 32 && text.Length % 2 == 0 && text.All(char.IsAsciiHexDigit))
        {
            return Convert.FromHexString(text);
        }

        Span<byte> buffer = stackalloc byte[text.Length];
        return Convert.TryFromBase64String(text, buffer, out int written) && written >= 16
            ? buffer[..written].ToArray()
            : Encoding.UTF8.GetBytes(text);
    }
}
