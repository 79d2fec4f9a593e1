using System.Collections.Immutable;
using static Outbound.Law.TransferAnalysis;

namespace Outbound.Law;

/// <summary>Step 7 of RULES §14: whether the pathway is in place for the transfer, against the approvals on file.</summary>
public sealed partial class Assessor
{
    private ApprovalSummary Summarise(Declaration declaration, Approval approval, DateOnly asOf)
    {
        var obligations = ImmutableArray.CreateBuilder<Obligation>();
        var warnings = ImmutableArray.CreateBuilder<Warning>();
        DateOnly? validUntil = approval.ValidUntil;
        bool computed = false;
        switch (approval.Kind)
        {
            case ApprovalKind.StandardContract:
                var due = Calendar.AddWorkingDays(approval.Effective, Thresholds.ContractFilingWorkingDays);
                obligations.Add(Dated(ObligationKind.ContractFiling, due, RuleBook.ContractFiling, asOf,
                    $"File standard contract {approval.Id} (effective {Day(approval.Effective)}) with the provincial CAC within 10 working days of its effective date.",
                    $"标准合同{approval.Id}（{Day(approval.Effective)}生效）应自生效之日起10个工作日内向省级网信部门备案。") with
                { Overdue = approval.Filed is null && due.Date < asOf });
                if (approval.Filed is DateOnly filed && due.Date is DateOnly last && filed > last)
                {
                    warnings.Add(new Warning(
                        $"Standard contract {approval.Id} was filed on {Day(filed)}, after its deadline of {Day(last)}.",
                        $"标准合同{approval.Id}于{Day(filed)}备案，晚于{Day(last)}的备案期限。"));
                }

                if (approval.Effective < Instruments.ContractMeasures.InForce)
                {
                    warnings.Add(new Warning(
                        $"Standard contract {approval.Id} took effect before the SCC Measures (1 June 2023).",
                        $"标准合同{approval.Id}早于《个人信息出境标准合同办法》施行日（2023年6月1日）生效。"));
                }

                break;

            case ApprovalKind.SecurityAssessment:
                bool legacy = approval.Effective < ProvisionsInForce;
                if (validUntil is null)
                {
                    bool threeYears = !legacy || declaration.Interpretations[Interpretations.Pre2024AssessmentValidThreeYears];
                    validUntil = approval.Effective.AddYears(threeYears ? Thresholds.AssessmentValidityYears : Thresholds.LegacyAssessmentValidityYears);
                    computed = true;
                    if (legacy)
                    {
                        warnings.Add(new Warning(
                            $"Assessment {approval.Id} was issued before 22 March 2024 and states no end date; validity is taken as {(threeYears ? 3 : 2)} years (interpretation pre_2024_assessment_valid_3_years). Record the date on the decision.",
                            $"评估{approval.Id}于2024年3月22日前出具且未载明有效期，按{(threeYears ? 3 : 2)}年计算；请按决定书载明日期填写。"));
                    }
                }

                var opens = Calendar.SubtractWorkingDays(validUntil.Value, Thresholds.ExtensionWindowWorkingDays);
                obligations.Add(legacy
                    ? Dated(ObligationKind.AssessmentExtension, opens, RuleBook.Redeclaration, asOf,
                        $"Re-declare assessment {approval.Id} at least 60 working days before it expires on {Day(validUntil.Value)} (2022 Measures Art. 14).",
                        $"评估{approval.Id}于{Day(validUntil.Value)}届满，应在届满60个工作日前重新申报。")
                    : Dated(ObligationKind.AssessmentExtension, CalendarDate.Of(validUntil.Value), RuleBook.AssessmentExtension, asOf,
                        $"To keep exporting after {Day(validUntil.Value)}, apply to extend assessment {approval.Id} within the 60 working days before it expires.",
                        $"评估{approval.Id}于{Day(validUntil.Value)}届满，需继续出境的，应在届满前60个工作日内申请延长。") with
                    {
                        WindowOpens = opens.Date,
                        NotComputableYear = opens.MissingYear,
                    });
                break;

            case ApprovalKind.Certification:
                if (validUntil is null)
                {
                    validUntil = approval.Effective.AddYears(Thresholds.CertificateValidityYears);
                    computed = true;
                }

                var renewal = validUntil.Value.AddMonths(-Thresholds.CertificateRenewalMonths);
                obligations.Add(Dated(ObligationKind.CertificateRenewal, CalendarDate.Of(renewal),
                    approval.Effective < CertificationMeasuresInForce ? RuleBook.CertificationBefore2026 : RuleBook.CertificateValidity, asOf,
                    $"Apply to renew certificate {approval.Id} 6 months before it expires on {Day(validUntil.Value)}.",
                    $"认证证书{approval.Id}于{Day(validUntil.Value)}届满，应在届满前6个月申请。"));
                break;
        }

        if (validUntil is DateOnly end && end < asOf)
        {
            warnings.Add(new Warning($"Approval {approval.Id} expired on {Day(end)}.", $"{approval.Id}已于{Day(end)}届满。"));
        }

        return new ApprovalSummary
        {
            Approval = approval,
            ValidUntil = approval.Kind == ApprovalKind.StandardContract ? approval.ValidUntil : validUntil,
            ValidUntilComputed = computed,
            Obligations = obligations.ToImmutable(),
            Warnings = warnings.ToImmutable(),
        };
    }

    private static void CheckStatus(Declaration declaration, TransferAnalysis analysis, ImmutableArray<ApprovalSummary> approvals, DateOnly asOf)
    {
        if (analysis.Blocked)
        {
            analysis.Status = TransferStatus.Blocked;
            return;
        }

        if (analysis.ExemptPathway is not null && analysis.EvidenceMissing)
        {
            analysis.Hold();
            analysis.Because(RuleBook.ExemptionEvidence,
                "The claimed exemption has no evidence on file: hold the transfer until it is recorded.",
                "所主张豁免未留存依据，留存前暂缓出境。");
            analysis.Oblige(new Obligation(ObligationKind.ExemptionEvidence, analysis.Transfer.Date, RuleBook.ExemptionEvidence,
                "Record the evidence for the claimed exemption (contract reference, labour rules, emergency note or list entry).",
                "留存豁免依据（合同编号、劳动规章、紧急情况说明或者清单条目）。")
            { Overdue = analysis.Transfer.Date < asOf });
        }

        if (analysis.CountedPathway is not (Pathway.StandardContractOrCertification or Pathway.SecurityAssessment))
        {
            return;
        }

        var transfer = analysis.Transfer;
        bool assessmentOnly = analysis.CountedPathway == Pathway.SecurityAssessment;
        var categories = analysis.CountedItems.Select(i => transfer.Items[i].Category.Code).ToHashSet(StringComparer.Ordinal);
        long persons = analysis.Counted.NonSensitive + analysis.Counted.Sensitive;
        var candidates = approvals
            .Where(summary => summary.Approval.Kind == ApprovalKind.SecurityAssessment || !assessmentOnly)
            .Where(summary => Covers(summary.Approval.Recipients, transfer.Recipient.Name))
            .ToList();

        var checks = candidates.Select(summary => Check(summary, transfer, categories, persons, asOf)).ToList();
        var best = checks.Where(check => check.Status == TransferStatus.Allowed).MinBy(check => check.Rank)
            ?? checks.Where(check => check.Blocks).MinBy(check => check.Rank)
            ?? checks.Where(check => !check.OutOfScope).MinBy(check => check.Rank);

        if (best is null)
        {
            foreach (var check in checks)
            {
                analysis.Because(check.Rule, check.En, check.Zh);
            }

            analysis.Hold();
            string needed = assessmentOnly ? "a security assessment pass decision" : "a standard contract in effect (then filed) or a certificate";
            analysis.Because(RuleBook.PathwayBeforeTransfer,
                $"No approval on file covers this transfer (recipient, purpose, categories, scale): hold it until {needed} is in place.",
                $"现有审批均未覆盖本次出境（接收方、目的、种类、规模），在{(assessmentOnly ? "通过安全评估" : "标准合同生效并备案或者取得认证")}前暂缓出境。");
            analysis.Oblige(assessmentOnly
                ? new Obligation(ObligationKind.AssessmentDeclaration, transfer.Date, RuleBook.AssessmentRoute,
                    "Declare a security assessment through the provincial CAC and obtain a pass decision before the transfer (self-assessment within 3 months before filing).",
                    "出境前通过省级网信部门申报数据出境安全评估并取得通过结果（申报前3个月内完成自评估）。")
                { Overdue = transfer.Date < asOf }
                : new Obligation(ObligationKind.PathwayRequired, transfer.Date, RuleBook.ContractBand,
                    "Conclude a standard contract (and file it within 10 working days of its effect) or obtain PI protection certification before the transfer.",
                    "出境前订立标准合同（生效之日起10个工作日内备案）或者取得个人信息保护认证。")
                { Overdue = transfer.Date < asOf });
            return;
        }

        analysis.ApprovalId = best.Summary.Approval.Id;
        foreach (var obligation in best.Summary.Obligations)
        {
            analysis.Oblige(obligation);
        }

        if (best.Status == TransferStatus.Allowed)
        {
            analysis.Because(best.Rule, best.En, best.Zh);
            return;
        }

        if (best.Status == TransferStatus.Blocked)
        {
            analysis.Status = TransferStatus.Blocked;
            analysis.CountedPathway = Pathway.Blocked;
        }
        else
        {
            analysis.Hold();
        }

        analysis.Because(best.Rule, best.En, best.Zh);
        if (best.Redeclare)
        {
            analysis.Oblige(new Obligation(ObligationKind.Redeclaration, transfer.Date, best.Rule,
                $"Re-declare (assessment) or re-do the PIPIA and re-file (contract, certificate) {best.Summary.Approval.Id} before further exports.",
                $"继续出境前，就{best.Summary.Approval.Id}重新申报评估，或者重新开展影响评估并重新备案。")
            { Overdue = transfer.Date < asOf });
        }
    }

    private static ApprovalCheck Check(ApprovalSummary summary, Transfer transfer, HashSet<string> categories, long persons, DateOnly asOf)
    {
        var approval = summary.Approval;
        string id = approval.Id;
        bool assessment = approval.Kind == ApprovalKind.SecurityAssessment;
        var outOfScope = new List<string>();
        if (!Covers(approval.Purposes, transfer.Purpose))
        {
            outOfScope.Add("purpose");
        }

        if (!approval.Categories.IsEmpty && !categories.All(code => approval.Categories.Contains(code)))
        {
            outOfScope.Add("categories");
        }

        if (approval.MaxIndividuals is long max && persons > max)
        {
            outOfScope.Add("scale");
        }

        if (assessment && approval.Status == ApprovalStatus.Terminated)
        {
            return new(summary, TransferStatus.Blocked, 0, RuleBook.AssessmentTermination,
                $"The CAC ordered the exports under assessment {id} to stop: blocked until a new pass decision.",
                $"国家网信部门已书面通知终止评估{id}项下的出境活动，重新通过评估前一律阻断。")
            { Blocks = true };
        }

        if (outOfScope.Count > 0)
        {
            bool specific = assessment && !approval.Recipients.IsEmpty && transfer.Date >= NdsrInForce;
            return specific
                ? new(summary, TransferStatus.Blocked, 1, RuleBook.AssessmentScope,
                    $"The transfer exceeds the {string.Join(", ", outOfScope)} approved in assessment {id}: blocked until a new assessment.",
                    $"本次出境超出评估{id}明确的{string.Join("、", outOfScope)}范围，重新评估前阻断。")
                { Blocks = true }
                : new(summary, TransferStatus.Held, 9, RuleBook.PathwayBeforeTransfer,
                    $"Approval {id} does not cover the transfer's {string.Join(", ", outOfScope)}.",
                    $"{id}未覆盖本次出境的{string.Join("、", outOfScope)}。")
                { OutOfScope = true };
        }

        if (approval.Status != ApprovalStatus.Active)
        {
            return new(summary, TransferStatus.Held, 5, assessment ? RuleBook.PathwayBeforeTransfer : RuleBook.CertificateMonitoring,
                $"Approval {id} is {WireNames.DeclarationWord(approval.Status)}: hold until a valid pathway is in place.",
                $"{id}处于{WireNames.DeclarationWord(approval.Status)}状态，取得有效路径前暂缓出境。");
        }

        if (!approval.Triggers.IsEmpty)
        {
            string changes = string.Join(", ", approval.Triggers.Select(WireNames.DeclarationWord));
            return new(summary, TransferStatus.Held, 4, assessment ? RuleBook.Redeclaration : RuleBook.ContractRefiling,
                $"During the term of {id} these changed: {changes}. Hold further exports until it is re-declared or re-filed.",
                $"{id}有效期内发生变化（{changes}），重新申报或者重新备案前暂缓出境。")
            { Redeclare = true };
        }

        if (transfer.Date < approval.Effective)
        {
            return new(summary, TransferStatus.Held, 3, approval.Kind == ApprovalKind.StandardContract ? RuleBook.ContractInEffect : RuleBook.PathwayBeforeTransfer,
                $"Approval {id} takes effect on {Day(approval.Effective)}, after the transfer date.",
                $"{id}于{Day(approval.Effective)}生效，晚于出境日期。");
        }

        if (summary.ValidUntil is DateOnly end && transfer.Date > end)
        {
            return new(summary, TransferStatus.Held, 3, assessment ? RuleBook.AssessmentValidity : RuleBook.CertificateValidity,
                $"Approval {id} expired on {Day(end)}, before the transfer date.",
                $"{id}已于{Day(end)}届满，早于出境日期。");
        }

        if (approval.Kind == ApprovalKind.StandardContract && approval.Filed is null)
        {
            var filing = summary.Obligations.First(obligation => obligation.Kind == ObligationKind.ContractFiling);
            if (filing.Due is DateOnly due && due < asOf)
            {
                return new(summary, TransferStatus.Held, 2, RuleBook.ContractFiling,
                    $"Standard contract {id} was not filed by its deadline of {Day(due)}: hold until it is filed.",
                    $"标准合同{id}未在{Day(due)}前备案，备案前暂缓出境。");
            }
        }

        return new(summary, TransferStatus.Allowed, 0, assessment ? RuleBook.AssessmentValidity : approval.Kind == ApprovalKind.StandardContract ? RuleBook.ContractInEffect : RuleBook.CertificationEligibility,
            $"Approval {id} ({WireNames.DeclarationWord(approval.Kind)}) is in effect and covers the transfer.",
            $"{id}（{WireNames.DeclarationWord(approval.Kind)}）有效且覆盖本次出境。");
    }

    private static bool Covers(ImmutableArray<string> scope, string value) =>
        scope.IsEmpty || scope.Any(entry => string.Equals(entry, value, StringComparison.OrdinalIgnoreCase));

    private static Obligation Dated(ObligationKind kind, CalendarDate due, LegalRule rule, DateOnly asOf, string en, string zh) =>
        new(kind, due.Date, rule, en, zh) { NotComputableYear = due.MissingYear, Overdue = due.Date < asOf };

    /// <summary>How one approval answers for one transfer; lower <see cref="Rank"/> explains better within a status.</summary>
    private sealed record ApprovalCheck(ApprovalSummary Summary, TransferStatus Status, int Rank, LegalRule Rule, string En, string Zh)
    {
        public bool OutOfScope { get; init; }

        public bool Blocks { get; init; }

        public bool Redeclare { get; init; }
    }
}
