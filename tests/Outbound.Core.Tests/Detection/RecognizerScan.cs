using System.Text;
using Outbound.Detection;

namespace Outbound.Core.Tests.Detection;

/// <summary>Runs one recognizer through the scanner over a string and turns expected substrings into byte offsets.</summary>
internal static class RecognizerScan
{
    public static readonly DateOnly ReferenceDate = new(2026, 11, 29);

    public static List<Finding> Scan(IRecognizer recognizer, string text, IdentifierType? fieldType = null) =>
        Scan([recognizer], text, fieldType);

    public static List<Finding> Scan(IEnumerable<IRecognizer> recognizers, string text, IdentifierType? fieldType = null)
    {
        var findings = new List<Finding>();
        new Scanner(recognizers).Scan(Encoding.UTF8.GetBytes(text), new ScanContext(ReferenceDate, fieldType), findings);
        return findings;
    }

    /// <summary>Returns the text a finding covers.</summary>
    public static string Covered(string text, Finding finding) =>
        Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text), finding.Start, finding.Length);

    /// <summary>Asserts that scanning finds exactly <paramref name="expected"/> (the first occurrence in <paramref name="text"/>), at its exact byte offsets, and returns the finding.</summary>
    public static Finding AssertSingle(IRecognizer recognizer, string text, string expected, IdentifierType? fieldType = null)
    {
        var findings = Scan(recognizer, text, fieldType);
        int charIndex = text.IndexOf(expected, StringComparison.Ordinal);
        Assert.True(charIndex >= 0, "The expected identifier is not in the text.");
        var finding = Assert.Single(findings);
        Assert.Equal(recognizer.Type, finding.Type);
        Assert.Equal(Encoding.UTF8.GetByteCount(text.AsSpan(0, charIndex)), finding.Start);
        Assert.Equal(Encoding.UTF8.GetByteCount(expected), finding.Length);
        return finding;
    }

    /// <summary>Asserts that scanning finds nothing.</summary>
    public static void AssertNone(IRecognizer recognizer, string text, IdentifierType? fieldType = null) =>
        Assert.Empty(Scan(recognizer, text, fieldType));
}
