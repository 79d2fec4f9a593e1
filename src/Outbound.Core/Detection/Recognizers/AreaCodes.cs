namespace Outbound.Detection.Recognizers;

/// <summary>Mainland China's telephone area codes (长途区号) and the subscriber number lengths each uses.</summary>
/// <remarks>
/// The table is <c>Data/cn-area-codes.txt</c>, derived from libphonenumber's CN metadata and geocoding data (sources and
/// licences in <c>Data/SOURCES.md</c>). Codes are held without their leading 0: 10 and 20–29 have two digits, every
/// other code three (300–999), so the codes are prefix-free and one array indexed by the code answers a lookup.
/// Thread-safe.
/// </remarks>
internal static class AreaCodes
{
    /// <summary>The subscriber number may have seven digits.</summary>
    public const byte Seven = 1;

    /// <summary>The subscriber number may have eight digits.</summary>
    public const byte Eight = 2;

    private const string ResourceName = "Outbound.Detection.Data.cn-area-codes.txt";

    private static readonly byte[] Lengths = Load();

    /// <summary>Gets how many area codes the table holds.</summary>
    public static int Count { get; } = Lengths.Count(lengths => lengths != 0);

    /// <summary>Returns the subscriber lengths (<see cref="Seven"/>, <see cref="Eight"/> or both) of area code <paramref name="code"/> (without its 0), or 0 when there is no such code.</summary>
    public static byte SubscriberLengths(int code) => unchecked((uint)code < (uint)Lengths.Length) ? Lengths[code] : (byte)0;

    /// <summary>Reads an area code without its leading 0 at <paramref name="index"/>: returns its length in digits (2 or 3) and value, or 0.</summary>
    public static int Read(ReadOnlySpan<byte> text, int index, out int code)
    {
        code = 0;
        if (!RecognizerBytes.DigitAt(text, index) || !RecognizerBytes.DigitAt(text, index + 1))
        {
            return 0;
        }

        int two = ((text[index] - '0') * 10) + (text[index + 1] - '0');
        if (two is 10 or (>= 20 and <= 29))
        {
            code = two;
            return SubscriberLengths(two) != 0 ? 2 : 0;
        }

        if (!RecognizerBytes.DigitAt(text, index + 2))
        {
            return 0;
        }

        code = (two * 10) + (text[index + 2] - '0');
        return SubscriberLengths(code) != 0 ? 3 : 0;
    }

    /// <summary>Enumerates the codes with their leading 0, e.g. <c>010</c>, <c>0755</c> (for tests and generators).</summary>
    public static IEnumerable<string> All()
    {
        for (int code = 0; code < Lengths.Length; code++)
        {
            if (Lengths[code] != 0)
            {
                yield return "0" + code.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }
    }

    private static byte[] Load()
    {
        var lengths = new byte[1000];
        foreach (string line in RecognizerBytes.ReadDataLines(ResourceName))
        {
            // "0755 8 广东省深圳市": code, subscriber lengths, place.
            string[] fields = line.Split(' ', 3);
            int code = int.Parse(fields[0].AsSpan(1), System.Globalization.CultureInfo.InvariantCulture);
            byte allowed = 0;
            foreach (char length in fields[1])
            {
                allowed |= length == '7' ? Seven : Eight;
            }

            lengths[code] = allowed;
        }

        return lengths;
    }
}
