using System.Text;
using Outbound.Detection;

namespace Outbound.Core.Tests.Detection;

/// <summary>Runs one recognizer through the scanner over a string and reports what it found, as text and as byte offsets.</summary>
internal static class TextScans
{
    public static readonly DateOnly ReferenceDate = new(2026, 11, 29);

    public static List<Finding> Findings(IRecognizer recognizer, string text, IdentifierType? field = null)
    {
        var findings = new List<Finding>();
        new Scanner([recognizer]).Scan(Encoding.UTF8.GetBytes(text), new ScanContext(ReferenceDate, field), findings);
        return findings;
    }

    public static string[] Found(IRecognizer recognizer, string text, IdentifierType? field = null)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(text);
        return [.. Findings(recognizer, text, field).Select(finding => Encoding.UTF8.GetString(bytes, finding.Start, finding.Length))];
    }

    public static Finding Single(IRecognizer recognizer, string text, IdentifierType? field = null) =>
        Assert.Single(Findings(recognizer, text, field));

    /// <summary>The byte offset and length of <paramref name="part"/> inside <paramref name="text"/>.</summary>
    public static (int Start, int Length) BytesOf(string text, string part)
    {
        int index = text.IndexOf(part, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{part}' is not in the text.");
        return (Encoding.UTF8.GetByteCount(text.AsSpan(0, index)), Encoding.UTF8.GetByteCount(part));
    }
}
