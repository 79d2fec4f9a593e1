using System.Text;
using Outbound.Detection;

namespace Outbound.Cli;

/// <summary>Finds the subject-key secret: a key file, else the environment, else a throw-away key for this run only.</summary>
/// <remarks>The secret is never stored with the data and never printed; only its key id is.</remarks>
internal static class SubjectKeySource
{
    /// <summary>The environment variable holding the secret (hex, base64 or text of at least 16 bytes).</summary>
    public const string Variable = "OUTBOUND_SUBJECT_KEY";

    /// <summary>Returns the keyer, whether it is a throw-away one, or an error message.</summary>
    public static (SubjectKeyer? Keyer, bool ThrowAway, string? Error) Resolve(string? keyFile)
    {
        string? text;
        string origin;
        if (keyFile is not null)
        {
            if (!File.Exists(keyFile))
            {
                return (null, false, Messages.KeyFileMissing(keyFile));
            }

            text = File.ReadAllText(keyFile);
            origin = keyFile;
        }
        else
        {
            text = Environment.GetEnvironmentVariable(Variable);
            origin = Variable;
            if (string.IsNullOrWhiteSpace(text))
            {
                return (SubjectKeyer.ThrowAway(), true, null);
            }
        }

        byte[] secret = KeyMaterial.Decode(text.Trim());
        return secret.Length < 16
            ? (null, false, Messages.KeyTooShort(origin, secret.Length))
            : (new SubjectKeyer(secret), false, null);
    }
}
