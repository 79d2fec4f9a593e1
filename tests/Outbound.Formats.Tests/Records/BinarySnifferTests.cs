using System.Text;
using Outbound.Formats.Records;

namespace Outbound.Formats.Tests.Records;

public sealed class BinarySnifferTests
{
    private const string ChineseText = "客户 张三，电话 13800138000，地址 北京市朝阳区建国路 88 号。\n";

    private static readonly Encoding Gb18030 = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    [Theory]
    [InlineData("")]
    [InlineData("plain ASCII, with tabs\tand\r\nline ends\f\n")]
    [InlineData(ChineseText)]
    [InlineData("\uFEFF{\"name\":\"张三\"}\n")]
    [InlineData("\u001b[31mred\u001b[0m log line\n")] // ANSI colours use ESC
    public void Sniff_Utf8Text_IsText(string text)
    {
        Assert.Equal(SniffedContent.Utf8Text, BinarySniffer.Sniff(Encoding.UTF8.GetBytes(text)));
        Assert.False(BinarySniffer.IsBinary(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void Sniff_Utf8WithAFewDamagedBytes_IsStillText()
    {
        byte[] sample = [.. Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat(ChineseText, 20))), 0xFF, 0xFE, .. Encoding.UTF8.GetBytes(ChineseText)];

        Assert.Equal(SniffedContent.Utf8Text, BinarySniffer.Sniff(sample));
    }

    [Fact]
    public void Sniff_SampleCutInsideACharacter_IsText()
    {
        byte[] text = Encoding.UTF8.GetBytes(ChineseText);

        Assert.Equal(SniffedContent.Utf8Text, BinarySniffer.Sniff(text.AsSpan(0, 5)));
    }

    [Fact]
    public void Sniff_Png_IsBinary()
    {
        byte[] png = [0x89, .. "PNG\r\n"u8, 0x1A, (byte)'\n', 0, 0, 0, 13, .. "IHDR"u8, 0, 0, 1, 0, 0, 0, 1, 0, 8, 6, 0, 0, 0];

        Assert.Equal(SniffedContent.Binary, BinarySniffer.Sniff(png));
        Assert.True(BinarySniffer.IsBinary(png));
    }

    [Fact]
    public void Sniff_RandomBytes_IsBinary()
    {
        byte[] noise = new byte[BinarySniffer.SampleBytes];
        new Random(42).NextBytes(noise);

        Assert.Equal(SniffedContent.Binary, BinarySniffer.Sniff(noise));
    }

    [Fact]
    public void Sniff_HighBytesWithoutNulOrControls_IsBinaryUnlessGb18030()
    {
        // Bytes 0x80 and 0xFF never occur in GB 18030 or UTF-8.
        byte[] sample = [.. Enumerable.Repeat((byte)0x80, 100), .. "abc"u8, .. Enumerable.Repeat((byte)0xFF, 100)];

        Assert.Equal(SniffedContent.Binary, BinarySniffer.Sniff(sample));
    }

    [Fact]
    public void Sniff_ControlCharacters_IsBinary() =>
        Assert.Equal(SniffedContent.Binary, BinarySniffer.Sniff("text\u0001\u0002\u0003 with\u0004controls"u8));

    [Fact]
    public void Sniff_Gb18030Text_IsRecognised() =>
        Assert.Equal(SniffedContent.Gb18030Text, BinarySniffer.Sniff(Gb18030.GetBytes(ChineseText)));

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sniff_Utf16Text_IsRecognised(bool byteOrderMark)
    {
        byte[] sample = [.. byteOrderMark ? Encoding.Unicode.GetPreamble() : [], .. Encoding.Unicode.GetBytes("name,phone\r\nWang,13800138000\r\n")];

        Assert.Equal(SniffedContent.Utf16Text, BinarySniffer.Sniff(sample));
    }

    [Fact]
    public void Sniff_Path_ReadsOnlyTheStartOfTheFile()
    {
        string path = Path.Combine(Path.GetTempPath(), $"outbound-sniff-{Guid.NewGuid():N}.bin");
        try
        {
            // Text for the first 8 KiB, then a NUL the sniffer does not reach.
            File.WriteAllBytes(path, [.. Enumerable.Repeat((byte)'a', BinarySniffer.SampleBytes), 0]);

            Assert.Equal(SniffedContent.Utf8Text, BinarySniffer.Sniff(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Note_Binary_SaysTheFileWasSkipped() =>
        Assert.Equal("Skipped: the file is binary, not text.", BinarySniffer.Note(SniffedContent.Binary));
}
