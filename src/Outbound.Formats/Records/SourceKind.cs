namespace Outbound.Formats.Records;

/// <summary>How a source file is read: which reader turns it into records, or none for plain text.</summary>
internal enum SourceKind
{
    /// <summary>Text scanned as it is, line by line, without fields.</summary>
    PlainText,

    /// <summary>One JSON object per line (<c>.jsonl</c>, <c>.ndjson</c>, <c>.json</c>), read by <see cref="JsonLinesReader"/>.</summary>
    JsonLines,

    /// <summary>Comma-separated values with a header (<c>.csv</c>; the delimiter is taken from the header), read by <see cref="CsvReader"/>.</summary>
    Csv,

    /// <summary>Tab-separated values with a header (<c>.tsv</c>), read by <see cref="CsvReader"/> with a tab delimiter.</summary>
    Tsv,

    /// <summary>Apache Parquet (<c>.parquet</c>), read by <see cref="ParquetReader"/>.</summary>
    Parquet,
}

/// <summary>Chooses the <see cref="SourceKind"/> of a file.</summary>
internal static class SourceKindDetection
{
    extension(SourceKind)
    {
        /// <summary>Returns how to read the file at <paramref name="path"/>, from its extension (in any letter case); unknown extensions are plain text.</summary>
        public static SourceKind Detect(string path)
        {
            ArgumentNullException.ThrowIfNull(path);
            string extension = Path.GetExtension(path);
            return extension.ToUpperInvariant() switch
            {
                ".JSONL" or ".NDJSON" or ".JSON" => SourceKind.JsonLines,
                ".CSV" => SourceKind.Csv,
                ".TSV" => SourceKind.Tsv,
                ".PARQUET" => SourceKind.Parquet,
                _ => SourceKind.PlainText,
            };
        }
    }
}
