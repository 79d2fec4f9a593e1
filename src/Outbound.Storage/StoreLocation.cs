using System.Diagnostics.CodeAnalysis;
using Npgsql;

namespace Outbound.Storage;

/// <summary>The kinds of database a store can be.</summary>
internal enum StoreKind
{
    /// <summary>A SQLite database file.</summary>
    Sqlite,

    /// <summary>A PostgreSQL database, named by a connection string.</summary>
    Postgres,
}

/// <summary>Where a store is: <c>sqlite:PATH</c> or <c>postgres:CONNECTION</c>, as written on the command line.</summary>
/// <param name="Kind">The kind of database.</param>
/// <param name="Target">The SQLite file path, or the PostgreSQL connection string.</param>
internal sealed record StoreLocation(StoreKind Kind, string Target)
{
    /// <summary>Reads a store location, or says what is wrong with it.</summary>
    /// <param name="text">The location as written, e.g. <c>sqlite:./outbound.db</c>; the prefix is matched in any letter case.</param>
    /// <param name="location">The location read, when the method returns <see langword="true"/>.</param>
    /// <param name="error">A sentence saying what was expected, when the method returns <see langword="false"/>; it never repeats a password.</param>
    public static bool TryParse(string? text, [NotNullWhen(true)] out StoreLocation? location, [NotNullWhen(false)] out string? error)
    {
        location = null;
        int colon = text?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        if (text is null || colon < 0)
        {
            error = Messages.MissingPrefix;
            return false;
        }

        string prefix = text[..colon];
        string target = text[(colon + 1)..];
        if (prefix.Equals("sqlite", StringComparison.OrdinalIgnoreCase))
        {
            error = string.IsNullOrWhiteSpace(target) ? Messages.EmptySqlitePath : null;
            location = error is null ? new StoreLocation(StoreKind.Sqlite, target) : null;
            return error is null;
        }

        if (prefix.Equals("postgres", StringComparison.OrdinalIgnoreCase) || prefix.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            error = CheckConnectionString(target);
            location = error is null ? new StoreLocation(StoreKind.Postgres, target) : null;
            return error is null;
        }

        // A prefix longer than a word is more likely a path or a connection string than a store kind: don't repeat it.
        error = prefix.Length is > 0 and <= 16 && prefix.All(char.IsAsciiLetterOrDigit) ? Messages.UnknownPrefix(prefix) : Messages.MissingPrefix;
        return false;
    }

    /// <summary>Reads a store location.</summary>
    /// <exception cref="FormatException"><paramref name="text"/> is not a store location; the message says what was expected.</exception>
    public static StoreLocation Parse(string text) =>
        TryParse(text, out var location, out string? error) ? location : throw new FormatException(error);

    /// <summary>Returns the location as written, with any password left out.</summary>
    public override string ToString()
    {
        if (Kind == StoreKind.Sqlite)
        {
            return $"sqlite:{Target}";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(Target) { Password = null };
            return $"postgres:{builder.ConnectionString}";
        }
        catch (ArgumentException)
        {
            // Not a connection string: nothing in it can be shown safely.
            return "postgres:(a connection string that cannot be read)";
        }
    }

    private static string? CheckConnectionString(string target)
    {
        if (string.IsNullOrWhiteSpace(target))
        {
            return Messages.EmptyPostgresConnection;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(target);
            return null;
        }
        catch (ArgumentException e)
        {
            return Messages.BadPostgresConnection(e.Message);
        }
    }
}
