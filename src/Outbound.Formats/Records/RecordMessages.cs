using System.Globalization;

namespace Outbound.Formats.Records;

/// <summary>The reasons the record readers give for input they cannot read.</summary>
/// <remarks>
/// Each reason is a sentence saying what was expected and what was found, never quoting the data: a reason may name a
/// line, a byte, a field or a column, but not the value that was there.
/// </remarks>
internal static class RecordMessages
{
    public const string NotParquet =
        "Expected a Parquet file; the file does not start and end with the Parquet marker PAR1.";

    public const string EncryptedParquet =
        "Expected a Parquet file with a plain footer; this one is encrypted (marker PARE), which is not supported.";

    public const string UnreadableParquetFooter =
        "Expected a Parquet file; its footer (the schema and row group index) cannot be decoded.";

    public const string BinaryColumn =
        "Binary values are not scanned; this column holds bytes, not text (noted once per column).";

    public const string CsvInvalidUtf8Header =
        "Expected UTF-8 text in the header; it has bytes that are not valid UTF-8, shown as U+FFFD in field names.";

    public const string CsvUnclosedQuote =
        "Expected a closing double quote; a quoted field on this line is never closed, so the rest of the file is part of it.";

    public const string UnreadableValues =
        "Expected values this reader can convert to text; this column's values cannot be read (noted once per column).";

    public static string LineTooLong(int limit, long length) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected a line of at most {limit} bytes; found one of {length} bytes.");

    public static string InvalidUtf8(long byteNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected UTF-8 text; byte {byteNumber} of the line is not valid UTF-8.");

    public static string NotAJsonObject(string found) => $"Expected a JSON object on each line; found {found}.";

    public static string MalformedJson(string expected, long byteNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected {expected} at byte {byteNumber} of the line; the line is not valid JSON.");

    public static string NestedTooDeeply(int limit) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected objects and arrays nested at most {limit} deep; the line nests deeper.");

    public static string CsvFieldCount(int expected, int found) =>
        string.Create(CultureInfo.InvariantCulture, $"Expected {expected} fields, as in the header; found {found}.");

    public static string CsvInvalidUtf8(string field) =>
        $"Expected UTF-8 text; field '{field}' has bytes that are not valid UTF-8.";

    public static string UnreadableRowGroup(int rowGroup, long firstRow, long rows) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"Expected readable column data in row group {rowGroup + 1} (rows {firstRow} to {firstRow + rows - 1}); this column cannot be decoded, so the row group is skipped.");

    public static string UnsupportedParquetType(string type) =>
        $"Values of Parquet type {type} are not scanned; this reader converts text, numbers, booleans, dates and times (noted once per column).";
}
