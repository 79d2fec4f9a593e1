using System.Text;
using Outbound.Formats.Records;

namespace Outbound.Formats.Tests.Records;

public sealed class CsvReaderTests
{
    private static List<string> Read(string text, char? delimiter = null, long maxRecords = long.MaxValue) =>
        Read(Encoding.UTF8.GetBytes(text), delimiter, maxRecords);

    private static List<string> Read(byte[] bytes, char? delimiter = null, long maxRecords = long.MaxValue)
    {
        var visitor = new RecordingVisitor();
        new CsvReader(delimiter).Read(new MemoryStream(bytes), visitor, maxRecords, TestContext.Current.CancellationToken);
        return visitor.Events;
    }

    [Fact]
    public void Read_HeaderAndRows_PassesNamedFieldsAtTheirLines() =>
        Assert.Equal(
            ["begin 2", "姓名=张三", "手机=13800138000", "end", "begin 3", "姓名=李四", "手机=13900000000", "end"],
            Read("姓名,手机\n张三,13800138000\n李四,13900000000\n"));

    [Fact]
    public void Read_QuotedFields_PassedUnquoted()
    {
        string text = "name,remark,address\n\"Wang, Wei\",\"said \"\"hi\"\"\",\"line one\nline two\"\nLi,plain,x\n";

        Assert.Equal(
            [
                "begin 2", "name=Wang, Wei", "remark=said \"hi\"", "address=line one\nline two", "end",
                "begin 4", "name=Li", "remark=plain", "address=x", "end",
            ],
            Read(text));
    }

    [Fact]
    public void Read_ByteOrderMark_NotPartOfTheFirstName() =>
        Assert.Equal(["begin 2", "name=a", "phone=1", "end"], Read([0xEF, 0xBB, 0xBF, .. "name,phone\na,1\n"u8]));

    [Theory]
    [InlineData("name;phone;city\nWang;1;上海\n")]
    [InlineData("name\tphone\tcity\nWang\t1\t上海\n")]
    [InlineData("name|phone|city\nWang|1|上海\n")]
    [InlineData("name,phone,city\nWang,1,上海\n")]
    [InlineData("\"a;b\",phone,city\nWang,1,上海\n")] // the quoted semicolon does not count
    public void Read_DelimiterNotGiven_TakenFromTheHeader(string text)
    {
        var events = Read(text);

        Assert.Equal(5, events.Count);
        Assert.Equal(["begin 2", "phone=1", "city=上海", "end"], events.Where((_, i) => i != 1));
    }

    [Fact]
    public void Read_DelimiterGiven_UsedEvenIfAnotherIsMoreCommon() =>
        Assert.Equal(["begin 2", "a;b;c=1;2;3", "d=4", "end"], Read("a;b;c,d\n1;2;3,4\n", delimiter: ','));

    [Fact]
    public void Read_RaggedRows_ReportedAndNotPassed() =>
        Assert.Equal(
            [
                "skip 2 [] Expected 2 fields, as in the header; found 3.",
                "skip 3 [] Expected 2 fields, as in the header; found 1.",
                "begin 4", "a=5", "b=6", "end",
            ],
            Read("a,b\n1,2,3\n4\n5,6\n"));

    [Fact]
    public void Read_EmptyValues_LeftOut() =>
        Assert.Equal(["begin 2", "b=2", "end", "begin 3", "end"], Read("a,b,c\n,2,\n,,\n"));

    [Fact]
    public void Read_BlankLinesAndCrlf_PassedOverAndCounted() =>
        Assert.Equal(
            ["begin 3", "a=1", "b=2", "end", "begin 5", "a=3", "b=4", "end"],
            Read("a,b\r\n\r\n1,2\r\n\r\n3,4"));

    [Fact]
    public void Read_InvalidUtf8_ReportsRowAndFieldAndGoesOn()
    {
        byte[] input = [.. "name,phone\nWang,1\nL"u8, 0xFF, .. "i,2\nZhao,3\n"u8];

        Assert.Equal(
            [
                "begin 2", "name=Wang", "phone=1", "end",
                "skip 3 [name] Expected UTF-8 text; field 'name' has bytes that are not valid UTF-8.",
                "begin 4", "name=Zhao", "phone=3", "end",
            ],
            Read(input));
    }

    [Fact]
    public void Read_InvalidUtf8InHeader_ReportedAndNamesKept()
    {
        byte[] input = [.. "na"u8, 0xC3, .. "me,phone\nWang,1\n"u8];

        Assert.Equal(
            [
                "skip 1 [] Expected UTF-8 text in the header; it has bytes that are not valid UTF-8, shown as U+FFFD in field names.",
                "begin 2", "na\uFFFDme=Wang", "phone=1", "end",
            ],
            Read(input));
    }

    [Fact]
    public void Read_GenuineNoncharacterWithoutInvalidBytes_Passed() =>
        Assert.Equal(["begin 2", "a=x\uFFFFy", "end"], Read("a\nx\uFFFFy\n"));

    [Fact]
    public void Read_UnclosedQuote_ReportedAtTheLineWhereItOpens() =>
        Assert.Equal(
            [
                "begin 2", "a=1", "b=2", "end",
                "skip 3 [] Expected a closing double quote; a quoted field on this line is never closed, so the rest of the file is part of it.",
            ],
            Read("a,b\n1,2\n3,\"open\n4,5\n6,7\n"));

    [Fact]
    public void Read_EmptyHeaderName_NamedByColumnNumber() =>
        Assert.Equal(["begin 2", "column1=0", "name=Wang", "end"], Read(",name\n0,Wang\n"));

    [Fact]
    public void Read_MaxRecords_StopsAfterThatManyRecords() =>
        Assert.Equal(["begin 2", "a=1", "end"], Read("a\n1\n2\n3\n", maxRecords: 1));

    [Fact]
    public void Read_EmptyInput_PassesNothing() => Assert.Empty(Read(""));

    [Fact]
    public void Read_InputArrivingInSmallPieces_GivesTheSameRecords()
    {
        string text = "姓名;备注\r\n张三;\"多行\r\n备注\"\r\n李四;x;y\r\n";
        var whole = Read(text);

        var visitor = new RecordingVisitor();
        new CsvReader().Read(new TrickleStream(Encoding.UTF8.GetBytes(text), 1), visitor, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(whole, visitor.Events);
        Assert.Equal(["begin 2", "姓名=张三", "备注=多行\r\n备注", "end", "skip 4 [] Expected 2 fields, as in the header; found 3."], whole);
    }

    [Fact]
    public void Constructor_QuoteAsDelimiter_Throws() => Assert.ThrowsAny<ArgumentException>(() => new CsvReader('"'));
}
