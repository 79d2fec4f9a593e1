using System.Collections.Immutable;
using Outbound.Law;

namespace Outbound.Formats;

/// <summary>A schema error in a declaration file, with its position.</summary>
/// <param name="Source">The file name.</param>
/// <param name="Line">One-based line.</param>
/// <param name="Column">One-based column.</param>
/// <param name="Field">The field path, e.g. <c>transfers[1].items[0].overlap</c>.</param>
/// <param name="Message">What was expected, as a sentence.</param>
internal sealed record SchemaError(string Source, int Line, int Column, string Field, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Source}:{Line}:{Column}: {Field}: {Message}";
}

/// <summary>A declaration read from a file, or every error found in it.</summary>
/// <param name="Declaration">The declaration, when there are no errors.</param>
/// <param name="Errors">Every schema error, in file order.</param>
internal sealed record DeclarationReadResult(Declaration? Declaration, ImmutableArray<SchemaError> Errors);

/// <summary>Reads declaration files (YAML, or the same schema as JSON).</summary>
internal static class DeclarationReader
{
    /// <summary>Reads a declaration from <paramref name="text"/>; <paramref name="source"/> names it in errors.</summary>
    public static DeclarationReadResult Read(string text, string source) => throw new NotImplementedException();

    /// <summary>Reads the declaration file at <paramref name="path"/>.</summary>
    public static DeclarationReadResult ReadFile(string path) => Read(File.ReadAllText(path), path);
}
