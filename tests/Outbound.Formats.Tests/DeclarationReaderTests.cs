using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Outbound.Law;

namespace Outbound.Formats.Tests;

/// <summary>Reading declaration files; the concerns are split over <c>DeclarationReaderTests.*.cs</c>.</summary>
public sealed partial class DeclarationReaderTests
{
    private const string Source = "test.yaml";

    private static readonly JsonSerializerOptions SnapshotOptions = new() { WriteIndented = true };

    private static string DataPath(string fileName, [CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "Data", fileName);

    private static Declaration ReadValid(string text, string source = Source)
    {
        DeclarationReadResult result = DeclarationReader.Read(text, source);
        Assert.Empty(result.Errors);
        return Assert.IsType<Declaration>(result.Declaration);
    }

    private static ImmutableArray<SchemaError> ReadErrors(string text, string source = Source)
    {
        DeclarationReadResult result = DeclarationReader.Read(text, source);
        Assert.Null(result.Declaration);
        Assert.NotEmpty(result.Errors);
        return result.Errors;
    }

    private static SchemaError ReadSingleError(string text, string source = Source) => Assert.Single(ReadErrors(text, source));

    /// <summary>Asserts an error's position, field and exact message, and that it names the file.</summary>
    private static void AssertError(SchemaError error, int line, int column, string field, string message, string source = Source) =>
        Assert.Equal((source, line, column, field, message), (error.Source, error.Line, error.Column, error.Field, error.Message));

    // Records holding ImmutableArray or ImmutableDictionary compare them by reference; their JSON compares contents.
    private static string Snapshot(Declaration declaration) =>
        JsonSerializer.Serialize(declaration with { Source = "" }, SnapshotOptions);
}
