namespace Outbound.Formats.Tests;

/// <summary>Required fields, several errors in one file, and the error's text form.</summary>
public sealed partial class DeclarationReaderTests
{
    [Fact]
    public void Read_RequiredFieldsMissing_ReportsEachAtItsMap()
    {
        var errors = ReadErrors("""
            handler:
              ciio: false
            approvals:
              - status: active
            transfers:
              - purpose: crm
                items:
                  - individuals: 5
              - id: t2
                date: 2026-02-01
                recipient:
                  kind: company
            """);

        Assert.Equal(
            [
                (1, 1, "year", "The required field 'year' is missing."),
                (2, 3, "handler.name", "The required field 'name' is missing."),
                (4, 5, "approvals[0].id", "The required field 'id' is missing."),
                (4, 5, "approvals[0].kind", "The required field 'kind' is missing."),
                (4, 5, "approvals[0].effective", "The required field 'effective' is missing."),
                (6, 5, "transfers[0].id", "The required field 'id' is missing."),
                (6, 5, "transfers[0].date", "The required field 'date' is missing."),
                (6, 5, "transfers[0].recipient", "The required field 'recipient' is missing."),
                (8, 9, "transfers[0].items[0].category", "The required field 'category' is missing."),
                (12, 7, "transfers[1].recipient.name", "The required field 'name' is missing."),
                (12, 7, "transfers[1].recipient.country", "The required field 'country' is missing."),
            ],
            errors.Select(e => (e.Line, e.Column, e.Field, e.Message)));
    }

    [Fact]
    public void Read_HandlerMissing_ReportsIt()
    {
        SchemaError error = ReadSingleError("year: 2026\n");

        AssertError(error, 1, 1, "handler", "The required field 'handler' is missing.");
    }

    [Fact]
    public void Read_SeveralErrors_ReportsAllInFileOrder()
    {
        var errors = ReadErrors("""
            year: 2026
            handler:
              name: Example
              ciio: maybe
            transfers:
              - id: t1
                date: 2025-12-31
                recipient: {name: ACME GmbH, country: de}
                items:
                  - category: contact
                    individuals: 10
                  - category: health
                    individuals: 10
                    overlap: 11
                    minors_under_14: -1
                    colour: red
              - id: t1
                date: 2026-01-16
                recipient: {name: ACME GmbH, country: DE, kind: court}
            """);

        Assert.Equal(
            [
                (4, 9, "handler.ciio", "Expected true or false; found maybe."),
                (7, 11, "transfers[0].date", "Expected a date in 2026, the declaration's year; found 2025-12-31."),
                (8, 43, "transfers[0].recipient.country", "Expected an upper-case ISO 3166-1 alpha-2 country or region code such as DE, HK or CN; found de."),
                (14, 18, "transfers[0].items[1].overlap", "Expected at most 10, the item's individuals; found 11."),
                (15, 26, "transfers[0].items[1].minors_under_14", "Expected a whole number of 0 or more; found -1."),
                (16, 9, "transfers[0].items[1].colour", "Unknown field 'colour'. Allowed fields: category, subjects, individuals, overlap, sensitive, minors_under_14, important, core, anonymised, origin."),
                (17, 9, "transfers[1].id", "Expected a unique transfer id; 't1' is already used by transfers[0].id on line 6."),
                (19, 53, "transfers[1].recipient.kind", "Expected one of company, foreign_judicial, foreign_law_enforcement, individual, prohibited_list, restricted_list; found court."),
            ],
            errors.Select(e => (e.Line, e.Column, e.Field, e.Message)));
        Assert.All(errors, e => Assert.Equal(Source, e.Source));
    }

    [Fact]
    public void Read_SeveralErrorsInJson_ReportsJsonPositions()
    {
        var errors = ReadErrors("""
            {
              "year": 2026,
              "handler": {"name": "示例科技", "ciio": "true"},
              "transfers": [
                {"id": "t1", "date": "2026-01-15", "recipient": {"name": "ACME", "country": "DE"},
                 "items": [{"category": "contact", "individuals": -5}]}
              ]
            }
            """, "declaration.json");

        Assert.Equal(
            [
                ("declaration.json", 3, 39, "handler.ciio", "Expected true or false; found \"true\"."),
                ("declaration.json", 6, 55, "transfers[0].items[0].individuals", "Expected a whole number of 0 or more; found -5."),
            ],
            errors.Select(e => (e.Source, e.Line, e.Column, e.Field, e.Message)));
    }

    [Fact]
    public void ToString_SchemaError_NamesFileLineColumnAndField()
    {
        SchemaError error = ReadSingleError(HandlerBase + "  ciio: yes\n", "decl/acme.yaml");

        Assert.Equal("decl/acme.yaml:4:9: handler.ciio: Expected true or false; found yes.", error.ToString());
    }

    [Fact]
    public void ToString_ErrorAboutWholeFile_OmitsField()
    {
        SchemaError error = ReadSingleError("", "empty.yaml");

        Assert.Equal("empty.yaml:1:1: The file is empty; expected a declaration with at least the fields year and handler.", error.ToString());
    }
}
