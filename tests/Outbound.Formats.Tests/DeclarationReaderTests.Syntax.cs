using Outbound.Law;

namespace Outbound.Formats.Tests;

/// <summary>Files that are not a readable document: syntax errors, empty files, a root that is not a map.</summary>
public sealed partial class DeclarationReaderTests
{
    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# nothing declared yet\n")]
    public void Read_EmptyDocument_ReportsEmptyFile(string text) =>
        AssertError(ReadSingleError(text), 1, 1, "", "The file is empty; expected a declaration with at least the fields year and handler.");

    [Theory]
    [InlineData("- year: 2026\n", 1, 1, "Expected a map of fields at the top of the file; found a list.")]
    [InlineData("# a comment\nhello\n", 2, 1, "Expected a map of fields at the top of the file; found hello.")]
    [InlineData("---\n~\n", 2, 1, "Expected a map of fields at the top of the file; found null.")]
    [InlineData("[{\"year\": 2026}]", 1, 1, "Expected a map of fields at the top of the file; found a list.")]
    public void Read_RootNotAMap_ReportsIt(string text, int line, int column, string message) =>
        AssertError(ReadSingleError(text), line, column, "", message);

    [Fact]
    public void Read_TwoDocuments_ReportsSecond()
    {
        SchemaError error = ReadSingleError("year: 2026\nhandler: {name: Example}\n---\nyear: 2027\n");

        AssertError(error, 4, 1, "", "Expected one document in the file; found a second one starting here.");
    }

    [Fact]
    public void Read_UnclosedFlowMap_ReportsYamlSyntaxError()
    {
        SchemaError error = ReadSingleError("year: 2026\nhandler: {name: Example\n");

        Assert.Equal((3, 1, ""), (error.Line, error.Column, error.Field));
        Assert.StartsWith("The file is not valid YAML. ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnclosedFlowListBeforeNextKey_ReportsYamlSyntaxError()
    {
        // YamlDotNet's scanner throws InvalidOperationException rather than a YamlException on this input.
        SchemaError error = ReadSingleError("year: 2026\nhandler: {name: Example}\napprovals: [a, b\ntransfers: []\n");

        AssertError(error, 4, 1, "", "The file is not valid YAML. The text cannot be read past this point.");
    }

    [Theory]
    [InlineData("year: 2026\nhandler:\n\tname: Example\n", 3, 1)]
    [InlineData("year: 2026\nhandler:\n  name: Example\n \tciio: true\n", 4, 2)]
    public void Read_TabIndentation_ReportsTheTab(string text, int line, int column) =>
        AssertError(ReadSingleError(text), line, column, "", "The file is not valid YAML. Tabs cannot indent YAML; indent with spaces.");

    [Fact]
    public void Read_DuplicateKey_ReportsYamlSyntaxError()
    {
        SchemaError error = ReadSingleError("year: 2026\nhandler: {name: Example}\nyear: 2027\n");

        AssertError(error, 3, 1, "", "The file is not valid YAML. Duplicate key year.");
    }

    [Fact]
    public void Read_BadIndentation_ReportsYamlSyntaxError()
    {
        SchemaError error = ReadSingleError("year: 2026\nhandler:\n  name: Example\n    ciio: true\n");

        Assert.Equal((4, ""), (error.Line, error.Field));
        Assert.StartsWith("The file is not valid YAML. ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_UnknownAlias_ReportsYamlSyntaxError()
    {
        SchemaError error = ReadSingleError("year: 2026\nhandler: *profile\n");

        AssertError(error, 2, 10, "", "The file is not valid YAML. The alias *profile refers to no anchor &profile defined before it.");
    }

    [Fact]
    public void Read_AnchorAndAlias_ReusesTheNode()
    {
        Declaration declaration = ReadValid("""
            year: 2026
            handler: {name: Example}
            transfers:
              - {id: t1, date: 2026-01-15, recipient: &acme {name: ACME GmbH, country: DE}}
              - {id: t2, date: 2026-02-15, recipient: *acme}
            """);

        Assert.Equal(declaration.Transfers[0].Recipient, declaration.Transfers[1].Recipient);
    }

    [Fact]
    public void Read_NestedTooDeeply_ReportsInsteadOfOverflowingTheStack()
    {
        string text = "year: 2026\nhandler: {name: Example}\ntransfers: " + new string('[', 100_000) + "\n";

        SchemaError error = ReadSingleError(text);

        AssertError(error, 3, 75, "", "The file is not valid YAML. Lists and maps are nested more than 64 levels deep.");
    }

    [Theory]
    [InlineData("{\"year\": 2026,\n \"handler\": {\"name\": \"Example\",}}", 2, 32, "The file is not valid JSON. The JSON object contains a trailing comma at the end which is not supported in this mode. Change the reader options.")]
    [InlineData("{\"year\": 02026, \"handler\": {\"name\": \"Example\"}}", 1, 11)]
    [InlineData("{\"year\": 2026, \"handler\": {name: \"Example\"}}", 1, 28)]
    [InlineData("{\"year\": 2026, \"handler\": {\"name\": \"Example\"}", 1, 46)]
    [InlineData("{\"year\": 2026 \"handler\": {\"name\": \"Example\"}}", 1, 15)]
    public void Read_MalformedJson_ReportsJsonSyntaxError(string json, int line, int column, string? message = null)
    {
        SchemaError error = ReadSingleError(json, "declaration.json");

        Assert.Equal(("declaration.json", line, column, ""), (error.Source, error.Line, error.Column, error.Field));
        Assert.StartsWith("The file is not valid JSON. ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        if (message is not null)
        {
            Assert.Equal(message, error.Message);
        }
    }

    [Theory]
    [InlineData("示例科技")]
    [InlineData("abcd")]
    public void Read_MalformedJsonAfterChineseText_CountsColumnsInCharacters(string name)
    {
        SchemaError error = ReadSingleError("{\"handler\": {\"name\": \"" + name + "\", \"ciio\": tru}}", "declaration.json");

        Assert.Equal((1, 41), (error.Line, error.Column));
        Assert.StartsWith("The file is not valid JSON. ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_MalformedJsonWithTabs_ReportsJsonSyntaxError()
    {
        SchemaError error = ReadSingleError("{\n\t\"year\":\t2026,\n\t\"handler\":\t{\"name\": \"Example\"\n}", "declaration.json");

        Assert.Equal((4, ""), (error.Line, error.Field));
        Assert.StartsWith("The file is not valid JSON. ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_DuplicateKeyInJson_ReportsIt()
    {
        SchemaError error = ReadSingleError("{\"year\": 2026,\n \"year\": 2027, \"handler\": {\"name\": \"Example\"}}", "declaration.json");

        AssertError(error, 2, 2, "", "The file is not valid JSON. Duplicate key year.", "declaration.json");
    }

    [Fact]
    public void Read_YamlFlowStyleNamedYaml_IsNotHeldToJson()
    {
        Declaration declaration = ReadValid("{year: 2026, handler: {name: Example}}", "flow.yaml");

        Assert.Equal("Example", declaration.Handler.Name);
    }
}
