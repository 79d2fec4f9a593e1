using static Outbound.Law.TransferAnalysis;

namespace Outbound.Law;

/// <summary>Steps 4–6 of RULES §14: CIIO, important data and the counted bands, by the regime of the transfer date.</summary>
public sealed partial class Assessor
{
    private static void DecidePathway(Declaration declaration, TransferAnalysis analysis, Timeline? group)
    {
        if (analysis.Blocked || !Countries.IsAbroad(analysis.Transfer.Recipient.Country))
        {
            return;
        }

        if (analysis.Transfer.Items.IsEmpty)
        {
            analysis.Warn(
                "The transfer declares no items; the pathway assumes it carries personal information. The export gate measures the actual content.",
                "本次出境未申报数据项，按含个人信息判断路径；实际内容由出境网关检测确定。");
        }
        else if (analysis.CountedItems.Count == 0)
        {
            if (analysis.ExemptItems.Count == 0 && analysis.NotRegulatedItems.Count > 0 && analysis.Transfer.Exemption != ExemptionClaim.TradeNonPersonal)
            {
                analysis.Because(RuleBook.NotRegulated,
                    "The transfer carries neither personal information nor important data, so the export regime does not apply.",
                    "本次出境不含个人信息和重要数据，不适用数据出境安全评估、标准合同和认证。");
            }

            return;
        }

        if (!analysis.CountedHasPersonalInformation && !analysis.CountedHasImportantData)
        {
            analysis.CountedPathway = Pathway.NotRegulated;
            return;
        }

        analysis.CountedPathway = analysis.Regime < Regime.Provisions2024
            ? DecideLegacy(declaration, analysis)
            : DecideCurrent(declaration, analysis, group);

        CheckAutomotiveVolume(declaration, analysis);
    }

    private static Pathway DecideCurrent(Declaration declaration, TransferAnalysis analysis, Timeline? group)
    {
        var handler = declaration.Handler;
        var counted = analysis.Counted;
        foreach (int i in analysis.CountedItems.Where(i => IsImportant(analysis.Transfer.Items[i])))
        {
            var item = analysis.Transfer.Items[i];
            var rule = item.Important is ImportantDataStatus.None ? RuleBook.AutomotiveImportantData : RuleBook.ImportantDataNotified;
            analysis.Because(rule,
                $"Item {i} ({item.Category.Code}) is important data ({(item.Important is ImportantDataStatus.None ? "Automotive Provisions Art. 3 list" : Wire(item.Important))}).",
                $"第{i}项（{item.Category.NameZh}）属于重要数据。");
        }

        if (handler.StateOrgan)
        {
            analysis.Flag(Attention.LegalReview);
            analysis.Because(RuleBook.StateOrgan,
                "The handler is a state organ: personal information stays in China and leaves only after a security assessment.",
                "数据处理者为国家机关，个人信息应当境内存储，确需出境的须经安全评估。");
            return Pathway.SecurityAssessment;
        }

        if (handler.CriticalInformationInfrastructureOperator)
        {
            analysis.Because(RuleBook.CriticalOperator,
                "The handler is a critical information infrastructure operator and the counted flow carries personal information or important data: a security assessment is needed whatever the volume.",
                "数据处理者为关键信息基础设施运营者，计数部分含个人信息或者重要数据，无论数量均须申报安全评估。");
            return Pathway.SecurityAssessment;
        }

        if (analysis.CountedHasImportantData)
        {
            analysis.Because(RuleBook.ImportantData,
                "The counted flow carries important data: a security assessment is needed whatever the volume.",
                "计数部分含重要数据，无论数量均须申报安全评估。");
            return Pathway.SecurityAssessment;
        }

        var band = Thresholds.Band(counted);
        analysis.Headroom = Thresholds.HeadroomOf(counted);
        ExplainBand(analysis, band, counted, "");

        if (group?.Through(analysis.Transfer.Date) is PersonCounts combined && Thresholds.Band(combined) > band)
        {
            var groupBand = Thresholds.Band(combined);
            analysis.Flag(Attention.SplitRisk);
            analysis.Uses(Interpretations.GroupVolumesAggregated, declaration.Interpretations);
            analysis.Because(RuleBook.AntiSplitting,
                $"The group {handler.Group} has counted {Count(combined.NonSensitive)} non-sensitive and {Count(combined.Sensitive)} sensitive persons by this date, which would need {WireNames.Of(groupBand)}; volumes must not be split across affiliates.",
                $"{handler.Group}集团截至该日合并累计一般个人信息{Count(combined.NonSensitive)}人、敏感个人信息{Count(combined.Sensitive)}人，合并后须{WireNames.Of(groupBand)}；不得拆分数量规避。");
            if (declaration.Interpretations[Interpretations.GroupVolumesAggregated])
            {
                analysis.Headroom = Thresholds.HeadroomOf(combined);
                return groupBand;
            }
        }

        return band;
    }

    private static void ExplainBand(TransferAnalysis analysis, Pathway band, PersonCounts counted, string prefix)
    {
        string persons = $"{prefix}{Count(counted.NonSensitive)} persons' non-sensitive and {Count(counted.Sensitive)} persons' sensitive personal information counted since 1 January (this transfer included)";
        string personsZh = $"自1月1日起累计（含本次）一般个人信息{Count(counted.NonSensitive)}人、敏感个人信息{Count(counted.Sensitive)}人";
        switch (band)
        {
            case Pathway.SecurityAssessment:
                analysis.Because(RuleBook.AssessmentBand,
                    $"{persons}: 1,000,000 or more non-sensitive, or 10,000 or more sensitive, needs a security assessment.",
                    $"{personsZh}，达到100万人以上一般个人信息或者1万人以上敏感个人信息，须申报安全评估。");
                break;
            case Pathway.StandardContractOrCertification:
                analysis.Because(RuleBook.ContractBand,
                    $"{persons}: 100,000 or more non-sensitive, or any sensitive, below the assessment thresholds, needs a standard contract or certification.",
                    $"{personsZh}，达到10万人以上一般个人信息或者含敏感个人信息且未达安全评估标准，须订立标准合同或者通过认证。");
                break;
            default:
                analysis.Because(RuleBook.DeMinimis,
                    $"{persons}: fewer than 100,000 non-sensitive and no sensitive, so the export is exempt (de minimis).",
                    $"{personsZh}，不满10万人且不含敏感个人信息，免予申报。");
                break;
        }

        if (counted.NonSensitive is Thresholds.ContractNonSensitive or Thresholds.AssessmentNonSensitive
            || counted.Sensitive == Thresholds.AssessmentSensitive)
        {
            analysis.Because(RuleBook.CountingWords,
                "The count is exactly at a threshold: 以上 includes the stated number and 不满 excludes it.",
                "人数恰好等于门槛：“以上”包括本数，“不满”不包括本数。");
        }
    }

    private static Pathway DecideLegacy(Declaration declaration, TransferAnalysis analysis)
    {
        var handler = declaration.Handler;
        if (analysis.Regime == Regime.BeforeAssessmentMeasures)
        {
            analysis.Flag(Attention.LegalReview);
            analysis.Because(RuleBook.BeforeMeasures,
                "The transfer predates the 2022 Assessment Measures (in force 1 September 2022); it is judged under them, subject to legal review.",
                "本次出境早于2022年9月1日《数据出境安全评估办法》施行，按该办法判断并须法律复核。");
        }

        var window = analysis.Counted + declaration.PriorYear;
        long persons = window.NonSensitive + window.Sensitive;
        string en;
        if (handler.CriticalInformationInfrastructureOperator || handler.StateOrgan)
        {
            en = "The handler is a critical information infrastructure operator or a state organ";
        }
        else if (analysis.CountedHasImportantData)
        {
            en = "The counted flow carries important data";
        }
        else if (handler.ProcessedIndividuals >= Thresholds.LegacyProcessedIndividuals)
        {
            en = $"The handler processes personal information of {Count(handler.ProcessedIndividuals)} persons (1,000,000 or more)";
        }
        else if (persons >= Thresholds.LegacyPersons || window.Sensitive >= Thresholds.LegacySensitive)
        {
            en = $"Since 1 January of the previous year {Count(persons)} persons' personal information, {Count(window.Sensitive)} of them sensitive, are counted (the previous year's exports included)";
        }
        else
        {
            analysis.Because(RuleBook.LegacyContract,
                $"Before 22 March 2024 there was no de-minimis or scenario exemption: {Count(persons)} persons since 1 January of the previous year is below the assessment triggers, so a standard contract or certification is needed.",
                $"2024年3月22日前无小额或者场景豁免：自上年1月1日起累计{Count(persons)}人，未达安全评估条件，须订立标准合同或者通过认证。");
            return Pathway.StandardContractOrCertification;
        }

        analysis.Because(RuleBook.LegacyTriggers,
            $"{en}: under the 2022 Measures (before 22 March 2024) a security assessment is needed.",
            "依2022年《数据出境安全评估办法》第四条（2024年3月22日前），须申报安全评估。");
        return Pathway.SecurityAssessment;
    }

    private static void CheckAutomotiveVolume(Declaration declaration, TransferAnalysis analysis)
    {
        var counted = analysis.Counted;
        long persons = Math.Max(counted.NonSensitive, counted.Sensitive);
        if (!declaration.Handler.Automotive || persons <= Thresholds.AutomotivePersonsExceeding || !analysis.CountedHasPersonalInformation)
        {
            return;
        }

        var settings = declaration.Interpretations;
        analysis.Flag(Attention.LegalReview);
        analysis.Uses(Interpretations.AutoPiOver100kIsImportantData, settings);
        bool important = settings[Interpretations.AutoPiOver100kIsImportantData];
        analysis.Because(RuleBook.AutomotiveOver100k,
            $"The automotive handler's counted persons ({Count(persons)}) exceed 100,000; Automotive Provisions Art. 3(5) would make this important data, the 2026 automotive guideline applies the general bands. Interpretation auto_pi_over_100k_is_important_data = {(important ? "true" : "false")}.",
            $"汽车数据处理者累计人数（{Count(persons)}）超过10万人；按《汽车数据安全管理若干规定（试行）》第三条第（五）项属于重要数据，而2026年指引适用一般门槛。所选解释为{(important ? "属于重要数据" : "不属于重要数据")}。");
        if (important && analysis.CountedPathway < Pathway.SecurityAssessment)
        {
            analysis.CountedPathway = Pathway.SecurityAssessment;
            analysis.Headroom = null;
        }
    }

    private static string Wire(ImportantDataStatus status) => WireNames.DeclarationWord(status);
}
