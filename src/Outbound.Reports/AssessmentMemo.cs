using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Outbound.Law;

namespace Outbound.Reports;

/// <summary>
/// Renders an assessment as a bilingual (中文 / English) Markdown memo that a compliance officer can forward.
/// </summary>
/// <remarks>
/// Declaration text (names, ids, purposes) is escaped, so it never turns into Markdown markup.
/// Lines end with LF; the memo ends with a single newline.
/// </remarks>
internal static class AssessmentMemo
{
    private const string DateFormat = "yyyy-MM-dd";

    /// <summary>Returns the memo of one assessment.</summary>
    public static string Render(AssessmentResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var memo = new StringBuilder();
        Write(memo, result);
        return memo.ToString();
    }

    /// <summary>Returns one memo per assessment, separated by horizontal rules.</summary>
    public static string Render(IReadOnlyList<AssessmentResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var memo = new StringBuilder();
        for (int i = 0; i < results.Count; i++)
        {
            if (i > 0)
            {
                memo.Append("\n---\n\n");
            }

            Write(memo, results[i]);
        }

        return memo.ToString();
    }

    private static void Write(StringBuilder memo, AssessmentResult result)
    {
        var declaration = result.Declaration;
        Line(memo, $"# {Messages.MemoTitle.Zh} / {Messages.MemoTitle.En}: {Text(declaration.Handler.Name)}");
        Line(memo);
        Line(memo, $"> **释义说明 / Note:** {Messages.Disclaimer.Zh}  ");
        Line(memo, $"> {Messages.Disclaimer.En}");
        Line(memo);
        Line(memo, "| 项目 Item | 内容 Value |");
        Line(memo, "|---|---|");
        Line(memo, $"| 数据处理者 Handler | {Cell(declaration.Handler.Name)} |");
        Line(memo, $"| 年度 Year | {declaration.Year.ToString(CultureInfo.InvariantCulture)} |");
        Line(memo, $"| 评估基准日 As of | {Date(result.AsOf)} |");
        if (declaration.Source.Length > 0)
        {
            Line(memo, $"| 申报文件 Declaration | {Cell(declaration.Source)} |");
        }

        Line(memo, $"| 全年累计人数 Year totals | {Messages.Counts(result.YearTotals)} |");
        Line(memo, $"| 需要处理 Action needed | {(result.NeedsAction ? "是 / yes" : "否 / no")} |");
        Line(memo);

        WriteSummary(memo, result.Transfers);

        Line(memo, "## 传输明细 / Transfers");
        Line(memo);
        foreach (var decision in result.Transfers)
        {
            WriteTransfer(memo, decision);
        }

        WriteApprovals(memo, result.Approvals);

        Line(memo, "## 声明 / Disclaimer");
        Line(memo);
        Line(memo, Messages.Disclaimer.Zh);
        Line(memo);
        Line(memo, Messages.Disclaimer.En);
    }

    private static void WriteSummary(StringBuilder memo, ImmutableArray<TransferDecision> transfers)
    {
        Line(memo, "## 概要 / Summary");
        Line(memo);
        if (transfers.IsEmpty)
        {
            Line(memo, "本申报没有出境传输。 / The declaration lists no transfers.");
            Line(memo);
            return;
        }

        Line(memo, "| 传输 Transfer | 日期 Date | 接收方 Recipient | 出境路径 Pathway | 状态 Status | 累计 Counted N / S |");
        Line(memo, "|---|---|---|---|---|---|");
        foreach (var decision in transfers)
        {
            var transfer = decision.Transfer;
            var pathway = Terms.Of(decision.Pathway);
            var status = Terms.Of(decision.Status);
            Line(memo, string.Create(CultureInfo.InvariantCulture,
                $"| {Cell(transfer.Id)} | {Date(transfer.Date)} | {Cell(Recipient(transfer.Recipient))} | {pathway.Zh} `{WireNames.Of(decision.Pathway)}` | {status.Zh} `{WireNames.Of(decision.Status)}` | {decision.Counted.NonSensitive:N0} / {decision.Counted.Sensitive:N0} |"));
        }

        Line(memo);
    }

    private static void WriteTransfer(StringBuilder memo, TransferDecision decision)
    {
        var transfer = decision.Transfer;
        var pathway = Terms.Of(decision.Pathway);
        var status = Terms.Of(decision.Status);
        var regime = Terms.Of(decision.Regime);

        Line(memo, $"### {Text(transfer.Id)} — {Text(Recipient(transfer.Recipient))}, {Date(transfer.Date)}");
        Line(memo);
        Line(memo, $"- **出境路径 / Pathway:** {pathway.Zh} / {pathway.En} (`{WireNames.Of(decision.Pathway)}`)");
        Line(memo, $"- **状态 / Status:** {status.Zh} / {status.En} (`{WireNames.Of(decision.Status)}`)");
        Line(memo, $"- **适用规则 / Regime:** {regime.Zh} / {regime.En}");
        if (transfer.Purpose.Length > 0)
        {
            Line(memo, $"- **目的 / Purpose:** {Text(transfer.Purpose)}");
        }

        Line(memo, $"- **累计人数 / Counted:** {Messages.Counts(decision.Counted)}; **本次新增 / Added:** {Messages.Counts(decision.Added)}");
        if (Messages.Headroom(decision.Headroom) is Term headroom)
        {
            Line(memo, $"- **距下一档 / Headroom:** {headroom.Zh} / {headroom.En}");
        }

        if (decision.ApprovalId is string approval)
        {
            Line(memo, $"- **所依据的批准文件 / Approval relied on:** {Text(approval)}");
        }

        Line(memo);

        if (!decision.Reasons.IsEmpty)
        {
            Line(memo, "#### 理由 / Reasons");
            Line(memo);
            int number = 1;
            foreach (var reason in decision.Reasons)
            {
                Line(memo, string.Create(CultureInfo.InvariantCulture,
                    $"{number++}. **{Text(reason.Rule.Id)}** · {Text(reason.Rule.Citation)} · [{WireNames.Of(reason.Rule.Tag)}] {Tag(reason.Rule.Tag)}  "));
                Line(memo, $"   中文（释义）：{Text(reason.Zh)}  ");
                Line(memo, $"   English: {Text(reason.En)}");
            }

            Line(memo);
        }

        WriteObligations(memo, decision.Obligations);

        if (!decision.Flags.IsEmpty)
        {
            Line(memo, "#### 标记 / Flags");
            Line(memo);
            foreach (var flag in decision.Flags)
            {
                var term = Terms.Of(flag);
                Line(memo, $"- {term.Zh} / {term.En} (`{WireNames.Of(flag)}`)");
            }

            Line(memo);
        }

        WriteWarnings(memo, decision.Warnings);

        if (!decision.Interpretations.IsEmpty)
        {
            Line(memo, "#### 所用解释 / Interpretations used");
            Line(memo);
            foreach (var use in decision.Interpretations)
            {
                string value = use.Value ? "true" : "false";
                string standing = use.Overridden
                    ? $"已覆盖默认值 / overridden; 默认 default {(use.Interpretation.Default ? "true" : "false")}"
                    : "默认值 / default";
                Line(memo, $"- `{use.Interpretation.Name}` = {value} ({standing})  ");
                Line(memo, $"  中文（释义）：{Text(use.Interpretation.Zh)}  ");
                Line(memo, $"  English: {Text(use.Interpretation.En)}");
            }

            Line(memo);
        }
    }

    private static void WriteApprovals(StringBuilder memo, ImmutableArray<ApprovalSummary> approvals)
    {
        Line(memo, "## 批准文件 / Approvals");
        Line(memo);
        if (approvals.IsEmpty)
        {
            Line(memo, "未申报已有的安全评估、标准合同或认证。 / No security assessment, standard contract or certificate is on file.");
            Line(memo);
            return;
        }

        Line(memo, "| 编号 ID | 类型 Kind | 生效 Effective | 有效期至 Valid until | 状态 Status |");
        Line(memo, "|---|---|---|---|---|");
        foreach (var summary in approvals)
        {
            var approval = summary.Approval;
            var kind = Terms.Of(approval.Kind);
            var status = Terms.Of(approval.Status);
            string validUntil = summary.ValidUntil is DateOnly until
                ? Date(until) + (summary.ValidUntilComputed ? "（推算 computed）" : "")
                : $"{Messages.None.Zh} / {Messages.None.En}";
            Line(memo, $"| {Cell(approval.Id)} | {kind.Zh} / {kind.En} | {Date(approval.Effective)} | {validUntil} | {status.Zh} / {status.En} |");
        }

        Line(memo);
        foreach (var summary in approvals.Where(summary => !summary.Obligations.IsEmpty || !summary.Warnings.IsEmpty))
        {
            Line(memo, $"### {Text(summary.Approval.Id)}");
            Line(memo);
            WriteObligations(memo, summary.Obligations);
            WriteWarnings(memo, summary.Warnings);
        }
    }

    private static void WriteObligations(StringBuilder memo, ImmutableArray<Obligation> obligations)
    {
        if (obligations.IsEmpty)
        {
            return;
        }

        Line(memo, "#### 义务 / Obligations");
        Line(memo);
        foreach (var obligation in obligations)
        {
            var term = Terms.Of(obligation.Kind);
            Line(memo, $"- **{term.Zh} / {term.En}** (`{WireNames.Of(obligation.Kind)}`, {Text(obligation.Rule.Id)} {Text(obligation.Rule.Citation)}) — {Due(obligation)}  ");
            Line(memo, $"  中文（释义）：{Text(obligation.Zh)}  ");
            Line(memo, $"  English: {Text(obligation.En)}");
        }

        Line(memo);
    }

    private static void WriteWarnings(StringBuilder memo, ImmutableArray<Warning> warnings)
    {
        if (warnings.IsEmpty)
        {
            return;
        }

        Line(memo, "#### 警告 / Warnings");
        Line(memo);
        foreach (var warning in warnings)
        {
            Line(memo, $"- 中文：{Text(warning.Zh)}  ");
            Line(memo, $"  English: {Text(warning.En)}");
        }

        Line(memo);
    }

    private static string Due(Obligation obligation)
    {
        if (obligation.NotComputableYear is int year)
        {
            var missing = CalendarDate.Missing(year);
            return $"{Text(missing.ReasonZh!)} / {Text(missing.ReasonEn!)}";
        }

        var due = new StringBuilder();
        due.Append(obligation.Due is DateOnly date
            ? $"截止 / due {Date(date)}"
            : $"{Messages.NoFixedDate.Zh} / {Messages.NoFixedDate.En}");
        if (obligation.WindowOpens is DateOnly opens)
        {
            due.Append($"（自 / window opens {Date(opens)}）");
        }

        if (obligation.Overdue)
        {
            due.Append($" **{Messages.Overdue.Zh} / {Messages.Overdue.En}**");
        }

        return due.ToString();
    }

    private static string Tag(VerificationTag tag) => tag switch
    {
        VerificationTag.Verified => "已核对原文 / verified against the full text",
        VerificationTag.Secondary => "仅经二手资料确认 / secondary sources only",
        _ => "未核实 / unverified",
    };

    private static string Recipient(Recipient recipient) => $"{recipient.Name} ({recipient.Country})";

    private static string Date(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    /// <summary>Escapes declaration or rule text so Markdown shows it literally, on one line.</summary>
    internal static string Text(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (char c in text)
        {
            switch (c)
            {
                case '\r' or '\n':
                    escaped.Append(' ');
                    break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '>' or '|' or '#' or '~' or '!':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    private static string Cell(string text) => Text(text);

    private static void Line(StringBuilder memo, string text = "") => memo.Append(text).Append('\n');
}
