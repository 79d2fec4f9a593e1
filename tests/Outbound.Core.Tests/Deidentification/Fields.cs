using System.Text;
using Outbound.Deidentification;
using Outbound.Detection;

namespace Outbound.Core.Tests.Deidentification;

/// <summary>Builds record fields for the transformer: with findings placed by hand, or found by the shipped scanner.</summary>
internal static class Fields
{
    public static readonly DateOnly ReferenceDate = new(2026, 11, 29);

    private static readonly Scanner Scanner = RecognizerSets.Create(namesAndAddresses: true);

    /// <summary>A field with no identifier in it.</summary>
    public static FieldInput Plain(string name, string value) => new(name, Encoding.UTF8.GetBytes(value), ReadOnlyMemory<Finding>.Empty);

    /// <summary>A field whose whole value is one identifier of <paramref name="type"/>.</summary>
    public static FieldInput Whole(string name, string value, IdentifierType type, FindingTraits traits = FindingTraits.None)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        return new(name, bytes, new[] { new Finding(type, 0, bytes.Length, 1f, traits) });
    }

    /// <summary>A field holding identifiers at the given substrings (each its first occurrence).</summary>
    public static FieldInput With(string name, string value, params (IdentifierType Type, string Covered)[] identifiers)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        Finding[] findings = [.. identifiers.Select(identifier =>
        {
            int at = value.IndexOf(identifier.Covered, StringComparison.Ordinal);
            Assert.True(at >= 0, "The identifier is not in the value.");
            return new Finding(identifier.Type, Encoding.UTF8.GetByteCount(value.AsSpan(0, at)), Encoding.UTF8.GetByteCount(identifier.Covered), 1f);
        })];
        return new(name, bytes, findings);
    }

    /// <summary>A field scanned by the shipped recognizers, with the type its name suggests.</summary>
    public static FieldInput Scanned(string name, string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        var findings = new List<Finding>();
        Scanner.Scan(bytes, new ScanContext(ReferenceDate, FieldClassifier.Classify(name)), findings);
        return new(name, bytes, findings.ToArray());
    }

    public static DeidentificationKeys Keys { get; } = new(
        Encoding.UTF8.GetBytes("outbound-token-known-answer-key-0001"),
        Convert.FromHexString("2B7E151628AED2A6ABF7158809CF4F3C"));
}
