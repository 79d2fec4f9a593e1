using System.Globalization;
using System.Text;
using Outbound.Formats.Records;

namespace Outbound.Formats.Tests.Records;

public sealed partial class JsonLinesReaderTests
{
    private static readonly string[] Atoms =
    [
        "0", "-1", "12.5", "1e9", "-0.25E-3", "01", "1.", ".5", "-", "1e", "true", "false", "null", "tru", "nul",
        "1754114446281", "-36.644591", "279623.6", "12345678901234567890123", "1234567890123456.78901234567890123e+45",
        "1234567890123456x", "0.12345678901234567890", "00012345678901234567",
        "123456789012345.6", "1234567890123456", "12345678901234.5", "1.234567890123456", "12.", "1.5e3", "9.9E-1",
        "\"\"", "\"a\"", "\"京A12345\"", "\"x\\\"y\"", "\"\\u4eac\"", "\"tab\there\"", "\"13800138000\"",
    ];

    private static readonly string[] Noise = ["{", "}", "[", "]", ",", ":", "\"", " ", "\t", "\\", "x", "1", "/", "\u0001"];

    // The plain-JSON path must give exactly what the general reader gives: the same fields, or the same skip message.
    [Fact]
    public void HandleLine_SimplePathOnGeneratedAndDamagedLines_AgreesWithTheGeneralReader()
    {
        var random = new Random(20261129);
        for (int n = 0; n < 20_000; n++)
        {
            string line = Value(random, depth: 0, forceObject: true);
            if (n % 2 == 1)
            {
                line = Damage(random, line);
            }

            Assert.Equal(Events(line, simple: false), Events(line, simple: true));
        }
    }

    // What the simple path passes as a plain number must be one — 1–9, digits, perhaps a point and digits — with the right
    // count of digits before the point; the scanner relies on it.
    [Fact]
    public void HandleLine_SimplePathOnGeneratedLines_PassesOnlyPlainNumbersAsNumbers()
    {
        var random = new Random(20261202);
        var plain = new System.Text.RegularExpressions.Regex(@"^[1-9][0-9]*(\.[0-9]+)?$");
        int numbers = 0;
        for (int n = 0; n < 20_000; n++)
        {
            var visitor = new RecordingVisitor { MarkNumbers = true };
            using var session = JsonLinesReader.NewSession(visitor);
            new JsonLinesReader().HandleLine(session, Encoding.UTF8.GetBytes(Value(random, depth: 0, forceObject: true)), 1);
            foreach (string marked in visitor.Events.Where(e => e.Contains(" #", StringComparison.Ordinal)))
            {
                string value = marked[(marked.IndexOf('=', StringComparison.Ordinal) + 1)..marked.LastIndexOf(" #", StringComparison.Ordinal)];
                int integerDigits = int.Parse(marked[(marked.LastIndexOf('#') + 1)..], CultureInfo.InvariantCulture);
                Assert.Matches(plain, value);
                Assert.Equal(value.Contains('.', StringComparison.Ordinal) ? value.IndexOf('.', StringComparison.Ordinal) : value.Length, integerDigits);
                numbers++;
            }
        }

        Assert.True(numbers > 100, $"only {numbers} plain numbers");
    }

    [Theory]
    [InlineData("{\"a\":{\"b\":[1,{\"c\":2},[3]]},\"d\":[]}")]
    [InlineData("  {\"a\" : 1 ,\"b\":\"x\" }  ")]
    [InlineData("{\"a\":1,}")]
    [InlineData("{\"a\":[1,]}")]
    [InlineData("{\"a\":1} x")]
    [InlineData("{\"a\":1}{}")]
    [InlineData("{\"\":\"empty name\"}")]
    [InlineData("{\"a\":-}")]
    [InlineData("[1,2]")]
    [InlineData("{\"a\":1")]
    public void HandleLine_SimplePathOnEdgeCases_AgreesWithTheGeneralReader(string line) =>
        Assert.Equal(Events(line, simple: false), Events(line, simple: true));

    [Fact]
    public void HandleLine_NestingDeeperThanTheSimplePath_AgreesWithTheGeneralReader()
    {
        foreach (int depth in new[] { 31, 32, 33, 63, 64, 65 })
        {
            string line = "{" + string.Concat(Enumerable.Repeat("\"a\":{", depth - 1)) + "\"b\":1" + new string('}', depth);
            Assert.Equal(Events(line, simple: false), Events(line, simple: true));
        }
    }

    // Lines whose ends the reader finds as it reads them must come out as lines cut at their line feeds first: objects
    // broken over two lines, CR LF and bare LF, blank and space-only lines, a byte-order mark, lines over the limit,
    // damaged lines, and no line end at the end of the input.
    [Fact]
    public void Read_LineEndsFoundWhileReading_AgreeWithLinesCutFirst()
    {
        var random = new Random(20261130);
        string[] ends = ["\n", "\r\n", " \r\n", " \n", "\t\n", "\r \n", "\n\n", "\n  \n"];
        var text = new StringBuilder("\uFEFF");
        for (int n = 0; n < 20_000; n++)
        {
            string line = Value(random, depth: 0, forceObject: true);
            line = random.Next(8) switch
            {
                0 => Damage(random, line),
                1 when line.Contains(',', StringComparison.Ordinal) => line.Replace(",", ",\n", StringComparison.Ordinal),
                2 => line + new string(' ', 300),
                _ => line,
            };

            text.Append(line).Append(ends[random.Next(ends.Length)]);
        }

        text.Append("{\"last\":1}");
        byte[] bytes = Encoding.UTF8.GetBytes(text.ToString());

        Assert.Equal(ReadWholeLines(bytes, findsLineEnds: false), ReadWholeLines(bytes, findsLineEnds: true));
    }

    private static List<string> ReadWholeLines(byte[] bytes, bool findsLineEnds)
    {
        var visitor = new RecordingVisitor();
        var reader = new JsonLinesReader(maxLineBytes: 200) { FindsLineEnds = findsLineEnds };
        long records = reader.Read(new MemoryStream(bytes), visitor, cancellationToken: TestContext.Current.CancellationToken);
        visitor.Events.Add($"records {records}");
        return visitor.Events;
    }

    private static List<string> Events(string line, bool simple)
    {
        var visitor = new RecordingVisitor();
        using var session = JsonLinesReader.NewSession(visitor);
        session.SimplePath = simple;
        new JsonLinesReader().HandleLine(session, Encoding.UTF8.GetBytes(line), 1);
        return visitor.Events;
    }

    private static string Value(Random random, int depth, bool forceObject = false)
    {
        int kind = forceObject ? 0 : random.Next(depth > 4 ? 2 : 4);
        switch (kind)
        {
            case 0 when forceObject || depth <= 4:
            {
                var members = Enumerable.Range(0, random.Next(5))
                    .Select(i => $"\"{Name(random)}\"{Space(random)}:{Space(random)}{Value(random, depth + 1)}");
                return "{" + Space(random) + string.Join("," + Space(random), members) + Space(random) + "}";
            }

            case 1 when depth <= 4:
                return "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => Value(random, depth + 1))) + "]";

            default:
                return Atoms[random.Next(Atoms.Length)];
        }
    }

    private static string Name(Random random) => random.Next(6) switch
    {
        0 => "",
        1 => "手机",
        2 => "a\\\"b",
        _ => "k" + random.Next(100).ToString(CultureInfo.InvariantCulture),
    };

    private static string Space(Random random) => random.Next(4) == 0 ? " " : "";

    private static string Damage(Random random, string line)
    {
        int at = random.Next(line.Length + 1);
        return random.Next(3) switch
        {
            0 when at < line.Length => line.Remove(at, 1),
            1 => line.Insert(at, Noise[random.Next(Noise.Length)]),
            _ => at < line.Length ? line.Remove(at, 1).Insert(at, Noise[random.Next(Noise.Length)]) : line + Noise[random.Next(Noise.Length)],
        };
    }
}
