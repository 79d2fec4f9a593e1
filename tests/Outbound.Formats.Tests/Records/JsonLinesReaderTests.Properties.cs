using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Formats.Records;

namespace Outbound.Formats.Tests.Records;

public sealed partial class JsonLinesReaderTests
{
    // System.Text.Json's writer escapes every non-ASCII character as \uXXXX, so every value goes through unescaping.
    [Property(Arbitrary = [typeof(Generators)], MaxTest = 300)]
    public bool Read_AnyWrittenObjects_GivesBackEveryNameAndValue(Line[] lines, PositiveInt chunk)
    {
        var text = new StringBuilder();
        var expected = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            text.Append(JsonSerializer.Serialize(lines[i].Fields)).Append(i % 2 == 0 ? "\n" : "\r\n");
            expected.Add($"begin {i + 1}");
            expected.AddRange(lines[i].Fields.Select(field => $"{field.Key}={field.Value}"));
            expected.Add("end");
        }

        var visitor = new RecordingVisitor();
        new JsonLinesReader().Read(new TrickleStream(Encoding.UTF8.GetBytes(text.ToString()), chunk.Get), visitor);

        return expected.SequenceEqual(visitor.Events);
    }

    public sealed record Line(Dictionary<string, string> Fields);

    public static class Generators
    {
        // Lone surrogates cannot be written as UTF-8, so the text is kept to whole characters.
        private static readonly Gen<string> Text = ArbMap.Default.GeneratorFor<string>()
            .Where(s => s is not null && !s.Any(char.IsSurrogate))
            .Select(s => s!);

        public static Arbitrary<Line> Line() =>
            Gen.ListOf(Gen.Zip(Text, Text))
                .Select(pairs => new Line(pairs.DistinctBy(pair => pair.Item1).ToDictionary(pair => pair.Item1, pair => pair.Item2)))
                .ToArbitrary();
    }
}
