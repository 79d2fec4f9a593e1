using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace Outbound.Formats.Records;

/// <summary>Lets the kernel drop a written file's pages from its cache (Linux; elsewhere nothing is done).</summary>
/// <remarks>
/// For output this process does not read again. Pages already on disk are dropped at once, so a long run's output does
/// not push the input and the store out of the cache; and the next file is written into pages the kernel just freed,
/// not into pages it must first find or (on a virtual machine that hands free memory back to its host) fault in again.
/// </remarks>
internal static partial class PageCache
{
    /// <summary><c>POSIX_FADV_DONTNEED</c>, the same on every Linux architecture.</summary>
    private const int DontNeed = 4;

    /// <summary>Asks the kernel to drop the file's cached pages; call after the file is flushed to disk. Advice only: failure is ignored.</summary>
    public static void DropWritten(SafeFileHandle file)
    {
        if (!OperatingSystem.IsLinux() || file.IsInvalid)
        {
            return;
        }

        bool added = false;
        try
        {
            file.DangerousAddRef(ref added);
            _ = PosixFadvise((int)file.DangerousGetHandle(), 0, 0, DontNeed);
        }
        finally
        {
            if (added)
            {
                file.DangerousRelease();
            }
        }
    }

    // Returns an error number rather than setting errno; the offset and length are off_t, 64 bits on 64-bit Linux.
    [LibraryImport("libc", EntryPoint = "posix_fadvise")]
    private static partial int PosixFadvise(int fd, long offset, long length, int advice);
}
