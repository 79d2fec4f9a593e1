using System.Globalization;
using System.Text;
using Outbound.Detection;

namespace Outbound.Core.Tests.Detection;

public sealed class PlainNumberScanTests
{
    // A reader that knows a value is a plain number hands over the digits before its point, and the scanner decides from
    // the shape alone whether any recognizer could begin there. On random numbers of every length, real identifiers among
    // them, and in fields of every kind, it must find exactly what scanning the bytes finds.
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ScanPlainNumber_RandomPlainNumbers_FindsWhatScanFinds(bool namesAndAddresses)
    {
        var scanner = RecognizerSets.Create(namesAndAddresses);
        string[] integers =
        [
            "13800138000", "19912345678", "110105194912310021", "440524188001010014", "6222021234567890128", "4111111111111111",
            "1754114446281", "31", "121", "36", "117", "107", "279623", "1", "9", "86", "8613800138000", "490154203237518",
        ];
        string[] decimals = ["230416", "473701", "644591", "7", "5", "1234", "12", "000001", "0", "9999999999"];
        IdentifierType?[] fieldTypes = [null, IdentifierType.GpsCoord, IdentifierType.CnMobile, IdentifierType.BankCard, IdentifierType.CnResidentId, IdentifierType.Imei];
        var random = new Random(20261202);
        int found = 0;
        int numbers = 0;
        for (int n = 0; n < 40_000; n++)
        {
            string integer = random.Next(3) == 0
                ? integers[random.Next(integers.Length)]
                : random.Next(1, 10).ToString(CultureInfo.InvariantCulture) + string.Concat(Enumerable.Range(0, random.Next(0, 22)).Select(_ => (char)('0' + random.Next(10))));
            string text = random.Next(2) == 0
                ? integer
                : integer + "." + (random.Next(2) == 0 ? decimals[random.Next(decimals.Length)] : random.Next(0, 100_000_000).ToString(CultureInfo.InvariantCulture));
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            var context = new ScanContext(RecognizerScan.ReferenceDate, fieldTypes[random.Next(fieldTypes.Length)]);
            var expected = new List<Finding>();
            scanner.Scan(bytes, context, expected);
            var actual = new List<Finding>();
            scanner.ScanPlainNumber(bytes, integer.Length, context, actual);
            if (!expected.SequenceEqual(actual))
            {
                Assert.Fail($"{text} in a field of {context.FieldType}: {actual.Count} findings instead of {expected.Count}");
            }

            found += expected.Count;
            numbers++;
        }

        // Real identifiers and coordinates are among the numbers, so the comparison is not between empty lists only.
        Assert.Equal(40_000, numbers);
        Assert.True(found > 2_000, $"only {found} findings");
    }
}
