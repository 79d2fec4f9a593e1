using static Outbound.Law.TransferAnalysis;

namespace Outbound.Law;

/// <summary>Step 8 of RULES §14: the obligations that travel with every export of personal information.</summary>
public sealed partial class Assessor
{
    private static readonly MonthDay AutomotiveReportDay = new(12, 15);

    private static void AttachObligations(Declaration declaration, TransferAnalysis analysis, DateOnly asOf)
    {
        var transfer = analysis.Transfer;
        var handler = declaration.Handler;
        if (analysis.Blocked || !Countries.IsAbroad(transfer.Recipient.Country))
        {
            return;
        }

        foreach (int i in Enumerable.Range(0, transfer.Items.Length).Where(i => transfer.Items[i].Important == ImportantDataStatus.Candidate))
        {
            analysis.Because(RuleBook.IdentifyAndDeclare,
                $"Item {i} ({transfer.Items[i].Category.Code}) is candidate important data: it does not change the pathway, but must be identified and declared.",
                $"第{i}项（{transfer.Items[i].Category.NameZh}）为疑似重要数据，不改变出境路径，但须识别并申报。");
            analysis.Oblige(new Obligation(ObligationKind.IdentifyAndDeclare, null, RuleBook.IdentifyAndDeclare,
                $"Identify whether item {i} ({transfer.Items[i].Category.Code}) is important data and declare it to the sector regulator.",
                $"识别第{i}项（{transfer.Items[i].Category.NameZh}）是否属于重要数据，并向主管部门申报。"));
        }

        bool important = transfer.Items.Any(IsImportant);
        if (important && transfer.Date >= NdsrInForce)
        {
            analysis.Oblige(new Obligation(ObligationKind.ImportantDataRiskReport, null, RuleBook.ImportantDataRiskReport,
                "Include this export in the annual risk assessment report of an important-data processor (date set by the provincial department).",
                "将本次出境纳入重要数据处理者年度风险评估报告（报送时间以省级主管部门通知为准）。"));
        }

        if (handler.Automotive && important)
        {
            var due = new DateOnly(transfer.Date.Year, AutomotiveReportDay.Month, AutomotiveReportDay.Day);
            analysis.Oblige(new Obligation(ObligationKind.AutomotiveAnnualReport, due, RuleBook.AutomotiveAnnualReport,
                $"Submit the annual automotive data security report by {Day(due)}, with the export supplement (recipient, types, volume, purpose, overseas storage, complaints).",
                $"于{Day(due)}前报送年度汽车数据安全管理情况，并补充数据出境情况（接收方、种类、规模、目的、境外存储、投诉处理）。")
            { Overdue = due < asOf });
        }

        if (!analysis.HasPersonalInformation)
        {
            return;
        }

        var date = transfer.Date;
        analysis.Oblige(new Obligation(ObligationKind.Notice, date, RuleBook.Notice,
            "Tell the individuals the recipient's name and contact, the purpose, method and categories, and how to exercise their rights against the recipient.",
            "告知个人境外接收方的名称、联系方式、处理目的、处理方式、个人信息种类以及向其行使权利的方式。"));
        if (transfer.LegalBasis == LegalBasis.Consent)
        {
            analysis.Oblige(new Obligation(ObligationKind.SeparateConsent, date, RuleBook.SeparateConsent,
                "The processing relies on consent: obtain the individuals' separate consent to the export.",
                "处理基于个人同意，出境须取得个人的单独同意。"));
            if (transfer.Items.Any(item => item.MinorsUnder14 > 0))
            {
                analysis.Oblige(new Obligation(ObligationKind.GuardianConsent, date, RuleBook.SeparateConsent,
                    "Minors under 14 are included: obtain the consent of a parent or guardian (PIPL Art. 31).",
                    "涉及不满十四周岁未成年人，应当取得其父母或者其他监护人的同意。"));
            }
        }

        analysis.Oblige(new Obligation(ObligationKind.ProtectionImpactAssessment, date, RuleBook.ImpactAssessment,
            "Carry out a PI protection impact assessment before the export.",
            "出境前开展个人信息保护影响评估。"));
        analysis.Oblige(new Obligation(ObligationKind.RecipientContract, date, transfer.Date >= NdsrInForce ? RuleBook.ProvisionRecords : RuleBook.RecipientStandard,
            "Bind the recipient by contract to purpose, method, scope and security duties that meet PIPL's standard, and supervise it.",
            "与境外接收方约定处理目的、方式、范围和安全保护义务，确保其达到个人信息保护法规定的标准并监督履行。"));
        var keepUntil = date.AddYears(Thresholds.RecordsRetentionYears);
        analysis.Oblige(new Obligation(ObligationKind.RecordsRetention, keepUntil, RuleBook.ImpactAssessment,
            $"Keep the PIPIA report, the processing record and the provision record until at least {Day(keepUntil)}.",
            $"个人信息保护影响评估报告、处理情况记录和提供记录至少保存至{Day(keepUntil)}。"));

        if (handler.ProcessedIndividuals >= Thresholds.ProtectionOfficerIndividuals)
        {
            analysis.Oblige(new Obligation(ObligationKind.ProtectionOfficer, null, RuleBook.ProtectionOfficer,
                $"The handler processes personal information of {Count(handler.ProcessedIndividuals)} persons: a PI protection officer must be appointed and reported.",
                $"数据处理者处理{Count(handler.ProcessedIndividuals)}人的个人信息，应当指定个人信息保护负责人并报送。"));
        }
    }

    private readonly record struct MonthDay(int Month, int Day);
}
