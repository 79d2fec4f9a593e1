using Outbound.Detection;

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
            // Mostly letters and digits, so that long runs occur.
            byte[] text = new byte[random.Next(1, 48)];
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = random.Next(3) > 0 ? alphabet[random.Next(22)] : alphabet[random.Next(alphabet.Length)];
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
}
