using System.Text;
using Parquet;
using Parquet.Schema;
using ParquetReader = Outbound.Formats.Records.ParquetReader;

namespace Outbound.Formats.Tests.Records;

public sealed class ParquetReaderTests
{
    private static readonly DataField<string> Name = new("name");
    private static readonly DataField<int?> Age = new("age");
    private static readonly DataField<double> Score = new("score");
    private static readonly DataField<decimal> Amount = new("amount");
    private static readonly DataField<bool> Active = new("active");
    private static readonly DataField<DateTime> Seen = new("seen");
    private static readonly DataField<DateOnly> Born = new("born");
    private static readonly DataField<byte[]> Photo = new("photo");
    private static readonly DataField<string> OwnerPhone = new("phone");
    private static readonly DataField<string> PhoneElement = new("element");

    private static readonly ParquetSchema Schema = new(
        Name, Age, Score, Amount, Active, Seen, Born, Photo, new StructField("owner", OwnerPhone), new ListField("phones", PhoneElement));

    /// <summary>Writes two row groups: rows 1–2 and row 3, with nulls, a list and a nested group.</summary>
    private static async Task<byte[]> WriteSampleAsync(CompressionMethod compression = CompressionMethod.Snappy)
    {
        var output = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(Schema, output, new ParquetOptions { CompressionMethod = compression }, cancellationToken: TestContext.Current.CancellationToken))
        {
            using (var group = writer.CreateRowGroup())
            {
                await group.WriteAsync(Name, ["张三", null!]);
                await group.WriteAsync<int>(Age, Values<int?>(30, null), cancellationToken: TestContext.Current.CancellationToken);
                await group.WriteAsync<double>(Score, Values(1.5, -0.25), cancellationToken: TestContext.Current.CancellationToken);
                await group.WriteAsync<decimal>(Amount, Values(1234.50m, 0.01m), cancellationToken: TestContext.Current.CancellationToken);
                await group.WriteAsync<bool>(Active, Values(true, false), cancellationToken: TestContext.Current.CancellationToken);
                await group.WriteAsync<DateTime>(Seen, Values(new DateTime(2024, 3, 22, 8, 30, 0), new DateTime(2024, 3, 22, 8, 30, 0, 125)), cancellationToken: TestContext.Current.CancellationToken);
                await group.WriteAsync<DateOnly>(Born, Values(new DateOnly(1990, 1, 2), new DateOnly(2015, 12, 31)), cancellationToken: TestContext.Current.CancellationToken);
                await group.WriteAsync(Photo, [null!, [1, 2, 3]]);
                await group.WriteAsync(OwnerPhone, ["13800138000", null!]);
                await group.WriteAsync(PhoneElement, ["a", "b", "c"], Values(0, 1, 0));
            }

            using (var group = writer.CreateRowGroup())
            {
                await group.WriteAsync(Name, ["Wang"]);
                await group.WriteAsync<int>(Age, Values<int?>(7), cancellationToken: TestContext.Current.CancellationToken);
                await group.WriteAsync<double>(Score, Values(3e-7), cancellationToken: TestContext.Current.CancellationToken);
                await group.WriteAsync<decimal>(Amount, Values(-5m), cancellationToken: TestContext.Current.CancellationToken);
                await group.WriteAsync<bool>(Active, Values(true), cancellationToken: TestContext.Current.CancellationToken);
                await group.WriteAsync<DateTime>(Seen, Values(new DateTime(2026, 11, 29)), cancellationToken: TestContext.Current.CancellationToken);
                await group.WriteAsync<DateOnly>(Born, Values(new DateOnly(2020, 6, 1)), cancellationToken: TestContext.Current.CancellationToken);
                await group.WriteAsync(Photo, [[9]]);
                await group.WriteAsync(OwnerPhone, ["13900000000"]);
                await group.WriteAsync(PhoneElement, ["d"], Values(0));
            }
        }

        return output.ToArray();
    }

    private static ReadOnlyMemory<T> Values<T>(params T[] values) => values;

    private static async Task<List<string>> ReadAsync(byte[] file, long maxRecords = long.MaxValue, bool binaryAsText = false)
    {
        var visitor = new RecordingVisitor();
        await new ParquetReader(binaryAsText).ReadAsync(new MemoryStream(file), visitor, maxRecords, TestContext.Current.CancellationToken);
        return visitor.Events;
    }

    [Fact]
    public async Task ReadAsync_WrittenFile_PassesEveryRowAsText()
    {
        var events = await ReadAsync(await WriteSampleAsync());

        Assert.Equal(
            [
                "begin 1", "name=张三", "age=30", "score=1.5", "amount=1234.5", "active=true", "seen=2024-03-22T08:30:00",
                "born=1990-01-02", "owner.phone=13800138000", "phones=a", "phones=b", "end",
                "begin 2", "score=-0.25", "amount=0.01", "active=false", "seen=2024-03-22T08:30:00.125",
                "born=2015-12-31", "phones=c", "end",
                "skip 2 [photo] Binary values are not scanned; this column holds bytes, not text (noted once per column).",
                "begin 3", "name=Wang", "age=7", "score=3E-07", "amount=-5", "active=true", "seen=2026-11-29T00:00:00",
                "born=2020-06-01", "owner.phone=13900000000", "phones=d", "end",
            ],
            events);
    }

    [Fact]
    public async Task ReadAsync_Uncompressed_SameRows()
    {
        var events = await ReadAsync(await WriteSampleAsync(CompressionMethod.None));

        Assert.Equal(await ReadAsync(await WriteSampleAsync()), events);
    }

    [Fact]
    public async Task ReadAsync_BinaryAsText_PassesBytesAsText()
    {
        var schema = new ParquetSchema(new DataField<byte[]>("legacy"));
        var output = new MemoryStream();
        await using (var writer = await ParquetWriter.CreateAsync(schema, output, cancellationToken: TestContext.Current.CancellationToken))
        {
            using var group = writer.CreateRowGroup();
            await group.WriteAsync(schema.DataFields[0], [Encoding.UTF8.GetBytes("上海")]);
        }

        Assert.Equal(["begin 1", "legacy=上海", "end"], await ReadAsync(output.ToArray(), binaryAsText: true));
    }

    [Fact]
    public async Task ReadAsync_MaxRecords_StopsAfterThatManyRows()
    {
        var events = await ReadAsync(await WriteSampleAsync(), maxRecords: 1);

        Assert.Equal(["begin 1", "end"], events.Where(e => e.StartsWith("begin", StringComparison.Ordinal) || e == "end"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("name,phone\nWang,1\n")]
    [InlineData("PAR1 but not the rest of a Parquet file")]
    public async Task ReadAsync_NotParquet_OneSkipForTheFile(string content) =>
        Assert.Equal(
            ["skip 0 [] Expected a Parquet file; the file does not start and end with the Parquet marker PAR1."],
            await ReadAsync(Encoding.UTF8.GetBytes(content)));

    [Fact]
    public async Task ReadAsync_EncryptedFooter_SaysSo() =>
        Assert.Equal(
            ["skip 0 [] Expected a Parquet file with a plain footer; this one is encrypted (marker PARE), which is not supported."],
            await ReadAsync([.. "PARE"u8, .. new byte[16], .. "PARE"u8]));

    [Fact]
    public async Task ReadAsync_DamagedFooter_OneSkipForTheFile()
    {
        byte[] file = await WriteSampleAsync();

        // The footer is the metadata before its 4-byte length and the closing marker.
        int footerLength = BitConverter.ToInt32(file, file.Length - 8);
        file.AsSpan(file.Length - 8 - footerLength, footerLength).Fill(0xEE);

        Assert.Equal(
            ["skip 0 [] Expected a Parquet file; its footer (the schema and row group index) cannot be decoded."],
            await ReadAsync(file));
    }

    [Fact]
    public async Task ReadAsync_DamagedColumnChunk_SkipsItsRowGroupAndReadsTheNext()
    {
        byte[] file = await WriteSampleAsync(CompressionMethod.None);
        long offset;
        using (var stream = new MemoryStream(file))
        await using (var reader = await Parquet.ParquetReader.CreateAsync(stream, cancellationToken: TestContext.Current.CancellationToken))
        {
            offset = reader.Metadata!.RowGroups[0].Columns[0].MetaData!.DataPageOffset;
        }

        // Overwrite the first column's page header in row group 1.
        file.AsSpan((int)offset, 16).Fill(0xEE);

        var events = await ReadAsync(file);

        Assert.Equal(
            "skip 1 [name] Expected readable column data in row group 1 (rows 1 to 2); this column cannot be decoded, so the row group is skipped.",
            events[0]);
        Assert.Equal("begin 3", events[1]);
        Assert.DoesNotContain("begin 1", events);
    }

    [Fact]
    public async Task ReadAsync_StreamThatCannotSeek_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => new ParquetReader().ReadAsync(new TrickleStream([], 1), new RecordingVisitor(), cancellationToken: TestContext.Current.CancellationToken));
}
