using System.Buffers.Binary;
using System.Data.Common;

namespace Outbound.Storage.Sqlite;

/// <summary>
/// The SQLite ledger's two levels of keys, stored in blocks: <c>ledger_recent</c>, rows of up to
/// <see cref="RecentKeys"/> keys in arrival order, and <c>ledger_block</c>, rows of up to <see cref="IndexKeys"/> keys
/// in key order, each row's range of keys apart from every other row's of its scope, its greatest key indexed.
/// </summary>
/// <remarks>
/// A row per person made a batch of new persons as many inserts, and a move as many again into an index of single
/// keys; a row of blocks is written for some hundred persons. Every block fits in one 4 KB page, so SQLite reads a
/// block's keys where they lie. Keys are 32-byte big-endian values and sort as bytes do (SQLite compares blobs so too).
/// Every method runs inside the caller's transaction, which holds the database's write lock.
/// </remarks>
internal static class LedgerBlocks
{
    /// <summary>How many keys a row of <c>ledger_recent</c> holds at most (4,032 bytes).</summary>
    public const int RecentKeys = 126;

    /// <summary>How many keys a row of <c>ledger_block</c> holds at most (3,968 bytes, beside its last key).</summary>
    public const int IndexKeys = 124;

    private const int KeySize = SubjectGroup.KeySize;

    /// <summary>Appends <paramref name="count"/> keys (32 bytes each, side by side) to the recent level of <paramref name="scope"/>, in the order given.</summary>
    /// <returns>The id of the last row appended.</returns>
    public static long AppendRecent(DbConnection connection, DbTransaction transaction, long scope, ReadOnlyMemory<byte> keys, int count)
    {
        using (var command = StoreValues.Command(connection, transaction, $"""
            {Slices}
            INSERT INTO ledger_recent (scope, subjects) SELECT @scope, substr(@keys, n * {RecentKeys * KeySize} + 1, {RecentKeys * KeySize}) FROM slice
            """))
        {
            command.AddLong("scope", scope);
            command.AddBytes("keys", keys);
            command.AddInt("count", (count + RecentKeys - 1) / RecentKeys);
            command.ExecuteNonQuery();
        }

        using var last = StoreValues.Command(connection, transaction, "SELECT last_insert_rowid()");
        return Convert.ToInt64(last.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Calls <paramref name="key"/> with the row id, scope and each key of every recent row after <paramref name="afterId"/>, in arrival order.</summary>
    public static void ReadRecent(DbConnection connection, DbTransaction transaction, long afterId, RecentKey key)
    {
        using var rows = StoreValues.Command(connection, transaction, "SELECT id, scope, subjects FROM ledger_recent WHERE id > @last ORDER BY id");
        rows.AddLong("last", afterId);
        using var reader = rows.ExecuteReader();
        byte[] block = new byte[RecentKeys * KeySize];
        while (reader.Read())
        {
            long id = reader.GetInt64(0), scope = reader.GetInt64(1);
            int length = (int)reader.GetBytes(2, 0, block, 0, block.Length);
            for (int offset = 0; offset + KeySize <= length; offset += KeySize)
            {
                key(id, scope, block.AsSpan(offset, KeySize));
            }
        }
    }

    /// <summary>A key of the recent level, with its row's id and scope.</summary>
    public delegate void RecentKey(long id, long scope, ReadOnlySpan<byte> key);

    /// <summary>Calls <paramref name="key"/> with every key of <paramref name="scope"/> in <c>ledger_block</c>.</summary>
    public static void ReadIndex(DbConnection connection, DbTransaction transaction, long scope, Action<ReadOnlySpan<byte>> key) =>
        ReadKeys(connection, transaction, "SELECT subjects FROM ledger_block WHERE scope = @scope", scope, key);

    /// <summary>Calls <paramref name="key"/> with every key of the blocks <paramref name="sql"/> selects (one column, <c>@scope</c> its parameter).</summary>
    private static void ReadKeys(DbConnection connection, DbTransaction transaction, string sql, long scope, Action<ReadOnlySpan<byte>> key)
    {
        using var rows = StoreValues.Command(connection, transaction, sql);
        rows.AddLong("scope", scope);
        using var reader = rows.ExecuteReader();
        byte[] block = new byte[RecentKeys * KeySize];
        while (reader.Read())
        {
            int length = (int)reader.GetBytes(0, 0, block, 0, block.Length);
            for (int offset = 0; offset + KeySize <= length; offset += KeySize)
            {
                key(block.AsSpan(offset, KeySize));
            }
        }
    }

    /// <summary>Sets <paramref name="found"/>[i] for each key i of <paramref name="keys"/> (32 bytes each) that <c>ledger_block</c> holds under <paramref name="scope"/>.</summary>
    public static void FindInIndex(DbConnection connection, DbTransaction transaction, long scope, ReadOnlyMemory<byte> keys, Span<bool> found)
    {
        // One statement for all: per key, the one block whose range may hold it; the key is then looked for in it.
        using var command = StoreValues.Command(connection, transaction, $"""
            {Slices}
            SELECT n, (SELECT subjects FROM ledger_block WHERE scope = @scope AND last >= substr(@keys, n * 32 + 1, 32) ORDER BY last LIMIT 1) FROM slice
            """);
        command.AddLong("scope", scope);
        command.AddBytes("keys", keys);
        command.AddInt("count", found.Length);
        using var reader = command.ExecuteReader();
        byte[] block = new byte[IndexKeys * KeySize];
        while (reader.Read())
        {
            if (reader.IsDBNull(1))
            {
                continue;
            }

            int n = checked((int)reader.GetInt64(0));
            int length = (int)reader.GetBytes(1, 0, block, 0, block.Length);
            found[n] = IndexOf(block.AsSpan(0, length), keys.Span.Slice(n * KeySize, KeySize)) >= 0;
        }
    }

    /// <summary>
    /// Moves every key of the recent level into <c>ledger_block</c> and empties the recent level: per scope, the recent
    /// keys are sorted and merged into the blocks whose ranges they fall in, and only those blocks are written again.
    /// </summary>
    /// <param name="connection">The connection of the transaction.</param>
    /// <param name="transaction">The transaction, which holds the write lock.</param>
    /// <param name="moved">Called with each key moved and its scope, in key order per scope (to add it to the scope's filter).</param>
    public static void MoveRecentIntoIndex(DbConnection connection, DbTransaction transaction, Action<long, ReadOnlySpan<byte>> moved)
    {
        var scopes = new List<long>();
        using (var command = StoreValues.Command(connection, transaction, "SELECT DISTINCT scope FROM ledger_recent ORDER BY scope"))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                scopes.Add(reader.GetInt64(0));
            }
        }

        Span<byte> bytes = stackalloc byte[KeySize];
        foreach (long scope in scopes)
        {
            var keys = SortedRecent(connection, transaction, scope);
            Merge(connection, transaction, scope, keys);
            foreach (var key in keys)
            {
                key.Write(bytes);
                moved(scope, bytes);
            }
        }

        using var clear = StoreValues.Command(connection, transaction, "DELETE FROM ledger_recent");
        clear.ExecuteNonQuery();
    }

    /// <summary>The recent keys of <paramref name="scope"/>, sorted, without repeats.</summary>
    private static ReadOnlySpan<Key> SortedRecent(DbConnection connection, DbTransaction transaction, long scope)
    {
        int capacity;
        using (var size = StoreValues.Command(connection, transaction, "SELECT coalesce(sum(length(subjects)), 0) / 32 FROM ledger_recent WHERE scope = @scope"))
        {
            size.AddLong("scope", scope);
            capacity = checked((int)Convert.ToInt64(size.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture));
        }

        var keys = new Key[capacity];
        int read = 0;
        ReadKeys(connection, transaction, "SELECT subjects FROM ledger_recent WHERE scope = @scope", scope, key => keys[read++] = Key.Of(key));

        var span = Sorted(keys.AsSpan(0, read));
        int count = 0;
        for (int i = 0; i < span.Length; i++)
        {
            if (count == 0 || !span[i].Equals(span[count - 1]))
            {
                span[count++] = span[i];
            }
        }

        return span[..count];
    }

    /// <summary>Returns <paramref name="keys"/> sorted (in their own memory or in new memory).</summary>
    /// <remarks>
    /// Keys are HMAC outputs, spread evenly over their range: they are dealt into 65,536 buckets by their first 16 bits
    /// (two passes) and each bucket, a dozen keys or so, is sorted on its own. A comparison sort of the whole spends most
    /// of a move's time otherwise (measured: a million keys, about 0.3 s).
    /// </remarks>
    private static Span<Key> Sorted(Span<Key> keys)
    {
        const int Buckets = 1 << 16;
        if (keys.Length < Buckets)
        {
            keys.Sort();
            return keys;
        }

        int[] starts = new int[Buckets + 1];
        foreach (var key in keys)
        {
            starts[key.Bucket + 1]++;
        }

        for (int bucket = 0; bucket < Buckets; bucket++)
        {
            starts[bucket + 1] += starts[bucket];
        }

        var dealt = new Key[keys.Length];
        int[] next = starts[..Buckets];
        foreach (var key in keys)
        {
            dealt[next[key.Bucket]++] = key;
        }

        for (int bucket = 0; bucket < Buckets; bucket++)
        {
            dealt.AsSpan(starts[bucket], starts[bucket + 1] - starts[bucket]).Sort();
        }

        return dealt;
    }

    /// <summary>Merges <paramref name="keys"/> (sorted, distinct) into the blocks of <paramref name="scope"/>.</summary>
    private static void Merge(DbConnection connection, DbTransaction transaction, long scope, ReadOnlySpan<Key> keys)
    {
        // The blocks' ranges first (their last keys, from the index alone); then each block a key falls in is read,
        // merged with its keys and written again, cut in blocks of even size.
        var blocks = new List<(long RowId, Key Last)>();
        using (var ranges = StoreValues.Command(connection, transaction, "SELECT rowid, last FROM ledger_block WHERE scope = @scope ORDER BY last"))
        {
            ranges.AddLong("scope", scope);
            using var reader = ranges.ExecuteReader();
            byte[] last = new byte[KeySize];
            while (reader.Read())
            {
                reader.GetBytes(1, 0, last, 0, KeySize);
                blocks.Add((reader.GetInt64(0), Key.Of(last)));
            }
        }

        using var read = StoreValues.Command(connection, transaction, "SELECT subjects FROM ledger_block WHERE rowid = @id");
        using var writer = new BlockWriter(connection, transaction, scope);
        var readId = read.AddLong("id", 0);

        byte[] block = new byte[IndexKeys * KeySize];
        byte[] merged = new byte[2 * IndexKeys * KeySize];
        int next = 0, total = keys.Length;
        foreach (var (rowId, last) in blocks)
        {
            if (next == total)
            {
                break;
            }

            // The keys up to and including the block's last fall in it (those before it fell in earlier blocks).
            int end = next;
            while (end < total && keys[end].CompareTo(last) <= 0)
            {
                end++;
            }

            if (end == next)
            {
                continue;
            }

            readId.Value = rowId;
            int length;
            using (var reader = read.ExecuteReader())
            {
                reader.Read();
                length = (int)reader.GetBytes(0, 0, block, 0, block.Length);
            }

            if (merged.Length < length + ((end - next) * KeySize))
            {
                merged = new byte[length + ((end - next) * KeySize)];
            }

            int count = MergeSorted(block.AsSpan(0, length), keys[next..end], merged);
            Write(writer, rowId, merged.AsSpan(0, count * KeySize));
            next = end;
        }

        // Keys past the last block's range make blocks of their own, full ones.
        for (int start = next; start < total; start += IndexKeys)
        {
            int end = Math.Min(start + IndexKeys, total);
            for (int i = start; i < end; i++)
            {
                keys[i].Write(block.AsSpan((i - start) * KeySize, KeySize));
            }

            writer.Insert(block.AsSpan(0, (end - start) * KeySize));
        }
    }

    /// <summary>
    /// Writes <paramref name="keys"/>, the keys of block <paramref name="rowId"/> and those merged into it, as blocks of
    /// about even size, none larger than <see cref="IndexKeys"/>. The last ends in the block's last key, so it takes the
    /// block's row (its indexed last key unchanged); the others are new rows.
    /// </summary>
    private static void Write(BlockWriter writer, long rowId, ReadOnlySpan<byte> keys)
    {
        int total = keys.Length / KeySize;
        int pieces = (total + IndexKeys - 1) / IndexKeys;
        int start = 0;
        for (int piece = 0; piece < pieces; piece++)
        {
            int end = (int)((long)total * (piece + 1) / pieces);
            var run = keys[(start * KeySize)..(end * KeySize)];
            if (piece < pieces - 1)
            {
                writer.Insert(run);
            }
            else
            {
                writer.Replace(rowId, run);
            }

            start = end;
        }
    }

    /// <summary>Writes blocks of one scope, binding arrays kept per block size (SQLite copies a value as it binds it).</summary>
    private sealed class BlockWriter : IDisposable
    {
        private readonly DbCommand _insert;
        private readonly DbParameter _last;
        private readonly DbParameter _subjects;
        private readonly DbCommand _replace;
        private readonly DbParameter _replaceId;
        private readonly DbParameter _replaceSubjects;
        private readonly byte[] _lastBytes = new byte[KeySize];
        private readonly byte[]?[] _bySize = new byte[IndexKeys + 1][];

        public BlockWriter(DbConnection connection, DbTransaction transaction, long scope)
        {
            _insert = StoreValues.Command(connection, transaction, "INSERT INTO ledger_block (scope, last, subjects) VALUES (@scope, @last, @subjects)");
            _insert.AddLong("scope", scope);
            _last = _insert.AddBytes("last", _lastBytes);
            _subjects = _insert.AddBytes("subjects", ReadOnlyMemory<byte>.Empty);
            _replace = StoreValues.Command(connection, transaction, "UPDATE ledger_block SET subjects = @subjects WHERE rowid = @id");
            _replaceId = _replace.AddLong("id", 0);
            _replaceSubjects = _replace.AddBytes("subjects", ReadOnlyMemory<byte>.Empty);
        }

        /// <summary>Inserts a block: 1 to <see cref="IndexKeys"/> sorted keys.</summary>
        public void Insert(ReadOnlySpan<byte> keys)
        {
            keys[^KeySize..].CopyTo(_lastBytes);
            _last.Value = _lastBytes;
            _subjects.Value = Bound(keys);
            _insert.ExecuteNonQuery();
        }

        /// <summary>Replaces the keys of block <paramref name="rowId"/> with <paramref name="keys"/>, which end in the same last key.</summary>
        public void Replace(long rowId, ReadOnlySpan<byte> keys)
        {
            _replaceId.Value = rowId;
            _replaceSubjects.Value = Bound(keys);
            _replace.ExecuteNonQuery();
        }

        public void Dispose()
        {
            _insert.Dispose();
            _replace.Dispose();
        }

        private byte[] Bound(ReadOnlySpan<byte> keys)
        {
            byte[] bytes = _bySize[keys.Length / KeySize] ??= new byte[keys.Length];
            keys.CopyTo(bytes);
            return bytes;
        }
    }

    /// <summary>Merges a block's sorted keys and sorted <paramref name="keys"/> into <paramref name="destination"/>, a key in both once; returns the number of keys written.</summary>
    private static int MergeSorted(ReadOnlySpan<byte> block, ReadOnlySpan<Key> keys, Span<byte> destination)
    {
        int i = 0, j = 0, count = 0;
        while (i < block.Length || j < keys.Length)
        {
            int order = i == block.Length ? 1 : j == keys.Length ? -1 : Key.Of(block.Slice(i, KeySize)).CompareTo(keys[j]);
            var target = destination.Slice(count++ * KeySize, KeySize);
            if (order <= 0)
            {
                block.Slice(i, KeySize).CopyTo(target);
                i += KeySize;
                j += order == 0 ? 1 : 0;
            }
            else
            {
                keys[j++].Write(target);
            }
        }

        return count;
    }

    /// <summary>The index of <paramref name="key"/> in the sorted keys of <paramref name="block"/>, or -1.</summary>
    private static int IndexOf(ReadOnlySpan<byte> block, ReadOnlySpan<byte> key)
    {
        int low = 0, high = (block.Length / KeySize) - 1;
        while (low <= high)
        {
            int middle = (low + high) >>> 1;
            int order = block.Slice(middle * KeySize, KeySize).SequenceCompareTo(key);
            if (order == 0)
            {
                return middle;
            }

            if (order < 0)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }

    /// <summary>The numbers 0 to @count - 1, in order, as table <c>slice (n)</c>.</summary>
    private const string Slices = "WITH RECURSIVE slice (n) AS (SELECT 0 WHERE @count > 0 UNION ALL SELECT n + 1 FROM slice WHERE n + 1 < @count)";

    /// <summary>A key as two 128-bit halves, ordered as its bytes are.</summary>
    private readonly record struct Key(UInt128 High, UInt128 Low) : IComparable<Key>
    {
        public static Key Of(ReadOnlySpan<byte> bytes) =>
            new(BinaryPrimitives.ReadUInt128BigEndian(bytes), BinaryPrimitives.ReadUInt128BigEndian(bytes[16..]));

        /// <summary>Gets the key's first 16 bits.</summary>
        public int Bucket => (int)(ulong)(High >> 112);

        public void Write(Span<byte> destination) => SubjectGroup.Write(High, Low, destination);

        public int CompareTo(Key other)
        {
            int order = High.CompareTo(other.High);
            return order != 0 ? order : Low.CompareTo(other.Low);
        }
    }
}
