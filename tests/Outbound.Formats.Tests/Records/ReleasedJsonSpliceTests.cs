using System.Buffers;
using System.Text;
using System.Text.Json.Nodes;
using Outbound.Deidentification;
using Outbound.Formats.Records;
using Outbound.Gateway;

namespace Outbound.Formats.Tests.Records;

/// <summary>Released JSON lines: values replaced in the line as read, everything else kept as it was.</summary>
public sealed class ReleasedJsonSpliceTests
{
    [Fact]
    public void Write_ChangedValues_ReplacesThemAndKeepsTheRestOfTheLineByteForByte()
    {
        const string line = """{ "vin" : "LVS1YUVE5TE184838", "lat":36.644591 ,"note":"a\u00e9b", "ok": true, "n": [1, 2] }""";
        var record = Read(line);
        string?[] values = Unchanged(record);
        values[Index(record, "vin")] = "LVS**************";
        values[Index(record, "lat")] = "36.64";

        string written = Write(record, values);

        Assert.Equal("""{ "vin" : "LVS**************", "lat":36.64 ,"note":"a\u00e9b", "ok": true, "n": [1, 2] }""" + "\n", written);
    }

    [Theory]
    [InlineData("""{"speed":107.7}""", "speed", "fast", """{"speed":"fast"}""")]
    [InlineData("""{"ok":true}""", "ok", "1", """{"ok":"1"}""")]
    [InlineData("""{"plate":"鲁A430U0"}""", "plate", "鲁*****0", """{"plate":"鲁*****0"}""")]
    [InlineData("""{"note":"x"}""", "note", "say \"hi\"\n", """{"note":"say \"hi\"\n"}""")]
    [InlineData("""{"ts":1754114446281}""", "ts", "1754114400000", """{"ts":1754114400000}""")]
    public void Write_OneChangedValue_KeepsTheValueTypeTheRewriteWouldGive(string line, string field, string value, string expected)
    {
        var record = Read(line);
        string?[] values = Unchanged(record);
        values[Index(record, field)] = value;

        Assert.Equal(expected + "\n", Write(record, values));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(Write(record, values))));
    }

    [Theory]
    [InlineData("""{"a":"x\"y","b":"LVS1YUVE5TE184838"}""", "a")]
    [InlineData("""{"a":"","b":"LVS1YUVE5TE184838"}""", "a")]
    [InlineData("""{"a":"keep","b":"LVS1YUVE5TE184838","c":{"d":"gone"}}""", "d")]
    public void Write_EscapedEmptyOrDroppedValue_GivesTheSameObjectAsWritingItAgain(string line, string field)
    {
        var record = Read(line);
        string?[] values = Unchanged(record);
        int index = record.Fields.ToList().FindIndex(f => f.Name.EndsWith(field, StringComparison.Ordinal));
        values[index] = field == "d" ? null : "[REDACTED]";

        var expected = JsonNode.Parse(line)!.AsObject();
        if (field == "d")
        {
            expected["c"]!.AsObject().Remove("d");
        }
        else
        {
            expected[field] = "[REDACTED]";
        }

        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(Write(record, values))), Write(record, values));
    }

    // A value given back with the text it had (ASCII or not) is not a change: the number stays a number, the rest as read.
    [Fact]
    public void Write_ValuesGivenWithTheirOwnText_KeepTheLineAsRead()
    {
        const string line = """{"speed":107.7,"plate":"鲁A430U0","id":"0012","ts":17}""";
        var record = Read(line);
        string?[] values = Unchanged(record);
        values[Index(record, "speed")] = "107.7";
        values[Index(record, "plate")] = "鲁A430U0";
        values[Index(record, "id")] = "0013";
        values[Index(record, "ts")] = "18";

        Assert.Equal("""{"speed":107.7,"plate":"鲁A430U0","id":"0013","ts":18}""" + "\n", Write(record, values));
    }

    [Fact]
    public void Write_EveryValueUnchanged_WritesTheLineAsRead()
    {
        const string line = """{"a" : 1,  "b":"\u4e2d",   "c":[true,null,"x"]}""";
        var record = Read(line);

        Assert.Equal(line + "\n", Write(record, Unchanged(record)));
    }

    // Values written without the JSON writer must come out exactly as the writer would write them: every character
    // taken as it is, next to ones the writer escapes, as a replaced value in a line.
    [Fact]
    public void Write_ReplacedStringsOfEveryVerbatimCharacter_MatchTheJsonWriterByteForByte()
    {
        var record = Read("""{"a":"x","b":"y"}""");
        var characters = Enumerable.Range(0x20, 0x60).Concat(Enumerable.Range(0x4E00, 0x9FFF - 0x4E00 + 1)).Select(c => (char)c);
        foreach (var chunk in characters.Chunk(64))
        {
            string plain = new(chunk);
            foreach (string value in (string[])[plain, plain + "\u00e9", plain + "\u2028", "\"" + plain, plain + "\n"])
            {
                string?[] values = Unchanged(record);
                values[Index(record, "b")] = value;

                var expected = new ArrayBufferWriter<byte>();
                using (var writer = new System.Text.Json.Utf8JsonWriter(expected, ReleasedJson.Options))
                {
                    writer.WriteStringValue(value);
                }

                Assert.Equal("{\"a\":\"x\",\"b\":" + Encoding.UTF8.GetString(expected.WrittenSpan) + "}\n", Write(record, values));
            }
        }
    }

    // A record of columns (CSV, Parquet, tables) is written as a flat object: values held in UTF-8 go as strings do.
    [Fact]
    public void Write_ColumnsRecord_ChangedValuesWrittenAsStrings()
    {
        SourceField[] fields =
        [
            new("vin", Encoding.UTF8.GetBytes("LVS1YUVE5TE184838")),
            new("note", Encoding.UTF8.GetBytes("x")),
            new("plate", Encoding.UTF8.GetBytes("鲁A430U0")),
        ];
        var record = new SourceRecord(1, RecordShape.Columns, fields, ReadOnlyMemory<byte>.Empty);
        string?[] values = ["LVS**************", "say \"hi\" é\u2028", AsItWas];

        string written = Write(record, values);

        var expected = new JsonObject { ["vin"] = "LVS**************", ["note"] = "say \"hi\" é\u2028", ["plate"] = "鲁A430U0" };
        Assert.True(JsonNode.DeepEquals(expected, JsonNode.Parse(written)), written);
    }

    private static SourceRecord Read(string line)
    {
        var batch = ExportReader.ReadJsonRecords([(1, Encoding.UTF8.GetBytes(line))]);
        return Assert.Single(batch.Records);
    }

    // Marks, by reference, a field that goes as it was; null marks one dropped.
    private static readonly string AsItWas = new('\u0000', 1);

    private static string?[] Unchanged(SourceRecord record) => [.. record.Fields.Select(_ => AsItWas)];

    private static int Index(SourceRecord record, string name) => record.Fields.ToList().FindIndex(f => f.Name == name);

    // Writes the record with the values as strings, and again with the changed ones held in UTF-8 as operators that
    // rewrite bytes leave them: both must give the same line.
    private static string Write(SourceRecord record, string?[] values)
    {
        string asStrings = Write(record, values, (name, value) => new OutputField(name, value, changed: true));
        string asUtf8 = Write(record, values, (name, value) => new OutputField(name, Encoding.UTF8.GetBytes(value).AsMemory(), changed: true));
        Assert.Equal(asStrings, asUtf8);
        return asStrings;
    }

    private static string Write(SourceRecord record, string?[] values, Func<string, string, OutputField> changed)
    {
        var output = new ArrayBufferWriter<byte>();
        OutputField[] fields = [.. values.Select((value, i) => value is null
            ? default
            : ReferenceEquals(value, AsItWas)
                ? new OutputField(record.Fields[i].Name, Encoding.UTF8.GetString(record.Fields[i].Value.Span), changed: false)
                : changed(record.Fields[i].Name, value))];
        ReleasedJson.Write(record, fields, output);
        return Encoding.UTF8.GetString(output.WrittenSpan);
    }
}
