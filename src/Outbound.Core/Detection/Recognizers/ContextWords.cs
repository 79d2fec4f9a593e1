using System.Text;

namespace Outbound.Detection.Recognizers;

/// <summary>Words that, shortly before a candidate, say what it is (护照, card, IMEI); ASCII words match in any case.</summary>
/// <remarks>Built once per recognizer; searching allocates nothing. Instances are immutable and thread-safe.</remarks>
internal sealed class ContextWords
{
    private readonly byte[][] _ascii;
    private readonly byte[][] _other;

    /// <summary>Initializes a new instance of the <see cref="ContextWords"/> class.</summary>
    /// <param name="words">The words, in any script.</param>
    public ContextWords(params string[] words)
    {
        _ascii = [.. words.Where(word => Ascii.IsValid(word)).Select(word => Encoding.ASCII.GetBytes(word))];
        _other = [.. words.Where(word => !Ascii.IsValid(word)).Select(Encoding.UTF8.GetBytes)];
    }

    /// <summary>
    /// Returns <see langword="true"/> when one of the words lies within <see cref="RecognizerBytes.ContextWindow"/>
    /// bytes before <paramref name="start"/>.
    /// </summary>
    public bool AppearBefore(ReadOnlySpan<byte> text, int start)
    {
        var window = text[Math.Max(0, start - RecognizerBytes.ContextWindow)..start];
        foreach (byte[] word in _other)
        {
            if (window.IndexOf(word) >= 0)
            {
                return true;
            }
        }

        foreach (byte[] word in _ascii)
        {
            for (int i = 0; i + word.Length <= window.Length; i++)
            {
                if (Ascii.EqualsIgnoreCase(window.Slice(i, word.Length), word))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
