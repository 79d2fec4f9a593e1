namespace Outbound.Detection;

/// <summary>Receives the records of a structured source (JSON lines, CSV, Parquet, a database table) field by field, as UTF-8.</summary>
/// <remarks>
/// Readers call <see cref="BeginRecord"/>, then <see cref="Field"/> (or <see cref="Number"/>) once per scalar value (nested JSON fields are
/// named with dots, e.g. <c>owner.phone</c>; array elements share their array's name), then <see cref="EndRecord"/>.
/// A record that cannot be read is reported with <see cref="Skip"/> instead, and reading goes on. The spans are
/// valid only during the call.
/// </remarks>
public interface IRecordVisitor
{
    /// <summary>Starts a record at <paramref name="position"/>: the 1-based line of a text file, or the 1-based row of a table or Parquet file.</summary>
    void BeginRecord(long position);

    /// <summary>Receives one field's value: its name and its value as UTF-8 text (numbers and booleans as written; JSON strings unescaped).</summary>
    void Field(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value);

    /// <summary>
    /// Receives one field's value that the reader knows to be a plain number: digits (the first not 0), or digits, a point
    /// and digits, of which the first <paramref name="integerDigits"/> bytes are those before the point. A visitor may
    /// skip reading its shape again; by default it is any other value (<see cref="Field"/>).
    /// </summary>
    void Number(ReadOnlySpan<byte> name, ReadOnlySpan<byte> value, int integerDigits) => Field(name, value);

    /// <summary>Ends the current record.</summary>
    void EndRecord();

    /// <summary>Reports a record or part of the input that could not be read, and why; nothing of it is passed on.</summary>
    /// <param name="position">The 1-based line or row.</param>
    /// <param name="field">The field concerned, or an empty string.</param>
    /// <param name="reason">What was wrong, as a sentence, never quoting the data.</param>
    void Skip(long position, string field, string reason);
}
