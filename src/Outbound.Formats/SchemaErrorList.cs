using System.Collections.Immutable;
using YamlDotNet.Core;

namespace Outbound.Formats;

/// <summary>Collects the schema errors of one file, so that all of them are reported at once.</summary>
internal sealed class SchemaErrorList(string source)
{
    private readonly List<SchemaError> _errors = [];

    /// <summary>Gets a value indicating whether no error has been reported.</summary>
    public bool IsEmpty => _errors.Count == 0;

    /// <summary>Records an error at <paramref name="at"/> about the field <paramref name="field"/>.</summary>
    public void Add(Mark at, string field, string message) => Add(at.Line, at.Column, field, message);

    /// <summary>Records an error at a one-based line and column.</summary>
    public void Add(long line, long column, string field, string message) =>
        _errors.Add(new SchemaError(source, ToPosition(line), ToPosition(column), field, message));

    /// <summary>Returns the errors in file order; errors at the same position keep the order they were found in.</summary>
    public ImmutableArray<SchemaError> ToImmutableArray() =>
        [.. _errors.OrderBy(error => error.Line).ThenBy(error => error.Column)];

    // Some library errors carry an empty mark (line 0); the file's start is the closest honest position.
    private static int ToPosition(long value) => (int)Math.Clamp(value, 1, int.MaxValue);
}
