using System.Buffers;
using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Outbound.Storage;

/// <summary>Reads database values and writes them as UTF-8 text: numbers in the invariant culture, dates and times in ISO 8601.</summary>
internal static class DbValueText
{
    /// <summary>Reads column <paramref name="ordinal"/> of the current row, as the type its database type name calls for.</summary>
    /// <param name="reader">The reader on the row.</param>
    /// <param name="ordinal">The column.</param>
    /// <param name="dataTypeName">The column's database type, e.g. PostgreSQL's <c>date</c>, which .NET would read as a date and time.</param>
    public static object Read(DbDataReader reader, int ordinal, string dataTypeName) => dataTypeName switch
    {
        "date" => reader.GetFieldValue<DateOnly>(ordinal),
        "time without time zone" => reader.GetFieldValue<TimeOnly>(ordinal),
        _ => reader.GetValue(ordinal),
    };

    /// <summary>Writes <paramref name="value"/>, a scalar that is not binary, to <paramref name="destination"/> as UTF-8 text.</summary>
    public static void Write(object value, IBufferWriter<byte> destination)
    {
        switch (value)
        {
            case string text:
                Encoding.UTF8.GetBytes(text, destination);
                break;
            case char character:
                Encoding.UTF8.GetBytes([character], destination);
                break;
            case bool flag:
                destination.Write(flag ? "true"u8 : "false"u8);
                break;
            case DateTime dateTime:
                Format(dateTime, dateTime.Kind == DateTimeKind.Utc ? "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", destination);
                break;
            case DateTimeOffset dateTimeOffset:
                Format(dateTimeOffset, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", destination);
                break;
            case DateOnly date:
                Format(date, "yyyy-MM-dd", destination);
                break;
            case TimeOnly time:
                Format(time, "HH:mm:ss.FFFFFFF", destination);
                break;
            case TimeSpan duration:
                Format(duration, "c", destination);
                break;
            case Guid guid:
                Format(guid, "D", destination);
                break;
            case IUtf8SpanFormattable formattable:
                Format(formattable, default, destination);
                break;
            default:
                Encoding.UTF8.GetBytes(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", destination);
                break;
        }
    }

    private static void Format<T>(T value, ReadOnlySpan<char> format, IBufferWriter<byte> destination)
        where T : IUtf8SpanFormattable
    {
        int size = 64;
        int written;
        while (!value.TryFormat(destination.GetSpan(size), out written, format, CultureInfo.InvariantCulture))
        {
            // Numbers and dates fit in a few dozen bytes; growing is for safety, not for use.
            size = checked(size * 2);
        }

        destination.Advance(written);
    }
}
