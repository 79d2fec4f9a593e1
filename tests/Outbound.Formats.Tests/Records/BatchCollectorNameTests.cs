using System.Text;
using Outbound.Formats.Records;

namespace Outbound.Formats.Tests.Records;

public sealed class BatchCollectorNameTests
{
    // Records of one source whose optional fields come and go: every field keeps its name, and a name read again is
    // the same string, not a fresh copy per record.
    [Fact]
    public void ReadJsonRecords_OptionalFieldsComeAndGo_NamesAreRightAndShared()
    {
        string[] lines =
        [
            """{"vin":"LVS1YUVE5TE184838","plate":"鲁A430U0","ts":1}""",
            """{"vin":"LFVAJS410N3537949","ts":2}""",
            """{"vin":"LSGK0CEU4FD323902","plate":"渝A12345","ts":3,"driver":{"name":"张伟"}}""",
            """{"ts":4,"vin":"LSGK0CEU4FD323902"}""",
        ];

        var batch = ExportReader.ReadJsonRecords(lines.Select((line, i) => ((long)i + 1, Encoding.UTF8.GetBytes(line))));

        Assert.Equal(
            ["vin,plate,ts", "vin,ts", "vin,plate,ts,driver.name", "ts,vin"],
            batch.Records.Select(record => string.Join(",", record.Fields.Select(field => field.Name))));
        var ts = batch.Records.Select(record => record.Fields.Single(field => field.Name == "ts").Name).ToList();
        Assert.All(ts, name => Assert.Same(ts[0], name));
        var vin = batch.Records.Select(record => record.Fields.Single(field => field.Name == "vin").Name).ToList();
        Assert.All(vin, name => Assert.Same(vin[0], name));
    }

    // A value the JSON reader knows to be a plain number keeps its digits before the point, so that the export's
    // detection starts from its shape; any other value has none.
    [Fact]
    public void ReadJsonRecords_PlainNumbers_KeepTheirDigitsBeforeThePoint()
    {
        string line = """{"speed":107.7,"soc":57,"ratio":0.5,"delta":-3,"vin":"LVS1YUVE5TE184838","pad":"................"}""";

        var batch = ExportReader.ReadJsonRecords([(1L, Encoding.UTF8.GetBytes(line))]);

        Assert.Equal(
            ["speed=107.7 3", "soc=57 2", "ratio=0.5 0", "delta=-3 0", "vin=LVS1YUVE5TE184838 0", "pad=................ 0"],
            batch.Records.Single().Fields.Select(field => $"{field.Name}={Encoding.UTF8.GetString(field.Value.Span)} {field.IntegerDigits}"));
    }

    // Names are looked for a few places on in the previous record's: any mix of fields absent, added and reordered
    // still reads each field by its own name, one string per name.
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ReadJsonRecords_LayoutsAtRandom_NamesAreRightAndShared(int seed)
    {
        string[] names = ["vin", "plate", "ts", "lat", "lon", "speed", "driver", "driver_phone", "part_no"];
        var random = new Random(seed);
        var layouts = Enumerable.Range(0, 400).Select(_ =>
        {
            var layout = names.Where(_ => random.Next(4) > 0).ToList();
            if (random.Next(5) == 0 && layout.Count > 1)
            {
                int i = random.Next(layout.Count - 1);
                (layout[i], layout[i + 1]) = (layout[i + 1], layout[i]);
            }

            return layout;
        }).Where(layout => layout.Count > 0).ToList();
        var lines = layouts.Select((layout, n) => "{" + string.Join(",", layout.Select(name => $"\"{name}\":{n}")) + "}").ToList();

        var batch = ExportReader.ReadJsonRecords(lines.Select((line, i) => ((long)i + 1, Encoding.UTF8.GetBytes(line))));

        Assert.Equal(layouts.Select(layout => string.Join(",", layout)), batch.Records.Select(record => string.Join(",", record.Fields.Select(field => field.Name))));
        var first = new Dictionary<string, string>();
        foreach (var field in batch.Records.SelectMany(record => record.Fields))
        {
            Assert.Same(first.TryAdd(field.Name, field.Name) ? field.Name : first[field.Name], field.Name);
        }
    }

    // A guess is checked by a key of the name (its length and up to 16 bytes): names of every length to 20 bytes that
    // differ in one byte only, at each place, in orders that change from record to record, each keep their own name.
    [Fact]
    public void ReadJsonRecords_NamesAlikeButForOneByte_EachReadByItsOwnName()
    {
        var names = new List<string>();
        for (int length = 1; length <= 20; length++)
        {
            string stem = new('n', length);
            names.Add(stem);
            for (int place = 0; place < length; place += 3)
            {
                names.Add(string.Concat(stem.AsSpan(0, place), "m", stem.AsSpan(place + 1)));
            }
        }

        var random = new Random(20261130);
        var layouts = Enumerable.Range(0, 60).Select(n => (n % 3) switch
        {
            0 => names.Where(_ => random.Next(4) > 0).ToList(),
            1 => Enumerable.Reverse(names).Where(_ => random.Next(4) > 0).ToList(),
            _ => [.. names.OrderBy(_ => random.Next())],
        }).ToList();
        var lines = layouts.Select((layout, n) => "{" + string.Join(",", layout.Select(name => $"\"{name}\":{n}")) + "}").ToList();

        var batch = ExportReader.ReadJsonRecords(lines.Select((line, i) => ((long)i + 1, Encoding.UTF8.GetBytes(line))));

        Assert.Equal(layouts.Select(layout => string.Join(",", layout)), batch.Records.Select(record => string.Join(",", record.Fields.Select(field => field.Name))));
    }
}
