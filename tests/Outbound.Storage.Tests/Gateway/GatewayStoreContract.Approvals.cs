using Outbound.Gateway;
using Outbound.Law;

namespace Outbound.Storage.Tests.Gateway;

public abstract partial class GatewayStoreContract
{
    private protected static readonly Approval Contract = new()
    {
        Id = "scc-2026",
        Kind = ApprovalKind.StandardContract,
        Effective = new DateOnly(2026, 3, 2),
        Filed = new DateOnly(2026, 3, 9),
        FilingNumber = "JS-SCC-2026-0318",
        Recipients = ["Yuexiang International Pte. Ltd."],
        Purposes = ["membership and after-sales service"],
        Categories = ["contact", "order"],
        MaxIndividuals = 400_000,
    };

    private protected static readonly Approval Assessment = new()
    {
        Id = "cac-2025-17",
        Kind = ApprovalKind.SecurityAssessment,
        Effective = new DateOnly(2025, 6, 1),
        ValidUntil = new DateOnly(2028, 5, 31),
        Status = ApprovalStatus.Suspended,
        Triggers = [ApprovalTrigger.ControlChange, ApprovalTrigger.Other],
    };

    [Fact]
    public void ImportApprovals_New_KeepsEveryFieldInOrderAndAuditsTheImport()
    {
        var store = Open();

        var added = store.ImportApprovals(Handler, [Contract, Assessment], Record("""{"approvals":["scc-2026","cac-2025-17"]}""", AuditKind.ApprovalImport));

        Assert.Equal(["scc-2026", "cac-2025-17"], added);
        Assert.Equal([Columns(Contract), Columns(Assessment)], store.Approvals(Handler).Select(Columns));
        var entry = Assert.Single(store.AuditEntries());
        Assert.Equal((AuditKind.ApprovalImport, """{"approvals":["scc-2026","cac-2025-17"]}"""), (entry.Kind, entry.Body));
    }

    [Fact]
    public void ImportApprovals_SameAgain_AddsNothingButIsAudited()
    {
        var store = Open();
        store.ImportApprovals(Handler, [Contract], Record("{}", AuditKind.ApprovalImport));

        var added = store.ImportApprovals(Handler, [Contract, Contract], Record("{}", AuditKind.ApprovalImport));

        Assert.Empty(added);
        Assert.Single(store.Approvals(Handler));
        Assert.Equal(2, store.AuditEntries().Count());
    }

    [Fact]
    public void ImportApprovals_ChangedUnderSameId_ThrowsNamingItAndImportsNothing()
    {
        var store = Open();
        store.ImportApprovals(Handler, [Contract], Record("{}", AuditKind.ApprovalImport));

        var error = Assert.Throws<ApprovalConflictException>(
            () => store.ImportApprovals(Handler, [Assessment, Contract with { MaxIndividuals = 500_000 }], Record("{}", AuditKind.ApprovalImport)));

        Assert.Equal("scc-2026", error.Id);
        Assert.Equal(
            $"The approval 'scc-2026' of {Handler} is already on file with other details; nothing was imported. Give the changed approval a new id, or keep the one on file.",
            error.Message);
        Assert.Equal([Columns(Contract)], store.Approvals(Handler).Select(Columns));
        Assert.Single(store.AuditEntries());
    }

    [Fact]
    public void ImportApprovals_SameIdTwiceWithDifferentDetails_ThrowsAndImportsNothing()
    {
        var store = Open();

        var error = Assert.Throws<ApprovalConflictException>(
            () => store.ImportApprovals(Handler, [Contract, Contract with { Categories = ["contact"] }], Record("{}", AuditKind.ApprovalImport)));

        Assert.Equal("scc-2026", error.Id);
        Assert.Empty(store.Approvals(Handler));
        Assert.Empty(store.AuditEntries());
    }

    [Fact]
    public void Approvals_OtherHandler_KeptApart()
    {
        var store = Open();
        store.ImportApprovals(Handler, [Contract], Record("{}", AuditKind.ApprovalImport));

        store.ImportApprovals("上海另一家公司", [Contract with { MaxIndividuals = 1 }], Record("{}", AuditKind.ApprovalImport));

        Assert.Equal(400_000, Assert.Single(store.Approvals(Handler)).MaxIndividuals);
        Assert.Equal(1, Assert.Single(store.Approvals("上海另一家公司")).MaxIndividuals);
        Assert.Empty(store.Approvals("nobody"));
    }

    private static ApprovalColumns Columns(Approval approval) => ApprovalColumns.From(approval);
}
