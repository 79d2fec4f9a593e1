using System.Text.Json;
using Outbound.Formats;

namespace Outbound.Cli.Tests;

public sealed class AssessmentJsonTests
{
    private static readonly string[] TopLevelKeys = ["year", "as_of", "handler", "source", "totals", "interpretations", "transfers", "approvals"];

    private static readonly string[] TransferKeys =
    [
        "id", "date", "recipient", "regime", "pathway", "status", "counted", "added", "headroom", "flows", "flags",
        "approval", "reasons", "obligations", "warnings", "interpretations",
    ];

    private static readonly string[] ObligationKeys = ["kind", "due", "window_opens", "overdue", "not_computable", "rule", "zh", "en"];

    private static readonly string[] ApprovalKeys = ["id", "kind", "effective", "valid_until", "valid_until_computed", "status", "obligations", "warnings"];

    [Fact]
    public void ToJson_OneResult_HasTheSpecKeysInOrder()
    {
        using var json = JsonDocument.Parse(AssessmentJson.ToJson(SampleResults.Result()));
        var root = json.RootElement;

        Assert.Equal(TopLevelKeys, Keys(root));
        Assert.Equal(TransferKeys, Keys(root.GetProperty("transfers")[0]));
        Assert.Equal(ObligationKeys, Keys(root.GetProperty("transfers")[1].GetProperty("obligations")[0]));
        Assert.Equal(ApprovalKeys, Keys(root.GetProperty("approvals")[0]));
        Assert.Equal(["rule", "citation", "tag", "zh", "en"], Keys(root.GetProperty("transfers")[0].GetProperty("reasons")[0]));
        Assert.Equal(["pathway", "counted", "items"], Keys(root.GetProperty("transfers")[0].GetProperty("flows")[0]));
        Assert.Equal(["name", "value", "default"], Keys(root.GetProperty("interpretations")[0]));
    }

    [Fact]
    public void ToJson_OneResult_WritesHeaderValues()
    {
        using var json = JsonDocument.Parse(AssessmentJson.ToJson(SampleResults.Result()));
        var root = json.RootElement;

        Assert.Equal(2026, root.GetProperty("year").GetInt32());
        Assert.Equal("2026-11-29", root.GetProperty("as_of").GetString());
        Assert.Equal("示例科技（上海）有限公司", root.GetProperty("handler").GetString());
        Assert.Equal("sample.yaml", root.GetProperty("source").GetString());
        Assert.Equal(150_000, root.GetProperty("totals").GetProperty("non_sensitive").GetInt64());
        Assert.Equal(0, root.GetProperty("totals").GetProperty("sensitive").GetInt64());
    }

    [Fact]
    public void ToJson_OneResult_ListsEveryInterpretationWithTheDeclaredValue()
    {
        using var json = JsonDocument.Parse(AssessmentJson.ToJson(SampleResults.Result()));
        var interpretations = json.RootElement.GetProperty("interpretations").EnumerateArray().ToList();

        Assert.Equal(Law.Interpretations.All.Length, interpretations.Count);
        var group = Assert.Single(interpretations, item => item.GetProperty("name").GetString() == "group_volumes_aggregated");
        Assert.True(group.GetProperty("value").GetBoolean());
        Assert.False(group.GetProperty("default").GetBoolean());
    }

    [Fact]
    public void ToJson_ExemptTransfer_UsesWireNamesDatesAndHeadroom()
    {
        using var json = JsonDocument.Parse(AssessmentJson.ToJson(SampleResults.Result()));
        var transfer = json.RootElement.GetProperty("transfers")[0];

        Assert.Equal("crm-q1", transfer.GetProperty("id").GetString());
        Assert.Equal("2026-01-15", transfer.GetProperty("date").GetString());
        Assert.Equal("ACME GmbH", transfer.GetProperty("recipient").GetString());
        Assert.Equal("certification_measures", transfer.GetProperty("regime").GetString());
        Assert.Equal("EXEMPT_DE_MINIMIS", transfer.GetProperty("pathway").GetString());
        Assert.Equal("ALLOWED", transfer.GetProperty("status").GetString());
        Assert.Equal(60_000, transfer.GetProperty("counted").GetProperty("non_sensitive").GetInt64());
        Assert.Equal(60_000, transfer.GetProperty("added").GetProperty("non_sensitive").GetInt64());
        var headroom = transfer.GetProperty("headroom");
        Assert.Equal(40_000, headroom.GetProperty("non_sensitive").GetInt64());
        Assert.Equal(1, headroom.GetProperty("sensitive").GetInt64());
        Assert.Equal("SCC_OR_CERTIFICATION", headroom.GetProperty("next_pathway").GetString());
        Assert.Equal(JsonValueKind.Null, transfer.GetProperty("approval").ValueKind);
        Assert.Empty(transfer.GetProperty("flags").EnumerateArray());

        var flow = transfer.GetProperty("flows")[0];
        Assert.Equal("EXEMPT_DE_MINIMIS", flow.GetProperty("pathway").GetString());
        Assert.True(flow.GetProperty("counted").GetBoolean());
        Assert.Equal([0], flow.GetProperty("items").EnumerateArray().Select(item => item.GetInt32()));

        var reason = transfer.GetProperty("reasons")[0];
        Assert.Equal("R-PATH-5", reason.GetProperty("rule").GetString());
        Assert.Equal("P2024 Art. 5(4)", reason.GetProperty("citation").GetString());
        Assert.Equal("V", reason.GetProperty("tag").GetString());
        Assert.Equal("（释义）当年累计60,000人，不满10万人，且无敏感个人信息。", reason.GetProperty("zh").GetString());
    }

    [Fact]
    public void ToJson_HeldTransfer_WritesNullHeadroomFlagsApprovalAndWarnings()
    {
        using var json = JsonDocument.Parse(AssessmentJson.ToJson(SampleResults.Result()));
        var transfer = json.RootElement.GetProperty("transfers")[1];

        Assert.Equal("SCC_OR_CERTIFICATION", transfer.GetProperty("pathway").GetString());
        Assert.Equal("HELD", transfer.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, transfer.GetProperty("headroom").ValueKind);
        Assert.Equal(["LEGAL_REVIEW", "NOT_COMPUTABLE"], transfer.GetProperty("flags").EnumerateArray().Select(flag => flag.GetString()));
        Assert.Equal("scc-1", transfer.GetProperty("approval").GetString());
        Assert.Equal("标准合同尚未备案。", transfer.GetProperty("warnings")[0].GetProperty("zh").GetString());
        Assert.Equal("The standard contract has not been filed.", transfer.GetProperty("warnings")[0].GetProperty("en").GetString());

        var used = Assert.Single(transfer.GetProperty("interpretations").EnumerateArray());
        Assert.Equal("group_volumes_aggregated", used.GetProperty("name").GetString());
        Assert.True(used.GetProperty("value").GetBoolean());
        Assert.False(used.GetProperty("default").GetBoolean());
    }

    [Fact]
    public void ToJson_Obligations_WriteDueOverdueAndNotComputable()
    {
        using var json = JsonDocument.Parse(AssessmentJson.ToJson(SampleResults.Result()));
        var obligations = json.RootElement.GetProperty("transfers")[1].GetProperty("obligations");

        var extension = obligations[0];
        Assert.Equal("ASSESSMENT_EXTENSION", extension.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, extension.GetProperty("due").ValueKind);
        Assert.Equal(JsonValueKind.Null, extension.GetProperty("window_opens").ValueKind);
        Assert.False(extension.GetProperty("overdue").GetBoolean());
        Assert.Equal(
            "Not computable: the working-day calendar has no official holiday notice for 2029; add it with --calendar.",
            extension.GetProperty("not_computable").GetString());

        var filing = obligations[1];
        Assert.Equal("SCC_FILING", filing.GetProperty("kind").GetString());
        Assert.Equal("2026-03-13", filing.GetProperty("due").GetString());
        Assert.True(filing.GetProperty("overdue").GetBoolean());
        Assert.Equal(JsonValueKind.Null, filing.GetProperty("not_computable").ValueKind);
        Assert.Equal("R-SCC-4", filing.GetProperty("rule").GetString());
    }

    [Fact]
    public void ToJson_Approval_UsesDeclarationWords()
    {
        using var json = JsonDocument.Parse(AssessmentJson.ToJson(SampleResults.Result()));
        var approval = json.RootElement.GetProperty("approvals")[0];

        Assert.Equal("scc-1", approval.GetProperty("id").GetString());
        Assert.Equal("standard_contract", approval.GetProperty("kind").GetString());
        Assert.Equal("2026-03-01", approval.GetProperty("effective").GetString());
        Assert.Equal(JsonValueKind.Null, approval.GetProperty("valid_until").ValueKind);
        Assert.False(approval.GetProperty("valid_until_computed").GetBoolean());
        Assert.Equal("active", approval.GetProperty("status").GetString());
        Assert.Equal("SCC_FILING", approval.GetProperty("obligations")[0].GetProperty("kind").GetString());
        Assert.Empty(approval.GetProperty("warnings").EnumerateArray());
    }

    [Fact]
    public void ToJson_HeadroomWithoutSensitiveBand_WritesNullInside()
    {
        var result = SampleResults.AllowedOnly() with
        {
            Transfers = [SampleResults.Exempt with { Headroom = new(40_000, null, Law.Pathway.StandardContractOrCertification) }],
        };

        using var json = JsonDocument.Parse(AssessmentJson.ToJson(result));
        var headroom = json.RootElement.GetProperty("transfers")[0].GetProperty("headroom");

        Assert.Equal(JsonValueKind.Null, headroom.GetProperty("sensitive").ValueKind);
    }

    [Fact]
    public void ToJson_ChineseText_IsWrittenUnescaped()
    {
        string json = AssessmentJson.ToJson(SampleResults.Result());

        Assert.Contains("\"handler\": \"示例科技（上海）有限公司\"", json, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", json, StringComparison.Ordinal);
    }

    [Fact]
    public void ToJson_SeveralResults_WrapsThemInAssessments()
    {
        using var json = JsonDocument.Parse(AssessmentJson.ToJson([SampleResults.Result(), SampleResults.AllowedOnly()]));

        var assessments = json.RootElement.GetProperty("assessments");
        Assert.Equal(["assessments"], Keys(json.RootElement));
        Assert.Equal(2, assessments.GetArrayLength());
        Assert.Equal(TopLevelKeys, Keys(assessments[1]));
    }

    private static string[] Keys(JsonElement element) => [.. element.EnumerateObject().Select(property => property.Name)];
}
