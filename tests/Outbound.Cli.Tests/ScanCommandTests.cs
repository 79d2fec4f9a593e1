using System.Text.Json;

namespace Outbound.Cli.Tests;

public sealed class ScanCommandTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Scan_NothingToScan_ExitsTwoWithTheReason()
    {
        var run = await CliRunner.RunAsync("scan");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Give files or folders to scan", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_SeveralProblems_ReportsThemAllAtOnce()
    {
        var run = await CliRunner.RunAsync("scan", "missing.jsonl", "--field", "text", "--sample", "0", "--format", "xml");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Path 'missing.jsonl' does not exist.", run.Error, StringComparison.Ordinal);
        Assert.Contains("--field goes with --spans.", run.Error, StringComparison.Ordinal);
        Assert.Contains("--sample must be 1 or more; got 0.", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_OnePersonWrittenTwoWays_CountsOnePerson()
    {
        string file = _folder.Write("customers.jsonl",
            "{\"id\": 1, \"手机\": \"+86 138-0013-8000\", \"note\": \"首次下单\"}\n" +
            "{\"id\": 2, \"phone\": \"13800138000\"}\n" +
            "{\"id\": 3, \"phone\": \"13912345678\", \"身份证号\": \"11010519491231002X\"}\n");

        var run = await CliRunner.RunAsync("scan", file, "--format", "json", "--key-file", Key());

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var source = json.RootElement.GetProperty("sources")[0];
        Assert.Equal(3, source.GetProperty("records").GetInt64());
        Assert.Equal(2, source.GetProperty("persons").GetInt64());
        Assert.Equal(1, source.GetProperty("sensitive_persons").GetInt64());
        var phone = source.GetProperty("fields").EnumerateArray().Single(field => field.GetProperty("name").GetString() == "phone");
        Assert.Equal("CN_MOBILE", phone.GetProperty("type").GetString());
        Assert.Equal(1.0, phone.GetProperty("share").GetDouble());
        Assert.Equal("contact", phone.GetProperty("category").GetString());
        Assert.False(json.RootElement.GetProperty("throw_away_key").GetBoolean());
    }

    // A file of many chunks is scanned chunk by chunk, in parallel, into inventories that are merged in order and then take
    // later chunks. Every count is known from how the file is written: phone i of 1,000, a field that only every fifth
    // line has, and a malformed line every 997th.
    [Fact]
    public async Task Scan_FileOfManyChunks_CountsEveryRecordFieldAndPersonOnce()
    {
        var lines = new System.Text.StringBuilder();
        const int Lines = 40_000;
        int malformed = 0;
        int withCity = 0;
        for (int line = 1; line <= Lines; line++)
        {
            if (line % 997 == 0)
            {
                lines.Append("{\"phone\": \n");
                malformed++;
                continue;
            }

            lines.Append("{\"phone\":\"139").Append((10_000_000 + (line % 1000)).ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("\",\"odo\":").Append(line).Append(".5");
            if (line % 5 == 0)
            {
                lines.Append(",\"city\":\"上海\"");
                withCity++;
            }

            lines.Append("}\n");
        }

        string file = _folder.Write("many.jsonl", lines.ToString());
        Assert.True(new FileInfo(file).Length > 4 * Outbound.Formats.Records.LineChunks.DefaultChunkBytes);

        var run = await CliRunner.RunAsync("scan", file, "--format", "json", "--key-file", Key());

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var source = json.RootElement.GetProperty("sources")[0];
        Assert.Equal(Lines - malformed, source.GetProperty("records").GetInt64());
        Assert.Equal(1000, source.GetProperty("persons").GetInt64());
        Assert.Equal(malformed, source.GetProperty("skipped").GetInt64());
        Assert.Equal(997, source.GetProperty("skipped_examples")[0].GetProperty("position").GetInt64());
        var fields = source.GetProperty("fields").EnumerateArray().ToDictionary(field => field.GetProperty("name").GetString()!, field => field.GetProperty("values").GetInt64());
        Assert.Equal(new Dictionary<string, long> { ["phone"] = Lines - malformed, ["odo"] = Lines - malformed, ["city"] = withCity }, fields);
        Assert.Equal(["phone", "odo", "city"], source.GetProperty("fields").EnumerateArray().Select(field => field.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Scan_MalformedLineAndBinaryFile_AreReportedAndSkipped()
    {
        string data = _folder.Write("mixed.jsonl", "{\"phone\": \"13800138000\"}\n{\"phone\": \n\n{\"phone\": \"13912345678\"}\n");
        string binary = Path.Combine(_folder.Path, "blob.bin");
        File.WriteAllBytes(binary, [0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 3]);

        var run = await CliRunner.RunAsync("scan", data, binary, "--format", "json", "--key-file", Key());

        using var json = JsonDocument.Parse(run.Output);
        var source = json.RootElement.GetProperty("sources")[0];
        Assert.Equal(2, source.GetProperty("records").GetInt64());
        Assert.Equal(1, source.GetProperty("skipped").GetInt64());
        Assert.Equal(2, source.GetProperty("skipped_examples")[0].GetProperty("position").GetInt64());
        Assert.Contains("blob.bin: Skipped", json.RootElement.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_WithoutKey_SaysTheKeyIsThrowAway()
    {
        string file = _folder.Write("a.txt", "call 13800138000\n");

        var run = await CliRunner.RunAsync("scan", file);

        Assert.Contains("throw-away key", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("13800138000", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Spans_FieldWithChineseText_GivesUtf16OffsetsInTheValue()
    {
        string file = _folder.Write("labelled.jsonl",
            "{\"id\": \"s1\", \"text\": \"客户手机13800138000，身份证11010519491231002X。\"}\n" +
            "{\"text\": \"没有个人信息\"}\n");

        var run = await CliRunner.RunAsync("scan", "--spans", "--field", "text", "--validated-only", file);

        string[] lines = run.Output.TrimEnd('\n').Split('\n');
        Assert.Equal(2, lines.Length);
        using var first = JsonDocument.Parse(lines[0]);
        Assert.Equal("s1", first.RootElement.GetProperty("id").GetString());
        var spans = first.RootElement.GetProperty("spans").EnumerateArray()
            .Select(span => (span.GetProperty("start").GetInt32(), span.GetProperty("end").GetInt32(), span.GetProperty("type").GetString()))
            .ToList();
        Assert.Equal([(4, 15, "CN_MOBILE"), (19, 37, "CN_RESIDENT_ID")], spans);
        using var second = JsonDocument.Parse(lines[1]);
        Assert.Equal(1, second.RootElement.GetProperty("id").GetInt32());
        Assert.Empty(second.RootElement.GetProperty("spans").EnumerateArray());
    }

    [Fact]
    public async Task Scan_Gb18030Text_IsConvertedAndScannedWithANote()
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        string path = Path.Combine(_folder.Path, "legacy.txt");
        File.WriteAllBytes(path, System.Text.Encoding.GetEncoding(54936).GetBytes("客户的手机号是13800138000，身份证号11010519491231002X。\n联系电话13912345678\n"));

        var run = await CliRunner.RunAsync("scan", path, "--format", "json", "--key-file", Key());

        using var json = JsonDocument.Parse(run.Output);
        Assert.Contains("GB 18030", json.RootElement.GetProperty("notes")[0].GetString(), StringComparison.Ordinal);
        var source = json.RootElement.GetProperty("sources")[0];
        Assert.Equal(2, source.GetProperty("persons").GetInt64());
        Assert.Equal(1, source.GetProperty("sensitive_persons").GetInt64());
    }

    [Fact]
    public async Task Scan_SqliteTables_InventoriesEachTableAndNamesAMissingOne()
    {
        string database = Path.Combine(_folder.Path, "crm.db");
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={database}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText =
                "CREATE TABLE customers (id INTEGER PRIMARY KEY, 姓名 TEXT, 手机 TEXT, 身份证号 TEXT);" +
                "INSERT INTO customers VALUES (1, '张伟', '13800138000', '11010519491231002X'), (2, '李娜', '+86 139-1234-5678', NULL);" +
                "CREATE TABLE products (sku TEXT, price REAL); INSERT INTO products VALUES ('A-100', 12.5);";
            command.ExecuteNonQuery();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        var run = await CliRunner.RunAsync("scan", "--db", $"sqlite:{database}", "--format", "json", "--key-file", Key());
        var missing = await CliRunner.RunAsync("scan", "--db", $"sqlite:{database}", "--table", "orders", "--key-file", Key());

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var sources = json.RootElement.GetProperty("sources").EnumerateArray().ToDictionary(s => s.GetProperty("source").GetString()!);
        Assert.Equal(2, sources["customers"].GetProperty("persons").GetInt64());
        Assert.Equal(1, sources["customers"].GetProperty("sensitive_persons").GetInt64());
        Assert.Equal(0, sources["products"].GetProperty("records_with_pi").GetInt64());
        Assert.Equal(2, missing.ExitCode);
        Assert.Contains("'orders'", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_BundledSamples_InventoriesEveryFileWithDistinctPersons()
    {
        string samples = Path.GetFullPath(Path.Combine(SourceFolder(), "..", "..", "samples", "data"));

        var run = await CliRunner.RunAsync("scan", samples, "--format", "json", "--key-file", Key());

        Assert.Equal(1, run.ExitCode);
        using var json = JsonDocument.Parse(run.Output);
        var sources = json.RootElement.GetProperty("sources").EnumerateArray().ToDictionary(s => Path.GetFileName(s.GetProperty("source").GetString()!));
        Assert.Equal(200, sources["orders.csv"].GetProperty("records").GetInt64());
        Assert.Equal(200, sources["orders.csv"].GetProperty("persons").GetInt64()); // every order has its buyer's mobile
        Assert.Equal(300, sources["vehicle-telemetry.jsonl"].GetProperty("sensitive_persons").GetInt64()); // every record has a precise location
        Assert.All(sources.Values, source => Assert.Equal(0, source.GetProperty("skipped").GetInt64()));
        var card = sources["orders.csv"].GetProperty("fields").EnumerateArray().Single(f => f.GetProperty("name").GetString() == "pay.card");
        Assert.Equal("BANK_CARD", card.GetProperty("type").GetString());
        Assert.True(card.GetProperty("share").GetDouble() > 0.9);
    }

    private static string SourceFolder([System.Runtime.CompilerServices.CallerFilePath] string file = "") => Path.GetDirectoryName(file)!;

    private string Key() => _folder.Write("subject.key", "0123456789abcdef0123456789abcdef");
}
