namespace Outbound.Accuracy.Tests;

public sealed class CorpusReaderTests
{
    [Fact]
    public void ReadPredictions_CliOutputLines_ReadIdsSpansAndScores()
    {
        const string Lines = """
            {"id": "tel-000001", "spans": [{"start": 8, "end": 25, "type": "VIN", "score": 0.99}]}

            {"id": 7, "spans": []}
            {"spans": [{"start": 0, "end": 2, "type": "PERSON_NAME"}]}
            """;

        var records = CorpusReader.ReadPredictions(new StringReader(Lines), "pred.jsonl");

        Assert.Equal(3, records.Count);
        Assert.Equal(new PredictedSpan(8, 25, "VIN", 0.99), Assert.Single(records[0].Spans));
        Assert.Equal(("7", true), (records[1].Id, records[1].IdIsNumber));
        Assert.Equal(("2", true), (records[2].Id, records[2].IdIsNumber)); // no id: its index among the records
        Assert.Equal(1.0, records[2].Spans[0].Score);
    }

    [Fact]
    public void ReadGold_LookAlikeSpan_KeepsItsKind()
    {
        const string Line = """{"id":"ord-1","text":"订单202611291530120345","spans":[{"start":2,"end":20,"type":"none","decoy":"order_no_18"}]}""";

        var record = Assert.Single(CorpusReader.ReadGold(new StringReader(Line), "gold.jsonl"));

        Assert.Equal(new GoldSpan(2, 20, "none", "order_no_18"), Assert.Single(record.Spans));
        Assert.True(record.Spans[0].IsLookAlike);
    }

    [Theory]
    [InlineData("""{"id":"a","spans":[]}""", "\"text\" must be a string")] // no text
    [InlineData("""{"id":"a","text":"abc","spans":[{"start":1,"end":9,"type":"EMAIL"}]}""", "ends past the text")]
    [InlineData("""{"id":"a","text":"abc","spans":[{"start":2,"end":2,"type":"EMAIL"}]}""", "empty or negative")]
    [InlineData("""{"id":"a","text":"abc","spans":[{"start":0,"end":1}]}""", "gold.jsonl:2:")] // no type
    [InlineData("""not json""", "gold.jsonl:2:")]
    public void ReadGold_BadLine_NamesFileAndLine(string badLine, string expected)
    {
        string lines = """{"id":"ok","text":"x","spans":[]}""" + "\n" + badLine;

        var error = Assert.Throws<FormatException>(() => CorpusReader.ReadGold(new StringReader(lines), "gold.jsonl"));

        Assert.StartsWith("gold.jsonl:2:", error.Message, StringComparison.Ordinal);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
