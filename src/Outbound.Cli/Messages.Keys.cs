namespace Outbound.Cli;

/// <summary>The texts about keys.</summary>
internal static partial class Messages
{
    public static string KeyFileOpen(string file) =>
        $"Key file {file} can be read or written by others; keys must be readable by their owner only (chmod 600 {file}).";

    public static string KeyMissing(string what, string variable) =>
        $"No {what} was given: set {variable} (64 hex digits, e.g. from `openssl rand -hex 32`) or pass a key file with owner-only permissions.";

    public static string KeyWrongLength(string what, string origin, int expected, int actual) =>
        $"The {what} from {origin} must be {expected} bytes ({expected * 2} hex digits); it has {actual}.";

    public static string KeyTooWeak(string what, string origin, int minimum, int actual) =>
        $"The {what} from {origin} is too short: at least {minimum} bytes ({minimum * 2} hex digits) are needed; it has {actual}.";

    public static string KeyNotRandom(string what, string origin) =>
        $"The {what} from {origin} does not look random (too few distinct bytes); make one with `openssl rand -hex 32`.";
}
