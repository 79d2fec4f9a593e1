using System.Globalization;
using System.Text;
using Outbound.Detection;
using Outbound.Formats.Records;

namespace Outbound.Cli.Tests;

public sealed class ScanSourcesTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    // On one core every chunk goes straight into the file's inventory; on more, chunks are scanned into inventories of
    // their own, which are merged in order and then take later chunks. Both must give the same inventory of a file of many
    // chunks, with fields that come and go and unreadable lines among them.
    [Fact]
    public void ScanLines_ChunksInTurnOrInParallel_GiveTheSameInventory()
    {
        var text = new StringBuilder();
        for (int line = 1; line <= 30_000; line++)
        {
            string phone = "139" + (10_000_000 + (line % 1_500)).ToString(CultureInfo.InvariantCulture);
            text.Append(line % 1_009 == 0 ? "{\"phone\": [\n" : $"{{\"phone\":\"{phone}\",\"n\":{line}")
                .Append(line % 1_009 == 0 ? "" : line % 7 == 0 ? ",\"lat\":31.230416}\n" : line % 3 == 0 ? ",\"owner\":{\"email\":\"a" + line + "@example.cn\"}}\n" : "}\n");
        }

        string file = _folder.Write("lines.jsonl", text.ToString());
        Assert.True(new FileInfo(file).Length > 4 * LineChunks.DefaultChunkBytes);
        var factory = new ScanSources.InventoryFactory(RecognizerSets.Create(namesAndAddresses: false), SubjectKeyer.ThrowAway(), new DateOnly(2026, 11, 29));

        var inTurn = ScanSources.ScanLines(file, SniffedContent.Utf8Text, json: true, factory, sample: null, parallelism: 0, _ => { }).ToReport();
        var inParallel = ScanSources.ScanLines(file, SniffedContent.Utf8Text, json: true, factory, sample: null, parallelism: 2, _ => { }).ToReport();

        Assert.Equal(Describe(inTurn), Describe(inParallel));
        Assert.Equal((30_000 - 29, 1_500, 29), (inTurn.Records, inTurn.Persons, inTurn.SkippedCount));
        Assert.Equal(inTurn.Skipped, inParallel.Skipped);
    }

    private static string Describe(InventoryReport report) =>
        $"{report.Records} {report.RecordsWithPersonalInformation} {report.Persons} {report.SensitivePersons} {report.UnkeyedRecords} {report.SkippedCount}; "
        + string.Join("; ", report.Fields.Select(field => $"{field.Name} {field.Values} {field.Minors} " + string.Join(",", field.Counts.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}={pair.Value}"))));
}
