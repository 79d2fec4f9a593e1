using Outbound.Formats.Records;

namespace Outbound.Formats.Tests.Records;

public sealed class SourceKindTests
{
    [Theory]
    [InlineData("data/users.jsonl", nameof(SourceKind.JsonLines))]
    [InlineData("users.NDJSON", nameof(SourceKind.JsonLines))]
    [InlineData("users.json", nameof(SourceKind.JsonLines))]
    [InlineData("orders.csv", nameof(SourceKind.Csv))]
    [InlineData("orders.Csv", nameof(SourceKind.Csv))]
    [InlineData("orders.tsv", nameof(SourceKind.Tsv))]
    [InlineData("/tmp/telemetry.parquet", nameof(SourceKind.Parquet))]
    [InlineData("notes.txt", nameof(SourceKind.PlainText))]
    [InlineData("README", nameof(SourceKind.PlainText))]
    [InlineData("archive.csv.gz", nameof(SourceKind.PlainText))] // compressed files are not unpacked
    public void Detect_Extension_ChoosesTheReader(string path, string expected) =>
        Assert.Equal(expected, SourceKind.Detect(path).ToString());
}
