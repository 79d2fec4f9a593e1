namespace Outbound.Formats.Tests;

/// <summary>One bad field at a time: each theory appends a line to a valid document and expects exactly one error.</summary>
public sealed partial class DeclarationReaderTests
{
    private const string RootBase = """
        year: 2026
        handler: {name: Example}

        """;

    // Appended lines are line 4, indented 2.
    private const string HandlerBase = """
        year: 2026
        handler:
          name: Example

        """;

    // Appended lines are line 7, indented 4.
    private const string ApprovalBase = """
        year: 2026
        handler: {name: Example}
        approvals:
          - id: a1
            kind: standard_contract
            effective: 2026-03-01

        """;

    // Appended lines are line 7, indented 4.
    private const string TransferBase = """
        year: 2026
        handler: {name: Example}
        transfers:
          - id: t1
            date: 2026-01-15
            recipient: {name: ACME GmbH, country: DE}

        """;

    // Appended lines are line 10, indented 8.
    private const string ItemBase = """
        year: 2026
        handler: {name: Example}
        transfers:
          - id: t1
            date: 2026-01-15
            recipient: {name: ACME GmbH, country: DE}
            items:
              - category: contact
                individuals: 100

        """;

    [Theory]
    [InlineData("prior_year: {non_sensitive: -1}", 3, 29, "prior_year.non_sensitive", "Expected a whole number of 0 or more; found -1.")]
    [InlineData("prior_year: {sensitive: 1.5}", 3, 25, "prior_year.sensitive", "Expected a whole number of 0 or more; found 1.5.")]
    [InlineData("prior_year: [1, 2]", 3, 13, "prior_year", "Expected a map of fields; found a list.")]
    [InlineData("interpretations: {group_volumes_aggregated: 1}", 3, 45, "interpretations.group_volumes_aggregated", "Expected true or false; found 1.")]
    [InlineData("interpretations: {applicants_not_employees: \"false\"}", 3, 45, "interpretations.applicants_not_employees", "Expected true or false; found \"false\".")]
    [InlineData("approvals: {id: a1}", 3, 12, "approvals", "Expected a list; found a map.")]
    [InlineData("approvals:", 3, 11, "approvals", "Expected a list; found nothing. Write [] for an empty list.")]
    [InlineData("transfers: null", 3, 12, "transfers", "Expected a list; found null. Write [] for an empty list.")]
    [InlineData("transfers: [42]", 3, 13, "transfers[0]", "Expected a map of fields; found 42.")]
    public void Read_BadRootField_ReportsIt(string line, int row, int column, string field, string message) =>
        AssertError(ReadSingleError(RootBase + line), row, column, field, message);

    [Theory]
    [InlineData("ciio: yes", 9, "handler.ciio", "Expected true or false; found yes.")]
    [InlineData("state_organ: null", 16, "handler.state_organ", "Expected true or false; found null.")]
    [InlineData("automotive: True", 15, "handler.automotive", "Expected true or false; found True.")]
    [InlineData("ftz: shenzhen", 8, "handler.ftz", "Expected null or a free trade zone code, one of tianjin, beijing, shanghai, hainan, zhejiang, guangxi, jiangsu, chongqing; found shenzhen.")]
    [InlineData("ftz: Shanghai", 8, "handler.ftz", "Expected null or a free trade zone code, one of tianjin, beijing, shanghai, hainan, zhejiang, guangxi, jiangsu, chongqing; found Shanghai.")]
    [InlineData("group: {name: G}", 10, "handler.group", "Expected a text; found a map.")]
    [InlineData("processed_individuals: -5", 26, "handler.processed_individuals", "Expected a whole number of 0 or more; found -5.")]
    [InlineData("processed_individuals: \"5\"", 26, "handler.processed_individuals", "Expected a whole number of 0 or more; found \"5\".")]
    [InlineData("processed_individuals: 1_000", 26, "handler.processed_individuals", "Expected a whole number of 0 or more; found 1_000.")]
    [InlineData("processed_individuals: 99999999999999999999", 26, "handler.processed_individuals", "Expected a whole number of 0 or more; found 99999999999999999999.")]
    [InlineData("cio: true", 3, "handler.cio", "Unknown field 'cio'. Allowed fields: name, ciio, state_organ, automotive, ftz, group, processed_individuals.")]
    public void Read_BadHandlerField_ReportsIt(string line, int column, string field, string message) =>
        AssertError(ReadSingleError(HandlerBase + "  " + line), 4, column, field, message);

    [Theory]
    [InlineData("filed: 2026-3-10", 12, "approvals[0].filed", "Expected a date written YYYY-MM-DD; found 2026-3-10.")]
    [InlineData("valid_until: 2027-02-29", 18, "approvals[0].valid_until", "Expected a date written YYYY-MM-DD; found 2027-02-29.")]
    [InlineData("valid_until: 20270228", 18, "approvals[0].valid_until", "Expected a date written YYYY-MM-DD; found 20270228.")]
    [InlineData("filing_number: [1]", 20, "approvals[0].filing_number", "Expected a text; found a list.")]
    [InlineData("status: paused", 13, "approvals[0].status", "Expected one of active, revoked, suspended, terminated; found paused.")]
    [InlineData("status: Active", 13, "approvals[0].status", "Expected one of active, revoked, suspended, terminated; found Active.")]
    [InlineData("recipients: ACME GmbH", 17, "approvals[0].recipients", "Expected a list; found ACME GmbH.")]
    [InlineData("purposes: [crm, [x]]", 21, "approvals[0].purposes[1]", "Expected a text; found a list.")]
    [InlineData("categories: [contact, email]", 27, "approvals[0].categories[1]", "Expected a data category code, one of general, trade, contact, account, device_id, identity_document, bank_account, health, biometric, religion, trajectory, precise_location, face_image, cabin_audio, cabin_video, off_vehicle_image, sensitive_area_trajectory, vehicle_telemetry, vehicle_flow, charging_network, resume, booking, order, education, employment; found email.")]
    [InlineData("max_individuals: -1", 22, "approvals[0].max_individuals", "Expected a whole number of 0 or more; found -1.")]
    [InlineData("triggers: [purpose_change, moved]", 32, "approvals[0].triggers[1]", "Expected one of control_change, legal_document_change, other, purpose_change, recipient_law_change, retention_extended; found moved.")]
    [InlineData("scope: any", 5, "approvals[0].scope", "Unknown field 'scope'. Allowed fields: id, kind, effective, filed, filing_number, valid_until, status, recipients, purposes, categories, max_individuals, triggers.")]
    public void Read_BadApprovalField_ReportsIt(string line, int column, string field, string message) =>
        AssertError(ReadSingleError(ApprovalBase + "    " + line), 7, column, field, message);

    [Theory]
    [InlineData("purpose: [crm]", 14, "transfers[0].purpose", "Expected a text; found a list.")]
    [InlineData("mode: upload", 11, "transfers[0].mode", "Expected one of offshore_processing, remote_access, transfer; found upload.")]
    [InlineData("legal_basis: human_resources", 18, "transfers[0].legal_basis", "Expected one of consent, contract, emergency, hr, legal_duty, public_interest, published; found human_resources.")]
    [InlineData("exemption: trade", 16, "transfers[0].exemption", "Expected one of contract, emergency, foreign_collected, ftz_list, hr, legal_duty, none, trade_non_pi; found trade.")]
    [InlineData("evidence: {ref: 1}", 15, "transfers[0].evidence", "Expected a text; found a map.")]
    [InlineData("ftz_listed: no", 17, "transfers[0].ftz_listed", "Expected true or false; found no.")]
    [InlineData("ftz_sector_covered: 1", 25, "transfers[0].ftz_sector_covered", "Expected true or false; found 1.")]
    [InlineData("from_vehicle: ~", 19, "transfers[0].from_vehicle", "Expected true or false; found null.")]
    [InlineData("authority_approval: [a]", 25, "transfers[0].authority_approval", "Expected a text; found a list.")]
    [InlineData("items: {category: contact}", 12, "transfers[0].items", "Expected a list; found a map.")]
    [InlineData("items: [contact]", 13, "transfers[0].items[0]", "Expected a map of fields; found contact.")]
    [InlineData("volume: 5", 5, "transfers[0].volume", "Unknown field 'volume'. Allowed fields: id, date, recipient, purpose, mode, legal_basis, exemption, evidence, ftz_listed, ftz_sector_covered, from_vehicle, authority_approval, items.")]
    public void Read_BadTransferField_ReportsIt(string line, int column, string field, string message) =>
        AssertError(ReadSingleError(TransferBase + "    " + line), 7, column, field, message);

    [Theory]
    [InlineData("subjects: citizens", 19, "transfers[0].items[0].subjects", "Expected one of applicants, business_contacts, customers, employees, other, passengers, patients, pedestrians, students, users, vehicle_owners; found citizens.")]
    [InlineData("overlap: -3", 18, "transfers[0].items[0].overlap", "Expected a whole number of 0 or more; found -3.")]
    [InlineData("overlap: 101", 18, "transfers[0].items[0].overlap", "Expected at most 100, the item's individuals; found 101.")]
    [InlineData("minors_under_14: 101", 26, "transfers[0].items[0].minors_under_14", "Expected at most 100, the item's individuals; found 101.")]
    [InlineData("minors_under_14: many", 26, "transfers[0].items[0].minors_under_14", "Expected a whole number of 0 or more; found many.")]
    [InlineData("sensitive: 'yes'", 20, "transfers[0].items[0].sensitive", "Expected true or false; found \"yes\".")]
    [InlineData("important: secret", 20, "transfers[0].items[0].important", "Expected one of candidate, none, notified, published; found secret.")]
    [InlineData("core: [true]", 15, "transfers[0].items[0].core", "Expected true or false; found a list.")]
    [InlineData("anonymised: FALSE", 21, "transfers[0].items[0].anonymised", "Expected true or false; found FALSE.")]
    [InlineData("origin: overseas", 17, "transfers[0].items[0].origin", "Expected one of abroad, domestic; found overseas.")]
    [InlineData("count: 5", 9, "transfers[0].items[0].count", "Unknown field 'count'. Allowed fields: category, subjects, individuals, overlap, sensitive, minors_under_14, important, core, anonymised, origin.")]
    public void Read_BadItemField_ReportsIt(string line, int column, string field, string message) =>
        AssertError(ReadSingleError(ItemBase + "        " + line), 10, column, field, message);

    [Theory]
    [InlineData("name: ACME GmbH, country: de", 43, "Expected an upper-case ISO 3166-1 alpha-2 country or region code such as DE, HK or CN; found de.")]
    [InlineData("name: ACME GmbH, country: XX", 43, "Expected an upper-case ISO 3166-1 alpha-2 country or region code such as DE, HK or CN; found XX.")]
    [InlineData("name: ACME GmbH, country: DEU", 43, "Expected an upper-case ISO 3166-1 alpha-2 country or region code such as DE, HK or CN; found DEU.")]
    [InlineData("name: ACME GmbH, country: null", 43, "Expected an upper-case ISO 3166-1 alpha-2 country or region code such as DE, HK or CN; found null.")]
    public void Read_BadRecipientCountry_ReportsIt(string recipient, int column, string message) =>
        AssertError(
            ReadSingleError(TransferBase.Replace("name: ACME GmbH, country: DE", recipient, StringComparison.Ordinal)),
            6, column, "transfers[0].recipient.country", message);

    [Fact]
    public void Read_UnknownRecipientKind_ReportsWords()
    {
        SchemaError error = ReadSingleError(TransferBase.Replace("country: DE}", "country: DE, kind: sole_trader}", StringComparison.Ordinal));

        AssertError(error, 6, 53, "transfers[0].recipient.kind", "Expected one of company, foreign_judicial, foreign_law_enforcement, individual, prohibited_list, restricted_list; found sole_trader.");
    }

    [Fact]
    public void Read_UnknownItemCategory_ReportsCodes()
    {
        SchemaError error = ReadSingleError(ItemBase.Replace("category: contact", "category: email", StringComparison.Ordinal));

        Assert.Equal((8, 19, "transfers[0].items[0].category"), (error.Line, error.Column, error.Field));
        Assert.StartsWith("Expected a data category code, one of general, trade, contact,", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("; found email.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_OverlapWithoutIndividuals_ComparesWithZero()
    {
        SchemaError error = ReadSingleError(ItemBase.Replace("individuals: 100", "overlap: 1", StringComparison.Ordinal));

        AssertError(error, 9, 18, "transfers[0].items[0].overlap", "Expected at most 0, the item's individuals; found 1.");
    }

    [Fact]
    public void Read_OverlapWithInvalidIndividuals_ReportsOnlyIndividuals()
    {
        string text = ItemBase.Replace("individuals: 100", "individuals: -1", StringComparison.Ordinal) + "        overlap: 50\n";

        SchemaError error = ReadSingleError(text);

        AssertError(error, 9, 22, "transfers[0].items[0].individuals", "Expected a whole number of 0 or more; found -1.");
    }

    [Theory]
    [InlineData("2020", "Expected a whole number from 2021 to 2099; found 2020.")]
    [InlineData("2100", "Expected a whole number from 2021 to 2099; found 2100.")]
    [InlineData("'2026'", "Expected a whole number from 2021 to 2099; found \"2026\".")]
    [InlineData("twenty", "Expected a whole number from 2021 to 2099; found twenty.")]
    public void Read_BadYear_ReportsRange(string year, string message) =>
        AssertError(ReadSingleError($"year: {year}\nhandler: {{name: Example}}\n"), 1, 7, "year", message);

    [Theory]
    [InlineData("2025-12-31", "Expected a date in 2026, the declaration's year; found 2025-12-31.")]
    [InlineData("2027-01-01", "Expected a date in 2026, the declaration's year; found 2027-01-01.")]
    [InlineData("2026-13-01", "Expected a date written YYYY-MM-DD; found 2026-13-01.")]
    [InlineData("15.01.2026", "Expected a date written YYYY-MM-DD; found 15.01.2026.")]
    public void Read_BadTransferDate_ReportsIt(string date, string message) =>
        AssertError(ReadSingleError(TransferBase.Replace("2026-01-15", date, StringComparison.Ordinal)), 5, 11, "transfers[0].date", message);

    [Theory]
    [InlineData("name: ''", "Expected a non-empty text; found an empty one.")]
    [InlineData("name: '   '", "Expected a non-empty text; found an empty one.")]
    [InlineData("name: ~", "Expected a text; found null.")]
    [InlineData("name:", "Expected a text; found nothing.")]
    public void Read_EmptyHandlerName_ReportsIt(string line, string message)
    {
        SchemaError error = ReadSingleError("year: 2026\nhandler:\n  " + line + "\n");

        Assert.Equal((3, "handler.name", message), (error.Line, error.Field, error.Message));
        Assert.Equal(line.Length == 5 ? 8 : 9, error.Column);
    }

    [Fact]
    public void Read_UnknownInterpretation_ListsKnownNames()
    {
        SchemaError error = ReadSingleError(RootBase + "interpretations:\n  group_volumes_aggregated: true\n  count_exempt_flows: false\n");

        AssertError(error, 5, 3, "interpretations.count_exempt_flows", "Unknown interpretation 'count_exempt_flows'. Known interpretations: exempt_flows_excluded_from_counters, auto_pi_over_100k_is_important_data, b2b_staff_not_contract_parties, applicants_not_employees, legal_duty_dispenses_with_filings, pre_2024_assessment_valid_3_years, group_volumes_aggregated.");
    }

    [Fact]
    public void Read_UnknownRootField_ListsAllowedFields()
    {
        SchemaError error = ReadSingleError(RootBase + "version: 2\n");

        AssertError(error, 3, 1, "version", "Unknown field 'version'. Allowed fields: year, handler, prior_year, interpretations, approvals, transfers.");
    }

    [Fact]
    public void Read_DuplicateTransferIds_ReportsSecondWithFirst()
    {
        SchemaError error = ReadSingleError(TransferBase + """
              - id: t2
                date: 2026-01-16
                recipient: {name: ACME GmbH, country: DE}
              - id: t1
                date: 2026-01-17
                recipient: {name: ACME GmbH, country: DE}
            """);

        AssertError(error, 10, 9, "transfers[2].id", "Expected a unique transfer id; 't1' is already used by transfers[0].id on line 4.");
    }

    [Fact]
    public void Read_DuplicateApprovalIds_ReportsSecondWithFirst()
    {
        SchemaError error = ReadSingleError(ApprovalBase + "  - {id: a1, kind: certification, effective: 2026-01-01}\n");

        AssertError(error, 7, 10, "approvals[1].id", "Expected a unique approval id; 'a1' is already used by approvals[0].id on line 4.");
    }

    [Fact]
    public void Read_NonTextKey_ReportsIt()
    {
        SchemaError error = ReadSingleError(RootBase + "? [a, b]\n: 1\n");

        AssertError(error, 3, 3, "", "Expected a field name; found a list.");
    }
}
