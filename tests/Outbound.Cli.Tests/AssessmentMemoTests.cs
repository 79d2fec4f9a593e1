using Outbound.Law;
using Outbound.Reports;

namespace Outbound.Cli.Tests;

public sealed class AssessmentMemoTests
{
    private readonly string _memo = AssessmentMemo.Render(SampleResults.Result());

    [Fact]
    public void Render_Title_IsInBothLanguages() =>
        Assert.StartsWith("# 数据出境评估备忘录 / Data Export Assessment Memo: 示例科技（上海）有限公司\n", _memo, StringComparison.Ordinal);

    [Fact]
    public void Render_Always_LabelsTheChineseAsParaphraseAndDisclaimsLegalAdvice()
    {
        Assert.Contains("释义", _memo, StringComparison.Ordinal);
        Assert.Contains("not a quotation of the law", _memo, StringComparison.Ordinal);
        Assert.Contains("not legal advice", _memo, StringComparison.Ordinal);
        Assert.Contains("不构成法律意见", _memo, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Header_ShowsHandlerYearAndAsOf()
    {
        Assert.Contains("| 数据处理者 Handler | 示例科技（上海）有限公司 |", _memo, StringComparison.Ordinal);
        Assert.Contains("| 年度 Year | 2026 |", _memo, StringComparison.Ordinal);
        Assert.Contains("| 评估基准日 As of | 2026-11-29 |", _memo, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Summary_HasOneRowPerTransferWithBothLanguages()
    {
        Assert.Contains("| 传输 Transfer | 日期 Date | 接收方 Recipient | 出境路径 Pathway | 状态 Status | 累计 Counted N / S |", _memo, StringComparison.Ordinal);
        Assert.Contains("| crm-q1 | 2026-01-15 | ACME GmbH (DE) | 免予申报（小额） `EXEMPT_DE_MINIMIS` | 可出境 `ALLOWED` | 60,000 / 0 |", _memo, StringComparison.Ordinal);
        Assert.Contains("| 标准合同备案或个人信息保护认证 `SCC_OR_CERTIFICATION` | 暂缓 `HELD` | 150,000 / 0 |", _memo, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_DeclarationText_IsEscaped() =>
        Assert.Contains("ACME \\| Partners (DE)", _memo, StringComparison.Ordinal);

    [Fact]
    public void Render_Transfer_ShowsPathwayStatusAndHeadroomInBothLanguages()
    {
        Assert.Contains("- **出境路径 / Pathway:** 免予申报（小额） / Exempt: de minimis (`EXEMPT_DE_MINIMIS`)", _memo, StringComparison.Ordinal);
        Assert.Contains("- **状态 / Status:** 暂缓 / Held (`HELD`)", _memo, StringComparison.Ordinal);
        Assert.Contains("40,000 more persons, or 1 more person with sensitive personal information, before a standard contract or certification is needed.", _memo, StringComparison.Ordinal);
        Assert.Contains("再向境外提供40,000人的个人信息，或1人的敏感个人信息，即需标准合同备案或个人信息保护认证。", _memo, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Reasons_CiteRuleCitationAndTag()
    {
        Assert.Contains("1. **R-PATH-5** · P2024 Art. 5(4) · [V]", _memo, StringComparison.Ordinal);
        Assert.Contains("中文（释义）：当年累计60,000人，不满10万人，且无敏感个人信息。", _memo, StringComparison.Ordinal);
        Assert.Contains("English: 60,000 persons counted this year, fewer than 100,000, and no sensitive PI.", _memo, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Obligations_ShowDueDatesOverdueAndNotComputable()
    {
        Assert.Contains("截止 / due 2026-03-13 **已逾期 / OVERDUE**", _memo, StringComparison.Ordinal);
        Assert.Contains("无法计算：工作日历缺少2029年", _memo, StringComparison.Ordinal);
        Assert.Contains("Not computable: the working-day calendar has no official holiday notice for 2029; add it with --calendar.", _memo, StringComparison.Ordinal);
        Assert.Contains("无固定期限 / no fixed date", _memo, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FlagsWarningsAndInterpretations_AreListed()
    {
        Assert.Contains("- 需法律复核 / Legal review (`LEGAL_REVIEW`)", _memo, StringComparison.Ordinal);
        Assert.Contains("- 中文：标准合同尚未备案。", _memo, StringComparison.Ordinal);
        Assert.Contains("- `group_volumes_aggregated` = true (已覆盖默认值 / overridden; 默认 default false)", _memo, StringComparison.Ordinal);
        Assert.Contains("- `exempt_flows_excluded_from_counters` = true (默认值 / default)", _memo, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_Approvals_HaveATableRow() =>
        Assert.Contains("| scc-1 | 个人信息出境标准合同 / Standard contract | 2026-03-01 | 无 / none | 有效 / Active |", _memo, StringComparison.Ordinal);

    [Fact]
    public void Render_SeveralResults_SeparatesMemos()
    {
        string memos = AssessmentMemo.Render([SampleResults.Result(), SampleResults.AllowedOnly()]);

        Assert.Equal(2, memos.Split("# 数据出境评估备忘录").Length - 1);
        Assert.Contains("\n---\n", memos, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(78_412L, null, "78,412 more persons before a standard contract or certification is needed.")]
    [InlineData(null, 1L, "1 more person with sensitive personal information before a standard contract or certification is needed.")]
    public void Headroom_OneBand_ReadsAsASentence(long? nonSensitive, long? sensitive, string expected) =>
        Assert.Equal(expected, Reports.Messages.Headroom(new Headroom(nonSensitive, sensitive, Pathway.StandardContractOrCertification))?.En);

    [Fact]
    public void Headroom_Absent_IsNull() => Assert.Null(Reports.Messages.Headroom(null));
}
