using System.Buffers;
using System.Text;

namespace Outbound.Formats.Records;

/// <summary>What the start of a file looks like to the scanner.</summary>
internal enum SniffedContent
{
    /// <summary>UTF-8 text (ASCII included), possibly with a few damaged bytes that the readers report line by line.</summary>
    Utf8Text,

    /// <summary>Text in UTF-16: readable, but not scanned until it is converted to UTF-8.</summary>
    Utf16Text,

    /// <summary>Chinese text in GB 18030 (or its subset GBK): readable, but not scanned until it is converted to UTF-8.</summary>
    Gb18030Text,

    /// <summary>Not text: an image, an archive, an executable, compressed or encrypted data.</summary>
    Binary,
}

/// <summary>Tells text from binary data by the first bytes of a file, so the scanner can skip what it cannot read and say why.</summary>
/// <remarks>
/// Looks at the first <see cref="SampleBytes"/> bytes: NUL bytes and control characters mean binary (UTF-16 aside);
/// otherwise the share of bytes that are not valid UTF-8 decides. Text that is mostly invalid UTF-8 but reads as
/// GB 18030 throughout is reported as such, since Chinese data often comes in that encoding.
/// </remarks>
internal static class BinarySniffer
{
    /// <summary>How many bytes from the start of a file are looked at: 8 KiB.</summary>
    public const int SampleBytes = 8 * 1024;

    // Control characters other than tab, line feed, vertical tab, form feed, carriage return and escape.
    private static readonly SearchValues<byte> BinaryControls = SearchValues.Create(
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 28, 29, 30, 31, 127]);

    /// <summary>Returns <see langword="true"/> when <paramref name="sample"/>, the start of a file, is not text.</summary>
    public static bool IsBinary(ReadOnlySpan<byte> sample) => Sniff(sample) == SniffedContent.Binary;

    /// <summary>Reads the start of the file at <paramref name="path"/> and returns what it looks like.</summary>
    /// <exception cref="IOException">The file cannot be read.</exception>
    public static SniffedContent Sniff(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 1);
        return Sniff(stream);
    }

    /// <summary>Reads up to <see cref="SampleBytes"/> from the current position of <paramref name="stream"/> and returns what they look like.</summary>
    /// <remarks>The bytes are consumed: seek back, or sniff a copy, before reading the stream for its records.</remarks>
    public static SniffedContent Sniff(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        Span<byte> sample = stackalloc byte[SampleBytes];
        int length = stream.ReadAtLeast(sample, SampleBytes, throwOnEndOfStream: false);
        return Sniff(sample[..length]);
    }

    /// <summary>Returns what <paramref name="sample"/>, the start of a file, looks like.</summary>
    public static SniffedContent Sniff(ReadOnlySpan<byte> sample)
    {
        if (sample.StartsWith("\xFF\xFE"u8) || sample.StartsWith("\xFE\xFF"u8))
        {
            return sample.StartsWith("\xFF\xFE\0\0"u8) ? SniffedContent.Binary : SniffedContent.Utf16Text;
        }

        if (sample.StartsWith("\xEF\xBB\xBF"u8))
        {
            sample = sample[3..];
        }

        if (sample.IndexOf((byte)0) >= 0)
        {
            return LooksLikeUtf16(sample) ? SniffedContent.Utf16Text : SniffedContent.Binary;
        }

        // Over 1% control characters is no text file.
        if (CountControls(sample) * 100 > sample.Length)
        {
            return SniffedContent.Binary;
        }

        var (valid, invalid) = CountUtf8(sample);
        if (invalid == 0 || valid >= invalid)
        {
            // Mostly UTF-8: the damaged lines are reported by the readers.
            return SniffedContent.Utf8Text;
        }

        return IsGb18030(sample) ? SniffedContent.Gb18030Text : SniffedContent.Binary;
    }

    /// <summary>Returns the note the scanner shows for a file it skips because of <paramref name="content"/>.</summary>
    public static string Note(SniffedContent content) => content switch
    {
        SniffedContent.Utf16Text => "Skipped: the file is UTF-16 text; convert it to UTF-8 (iconv -f UTF-16 -t UTF-8) to scan it.",
        SniffedContent.Gb18030Text => "Skipped: the file looks like GB 18030 (GBK) text; convert it to UTF-8 (iconv -f GB18030 -t UTF-8) to scan it.",
        SniffedContent.Binary => "Skipped: the file is binary, not text.",
        _ => "",
    };

    private static int CountControls(ReadOnlySpan<byte> sample)
    {
        int count = 0;
        int at;
        while ((at = sample.IndexOfAny(BinaryControls)) >= 0)
        {
            count++;
            sample = sample[(at + 1)..];
        }

        return count;
    }

    /// <summary>Counts the non-ASCII characters that decode as UTF-8, and the bytes that do not.</summary>
    private static (int Valid, int Invalid) CountUtf8(ReadOnlySpan<byte> sample)
    {
        int valid = 0;
        int invalid = 0;
        int offset = 0;
        while (offset < sample.Length)
        {
            int nonAscii = sample[offset..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (nonAscii < 0)
            {
                break;
            }

            offset += nonAscii;
            var status = Rune.DecodeFromUtf8(sample[offset..], out _, out int consumed);
            if (status == OperationStatus.Done)
            {
                valid++;
            }
            else if (status == OperationStatus.InvalidData)
            {
                invalid += consumed;
            }
            else
            {
                // A sequence cut off by the end of the sample.
                break;
            }

            offset += consumed;
        }

        return (valid, invalid);
    }

    /// <summary>Returns whether the NULs fall on one side of each byte pair, as ASCII-range UTF-16 text has them.</summary>
    private static bool LooksLikeUtf16(ReadOnlySpan<byte> sample)
    {
        int even = 0;
        int odd = 0;
        for (int i = 0; i < sample.Length; i++)
        {
            if (sample[i] == 0)
            {
                if ((i & 1) == 0)
                {
                    even++;
                }
                else
                {
                    odd++;
                }
            }
        }

        // UTF-16 text in Latin script is about half NULs, all on the same side; Chinese text has few.
        int pairs = sample.Length / 2;
        return (even == 0 || odd == 0) && Math.Max(even, odd) * 4 >= pairs;
    }

    /// <summary>Returns whether <paramref name="sample"/> is well-formed GB 18030: ASCII, two-byte and four-byte sequences only.</summary>
    private static bool IsGb18030(ReadOnlySpan<byte> sample)
    {
        int i = 0;
        while (i < sample.Length)
        {
            byte lead = sample[i];
            if (lead < 0x80)
            {
                i++;
                continue;
            }

            if (lead is 0x80 or 0xFF)
            {
                return false;
            }

            if (i + 1 >= sample.Length)
            {
                // Cut off by the end of the sample.
                return true;
            }

            byte second = sample[i + 1];
            if (second is >= 0x40 and <= 0xFE and not 0x7F)
            {
                i += 2;
                continue;
            }

            if (second is < 0x30 or > 0x39)
            {
                return false;
            }

            if (i + 3 >= sample.Length)
            {
                return true;
            }

            if (sample[i + 2] is < 0x81 or > 0xFE || sample[i + 3] is < 0x30 or > 0x39)
            {
                return false;
            }

            i += 4;
        }

        return true;
    }
}
