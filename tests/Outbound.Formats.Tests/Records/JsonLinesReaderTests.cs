using System.Text;
using Outbound.Formats.Records;

namespace Outbound.Formats.Tests.Records;

public sealed partial class JsonLinesReaderTests
{
    private static List<string> Read(string text, int maxLineBytes = JsonLinesReader.DefaultMaxLineBytes, long maxRecords = long.MaxValue) =>
        Read(Encoding.UTF8.GetBytes(text), maxLineBytes, maxRecords);

    private static List<string> Read(byte[] bytes, int maxLineBytes = JsonLinesReader.DefaultMaxLineBytes, long maxRecords = long.MaxValue)
    {
        var visitor = new RecordingVisitor();
        new JsonLinesReader(maxLineBytes).Read(new MemoryStream(bytes), visitor, maxRecords, TestContext.Current.CancellationToken);
        return visitor.Events;
    }

    [Fact]
    public void Read_FlatObject_PassesValuesAsWrittenAndLeavesOutNull() =>
        Assert.Equal(
            ["begin 1", "name=张三", "age=30", "vip=true", "score=-1.5e3", "end"],
            Read("""{"name":"张三","age":30,"vip":true,"score":-1.5e3,"note":null}"""));

    // Numbers of the common shapes are passed as plain numbers with their digits before the point, so that the scanner need
    // not read them again; a sign, a leading zero or an exponent makes a number like any other value.
    [Fact]
    public void Read_PlainNumbers_PassedWithTheirDigitsBeforeThePoint()
    {
        var visitor = new RecordingVisitor { MarkNumbers = true };
        string line = """{"speed":107.7,"soc":57,"ts":1754114446281,"ratio":0.5,"delta":-3,"big":1.5e3,"ecu":{"odo":279623.6,"pad":"........"}}""";

        new JsonLinesReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(line)), visitor, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(
            ["begin 1", "speed=107.7 #3", "soc=57 #2", "ts=1754114446281 #13", "ratio=0.5", "delta=-3", "big=1.5e3", "ecu.odo=279623.6 #6", "ecu.pad=........", "end"],
            visitor.Events);
    }

    [Fact]
    public void Read_NestedObjectsAndArrays_NamesWithDotsAndArrayNames() =>
        Assert.Equal(
            [
                "begin 1",
                "owner.phone=13800138000",
                "owner.address.city=北京",
                "phones=a",
                "phones=b",
                "items.sku=x1",
                "items.tags=red",
                "items.sku=x2",
                "matrix=1",
                "matrix=2",
                "matrix=3",
                "after=yes",
                "end",
            ],
            Read("""{"owner":{"phone":"13800138000","address":{"city":"北京"}},"phones":["a","b"],"items":[{"sku":"x1","tags":["red"]},{"sku":"x2"}],"matrix":[[1,2],[3]],"empty":{},"none":[],"after":"yes"}"""));

    [Fact]
    public void Read_EscapedNamesAndStrings_PassesThemUnescaped() =>
        Assert.Equal(
            ["begin 1", "name=张三 \"引号\"\n\\", "plain=no escapes", "end"],
            Read("""{"na\u006de":"\u5f20\u4e09 \"引号\"\n\\","plain":"no escapes"}"""));

    [Fact]
    public void Read_EmptyObject_PassesAnEmptyRecord() => Assert.Equal(["begin 1", "end"], Read("{}\n"));

    [Fact]
    public void Read_CrlfAndNoFinalLineEnd_ReadsEveryLine() =>
        Assert.Equal(
            ["begin 1", "a=1", "end", "begin 2", "a=2", "end", "begin 3", "a=3", "end"],
            Read("{\"a\":1}\r\n{\"a\":2}\r\n{\"a\":3}"));

    [Fact]
    public void Read_BlankLines_PassedOverSilentlyButCounted() =>
        Assert.Equal(
            ["begin 2", "a=1", "end", "begin 5", "a=2", "end"],
            Read("\n{\"a\":1}\n  \t \n\r\n{\"a\":2}\n\n"));

    [Fact]
    public void Read_ByteOrderMark_Ignored() =>
        Assert.Equal(["begin 1", "a=1", "end"], Read([0xEF, 0xBB, 0xBF, .. "{\"a\":1}"u8]));

    [Fact]
    public void Read_InvalidUtf8_ReportsLineAndByteAndGoesOn()
    {
        byte[] input = [.. "{\"a\":1}\n{\"a\":\"x"u8, 0xFF, .. "y\"}\n{\"a\":3}\n"u8];

        Assert.Equal(
            [
                "begin 1", "a=1", "end",
                "skip 2 [] Expected UTF-8 text; byte 8 of the line is not valid UTF-8.",
                "begin 3", "a=3", "end",
            ],
            Read(input));
    }

    [Fact]
    public void Read_TruncatedUtf8Sequence_Reported()
    {
        // The first two bytes of 中 (E4 B8 AD), then the closing quote.
        byte[] input = [.. "{\"a\":\""u8, 0xE4, 0xB8, .. "\"}"u8];

        Assert.Equal(["skip 1 [] Expected UTF-8 text; byte 7 of the line is not valid UTF-8."], Read(input));
    }

    [Theory]
    [InlineData(new byte[] { 0xFF })]                   // never in UTF-8
    [InlineData(new byte[] { 0xE4, 0xB8 })]             // 中 cut short
    [InlineData(new byte[] { 0xC0, 0x80 })]             // overlong NUL
    [InlineData(new byte[] { 0xED, 0xA0, 0x80 })]       // a surrogate
    [InlineData(new byte[] { 0xF4, 0x90, 0x80, 0x80 })] // past U+10FFFF
    [InlineData(new byte[] { 0x80 })]                   // a lone continuation byte
    public void Read_InvalidUtf8AnywhereInANameOrValue_ReportedAtItsByte(byte[] invalid)
    {
        // Strings of every length to 130 bytes around the bad bytes: they end inside and beyond the first 32 bytes, and
        // in the 32-, 16- and 1-byte steps; the line's valid twin, with 中 in their place, is read whole.
        for (int before = 0; before <= 88; before += 3)
        {
            for (int after = 0; after <= 40; after += 5)
            {
                byte[] padBefore = Encoding.UTF8.GetBytes(new string('b', before));
                byte[] padAfter = Encoding.UTF8.GetBytes(new string('a', after));
                byte[] inValue = [.. "{\"k\":\""u8, .. padBefore, .. invalid, .. padAfter, .. "\"}"u8];
                byte[] inName = [.. "{\""u8, .. padBefore, .. invalid, .. padAfter, .. "\":1}"u8];
                byte[] valid = [.. "{\"k\":\""u8, .. padBefore, .. "中"u8, .. padAfter, .. "\"}"u8];

                Assert.Equal([$"skip 1 [] Expected UTF-8 text; byte {7 + before} of the line is not valid UTF-8."], Read(inValue));
                Assert.Equal([$"skip 1 [] Expected UTF-8 text; byte {3 + before} of the line is not valid UTF-8."], Read(inName));
                Assert.Equal(["begin 1", $"k={new string('b', before)}中{new string('a', after)}", "end"], Read(valid));
            }
        }
    }

    [Theory]
    [InlineData("""{"a":1,}""", "", "a field name in double quotes", 8)]              // trailing comma
    [InlineData("""{"a" 1}""", "", "':' after the field name", 6)]
    [InlineData("""{"a":1,"b"}""", "", "':' after the field name", 11)]
    [InlineData("""{"a":}""", "a", "a value", 6)]
    [InlineData("""{"a":"abc""", "a", "a string closed by a double quote, with control characters and backslashes escaped", 10)]
    [InlineData("{\"a\":\"x\ty\"}", "a", "a string closed by a double quote, with control characters and backslashes escaped", 8)] // raw tab
    [InlineData("""{"a":"\q"}""", "a", "a string closed by a double quote, with control characters and backslashes escaped", 8)] // unknown escape
    [InlineData("""{"a":1""", "a", "',' or '}'", 7)]                                  // unclosed object
    [InlineData("""{"a":[1 2]}""", "a", "',' or ']'", 9)]
    [InlineData("""{"a":[1,]}""", "a", "a value", 9)]
    [InlineData("""{"a":[1,2}""", "a", "',' or ']'", 10)]
    [InlineData("""{a:1}""", "", "a field name in double quotes, or '}'", 2)]         // unquoted name
    [InlineData("""{'a':1}""", "", "a field name in double quotes, or '}'", 2)]       // single quotes
    [InlineData("""{"a":tru}""", "a", "true, false or null", 9)]
    [InlineData("""{"a":01}""", "a", "a number", 7)]                                  // leading zero
    [InlineData("""{"a":1} x""", "", "the end of the line after the object", 9)]
    [InlineData("""{"a":1}{"b":2}""", "", "the end of the line after the object", 8)] // two objects on one line
    [InlineData("hello", "", "a JSON object", 1)]
    public void Read_MalformedLine_ReportsWhatWasExpectedWhereAndGoesOn(string line, string field, string expected, int byteNumber)
    {
        var events = Read($"{line}\n{{\"ok\":1}}\n");

        Assert.Equal(
            [$"skip 1 [{field}] Expected {expected} at byte {byteNumber} of the line; the line is not valid JSON.", "begin 2", "ok=1", "end"],
            events);
    }

    [Fact]
    public void Read_MalformedNestedField_NamesTheDottedField() =>
        Assert.Equal(
            ["skip 1 [owner.phone] Expected a value at byte 19 of the line; the line is not valid JSON."],
            Read("""{"owner":{"phone":}}"""));

    [Theory]
    [InlineData("[1,2]", "an array")]
    [InlineData("\"text\"", "a string")]
    [InlineData("42", "a number")]
    [InlineData("true", "a boolean")]
    [InlineData("null", "null")]
    public void Read_LineNotAnObject_ReportsWhatWasFound(string line, string found) =>
        Assert.Equal([$"skip 1 [] Expected a JSON object on each line; found {found}."], Read(line));

    [Fact]
    public void Read_NestedTooDeeply_Reported()
    {
        string line = "{\"a\":" + new string('[', 70) + new string(']', 70) + "}";

        Assert.Equal(["skip 1 [a] Expected objects and arrays nested at most 64 deep; the line nests deeper."], Read(line));
    }

    [Fact]
    public void Read_LineOverLimit_ReportsItsLengthAndReadsTheNext()
    {
        string longLine = "{\"a\":\"" + new string('x', 94) + "\"}";

        var events = Read($"{longLine}\n{{\"b\":2}}\n", maxLineBytes: 32);

        Assert.Equal(["skip 1 [] Expected a line of at most 32 bytes; found one of 102 bytes.", "begin 2", "b=2", "end"], events);
    }

    [Fact]
    public void Read_LineFarOverLimit_DiscardedWithoutBufferingIt()
    {
        // Longer than the reader's first buffer, so it is dropped while read rather than kept whole.
        string longLine = "{\"a\":\"" + new string('x', 200_000) + "\"}";

        var events = Read($"{{\"b\":1}}\r\n{longLine}\r\n{{\"b\":3}}\r\n{longLine}", maxLineBytes: 1_000);

        Assert.Equal(
            [
                "begin 1", "b=1", "end",
                "skip 2 [] Expected a line of at most 1000 bytes; found one of 200008 bytes.",
                "begin 3", "b=3", "end",
                "skip 4 [] Expected a line of at most 1000 bytes; found one of 200008 bytes.",
            ],
            events);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(65_536)]
    public void Read_OverLongCrlfLineInAnyPieces_LengthLeavesOutTheLineEnd(int chunk)
    {
        string text = "{\"a\":\"" + new string('x', 70_000) + "\"}\r\n{\"b\":2}\r\n";

        var visitor = new RecordingVisitor();
        new JsonLinesReader(maxLineBytes: 100).Read(new TrickleStream(Encoding.UTF8.GetBytes(text), chunk), visitor, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(["skip 1 [] Expected a line of at most 100 bytes; found one of 70008 bytes.", "begin 2", "b=2", "end"], visitor.Events);
    }

    [Fact]
    public void Read_LineExactlyAtLimitWithCrlf_IsRead()
    {
        string line = "{\"a\":\"" + new string('x', 24) + "\"}";
        Assert.Equal(32, line.Length);

        Assert.Equal(["begin 1", $"a={new string('x', 24)}", "end"], Read(line + "\r\n", maxLineBytes: 32));
    }

    [Fact]
    public void Read_LongLineUnderDefaultLimit_ReadWhole()
    {
        string value = new('数', 300_000);

        Assert.Equal(["begin 1", $"a={value}", "end"], Read($"{{\"a\":\"{value}\"}}"));
    }

    [Fact]
    public void Read_MaxRecords_StopsAfterThatManyRecords() =>
        Assert.Equal(
            ["skip 1 [] Expected a JSON object on each line; found a number.", "begin 2", "a=1", "end", "begin 3", "a=2", "end"],
            Read("1\n{\"a\":1}\n{\"a\":2}\n{\"a\":3}\n", maxRecords: 2));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(7)]
    [InlineData(4096)]
    public void Read_InputArrivingInSmallPieces_GivesTheSameRecords(int chunk)
    {
        string text = "{\"名\":\"张三\",\"n\":[1,2]}\r\n\n{\"bad\":}\n{\"x\":\"\\u00e9\"}";
        var whole = Read(text);

        var visitor = new RecordingVisitor();
        new JsonLinesReader(maxLineBytes: 40).Read(new TrickleStream(Encoding.UTF8.GetBytes(text), chunk), visitor, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(whole, visitor.Events);
    }

    [Fact]
    public void Read_Returns_NumberOfRecordsPassed()
    {
        long records = new JsonLinesReader().Read(new MemoryStream("{}\nbad\n{\"a\":1}"u8.ToArray()), new RecordingVisitor(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(2, records);
    }

    [Fact]
    public void Constructor_LimitBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new JsonLinesReader(0));
}
