using System.Collections.Concurrent;

namespace Outbound.Formats.Records;

/// <summary>Handles the lines of one chunk of a line-based file.</summary>
/// <typeparam name="TState">What the handler builds for its chunk (an inventory, an output buffer).</typeparam>
internal interface ILineHandler<TState>
{
    /// <summary>Returns fresh state for a chunk.</summary>
    TState NewState();

    /// <summary>Handles one line (without its line ending) numbered <paramref name="lineNumber"/> (1-based).</summary>
    void Line(TState state, ReadOnlySpan<byte> line, long lineNumber);

    /// <summary>Handles a line longer than the limit: only its number and length are known; its bytes are skipped.</summary>
    void TooLong(TState state, long lineNumber, long length);

    /// <summary>Gets a value indicating whether the handler finds where lines end itself (<see cref="LeadingLine"/>).</summary>
    bool FindsLineEnds => false;

    /// <summary>
    /// Handles the line numbered <paramref name="lineNumber"/> at the start of <paramref name="text"/>, the rest of the
    /// chunk, when the handler can tell where it ends while reading it: exactly as <see cref="Line"/> would handle it.
    /// </summary>
    /// <returns>The bytes taken, the line's end included; 0 to have the line cut first and passed to <see cref="Line"/> or <see cref="TooLong"/>.</returns>
    int LeadingLine(TState state, ReadOnlySpan<byte> text, long lineNumber) => 0;
}

/// <summary>
/// Reads a line-based file in chunks cut at line ends and handles the chunks in parallel, handing back each chunk's
/// state in input order, with memory bounded by the chunk size times the degree of parallelism.
/// </summary>
/// <remarks>
/// Chunks are small, so that a chunk just read is still in the processor's cache when it is handled, and the buffers
/// they take turns in stay there too. A line longer than a chunk gets a larger buffer of its own, up to the longest
/// line handled.
/// </remarks>
internal static class LineChunks
{
    /// <summary>The default chunk size: three buffers of it (one filling, one handled, one spare) fit a core's 1 MiB cache.</summary>
    public const int DefaultChunkBytes = 256 << 10;

    /// <summary>The default longest line; longer lines are reported and skipped.</summary>
    public const int DefaultMaxLineBytes = 16 << 20;

    /// <summary>Reads <paramref name="stream"/> and hands every chunk's finished state to <paramref name="completed"/>, in input order.</summary>
    /// <param name="stream">The file.</param>
    /// <param name="handler">What to do with each line.</param>
    /// <param name="completed">Receives each chunk's state in input order, with the bytes read so far.</param>
    /// <param name="parallelism">Chunks handled at once on pool threads while the next is read; 0 handles each on the calling thread, in turn.</param>
    /// <param name="maxLineBytes">The longest line handled.</param>
    /// <param name="chunkBytes">The chunk size; a chunk grows past it only to hold a line longer than it.</param>
    /// <param name="cancellationToken">Stops reading.</param>
    public static void Run<TState>(
        Stream stream,
        ILineHandler<TState> handler,
        Action<TState, long> completed,
        int parallelism,
        int maxLineBytes = DefaultMaxLineBytes,
        int chunkBytes = DefaultChunkBytes,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(handler);
        ArgumentNullException.ThrowIfNull(completed);
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkBytes, 1);

        // Room for the longest line and its CR LF, so a line within the limit always fits in one chunk.
        int largest = maxLineBytes + 2;
        chunkBytes = Math.Min(chunkBytes, largest);
        var pending = new Queue<(Task<TState> Work, long BytesRead)>();
        var tooLong = new List<(long Line, long Length)>();

        // Buffers handed back by finished chunks, reused for the next ones: at most parallelism + 2 of chunkBytes ever
        // exist (a buffer handed back to a shared pool on another thread would often not be found again, so every chunk
        // would touch fresh memory). The larger buffers of long lines are left to the collector.
        var spare = new ConcurrentBag<byte[]>();
        byte[] NewBuffer(int least) =>
            least > chunkBytes ? GC.AllocateUninitializedArray<byte>(least)
            : spare.TryTake(out byte[]? reused) ? reused
            : GC.AllocateUninitializedArray<byte>(chunkBytes);
        void Reuse(byte[] used)
        {
            if (used.Length == chunkBytes)
            {
                spare.Add(used);
            }
        }

        byte[] buffer = NewBuffer(0);
        int filled = 0;
        long line = 1;
        long bytesRead = 0;
        bool skipping = false;
        long longLineStart = 0;
        long longLineLength = 0;
        bool lastByteWasCarriageReturn = false;

        // Hands a chunk to the handler and returns the number of the line after it.
        long Enqueue(byte[] chunk, int length, long firstLine)
        {
            var reported = tooLong.ToArray();
            tooLong.Clear();
            if (parallelism == 0)
            {
                // Sequential chunks are handled on this thread: a handler that blocks (a full queue downstream) then holds no
                // pool thread, which on one core is the only one the pool starts with. Handling counts the lines.
                var state = HandleChunk(handler, chunk, length, firstLine, maxLineBytes, reported, Reuse, out long next);
                pending.Enqueue((Task.FromResult(state), bytesRead));
                return next;
            }

            // The next chunk may start before this one is handled, so its first line is counted here.
            long after = length == 0 ? firstLine
                : firstLine + System.MemoryExtensions.Count(chunk.AsSpan(0, length), (byte)'\n') + (chunk[length - 1] == (byte)'\n' ? 0 : 1);
            pending.Enqueue((Task.Run(() => HandleChunk(handler, chunk, length, firstLine, maxLineBytes, reported, Reuse, out _), cancellationToken), bytesRead));
            return after;
        }

        void Drain(int keep)
        {
            while (pending.Count > keep)
            {
                var (work, readSoFar) = pending.Dequeue();
                completed(work.GetAwaiter().GetResult(), readSoFar);
            }
        }

        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            bool end = false;
            while (filled < buffer.Length)
            {
                int read = stream.Read(buffer, filled, buffer.Length - filled);
                if (read == 0)
                {
                    end = true;
                    break;
                }

                filled += read;
                bytesRead += read;
            }

            if (skipping)
            {
                int newline = buffer.AsSpan(0, filled).IndexOf((byte)'\n');
                if (newline < 0)
                {
                    lastByteWasCarriageReturn = filled > 0 && buffer[filled - 1] == (byte)'\r';
                    longLineLength += filled;
                    filled = 0;
                    if (!end)
                    {
                        continue;
                    }

                    tooLong.Add((longLineStart, longLineLength));
                    break;
                }

                bool carriageReturn = newline > 0 ? buffer[newline - 1] == (byte)'\r' : lastByteWasCarriageReturn;
                tooLong.Add((longLineStart, longLineLength + newline - (carriageReturn ? 1 : 0)));
                skipping = false;
                line++;
                buffer.AsSpan(newline + 1, filled - newline - 1).CopyTo(buffer);
                filled -= newline + 1;
                if (end && filled == 0)
                {
                    break;
                }

                continue;
            }

            int cut = end ? filled : buffer.AsSpan(0, filled).LastIndexOf((byte)'\n') + 1;
            if (cut == 0)
            {
                if (end)
                {
                    break;
                }

                if (buffer.Length < largest)
                {
                    // A line longer than a chunk: a larger buffer for it, up to the longest line.
                    byte[] larger = NewBuffer((int)Math.Min(largest, 2L * buffer.Length));
                    buffer.AsSpan(0, filled).CopyTo(larger);
                    Reuse(buffer);
                    buffer = larger;
                    continue;
                }

                // The longest line's room without a line end: the line is longer than the limit.
                skipping = true;
                longLineStart = line;
                longLineLength = filled;
                lastByteWasCarriageReturn = buffer[filled - 1] == (byte)'\r';
                filled = 0;
                continue;
            }

            byte[] next = NewBuffer(filled - cut);
            buffer.AsSpan(cut, filled - cut).CopyTo(next);
            line = Enqueue(buffer, cut, line);
            buffer = next;
            filled -= cut;
            Drain(end ? 0 : parallelism);
            if (end)
            {
                break;
            }
        }

        if (tooLong.Count > 0)
        {
            Enqueue(buffer, 0, line);
        }
        else
        {
            Reuse(buffer);
        }

        Drain(0);
    }

    private static TState HandleChunk<TState>(ILineHandler<TState> handler, byte[] buffer, int length, long firstLine, int maxLineBytes, (long Line, long Length)[] tooLong, Action<byte[]> reuse, out long nextLine)
    {
        try
        {
            var state = handler.NewState();
            foreach (var (lineNumber, lineLength) in tooLong)
            {
                handler.TooLong(state, lineNumber, lineLength);
            }

            var text = buffer.AsSpan(0, length);
            long lineNumberNow = firstLine;
            bool findsLineEnds = handler.FindsLineEnds;
            while (!text.IsEmpty)
            {
                if (findsLineEnds && handler.LeadingLine(state, text, lineNumberNow) is > 0 and int taken)
                {
                    text = text[taken..];
                    lineNumberNow++;
                    continue;
                }

                int newline = text.IndexOf((byte)'\n');
                var lineBytes = newline < 0 ? text : text[..newline];
                text = newline < 0 ? [] : text[(newline + 1)..];
                if (!lineBytes.IsEmpty && lineBytes[^1] == (byte)'\r')
                {
                    lineBytes = lineBytes[..^1];
                }

                if (lineBytes.Length > maxLineBytes)
                {
                    handler.TooLong(state, lineNumberNow, lineBytes.Length);
                }
                else
                {
                    handler.Line(state, lineBytes, lineNumberNow);
                }

                lineNumberNow++;
            }

            nextLine = lineNumberNow;
            return state;
        }
        finally
        {
            reuse(buffer);
        }
    }
}
