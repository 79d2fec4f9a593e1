using Outbound.Law;

namespace Outbound.Formats.Tests;

public sealed partial class DeclarationReaderTests
{
    [Fact]
    public void ReadFile_FullYaml_ReadsEveryField()
    {
        string path = DataPath("full.yaml");

        DeclarationReadResult result = DeclarationReader.ReadFile(path);

        Assert.Empty(result.Errors);
        Declaration declaration = Assert.IsType<Declaration>(result.Declaration);
        Assert.Equal(path, declaration.Source);
        Assert.Equal(2026, declaration.Year);
        Assert.Equal(
            new HandlerProfile
            {
                Name = "示例科技（上海）有限公司",
                CriticalInformationInfrastructureOperator = true,
                StateOrgan = false,
                Automotive = true,
                FreeTradeZone = "shanghai",
                Group = "Example Group",
                ProcessedIndividuals = 1_200_000,
            },
            declaration.Handler);
        Assert.Equal(new PersonCounts(80_000, 500), declaration.PriorYear);
        Assert.Equal(
            new Dictionary<string, bool> { ["exempt_flows_excluded_from_counters"] = false, ["group_volumes_aggregated"] = true },
            declaration.Interpretations.Overrides);

        Approval contract = declaration.Approvals[0];
        Assert.Equal(("scc-1", ApprovalKind.StandardContract, ApprovalStatus.Suspended), (contract.Id, contract.Kind, contract.Status));
        Assert.Equal((new DateOnly(2026, 3, 1), new DateOnly(2026, 3, 10), new DateOnly(2028, 2, 29)), (contract.Effective, contract.Filed, contract.ValidUntil));
        Assert.Equal("SCC-2026-0001", contract.FilingNumber);
        Assert.Equal(["ACME GmbH", "ACME Inc."], contract.Recipients);
        Assert.Equal(["group CRM"], contract.Purposes);
        Assert.Equal(["contact", "account"], contract.Categories);
        Assert.Equal(200_000, contract.MaxIndividuals);
        Assert.Equal([ApprovalTrigger.PurposeChange, ApprovalTrigger.ControlChange], contract.Triggers);
        Assert.Equal(ApprovalKind.SecurityAssessment, declaration.Approvals[1].Kind);

        Transfer crm = declaration.Transfers[0];
        Assert.Equal(("crm-q1", new DateOnly(2026, 1, 15)), (crm.Id, crm.Date));
        Assert.Equal(new Recipient("ACME GmbH", "DE", RecipientKind.Company), crm.Recipient);
        Assert.Equal(("group CRM", TransferMode.RemoteAccess, LegalBasis.HumanResources, ExemptionClaim.TradeNonPersonal), (crm.Purpose, crm.Mode, crm.LegalBasis, crm.Exemption));
        Assert.Equal(("Contract 2026/17", "MPS-2026-3"), (crm.Evidence, crm.AuthorityApproval));
        Assert.Equal((false, true, true), (crm.FreeTradeZoneListed, crm.FreeTradeZoneSectorCovered, crm.FromVehicle));
        Assert.Equal(
            new TransferItem
            {
                Category = DataCategories.Get("contact"),
                Subjects = SubjectGroup.BusinessContacts,
                Individuals = 60_000,
                Overlap = 1_000,
                Sensitive = true,
                MinorsUnder14 = 20,
                Important = ImportantDataStatus.Candidate,
                Core = false,
                Anonymised = true,
                Origin = DataOrigin.Abroad,
            },
            crm.Items[0]);
        Assert.Equal(DataCategories.Get("health"), crm.Items[1].Category);
        Assert.Equal(new Recipient("ACME HK Ltd", "HK", RecipientKind.ForeignJudicial), declaration.Transfers[1].Recipient);
    }

    [Fact]
    public void ReadFile_SameDeclarationAsJson_EqualsYaml()
    {
        Declaration yaml = Assert.IsType<Declaration>(DeclarationReader.ReadFile(DataPath("full.yaml")).Declaration);

        DeclarationReadResult json = DeclarationReader.ReadFile(DataPath("full.json"));

        Assert.Empty(json.Errors);
        Assert.Equal(Snapshot(yaml), Snapshot(Assert.IsType<Declaration>(json.Declaration)));
    }

    [Fact]
    public void Read_JsonWithoutFileName_IsReadAsJson()
    {
        string json = File.ReadAllText(DataPath("full.json"));

        Declaration declaration = ReadValid(json, "stdin");

        Assert.Equal(Snapshot(ReadValid(File.ReadAllText(DataPath("full.yaml")))), Snapshot(declaration));
    }

    [Fact]
    public void ReadFile_JsonWithTabsAsWhitespace_Reads()
    {
        Assert.Contains('\t', File.ReadAllText(DataPath("tabs.json")));

        DeclarationReadResult result = DeclarationReader.ReadFile(DataPath("tabs.json"));

        Assert.Empty(result.Errors);
        Declaration declaration = Assert.IsType<Declaration>(result.Declaration);
        Assert.Equal(("Example", true), (declaration.Handler.Name, declaration.Handler.CriticalInformationInfrastructureOperator));
        Transfer transfer = Assert.Single(declaration.Transfers);
        Assert.Equal((new DateOnly(2026, 2, 1), "DE"), (transfer.Date, transfer.Recipient.Country));
        Assert.Equal(42, Assert.Single(transfer.Items).Individuals);
    }

    [Fact]
    public void Read_OnlyRequiredFields_UsesSpecDefaults()
    {
        Declaration declaration = ReadValid("""
            year: 2021
            handler:
              name: Example
            approvals:
              - id: cert-1
                kind: certification
                effective: 2026-01-01
            transfers:
              - id: t1
                date: 2021-05-01
                recipient: {name: ACME Inc., country: US}
                items:
                  - category: contact
              - id: t2
                date: 2021-05-02
                recipient: {name: ACME Inc., country: US}
            """);

        Assert.Equal(2021, declaration.Year);
        Assert.Equal(Source, declaration.Source);
        Assert.Equal(new HandlerProfile { Name = "Example" }, declaration.Handler);
        Assert.False(declaration.Handler.CriticalInformationInfrastructureOperator || declaration.Handler.StateOrgan || declaration.Handler.Automotive);
        Assert.Equal((null, null, 0L), (declaration.Handler.FreeTradeZone, declaration.Handler.Group, declaration.Handler.ProcessedIndividuals));
        Assert.Equal(new PersonCounts(0, 0), declaration.PriorYear);
        Assert.Same(InterpretationSettings.Defaults, declaration.Interpretations);

        Approval approval = Assert.Single(declaration.Approvals);
        Assert.Equal((null, null, null), (approval.Filed, approval.FilingNumber, approval.ValidUntil));
        Assert.Equal(ApprovalStatus.Active, approval.Status);
        Assert.Empty(approval.Recipients);
        Assert.Empty(approval.Purposes);
        Assert.Empty(approval.Categories);
        Assert.Null(approval.MaxIndividuals);
        Assert.Empty(approval.Triggers);

        Transfer transfer = declaration.Transfers[0];
        Assert.Equal(RecipientKind.Company, transfer.Recipient.Kind);
        Assert.Equal(("", TransferMode.Transfer, LegalBasis.Consent, ExemptionClaim.None), (transfer.Purpose, transfer.Mode, transfer.LegalBasis, transfer.Exemption));
        Assert.Equal((null, null, null, null), (transfer.Evidence, transfer.FreeTradeZoneListed, transfer.FreeTradeZoneSectorCovered, transfer.AuthorityApproval));
        Assert.False(transfer.FromVehicle);
        Assert.Equal(
            new TransferItem
            {
                Category = DataCategories.Get("contact"),
                Subjects = SubjectGroup.Customers,
                Individuals = 0,
                Overlap = 0,
                Sensitive = null,
                MinorsUnder14 = 0,
                Important = ImportantDataStatus.None,
                Core = false,
                Anonymised = false,
                Origin = DataOrigin.Domestic,
            },
            Assert.Single(transfer.Items));
        Assert.Empty(declaration.Transfers[1].Items);
    }

    [Fact]
    public void Read_NoApprovalsOrTransfers_ReadsEmptyLists()
    {
        Declaration declaration = ReadValid("year: 2026\nhandler: {name: Example}\n");

        Assert.Empty(declaration.Approvals);
        Assert.Empty(declaration.Transfers);
    }

    [Fact]
    public void Read_NullWhereSpecAllowsIt_ReadsNull()
    {
        Declaration declaration = ReadValid("""
            year: 2026
            handler: {name: Example, ftz: null, group: ~}
            approvals:
              - {id: a1, kind: standard_contract, effective: 2026-03-01, filed: null, filing_number: ~, valid_until: null, max_individuals: ~}
            transfers:
              - id: t1
                date: 2026-01-15
                recipient: {name: ACME GmbH, country: DE}
                evidence: null
                ftz_listed: ~
                ftz_sector_covered: null
                authority_approval:
                items:
                  - {category: health, sensitive: null}
            """);

        Assert.Equal((null, null), (declaration.Handler.FreeTradeZone, declaration.Handler.Group));
        Approval approval = Assert.Single(declaration.Approvals);
        Assert.Equal((null, null, null, null), (approval.Filed, approval.FilingNumber, approval.ValidUntil, approval.MaxIndividuals));
        Transfer transfer = Assert.Single(declaration.Transfers);
        Assert.Equal((null, null, null, null), (transfer.Evidence, transfer.FreeTradeZoneListed, transfer.FreeTradeZoneSectorCovered, transfer.AuthorityApproval));
        Assert.Null(Assert.Single(transfer.Items).Sensitive);
    }

    [Fact]
    public void Read_QuotedTextsAndDates_Reads()
    {
        Declaration declaration = ReadValid("""
            year: 2026
            handler: {name: 'true', group: "2026"}
            transfers:
              - id: "001"
                date: '2026-07-01'
                recipient: {name: "ACME: Europe", country: "NO"}
                purpose: 'null'
            """);

        Assert.Equal(("true", "2026"), (declaration.Handler.Name, declaration.Handler.Group));
        Transfer transfer = Assert.Single(declaration.Transfers);
        Assert.Equal(("001", new DateOnly(2026, 7, 1), "null"), (transfer.Id, transfer.Date, transfer.Purpose));
        Assert.Equal(new Recipient("ACME: Europe", "NO", RecipientKind.Company), transfer.Recipient);
    }

    [Fact]
    public void Read_UnquotedNorwayCode_StaysACountry()
    {
        Declaration declaration = ReadValid("""
            year: 2026
            handler: {name: Example}
            transfers:
              - {id: t1, date: 2026-01-15, recipient: {name: ACME AS, country: NO}}
            """);

        Assert.Equal("NO", Assert.Single(declaration.Transfers).Recipient.Country);
    }

    [Fact]
    public void Read_SameIdForApprovalAndTransfer_IsAllowed()
    {
        Declaration declaration = ReadValid("""
            year: 2026
            handler: {name: Example}
            approvals: [{id: x, kind: certification, effective: 2026-01-01}]
            transfers: [{id: x, date: 2026-01-15, recipient: {name: ACME GmbH, country: DE}}]
            """);

        Assert.Equal(declaration.Approvals[0].Id, declaration.Transfers[0].Id);
    }

    [Fact]
    public void Read_WindowsLineEndingsAndByteOrderMark_Reads()
    {
        Declaration declaration = ReadValid("\uFEFFyear: 2026\r\nhandler:\r\n  name: Example\r\n");

        Assert.Equal("Example", declaration.Handler.Name);
    }
}
