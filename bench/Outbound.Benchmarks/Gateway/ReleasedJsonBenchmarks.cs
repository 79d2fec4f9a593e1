using System.Buffers;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using Outbound.Deidentification;
using Outbound.Formats.Records;
using Outbound.Gateway;

namespace Outbound.Benchmarks.Gateway;

/// <summary>
/// Writing released telemetry records as JSON lines, 1,024 records, as an export's part file gets them under the fleet
/// policy: the VIN, the plate, the time and the coordinates replaced, the rest as read. The baseline copies each line as
/// read (the least any writer does); <c>Splice</c> is the export's path, which replaces the changed values in the line;
/// <c>Rewrite</c> drops one field, which makes the writer walk the JSON and write every token again.
/// </summary>
public class ReleasedJsonBenchmarks : IDisposable
{
    private const int Records = 1024;

    private readonly ArrayBufferWriter<byte> _output = new(1 << 20);
    private System.Text.Json.Utf8JsonWriter _writer = null!;
    private List<SourceRecord> _records = [];
    private List<OutputField[]> _spliced = [];
    private List<OutputField[]> _dropped = [];

    [GlobalSetup]
    public void Setup()
    {
        _writer = new System.Text.Json.Utf8JsonWriter(_output, ReleasedJson.Options);
        var lines = Enumerable.Range(0, Records).Select(i => (Position: (long)i + 1, Json: Encoding.UTF8.GetBytes(Line(i)))).ToList();
        _records = [.. ExportReader.ReadJsonRecords(lines).Records];
        _spliced = [.. _records.Select(record => Released(record, dropLast: false))];
        _dropped = [.. _records.Select(record => Released(record, dropLast: true))];
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _writer.Dispose();
        GC.SuppressFinalize(this);
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Records)]
    public int CopyLines()
    {
        _output.ResetWrittenCount();
        foreach (var record in _records)
        {
            _output.Write(record.Raw.Span);
            _output.Write("\n"u8);
        }

        return _output.WrittenCount;
    }

    [Benchmark(OperationsPerInvoke = Records)]
    public int Splice() => WriteAll(_spliced);

    [Benchmark(OperationsPerInvoke = Records)]
    public int Rewrite() => WriteAll(_dropped);

    private int WriteAll(List<OutputField[]> values)
    {
        _output.ResetWrittenCount();
        for (int i = 0; i < _records.Count; i++)
        {
            ReleasedJson.Write(_records[i], values[i], _output, _writer);
        }

        return _output.WrittenCount;
    }

    // A telemetry line like the benchmark corpus's: an identifier, a plate, a time, a position, readings, firmware hashes.
    private static string Line(int i) => string.Create(CultureInfo.InvariantCulture, $$$"""
        {"vin":"LVS1YUVE5TE{{{184_838 + i}}}","plate":"鲁A4{{{30 + (i % 60)}}}U0","ts":{{{1_754_114_446_281L + (i * 7_919L)}}},"lat":36.{{{644_591 + i}}},"lon":117.{{{113_161 + (i * 3)}}},"speed":{{{(i % 120) + 0.7}}},"heading":{{{i % 360}}},"soc":{{{i % 100}}},"odo":{{{279_623.6 + i}}},"fw":"4.2.1","ecu":{"bms":"9fb9d23dbe9db2a5b07112d40d9ace21","vcu":"71e646357e93945a733d2ff72780991cc8694305","adas":"d2a289bc7e29b4e7264dd2cedd60ec532d005ce8bc9a67079e7df27a6b5b3ada"}}
        """);

    // What the fleet policy leaves of each field: the VIN's manufacturer, the plate's province and last character, the
    // hour, two decimals of each coordinate; the rest unchanged (or, with dropLast, the last field dropped).
    private static OutputField[] Released(SourceRecord record, bool dropLast)
    {
        var values = new OutputField[record.Fields.Count];
        for (int f = 0; f < values.Length; f++)
        {
            var field = record.Fields[f];
            string text = Encoding.UTF8.GetString(field.Value.Span);
            string? released = field.Name switch
            {
                "vin" => text[..3] + new string('*', text.Length - 3),
                "plate" => text[..1] + new string('*', text.Length - 2) + text[^1..],
                "ts" => (long.Parse(text, CultureInfo.InvariantCulture) / 3_600_000 * 3_600_000).ToString(CultureInfo.InvariantCulture),
                "lat" or "lon" => text[..(text.IndexOf('.', StringComparison.Ordinal) + 3)],
                _ => null,
            };
            values[f] = new OutputField(field.Name, released ?? text, changed: released is not null);
        }

        if (dropLast)
        {
            values[^1] = default;
        }

        return values;
    }
}
