using System.Buffers;
using System.Text;

namespace Outbound.Formats.Records;

/// <summary>UTF-8 checks shared by the readers.</summary>
internal static class Utf8Text
{
    /// <summary>Returns the index of the first byte of <paramref name="text"/> that does not start a valid UTF-8 sequence, or -1.</summary>
    /// <remarks>Meant for the failure path, after <see cref="System.Text.Unicode.Utf8.IsValid(ReadOnlySpan{byte})"/> said no.</remarks>
    public static int IndexOfInvalid(ReadOnlySpan<byte> text)
    {
        int offset = 0;
        while (offset < text.Length)
        {
            int nonAscii = text[offset..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (nonAscii < 0)
            {
                return -1;
            }

            offset += nonAscii;
            if (Rune.DecodeFromUtf8(text[offset..], out _, out int consumed) != OperationStatus.Done)
            {
                return offset;
            }

            offset += consumed;
        }

        return -1;
    }
}
