namespace Outbound.Law;

/// <summary>Step 3 of RULES §14: a claimed exemption is checked, never trusted.</summary>
public sealed partial class Assessor
{
    private static readonly Predicate<TransferItem> NoItem = _ => false;

    private static ExemptionCheck CheckExemption(Declaration declaration, TransferAnalysis analysis)
    {
        var transfer = analysis.Transfer;
        var handler = declaration.Handler;
        var settings = declaration.Interpretations;
        if (transfer.Exemption == ExemptionClaim.None)
        {
            return ExemptionCheck.None;
        }

        if (handler.StateOrgan)
        {
            analysis.Flag(Attention.LegalReview);
            return ExemptionCheck.Refused(
                "A state organ's personal information stays in China and leaves only after a security assessment (PIPL Arts. 36–37); the claimed exemption is not applied.",
                "国家机关处理的个人信息应当在境内存储，确需出境的应当进行安全评估，不适用所主张的豁免。");
        }

        if (analysis.Regime < Regime.Provisions2024 && transfer.Exemption != ExemptionClaim.TradeNonPersonal)
        {
            return ExemptionCheck.Refused(
                "The claimed exemption did not exist before 22 March 2024 (2024 Provisions); the flow is counted under the 2022 Measures.",
                "所主张的豁免在2024年3月22日前尚未施行，按2022年办法计数。");
        }

        switch (transfer.Exemption)
        {
            case ExemptionClaim.TradeNonPersonal:
                return analysis.HasPersonalInformation || transfer.Items.Any(IsImportant)
                    ? ExemptionCheck.Refused(
                        "Art. 3 covers only data without personal information or important data; this transfer carries some, so it is counted.",
                        "第三条仅适用于不含个人信息和重要数据的数据，本次出境含有此类数据，应当计数。")
                    : new ExemptionCheck(Pathway.NotRegulated, RuleBook.TradeExemption, NoItem,
                        "Trade, transport, research or manufacturing data without personal information or important data is exempt (Art. 3).",
                        "不含个人信息和重要数据的贸易、运输、学术合作、生产制造数据免予申报（第三条）。");

            case ExemptionClaim.ForeignCollected:
                return new ExemptionCheck(Pathway.ExemptArt4, RuleBook.ForeignCollectedExemption, item => item.Origin == DataOrigin.Abroad,
                    "Personal information collected abroad and re-exported, with no domestic personal information introduced, is exempt (Art. 4).",
                    "境外收集和产生的个人信息在境内处理后向境外提供、未引入境内个人信息的，免予申报（第四条）。");

            case ExemptionClaim.Contract:
                bool b2b = settings[Interpretations.B2bStaffNotContractParties];
                if (transfer.Items.Any(item => item.Subjects == SubjectGroup.BusinessContacts))
                {
                    analysis.Uses(Interpretations.B2bStaffNotContractParties, settings);
                }

                return new ExemptionCheck(Pathway.ExemptArt5Contract, RuleBook.ContractExemption, item => IsContractParty(item.Subjects, b2b),
                    "The export is necessary to conclude or perform a contract to which the individuals are parties, so it is exempt and not counted (Art. 5(1)).",
                    "为订立、履行个人作为一方当事人的合同确需向境外提供个人信息，免予申报且不计数（第五条第（一）项）。");

            case ExemptionClaim.HumanResources:
                bool applicantsExcluded = settings[Interpretations.ApplicantsNotEmployees];
                if (transfer.Items.Any(item => item.Subjects == SubjectGroup.Applicants))
                {
                    analysis.Uses(Interpretations.ApplicantsNotEmployees, settings);
                }

                return new ExemptionCheck(Pathway.ExemptArt5HumanResources, RuleBook.HumanResourcesExemption,
                    item => item.Subjects == SubjectGroup.Employees || (item.Subjects == SubjectGroup.Applicants && !applicantsExcluded),
                    "Employees' personal information necessary for cross-border HR management under lawful labour rules is exempt and not counted (Art. 5(2)).",
                    "依法制定的劳动规章制度下实施跨境人力资源管理确需提供的员工个人信息，免予申报且不计数（第五条第（二）项）。");

            case ExemptionClaim.Emergency:
                return new ExemptionCheck(Pathway.ExemptArt5Emergency, RuleBook.EmergencyExemption, _ => true,
                    "The export is necessary in an emergency to protect a person's life, health or property, so it is exempt and not counted (Art. 5(3)).",
                    "紧急情况下为保护自然人生命健康和财产安全确需出境，免予申报且不计数（第五条第（三）项）。");

            case ExemptionClaim.LegalDuty:
                return CheckLegalDuty(declaration, analysis);

            case ExemptionClaim.FreeTradeZoneList:
                return CheckFreeTradeZone(declaration, analysis);

            default:
                return ExemptionCheck.None;
        }
    }

    private static bool IsContractParty(SubjectGroup subjects, bool businessContactsExcluded) => subjects switch
    {
        SubjectGroup.Customers or SubjectGroup.Users or SubjectGroup.VehicleOwners or SubjectGroup.Passengers
            or SubjectGroup.Patients or SubjectGroup.Students => true,
        SubjectGroup.BusinessContacts => !businessContactsExcluded,
        _ => false,
    };

    private static ExemptionCheck CheckLegalDuty(Declaration declaration, TransferAnalysis analysis)
    {
        var settings = declaration.Interpretations;
        if (analysis.Regime < Regime.NetworkDataRegulations)
        {
            return ExemptionCheck.Refused(
                "The legal-duty ground (NDSR Art. 35(6)) applies only from 1 January 2025; the flow is counted.",
                "法定职责或者义务出境情形（《网络数据安全管理条例》第三十五条第（六）项）自2025年1月1日起施行，本次出境应当计数。");
        }

        analysis.Flag(Attention.LegalReview);
        analysis.Uses(Interpretations.LegalDutyDispensesWithFilings, settings);
        if (!settings[Interpretations.LegalDutyDispensesWithFilings])
        {
            return ExemptionCheck.Refused(
                "The legal-duty ground is read as not dispensing with the filings (interpretation legal_duty_dispenses_with_filings = false); the flow is counted.",
                "按所选解释，法定职责或者义务出境仍须办理相应手续，本次出境应当计数。");
        }

        return new ExemptionCheck(Pathway.ExemptLegalDuty, RuleBook.LegalDutyExemption, _ => true,
            "The export is necessary to perform a statutory duty (NDSR Art. 35(6)); whether this dispenses with filings is unverified, so a lawyer must review it.",
            "为履行法定职责或者法定义务确需出境（《网络数据安全管理条例》第三十五条第（六）项），是否免予申报未经核实，须法律复核。");
    }

    private static ExemptionCheck CheckFreeTradeZone(Declaration declaration, TransferAnalysis analysis)
    {
        var transfer = analysis.Transfer;
        var handler = declaration.Handler;
        if (handler.FreeTradeZone is null || !FreeTradeZones.TryGet(handler.FreeTradeZone, out var zone))
        {
            return FreeTradeZoneRefused("the handler is not registered in a free trade zone", "数据处理者未在自由贸易试验区注册");
        }

        if (transfer.Date < zone.ListInForce)
        {
            return FreeTradeZoneRefused($"the {zone.NameEn} list is not relied on before {TransferAnalysis.Day(zone.ListInForce)}", $"{zone.NameZh}负面清单在{TransferAnalysis.Day(zone.ListInForce)}前不适用");
        }

        if (handler.CriticalInformationInfrastructureOperator)
        {
            return FreeTradeZoneRefused("critical information infrastructure operators cannot rely on the lists", "关键信息基础设施运营者不适用负面清单");
        }

        if (transfer.FreeTradeZoneSectorCovered != true)
        {
            return transfer.FreeTradeZoneSectorCovered is null
                ? FreeTradeZoneRefused("it is not established that the list covers this sector and scenario (ftz_sector_covered)", "未确认清单覆盖本次出境所属行业和场景")
                : FreeTradeZoneRefused("the list does not cover this sector or scenario, so national rules apply", "清单未覆盖本次出境所属行业和场景，适用全国规则");
        }

        if (transfer.FreeTradeZoneListed != false)
        {
            return transfer.FreeTradeZoneListed is null
                ? FreeTradeZoneRefused("it is not established whether the data is on the list (ftz_listed)", "未确认数据是否列入负面清单")
                : FreeTradeZoneRefused("the data is on the list, so the listed pathway applies; national rules are used", "数据已列入负面清单，按清单要求办理，适用全国规则判断");
        }

        return new ExemptionCheck(Pathway.ExemptFreeTradeZone, RuleBook.FreeTradeZoneExemption, _ => true,
            $"The handler is registered in the {zone.NameEn}, the list covers the sector and the data is not on it, so the export is exempt (Art. 6).",
            $"数据处理者在{zone.NameZh}注册，清单覆盖该行业且数据未列入清单，免予申报（第六条）。");
    }

    private static ExemptionCheck FreeTradeZoneRefused(string en, string zh) => ExemptionCheck.Refused(
        $"The free trade zone exemption does not apply: {en}.",
        $"不适用自由贸易试验区负面清单豁免：{zh}。");

    /// <summary>The outcome of checking a claimed exemption.</summary>
    private sealed record ExemptionCheck(Pathway? Pathway, LegalRule? Rule, Predicate<TransferItem> Covers, string En, string Zh)
    {
        public static ExemptionCheck None { get; } = new(null, null, NoItem, "", "");

        public (string En, string Zh)? Refusal { get; private init; }

        public static ExemptionCheck Refused(string en, string zh) => new(null, null, NoItem, "", "") { Refusal = (en, zh) };
    }
}
