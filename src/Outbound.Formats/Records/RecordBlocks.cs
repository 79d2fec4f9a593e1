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
/// and allocating large objects is what starts full collections. A block is never shared by two batches, so a batch's
/// blocks go back together. Blocks handed back beyond <see cref="MaxSpare"/> are left to the collector.
/// </remarks>
internal sealed class RecordBlocks
{
    /// <summary>The bytes of one block.</summary>
    public const int ByteBlock = 256 * 1024;

    /// <summary>The fields of one block.</summary>
    public const int FieldBlock = 8 * 1024;

    /// <summary>The most blocks of each kind kept for use again (some 32 MB of bytes).</summary>
    private const int MaxSpare = 128;

    private readonly ConcurrentQueue<byte[]> _spareBytes = new();
    private readonly ConcurrentQueue<SourceField[]> _spareFields = new();
    private List<byte[]> _batchBytes = [];
    private List<SourceField[]> _batchFields = [];

    /// <summary>Gets the number of blocks made so far (not taken from those handed back).</summary>
    public int Made { get; private set; }

    /// <summary>Returns a block of <see cref="ByteBlock"/> bytes for the current batch.</summary>
    public byte[] Bytes()
    {
        if (!_spareBytes.TryDequeue(out byte[]? block))
        {
            block = GC.AllocateUninitializedArray<byte>(ByteBlock);
            Made++;
        }

        _batchBytes.Add(block);
        return block;
    }

    /// <summary>Returns a block of <see cref="FieldBlock"/> fields for the current batch.</summary>
    public SourceField[] Fields()
    {
        if (!_spareFields.TryDequeue(out SourceField[]? block))
        {
            block = new SourceField[FieldBlock];
            Made++;
        }

        _batchFields.Add(block);
        return block;
    }

    /// <summary>Ends the current batch: returns what lends its blocks, and starts the next batch's.</summary>
    /// <returns>The lease of the batch's blocks, or <see langword="null"/> when it took none.</returns>
    public IDisposable? EndBatch()
    {
        if (_batchBytes.Count == 0 && _batchFields.Count == 0)
        {
            return null;
        }

        var lease = new Lease(this, _batchBytes, _batchFields);
        (_batchBytes, _batchFields) = ([], []);
        return lease;
    }

    private void Return(Lease lease)
    {
        foreach (byte[] block in lease.Bytes)
        {
            if (_spareBytes.Count < MaxSpare)
            {
                _spareBytes.Enqueue(block);
            }
        }

        foreach (SourceField[] block in lease.Fields)
        {
            if (_spareFields.Count < MaxSpare)
            {
                _spareFields.Enqueue(block);
            }
        }
    }

    private sealed class Lease(RecordBlocks owner, List<byte[]> bytes, List<SourceField[]> fields) : IDisposable
    {
        private int _returned;

        public List<byte[]> Bytes => bytes;

        public List<SourceField[]> Fields => fields;

        // Handed back once: disposing twice must not put a block in use by another batch on the spare list again.
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _returned, 1) == 0)
            {
                owner.Return(this);
            }
        }
    }
}
