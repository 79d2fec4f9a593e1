using System.Collections.Concurrent;
using Outbound.Gateway;

namespace Outbound.Formats.Records;

/// <summary>
/// The large blocks a reader cuts its records' bytes and fields from, each batch's lent out with the batch and taken
/// back when its consumer disposes <see cref="InputBatch.Memory"/>.
/// </summary>
/// <remarks>
/// A batch's records live until it commits, through several collections of the young generation. Slices of large blocks
/// are not copied from generation to generation as small arrays would be; blocks used again are not allocated again,
/// and allocating large objects is what starts full collections. <see cref="EndBatch"/> closes the blocks in use, so a
/// block is never shared by two batches and a batch's blocks go back together. Blocks handed back beyond
/// <see cref="MaxSpare"/> of a kind are left to the collector.
/// </remarks>
internal sealed class RecordBlocks
{
    /// <summary>The bytes of one block.</summary>
    public const int ByteBlock = 256 * 1024;

    /// <summary>The fields of one block.</summary>
    public const int FieldBlock = 8 * 1024;

    /// <summary>The most blocks of each kind kept for use again (some 32 MB of bytes).</summary>
    private const int MaxSpare = 128;

    private readonly Blocks<byte> _bytes = new(ByteBlock);
    private readonly Blocks<SourceField> _fields = new(FieldBlock);

    /// <summary>Gets the number of blocks made so far (not taken from those handed back).</summary>
    public int Made => _bytes.Made + _fields.Made;

    /// <summary>Returns <paramref name="length"/> bytes for the current batch; more than a quarter block gets an array of its own.</summary>
    public Memory<byte> Bytes(int length) => _bytes.Take(length);

    /// <summary>Returns room for <paramref name="count"/> fields for the current batch, as <see cref="Bytes"/> does.</summary>
    public ArraySegment<SourceField> Fields(int count) => _fields.Take(count);

    /// <summary>Ends the current batch: returns what lends its blocks, and starts the next batch's.</summary>
    /// <returns>The lease of the batch's blocks, or <see langword="null"/> when it took none.</returns>
    public IDisposable? EndBatch()
    {
        var bytes = _bytes.EndBatch();
        var fields = _fields.EndBatch();
        return bytes.Count + fields.Count == 0 ? null : new Lease(this, bytes, fields);
    }

    /// <summary>Blocks of one kind: the one being cut, the current batch's, and those handed back.</summary>
    private sealed class Blocks<T>(int size)
    {
        private readonly ConcurrentQueue<T[]> _spare = new();
        private List<T[]> _batch = [];
        private T[] _current = [];
        private int _used;

        public int Made { get; private set; }

        public ArraySegment<T> Take(int count)
        {
            if (count > size / 4)
            {
                return new T[count];
            }

            if (_current.Length - _used < count)
            {
                if (!_spare.TryDequeue(out _current!))
                {
                    _current = GC.AllocateUninitializedArray<T>(size);
                    Made++;
                }

                _batch.Add(_current);
                _used = 0;
            }

            var slice = new ArraySegment<T>(_current, _used, count);
            _used += count;
            return slice;
        }

        public List<T[]> EndBatch()
        {
            var batch = _batch;
            (_batch, _current, _used) = ([], [], 0);
            return batch;
        }

        public void Return(List<T[]> blocks)
        {
            foreach (T[] block in blocks)
            {
                if (_spare.Count < MaxSpare)
                {
                    _spare.Enqueue(block);
                }
            }
        }
    }

    private sealed class Lease(RecordBlocks owner, List<byte[]> bytes, List<SourceField[]> fields) : IDisposable
    {
        private int _returned;

        // Handed back once: disposing twice must not put a block in use by another batch on the spare list again.
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                owner._bytes.Return(bytes);
                owner._fields.Return(fields);
            }
        }
    }
}
