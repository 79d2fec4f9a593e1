using System.Buffers;
using System.Reflection;

namespace Outbound.Detection.Recognizers;

/// <summary>Reads Chinese characters (the CJK Unified Ideographs block, U+4E00–U+9FFF) straight from UTF-8 bytes.</summary>
/// <remarks>
/// Every character of the block is three bytes in UTF-8 with a lead byte from 0xE4 to 0xE9, so tables are indexed
/// by code point minus <see cref="First"/> and pairs and triples of characters pack into one integer key.
/// </remarks>
internal static class HanText
{
    /// <summary>The first code point of the block.</summary>
    public const int First = 0x4E00;

    /// <summary>The number of code points in the block.</summary>
    public const int Count = 0x9FFF - First + 1;

    /// <summary>The byte length of one character of the block.</summary>
    public const int Width = 3;

    /// <summary>Gets the UTF-8 lead bytes of the block (0xE4–0xE9).</summary>
    public static ReadOnlySpan<byte> LeadBytes => [0xE4, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9];

    private static readonly SearchValues<byte> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    /// <summary>Returns the code point of the three-byte UTF-8 sequence at <paramref name="index"/>, or -1 when there is none.</summary>
    public static int DecodeAt(ReadOnlySpan<byte> text, int index)
    {
        if (index < 0 || index > text.Length - Width)
        {
            return -1;
        }

        int b0 = text[index];
        int b1 = text[index + 1];
        int b2 = text[index + 2];
        if ((b0 & 0xF0) != 0xE0 || (b1 & 0xC0) != 0x80 || (b2 & 0xC0) != 0x80)
        {
            return -1;
        }

        return ((b0 & 0x0F) << 12) | ((b1 & 0x3F) << 6) | (b2 & 0x3F);
    }

    /// <summary>Returns the code point of the three-byte sequence that ends just before <paramref name="index"/>, or -1.</summary>
    public static int DecodeBefore(ReadOnlySpan<byte> text, int index) => DecodeAt(text, index - Width);

    /// <summary>Returns <see langword="true"/> when <paramref name="codePoint"/> lies in the block.</summary>
    public static bool IsHan(int codePoint) => unchecked((uint)(codePoint - First) < Count);

    /// <summary>Packs two characters of the block into one key.</summary>
    public static int Pack(int first, int second) => ((first - First) * Count) + (second - First);

    /// <summary>Packs three characters of the block into one key.</summary>
    public static long Pack(int first, int second, int third) => ((long)Pack(first, second) * Count) + (third - First);

    /// <summary>Returns <see langword="true"/> when the byte at <paramref name="index"/> exists and is an ASCII letter or digit.</summary>
    public static bool IsAsciiLetterOrDigitAt(ReadOnlySpan<byte> text, int index) =>
        unchecked((uint)index < (uint)text.Length) && AsciiLettersAndDigits.Contains(text[index]);

    /// <summary>Returns the code points of <paramref name="word"/>, which must be characters of the block.</summary>
    /// <exception cref="ArgumentException"><paramref name="word"/> holds a character outside the block.</exception>
    public static int[] CodePoints(string word)
    {
        var codePoints = new int[word.Length];
        for (int i = 0; i < word.Length; i++)
        {
            if (!IsHan(word[i]))
            {
                throw new ArgumentException($"Expected only CJK ideographs but found U+{(int)word[i]:X4} at index {i}.", nameof(word));
            }

            codePoints[i] = word[i];
        }

        return codePoints;
    }

    /// <summary>Returns <see langword="true"/> when the characters of <paramref name="word"/> follow at <paramref name="index"/>.</summary>
    public static bool StartsWith(ReadOnlySpan<byte> text, int index, ReadOnlySpan<int> word)
    {
        for (int i = 0; i < word.Length; i++)
        {
            if (DecodeAt(text, index + (i * Width)) != word[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Returns <see langword="true"/> when the characters of <paramref name="word"/> end just before <paramref name="index"/>.</summary>
    public static bool EndsWith(ReadOnlySpan<byte> text, int index, ReadOnlySpan<int> word) =>
        StartsWith(text, index - (word.Length * Width), word);

    /// <summary>Reads the lines of an embedded data file, skipping blank lines and <c>#</c> comments.</summary>
    /// <exception cref="InvalidOperationException">The resource is missing from the assembly.</exception>
    public static List<string> ReadDataLines(string resourceName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"The embedded data file '{resourceName}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                lines.Add(line);
            }
        }

        return lines;
    }
}

/// <summary>A set of characters of the CJK Unified Ideographs block, as a bitset.</summary>
/// <remarks>Immutable once built; thread-safe for reading.</remarks>
internal sealed class HanSet
{
    private readonly ulong[] _bits = new ulong[(HanText.Count + 63) / 64];

    /// <summary>Initializes a new instance of the <see cref="HanSet"/> class holding the characters of <paramref name="characters"/>.</summary>
    public HanSet(string characters)
    {
        foreach (int codePoint in HanText.CodePoints(characters))
        {
            int index = codePoint - HanText.First;
            _bits[index >> 6] |= 1UL << (index & 63);
        }
    }

    /// <summary>Returns <see langword="true"/> when <paramref name="codePoint"/> is in the set.</summary>
    public bool Contains(int codePoint)
    {
        int index = codePoint - HanText.First;
        return unchecked((uint)index < HanText.Count) && (_bits[index >> 6] & (1UL << (index & 63))) != 0;
    }
}

/// <summary>A list of words of Chinese characters, looked up at a position of UTF-8 text.</summary>
/// <remarks>First and last characters are kept in bitsets, so most positions are rejected with one bit test. Immutable; thread-safe.</remarks>
internal sealed class HanWords
{
    private readonly int[][] _words;
    private readonly HanSet _firsts;
    private readonly HanSet _lasts;

    /// <summary>Initializes a new instance of the <see cref="HanWords"/> class.</summary>
    public HanWords(params string[] words)
    {
        _words = [.. words.Select(HanText.CodePoints).OrderByDescending(word => word.Length)];
        _firsts = new HanSet(string.Concat(words.Select(word => word[..1])));
        _lasts = new HanSet(string.Concat(words.Select(word => word[^1..])));
    }

    /// <summary>Returns the byte length of the longest word that starts at <paramref name="index"/>, or 0.</summary>
    public int LongestAt(ReadOnlySpan<byte> text, int index)
    {
        int first = HanText.DecodeAt(text, index);
        if (!_firsts.Contains(first))
        {
            return 0;
        }

        foreach (int[] word in _words)
        {
            if (word[0] == first && HanText.StartsWith(text, index, word))
            {
                return word.Length * HanText.Width;
            }
        }

        return 0;
    }

    /// <summary>Returns <see langword="true"/> when one of the words ends just before <paramref name="index"/>.</summary>
    public bool EndsBefore(ReadOnlySpan<byte> text, int index)
    {
        int last = HanText.DecodeBefore(text, index);
        if (!_lasts.Contains(last))
        {
            return false;
        }

        foreach (int[] word in _words)
        {
            if (word[^1] == last && HanText.EndsWith(text, index, word))
            {
                return true;
            }
        }

        return false;
    }
}
