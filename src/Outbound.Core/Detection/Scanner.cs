using System.Buffers;

namespace Outbound.Detection;

/// <summary>Finds identifiers in UTF-8 text in one pass, offering each trigger position to the recognizers that anchor there.</summary>
/// <remarks>
/// Candidate positions come from one vectorised search over the union of the recognizers' trigger bytes. When no
/// recognizer matches at an ASCII letter or digit, the rest of that run of letters and digits is skipped: every
/// identifier needs a boundary before it, so none can start inside the run. Overlapping findings keep the longer.
/// Instances are immutable and thread-safe; build one and reuse it.
/// </remarks>
public sealed class Scanner
{
    private static readonly SearchValues<byte> AsciiLettersAndDigits =
        SearchValues.Create("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"u8);

    private readonly SearchValues<byte> _triggers;
    private readonly IRecognizer[][] _byByte;

    /// <summary>Initializes a new instance of the <see cref="Scanner"/> class.</summary>
    /// <param name="recognizers">The recognizers, in priority order for matches of equal length and score.</param>
    public Scanner(IEnumerable<IRecognizer> recognizers)
    {
        ArgumentNullException.ThrowIfNull(recognizers);
        Recognizers = [.. recognizers];
        _byByte = new IRecognizer[256][];
        var triggers = new List<byte>();
        for (int b = 0; b < 256; b++)
        {
            _byByte[b] = [.. Recognizers.Where(recognizer => recognizer.Triggers.Contains((byte)b))];
            if (_byByte[b].Length > 0)
            {
                triggers.Add((byte)b);
            }
        }

        _triggers = SearchValues.Create([.. triggers]);
    }

    /// <summary>Gets the recognizers, in priority order.</summary>
    public IReadOnlyList<IRecognizer> Recognizers { get; }

    /// <summary>Appends every identifier found in <paramref name="text"/> to <paramref name="findings"/>, in order of position.</summary>
    public void Scan(ReadOnlySpan<byte> text, in ScanContext context, List<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(findings);
        int floor = findings.Count;
        int position = 0;
        while (position < text.Length)
        {
            int next = text[position..].IndexOfAny(_triggers);
            if (next < 0)
            {
                return;
            }

            position += next;
            bool found = false;
            Finding best = default;
            byte first = text[position];
            bool atRun = AsciiLettersAndDigits.Contains(first);
            int runLength = 0;
            RunShape shape = default;
            if (atRun)
            {
                runLength = text[position..].IndexOfAnyExcept(AsciiLettersAndDigits);
                runLength = runLength < 0 ? text.Length - position : runLength;
                shape = RunShape.Of(text.Slice(position, runLength), position > 0 ? text[position - 1] : (byte)0, position + runLength < text.Length ? text[position + runLength] : (byte)0);
            }

            foreach (var recognizer in _byByte[first])
            {
                if ((!atRun || ShapeGate.Allows(recognizer.Type, shape))
                    && recognizer.TryMatch(text, position, context, out var candidate)
                    && (!found || candidate.Length > best.Length || (candidate.Length == best.Length && candidate.Score > best.Score)))
                {
                    best = candidate;
                    found = true;
                }
            }

            if (found)
            {
                Add(findings, floor, best);
                position = Math.Max(best.End, position + 1);
            }
            else if (atRun)
            {
                position += runLength;
            }
            else
            {
                position++;
            }
        }
    }

    private static void Add(List<Finding> findings, int floor, Finding finding)
    {
        while (findings.Count > floor && findings[^1].End > finding.Start)
        {
            if (findings[^1].Length >= finding.Length)
            {
                return;
            }

            findings.RemoveAt(findings.Count - 1);
        }

        findings.Add(finding);
    }
}
