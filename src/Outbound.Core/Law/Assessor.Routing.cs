using static Outbound.Law.TransferAnalysis;

namespace Outbound.Law;

/// <summary>Steps 0–3 of RULES §14: export behaviour, hard blocks, and the split of each transfer into flows.</summary>
public sealed partial class Assessor
{
    private static List<TransferAnalysis> Route(Declaration declaration)
    {
        var analyses = declaration.Transfers
            .Select((transfer, index) => new TransferAnalysis(transfer, index, RegimeOn(transfer.Date)))
            .OrderBy(analysis => analysis.Transfer.Date)
            .ThenBy(analysis => analysis.Index)
            .ToList();

        foreach (var analysis in analyses)
        {
            RouteOne(declaration, analysis);
        }

        return analyses;
    }

    private static void RouteOne(Declaration declaration, TransferAnalysis analysis)
    {
        var transfer = analysis.Transfer;
        if (!Countries.IsAbroad(transfer.Recipient.Country))
        {
            analysis.NotRegulatedItems.AddRange(Enumerable.Range(0, transfer.Items.Length));
            analysis.Because(RuleBook.ExportBehaviour,
                "The recipient is in mainland China, so this is not an export.",
                "接收方位于中国境内，不构成数据出境。");
            return;
        }

        if (CheckHardBlocks(declaration, analysis))
        {
            analysis.Blocked = true;
            return;
        }

        var settings = declaration.Interpretations;
        var exemption = CheckExemption(declaration, analysis);
        for (int i = 0; i < transfer.Items.Length; i++)
        {
            var item = transfer.Items[i];
            if (IsImportant(item))
            {
                analysis.CountedItems.Add(i);
                if (exemption.Pathway is not null && exemption.Covers(item))
                {
                    analysis.Because(RuleBook.ImportantDataNoExemption,
                        $"Item {i} ({item.Category.Code}) is important data, so the claimed exemption cannot cover it.",
                        $"第{i}项（{item.Category.NameZh}）属于重要数据，不适用所主张的豁免。");
                }
            }
            else if (!item.IsPersonalInformation)
            {
                analysis.NotRegulatedItems.Add(i);
            }
            else if (exemption.Pathway is not null && exemption.Covers(item))
            {
                analysis.ExemptItems.Add(i);
            }
            else
            {
                analysis.CountedItems.Add(i);
            }
        }

        if (exemption.Pathway == Pathway.NotRegulated)
        {
            analysis.Because(exemption.Rule!, exemption.En, exemption.Zh);
        }
        else if (exemption.Pathway is Pathway exempt && analysis.ExemptItems.Count > 0)
        {
            analysis.ExemptPathway = exempt;
            analysis.Because(exemption.Rule!, exemption.En, exemption.Zh);
            if (string.IsNullOrWhiteSpace(transfer.Evidence))
            {
                analysis.EvidenceMissing = true;
                analysis.Warn(
                    "The exemption is claimed without evidence; record it (contract reference, labour rules, emergency note, list entry) before the transfer.",
                    "主张豁免但未记录依据；出境前须留存合同编号、劳动规章、紧急情况说明或清单条目等依据。");
            }
        }
        else if (transfer.Exemption != ExemptionClaim.None && exemption.Pathway is null && exemption.Refusal is var (en, zh))
        {
            analysis.Warn(en, zh);
        }

        if (transfer.Exemption == ExemptionClaim.ForeignCollected && analysis.ExemptItems.Count > 0
            && transfer.Items.Any(item => item.IsPersonalInformation && item.Origin == DataOrigin.Domestic))
        {
            analysis.Warn(
                "Domestic personal information was introduced into the foreign-collected data: Art. 4 no longer covers the domestic persons, who are counted.",
                "境外收集的数据在处理过程中引入了境内个人信息：第四条不再覆盖境内个人，应当计数。");
        }

        foreach (int i in Enumerable.Range(0, transfer.Items.Length).Where(i => transfer.Items[i].Anonymised && transfer.Items[i].Category.AutomotiveImportantItem > 0))
        {
            analysis.Flag(Attention.LegalReview);
            analysis.Because(RuleBook.AutomotiveImportantData,
                $"Item {i} ({transfer.Items[i].Category.Code}) is declared anonymised, so it is not treated as automotive important data; confirm the anonymisation test (faces and plates each at least 90 %) and that no road signs, surveying content or sensitive areas remain.",
                $"第{i}项（{transfer.Items[i].Category.NameZh}）声明已匿名化，不作为汽车重要数据；须确认匿名化检测（人脸、车牌均不低于90%）且不含路牌、测绘内容或者敏感区域。");
        }

        var uncovered = analysis.CountedItems.Where(i => !IsImportant(transfer.Items[i])).ToList();
        if (exemption.Pathway is not null && uncovered.Count > 0)
        {
            analysis.Because(RuleBook.ExemptionScope,
                $"Items {string.Join(", ", uncovered)} are not of the kind the claimed exemption covers; they form a counted flow.",
                $"第{string.Join("、", uncovered)}项不属于所主张豁免的范围，作为单独的出境活动计数。");
        }

        bool countExempt = !settings[Interpretations.ExemptFlowsExcludedFromCounters];
        if (analysis.ExemptItems.Count > 0)
        {
            analysis.Uses(Interpretations.ExemptFlowsExcludedFromCounters, settings);
        }

        analysis.Added = analysis.CountedItems
            .Concat(countExempt ? analysis.ExemptItems : [])
            .Select(i => transfer.Items[i])
            .Where(item => item.IsPersonalInformation)
            .Aggregate(default(PersonCounts), (sum, item) => sum + PersonsAdded(item));
    }

    /// <summary>Persons an item adds: minors under 14 count as sensitive; the overlap comes off the non-minor part first.</summary>
    internal static PersonCounts PersonsAdded(TransferItem item)
    {
        if (item.IsSensitive)
        {
            return new PersonCounts(0, item.Individuals - item.Overlap);
        }

        long adults = item.Individuals - item.MinorsUnder14;
        long adultOverlap = Math.Min(item.Overlap, adults);
        return new PersonCounts(adults - adultOverlap, item.MinorsUnder14 - (item.Overlap - adultOverlap));
    }

    private static bool CheckHardBlocks(Declaration declaration, TransferAnalysis analysis)
    {
        var transfer = analysis.Transfer;
        bool blocked = false;
        if (transfer.Recipient.Kind is RecipientKind.ForeignJudicial or RecipientKind.ForeignLawEnforcement
            && string.IsNullOrWhiteSpace(transfer.AuthorityApproval))
        {
            blocked = true;
            analysis.Because(RuleBook.ForeignJudicialRequest,
                "The recipient is a foreign judicial or law-enforcement body and no approval of the competent PRC authority is recorded.",
                "接收方为外国司法或者执法机构，且未记录中国主管机关的批准。");
        }

        if (transfer.Recipient.Kind is RecipientKind.RestrictedList or RecipientKind.ProhibitedList)
        {
            blocked = true;
            analysis.Because(RuleBook.ListedRecipient,
                "The recipient is on a CAC list restricting or prohibiting the provision of personal information.",
                "接收方被列入限制或者禁止个人信息提供清单。");
        }

        var core = Enumerable.Range(0, transfer.Items.Length).Where(i => transfer.Items[i].Core).ToList();
        if (core.Count > 0)
        {
            blocked = true;
            analysis.Flag(Attention.LegalReview);
            analysis.Because(RuleBook.CoreData,
                $"Items {string.Join(", ", core)} are core data: block and escalate.",
                $"第{string.Join("、", core)}项属于核心数据，一律阻断并上报。");
        }

        if (transfer.FromVehicle && analysis.HasPersonalInformation)
        {
            blocked = true;
            analysis.Because(RuleBook.VehicleDirect,
                "Personal information would go straight from vehicles to a recipient abroad; route it through a domestic platform.",
                "个人信息将由车辆直接传输至境外，须经境内平台处理后按出境路径办理。");
        }

        return blocked;
    }
}
