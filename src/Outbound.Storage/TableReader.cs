using System.Buffers;
using System.Data;
using System.Data.Common;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;
using Outbound.Detection;

namespace Outbound.Storage;

/// <summary>Lists the tables of a SQLite or PostgreSQL database and reads them row by row into an <see cref="IRecordVisitor"/>.</summary>
/// <remarks>
/// <para>
/// Opens the database read-only (SQLite in read-only mode; PostgreSQL in a read-only transaction per read). A table
/// is read only under a name <see cref="ListTables"/> gives, and its name is quoted as an identifier, so no text given
/// as a table name reaches the database as SQL.
/// </para>
/// <para>
/// Rows are streamed in the order the database returns them; positions are 1-based row numbers. Column names are
/// the field names; values are passed as UTF-8 text: text as it is, numbers in the invariant culture, dates and times
/// in ISO 8601, arrays element by element. NULLs are not passed. Binary values (BLOB, bytea) are not passed either:
/// each binary column is noted once with <see cref="IRecordVisitor.Skip"/>, after the first row that has one.
/// </para>
/// <para>An instance holds one open connection and is not thread-safe.</para>
/// </remarks>
internal sealed class TableReader : IDisposable
{
    private readonly DbConnection _connection;
    private List<TableName>? _tables;

    private TableReader(StoreLocation location, DbConnection connection)
    {
        Location = location;
        _connection = connection;
    }

    /// <summary>Gets the store read.</summary>
    public StoreLocation Location { get; }

    /// <summary>Connects to the store at <paramref name="location"/>.</summary>
    /// <exception cref="StoreException">The database does not exist or cannot be reached; the message says which and why.</exception>
    public static TableReader Open(StoreLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        DbConnection connection;
        if (location.Kind == StoreKind.Sqlite)
        {
            if (!File.Exists(location.Target))
            {
                throw new StoreException(Messages.SqliteFileMissing(location.Target));
            }

            var builder = new SqliteConnectionStringBuilder { DataSource = location.Target, Mode = SqliteOpenMode.ReadOnly, Pooling = false };
            connection = new SqliteConnection(builder.ConnectionString);
        }
        else
        {
            connection = new NpgsqlConnection(location.Target);
        }

        try
        {
            connection.Open();
            return new TableReader(location, connection);
        }
        catch (Exception e) when (e is DbException or InvalidOperationException or TimeoutException)
        {
            connection.Dispose();
            throw new StoreException(Messages.CannotOpen(location.ToString(), e.Message), e);
        }
    }

    /// <summary>Returns the names of the tables and views that <see cref="Read"/> accepts, in order.</summary>
    /// <remarks>
    /// PostgreSQL tables in the current schema (the first on the search path) are named alone, others as
    /// <c>schema.table</c>; system schemas are left out. SQLite's internal tables are left out.
    /// </remarks>
    /// <exception cref="StoreException">The database cannot be read.</exception>
    public IReadOnlyList<string> ListTables() => [.. Tables().Select(table => table.Display)];

    /// <summary>Reads the rows of <paramref name="table"/>, or the first <paramref name="sample"/> of them, into <paramref name="visitor"/>.</summary>
    /// <param name="table">A name as <see cref="ListTables"/> gives it; compared exactly.</param>
    /// <param name="visitor">Receives the rows.</param>
    /// <param name="sample">The most rows to read, or <see langword="null"/> for all.</param>
    /// <param name="cancellationToken">Stops the reading between rows.</param>
    /// <returns>The number of rows passed to <paramref name="visitor"/>.</returns>
    /// <exception cref="StoreException">The table does not exist (the message names it and lists the tables), or the database cannot be read.</exception>
    public long Read(string table, IRecordVisitor visitor, long? sample = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(visitor);
        if (sample is { } limit)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(limit, nameof(sample));
        }

        var tables = Tables();
        var found = tables.Find(candidate => candidate.Display.Equals(table, StringComparison.Ordinal))
            ?? throw new StoreException(Messages.MissingTable(table, Location.ToString(), [.. tables.Select(t => t.Display)]));

        try
        {
            using var transaction = _connection.BeginTransaction();
            if (_connection is NpgsqlConnection)
            {
                using var readOnly = Command("SET TRANSACTION READ ONLY", transaction);
                readOnly.ExecuteNonQuery();
            }

            using var command = Command($"SELECT * FROM {found.Quoted}{(sample is null ? "" : " LIMIT @limit")}", transaction);
            if (sample is { } rows)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = "limit";
                parameter.Value = rows;
                command.Parameters.Add(parameter);
            }

            long read;
            using (var reader = command.ExecuteReader())
            {
                read = ReadRows(reader, visitor, cancellationToken);
            }

            transaction.Rollback();
            return read;
        }
        catch (DbException e)
        {
            throw new StoreException(Messages.CannotOpen($"{found.Display} in {Location}", e.Message), e);
        }
    }

    public void Dispose() => _connection.Dispose();

    private static long ReadRows(DbDataReader reader, IRecordVisitor visitor, CancellationToken cancellationToken)
    {
        int columns = reader.FieldCount;
        var names = new byte[columns][];
        var types = new string[columns];
        var noted = new bool[columns];
        var unreadable = new bool[columns];
        var notes = new List<(int Column, string Note)>();
        for (int i = 0; i < columns; i++)
        {
            names[i] = Encoding.UTF8.GetBytes(reader.GetName(i));
            types[i] = reader.GetDataTypeName(i);
        }

        var text = new ArrayBufferWriter<byte>(256);
        long row = 0;
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            row++;
            visitor.BeginRecord(row);
            for (int i = 0; i < columns; i++)
            {
                if (unreadable[i] || reader.IsDBNull(i))
                {
                    continue;
                }

                object value;
                try
                {
                    value = DbValueText.Read(reader, i, types[i]);
                }
                catch (Exception e) when (e is InvalidCastException or NotSupportedException or OverflowException or ArgumentException)
                {
                    // A type that cannot be read once cannot be read in any row.
                    unreadable[i] = true;
                    notes.Add((i, Messages.UnreadableColumn(types[i])));
                    continue;
                }

                if (value is byte[])
                {
                    // SQLite may hold text in some rows of a column and bytes in others: the text is still passed.
                    if (!noted[i])
                    {
                        noted[i] = true;
                        notes.Add((i, Messages.BinaryColumn));
                    }

                    continue;
                }

                PassValue(visitor, names[i], value, text);
            }

            visitor.EndRecord();
            foreach (var (column, note) in notes)
            {
                visitor.Skip(row, reader.GetName(column), note);
            }

            notes.Clear();
        }

        return row;
    }

    private static void PassValue(IRecordVisitor visitor, byte[] name, object value, ArrayBufferWriter<byte> text)
    {
        if (value is Array array and not byte[])
        {
            foreach (object? element in array)
            {
                if (element is not null and not DBNull)
                {
                    PassValue(visitor, name, element, text);
                }
            }

            return;
        }

        text.ResetWrittenCount();
        DbValueText.Write(value, text);
        visitor.Field(name, text.WrittenSpan);
    }

    private List<TableName> Tables()
    {
        if (_tables is not null)
        {
            return _tables;
        }

        try
        {
            _tables = _connection is NpgsqlConnection ? ListPostgresTables() : ListSqliteTables();
            return _tables;
        }
        catch (DbException e)
        {
            throw new StoreException(Messages.CannotOpen(Location.ToString(), e.Message), e);
        }
    }

    private List<TableName> ListSqliteTables()
    {
        using var command = Command(
            "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
        using var reader = command.ExecuteReader();
        var tables = new List<TableName>();
        while (reader.Read())
        {
            string name = reader.GetString(0);
            tables.Add(new TableName(null, name, name));
        }

        tables.Sort((a, b) => string.CompareOrdinal(a.Display, b.Display));
        return tables;
    }

    private List<TableName> ListPostgresTables()
    {
        using var command = Command(
            """
            SELECT table_schema, table_name, table_schema = current_schema()
            FROM information_schema.tables
            WHERE table_type IN ('BASE TABLE', 'VIEW', 'FOREIGN')
              AND table_schema NOT IN ('pg_catalog', 'information_schema')
            """);
        using var reader = command.ExecuteReader();
        var current = new List<TableName>();
        var others = new List<TableName>();
        while (reader.Read())
        {
            string schema = reader.GetString(0);
            string name = reader.GetString(1);
            if (reader.GetBoolean(2))
            {
                current.Add(new TableName(schema, name, name));
            }
            else
            {
                others.Add(new TableName(schema, name, $"{schema}.{name}"));
            }
        }

        // Tables of the current schema first, so an unqualified name finds the table the database would find.
        current.Sort((a, b) => string.CompareOrdinal(a.Display, b.Display));
        others.Sort((a, b) => string.CompareOrdinal(a.Display, b.Display));
        return [.. current, .. others];
    }

    private DbCommand Command(string sql, DbTransaction? transaction = null)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }

    /// <summary>A table as the database names it, and as the user names it.</summary>
    private sealed record TableName(string? Schema, string Name, string Display)
    {
        /// <summary>Gets the name quoted as an SQL identifier, schema first when there is one; both SQLite and PostgreSQL double embedded quotes.</summary>
        public string Quoted => Schema is null ? Quote(Name) : $"{Quote(Schema)}.{Quote(Name)}";

        private static string Quote(string identifier) => $"\"{identifier.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
    }
}
