using System.Text;
using System.Text.Json;
using Outbound.Formats.Records;

namespace Outbound.Formats.Tests.Records;

public sealed class ReleasedJsonTests
{
    [Theory]
    [InlineData("0")]
    [InlineData("-0")]
    [InlineData("7")]
    [InlineData("36.64")]
    [InlineData("-117.1")]
    [InlineData("1754114400000")]
    [InlineData("1e5")]
    [InlineData("1E+5")]
    [InlineData("2.5e-3")]
    [InlineData(" 12")]
    [InlineData("\t\n\r 1")]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("-")]
    [InlineData("01")]
    [InlineData("-01")]
    [InlineData("1.")]
    [InlineData(".5")]
    [InlineData("1e")]
    [InlineData("1e+")]
    [InlineData("+1")]
    [InlineData("1 ")]
    [InlineData("1,2")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("0x10")]
    [InlineData("１２")]
    [InlineData("true")]
    [InlineData("\"1\"")]
    [InlineData("12345678901234567890123456789012345678901234567890123456789012345")]
    public void IsJsonNumber_AgreesWithTheJsonReader(string value)
    {
        Assert.Equal(ByReader(value), ReleasedJson.IsJsonNumber(value));
        Assert.Equal(ByReader(value), ReleasedJson.IsJsonNumber(Encoding.UTF8.GetBytes(value)));
    }

    private static bool ByReader(string value)
    {
        if (value.Length is 0 or > 64)
        {
            return false;
        }

        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(value));
        try
        {
            return reader.Read() && reader.TokenType == JsonTokenType.Number && reader.BytesConsumed == value.Length && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
