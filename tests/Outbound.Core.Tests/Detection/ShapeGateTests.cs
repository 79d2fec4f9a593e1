using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

public sealed class ShapeGateTests
{
    // The table behind Lookup must answer exactly as Mask does, for every run the scanner can meet.
    [Fact]
    public void Lookup_EveryLengthFlagsAndNeighbouringBytes_AgreesWithMask()
    {
        int checkedShapes = 0;
        for (int length = 0; length <= ShapeGate.LongestGatedRun + 3; length++)
        {
            for (int flags = 0; flags <= ByteClass.DigitOrHex; flags++)
            {
                for (int next = 0; next < 256; next++)
                {
                    for (int previous = 0; previous < 256; previous++)
                    {
                        foreach (bool afterDecimalPoint in previous == '.' ? [false, true] : new[] { false })
                        {
                            var shape = new RunShape(length, (flags & ByteClass.Digit) != 0, (flags & ByteClass.Hex) != 0, (byte)next, (byte)previous, afterDecimalPoint);
                            uint expected = ShapeGate.Mask(shape);
                            uint actual = ShapeGate.Lookup(length, flags, (byte)next, (byte)previous, afterDecimalPoint);
                            if (expected != actual)
                            {
                                Assert.Fail($"length {length}, flags {flags}, next {next}, previous {previous}, after a decimal point {afterDecimalPoint}: {actual:x} instead of {expected:x}");
                            }

                            checkedShapes++;
                        }
                    }
                }
            }
        }

        Assert.Equal(23 * (ByteClass.DigitOrHex + 1) * 256 * 257, checkedShapes);
    }

    // Runs of every length up to past the longest gated one, in texts of every length around the 16-byte block.
    [Fact]
    public void ScannerRun_RandomTexts_GivesTheLengthAndMaskOfTheRunShape()
    {
        byte[] alphabet = [.. "0123456789abcdefABCDEFxyzXYZ .-:)@,\\"u8, 0xE4, 0xBA, 0xAC, 0];
        var random = new Random(20261129);
        for (int n = 0; n < 20_000; n++)
        {
            // Mostly letters and digits, so that long runs occur; in some texts nearly all, so that runs go on for several
            // 16-byte steps (hashes, tokens) and end in the last 16 bytes or at the end.
            byte[] text = new byte[random.Next(1, n % 4 == 0 ? 100 : 48)];
            int other = n % 4 == 0 ? 40 : 3;
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = random.Next(other) > 0 ? alphabet[random.Next(22)] : alphabet[random.Next(alphabet.Length)];
            }

            for (int position = 0; position < text.Length; position++)
            {
                if ((ByteClass.Of(text[position]) & ByteClass.AlphaNumeric) == 0)
                {
                    continue;
                }

                int end = position;
                while (end < text.Length && (ByteClass.Of(text[end]) & ByteClass.AlphaNumeric) != 0)
                {
                    end++;
                }

                var shape = RunShape.Of(text.AsSpan(position, end - position), position > 0 ? text[position - 1] : (byte)0, end < text.Length ? text[end] : (byte)0)
                    with { AfterDecimalPoint = position > 1 && text[position - 1] == '.' && char.IsAsciiDigit((char)text[position - 2]) };

                int length = Scanner.Run(text, position, out uint allowed);

                Assert.Equal(end - position, length);
                Assert.Equal(ShapeGate.Mask(shape), allowed);
            }
        }
    }

    // What the scanner skips after a point must be what the IP and GPS recognizers would reject there: on random
    // numbers, dotted groups and separators, scanning finds exactly what asking the recognizer at every position finds.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AfterPoint_RandomDottedNumbers_LosesNothingTheRecognizersFind(bool coordinateField)
    {
        IRecognizer[] recognizers = [new IpAddressRecognizer(), new GpsCoordinateRecognizer()];
        string[] pieces = ["1", "12", "121", "31", "192", "255", "0", "4", "36", "117", "2304", "644591", "47", "113161", "9999", "31.2304", "121.4737", "39.9042", "116.407", "10.1.2.3", "192.168.1.12"];
        string[] separators = [".", ".", ".", ", ", ",", " ", ":", "-", "\"lat\":", "\"lon\":", "纬度：", "v", "a"];
        var random = new Random(20261130);
        var context = new ScanContext(RecognizerScan.ReferenceDate, coordinateField ? IdentifierType.GpsCoord : null);
        int found = 0;
        for (int n = 0; n < 20_000; n++)
        {
            var text = new System.Text.StringBuilder();
            int parts = random.Next(1, 9);
            for (int i = 0; i < parts; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]).Append(separators[random.Next(separators.Length)]);
            }

            byte[] bytes = System.Text.Encoding.UTF8.GetBytes(text.ToString());
            foreach (var recognizer in recognizers)
            {
                found += AssertScanFindsWhatTheRecognizerFindsEverywhere(recognizer, bytes, context);
            }
        }

        // The texts hold real findings, so the comparison is not between two empty lists.
        Assert.True(found > 1000, $"only {found} findings");
    }

    // A run that begins with 1 is offered to the mobile recognizer only at 3 or 11 digits: on random digit groups,
    // country codes and separators, scanning finds exactly what asking the recognizer at every position finds.
    [Fact]
    public void ScannerMobileNarrowing_RandomDigitRuns_LosesNothingTheRecognizerFinds()
    {
        var recognizer = new MobileRecognizer();
        string[] pieces =
        [
            "13800138000", "138", "0013", "8000", "1380013800", "138001380001", "1754114446281", "175411444628123",
            "8613800138000", "008613800138000", "86", "0086", "+86", "(+86)", "19912345678", "1", "15", "1991234567812",
        ];
        string[] separators = [" ", "-", "", ",", "\"", "a", ".", "/"];
        var random = new Random(20261201);
        var context = new ScanContext(RecognizerScan.ReferenceDate);
        int found = 0;
        for (int n = 0; n < 20_000; n++)
        {
            var text = new System.Text.StringBuilder();
            int parts = random.Next(1, 6);
            for (int i = 0; i < parts; i++)
            {
                text.Append(pieces[random.Next(pieces.Length)]).Append(separators[random.Next(separators.Length)]);
            }

            found += AssertScanFindsWhatTheRecognizerFindsEverywhere(recognizer, System.Text.Encoding.UTF8.GetBytes(text.ToString()), context);
        }

        Assert.True(found > 1000, $"only {found} findings");
    }

    /// <summary>Asserts that the scanner, with <paramref name="recognizer"/> alone, finds what asking it at every position finds; returns how many.</summary>
    private static int AssertScanFindsWhatTheRecognizerFindsEverywhere(IRecognizer recognizer, byte[] bytes, ScanContext context)
    {
        var scanned = new List<Finding>();
        new Scanner([recognizer]).Scan(bytes, context, scanned);
        var expected = new List<Finding>();
        for (int position = 0; position < bytes.Length;)
        {
            if (recognizer.Triggers.Contains(bytes[position]) && recognizer.TryMatch(bytes, position, context, out var finding))
            {
                expected.Add(finding);
                position = Math.Max(finding.End, position + 1);
            }
            else
            {
                position++;
            }
        }

        Assert.Equal(expected, scanned);
        return expected.Count;
    }
}
