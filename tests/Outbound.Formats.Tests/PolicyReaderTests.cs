using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using Outbound.Deidentification;

namespace Outbound.Formats.Tests;

/// <summary>Reading de-identification policy files; the concerns are split over <c>PolicyReaderTests.*.cs</c>.</summary>
public sealed partial class PolicyReaderTests
{
    private const string Source = "policy.yaml";

    private static string SamplePath(string fileName, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "samples", "policies", fileName));

    private static string DataPath(string fileName, [CallerFilePath] string thisFile = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(thisFile)!, "..", "..", "samples", "data", fileName));

    private static Policy ReadValid(string text, string source = Source)
    {
        PolicyReadResult result = PolicyReader.Read(text, source);
        Assert.Empty(result.Errors);
        return Assert.IsType<Policy>(result.Policy);
    }

    private static ImmutableArray<SchemaError> ReadErrors(string text, string source = Source)
    {
        PolicyReadResult result = PolicyReader.Read(text, source);
        Assert.Null(result.Policy);
        Assert.NotEmpty(result.Errors);
        return result.Errors;
    }

    private static SchemaError ReadSingleError(string text) => Assert.Single(ReadErrors(text));

    /// <summary>Asserts an error's position, field and exact message, and that it names the file.</summary>
    private static void AssertError(SchemaError error, int line, int column, string field, string message) =>
        Assert.Equal((Source, line, column, field, message), (error.Source, error.Line, error.Column, error.Field, error.Message));
}
