using System.Data;
using System.Data.Common;
using System.Globalization;
using System.Runtime.InteropServices;
using Outbound.Gateway;

namespace Outbound.Storage;

/// <summary>How the gateway's values are written to and read from columns, the same on every store.</summary>
internal static class StoreValues
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Returns a command on <paramref name="connection"/> within <paramref name="transaction"/>.</summary>
    public static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        return command;
    }

    /// <summary>Adds a parameter, typed so that a <see langword="null"/> value still has a type.</summary>
    public static DbParameter Add(this DbCommand command, string name, object? value, DbType type)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.DbType = type;
        parameter.Value = value ?? DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    /// <summary>Adds a text parameter.</summary>
    public static DbParameter AddText(this DbCommand command, string name, string? value) => command.Add(name, value, DbType.String);

    /// <summary>Adds a 64-bit integer parameter.</summary>
    public static DbParameter AddLong(this DbCommand command, string name, long? value) => command.Add(name, value, DbType.Int64);

    /// <summary>Adds a 32-bit integer parameter.</summary>
    public static DbParameter AddInt(this DbCommand command, string name, int? value) => command.Add(name, value, DbType.Int32);

    /// <summary>Adds a binary parameter.</summary>
    public static DbParameter AddBytes(this DbCommand command, string name, ReadOnlyMemory<byte> value) =>
        command.Add(name, MemoryMarshal.TryGetArray(value, out var whole) && whole.Offset == 0 && whole.Count == whole.Array!.Length ? whole.Array : value.ToArray(), DbType.Binary);

    /// <summary>Formats a time as stored: UTC, ISO 8601, seven fractional digits (as the audit chain hashes it).</summary>
    public static string Time(DateTimeOffset time) => AuditChain.FormatTime(time);

    /// <summary>Reads a time written by <see cref="Time(DateTimeOffset)"/>.</summary>
    public static DateTimeOffset Time(string text) =>
        DateTimeOffset.ParseExact(text, TimeFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    /// <summary>Formats a date as stored: <c>yyyy-MM-dd</c>.</summary>
    public static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Reads a date written by <see cref="Date(DateOnly)"/>.</summary>
    public static DateOnly Date(string text) => DateOnly.ParseExact(text, DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Returns the text at <paramref name="ordinal"/>, or <see langword="null"/>.</summary>
    public static string? NullableText(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Returns the integer at <paramref name="ordinal"/>, or <see langword="null"/>.</summary>
    public static long? NullableLong(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetInt64(ordinal);

    /// <summary>Returns the bytes at <paramref name="ordinal"/>.</summary>
    public static byte[] Bytes(this DbDataReader reader, int ordinal) => reader.GetFieldValue<byte[]>(ordinal);
}
