using System.Collections.Frozen;
using System.Collections.Immutable;
using static Outbound.Law.Instruments;
using static Outbound.Law.VerificationTag;

namespace Outbound.Law;

/// <summary>Every rule of RULES.md §0–§10, §13 and §14 as dated data, with its citation and verification tag.</summary>
/// <remarks>The Chinese text of each rule is a paraphrase (释义), not a quotation of the instrument.</remarks>
public static class RuleBook
{
    private static readonly DateOnly Pipl2021 = new(2021, 11, 1);
    private static readonly DateOnly M2022 = new(2022, 9, 1);
    private static readonly DateOnly BeforeP2024 = new(2024, 3, 21);
    private static readonly DateOnly P2024 = new(2024, 3, 22);
    private static readonly DateOnly Ndsr2025 = new(2025, 1, 1);
    private static readonly DateOnly Cert2026 = new(2026, 1, 1);

    // §0 conventions
    /// <summary>C-1: 以上 includes the number, 不满 and 超过 exclude it.</summary>
    public static readonly LegalRule CountingWords = new("C-1", CivilCode, "Art. 1259", new(2021, 1, 1), null,
        "A threshold is stated with 以上/以下/以内/届满 or 不满/超过/以外.", "以上 etc. include the stated number; 不满, 超过, 以外 exclude it.", Verified,
        "“以上”“以下”“以内”“届满”包括本数；“不满”“超过”“以外”不包括本数。");

    /// <summary>C-2: periods start the next day; working days follow the official calendar.</summary>
    public static readonly LegalRule PeriodComputation = new("C-2", CivilCode, "Arts. 201, 203", new(2021, 1, 1), null,
        "A deadline is counted in days or working days.", "Counting starts the day after the trigger; a period ending on a rest day ends on the next working day; working days follow the State Council holiday notices.", Verified,
        "期间自事件发生次日起算；最后一日为法定休假日的，以休假日结束的次日为最后一日；工作日按国务院节假日安排计算。");

    /// <summary>C-3: thresholds count distinct natural persons, N and S separately.</summary>
    public static readonly LegalRule CountingUnit = new("C-3", Provisions2024, "Arts. 5(4), 7, 8", P2024, null,
        "Persons are counted towards a threshold.", "Count distinct natural persons since 1 January of the current year, non-sensitive (N) and sensitive (S) separately, including the planned transfer.", Unverified,
        "按自然人计数，自当年1月1日起累计（含本次），一般个人信息与敏感个人信息分别去重计数。");

    // Step 0
    /// <summary>R-SCOPE-1: only transfers out of mainland China are exports.</summary>
    public static readonly LegalRule ExportBehaviour = new("R-SCOPE-1", FilingGuidelines, "export behaviour (数据出境行为)", Pipl2021, null,
        "The recipient is in mainland China.", "Not an export: the export regime does not apply (Hong Kong, Macau and Taiwan are abroad).", Secondary,
        "接收方位于中国境内（不含港澳台），不构成数据出境行为。");

    // §3 hard blocks
    /// <summary>R-BLK-1: foreign judicial or law-enforcement recipient without PRC approval.</summary>
    public static readonly LegalRule ForeignJudicialRequest = new("R-BLK-1", Pipl, "Art. 41; DSL Art. 36", Pipl2021, null,
        "The recipient is a foreign judicial or law-enforcement body and no approval of the competent PRC authority is recorded.", "BLOCK.", Verified,
        "未经主管机关批准，不得向外国司法或者执法机构提供存储于境内的数据和个人信息。");

    /// <summary>R-BLK-2: restricted or prohibited list.</summary>
    public static readonly LegalRule ListedRecipient = new("R-BLK-2", Pipl, "Art. 42", Pipl2021, null,
        "The recipient is on a CAC restricted or prohibited list.", "BLOCK (or apply the listed restriction).", Verified,
        "接收方被列入限制或者禁止个人信息提供清单的，不得向其提供个人信息。");

    /// <summary>R-BLK-3: core data.</summary>
    public static readonly LegalRule CoreData = new("R-BLK-3", Dsl, "Art. 21; NDSR Art. 63", new(2021, 9, 1), null,
        "An item is core data.", "BLOCK and escalate: core data is under a stricter regime not set out in the export instruments.", Unverified,
        "核心数据实行更加严格的管理制度，出境须另行依法处理，一律阻断并上报。");

    /// <summary>R-BLK-4: state organs.</summary>
    public static readonly LegalRule StateOrgan = new("R-BLK-4", Pipl, "Arts. 36–37", Pipl2021, null,
        "The handler is a state organ or performs public-affairs functions.", "Personal information stays in China; export only after a security assessment (ASSESSMENT-ONLY).", Verified,
        "国家机关处理的个人信息应当在境内存储，确需向境外提供的应当进行安全评估。");

    /// <summary>R-BLK-5: scope creep beyond an approved assessment.</summary>
    public static readonly LegalRule AssessmentScope = new("R-BLK-5", Ndsr, "Art. 38", Ndsr2025, null,
        "An export under an approved assessment exceeds its purpose, method, scope, categories or scale.", "BLOCK until a new assessment.", Verified,
        "通过安全评估后，出境数据不得超出评估时明确的目的、方式、范围、种类和规模。");

    /// <summary>R-BLK-6: automotive PI sent directly from the vehicle abroad.</summary>
    public static readonly LegalRule VehicleDirect = new("R-BLK-6", Automotive, "test criterion B3; GB/T 44464", new(2021, 10, 1), null,
        "Automotive personal information is sent directly from vehicles to a recipient abroad.", "BLOCK: route through a domestic platform.", Verified,
        "车辆不得直接向境外传输个人信息，须经境内平台并适用出境路径。");

    /// <summary>R-BLK-7: pathway in place before the transfer.</summary>
    public static readonly LegalRule PathwayBeforeTransfer = new("R-BLK-7", Pipl, "Arts. 38(1), 40; SCCM Art. 6; M2022 Arts. 4, 12", Pipl2021, null,
        "The transfer needs an assessment, a contract or a certificate.", "HOLD until the approval is in place and covers the transfer.", Verified,
        "需申报评估、订立标准合同或者取得认证的，须在相应手续完成后方可出境。");

    /// <summary>R-SA-13: termination notice for an approved export.</summary>
    public static readonly LegalRule AssessmentTermination = new("R-SA-13", AssessmentMeasures, "Art. 17", M2022, null,
        "The CAC has ordered an approved export to stop.", "BLOCK every flow under that assessment until a new pass decision.", Verified,
        "国家网信部门书面通知终止已通过评估的数据出境活动的，须整改并重新申报后方可继续。");

    // §4 important data
    /// <summary>R-ID-1: important data only when notified or published.</summary>
    public static readonly LegalRule ImportantDataNotified = new("R-ID-1", Provisions2024, "Art. 2; NDSR Arts. 29, 37", P2024, null,
        "An item is important data notified to the handler or within a published catalogue.", "Treat it as important data for the export decision.", Verified,
        "仅经有关部门、地区告知或者公开发布为重要数据的，作为重要数据申报评估。");

    /// <summary>R-ID-2: candidate important data must still be identified and declared.</summary>
    public static readonly LegalRule IdentifyAndDeclare = new("R-ID-2", Provisions2024, "Art. 2; NDSR Art. 29", P2024, null,
        "The handler's own screen flags data as possibly important.", "Open an identify-and-declare task; the pathway does not change.", Verified,
        "数据处理者应当识别、申报重要数据；自行筛查出的疑似重要数据不改变出境路径，但须启动识别申报。");

    /// <summary>R-ID-3: important data never rides a PI exemption.</summary>
    public static readonly LegalRule ImportantDataNoExemption = new("R-ID-3", Provisions2024, "Art. 5 final para.; CERTM Art. 5", P2024, null,
        "A flow claiming an exemption contains important data.", "The exemption does not apply.", Verified,
        "第五条所称个人信息不包括重要数据；含重要数据的不适用豁免。");

    /// <summary>R-ID-4: important-data processor duties.</summary>
    public static readonly LegalRule ImportantDataProcessor = new("R-ID-4", Ndsr, "Arts. 28, 30–33", Ndsr2025, null,
        "The handler processes notified or published important data.", "Data-security officer, risk assessments and an annual risk report including exports.", Verified,
        "重要数据处理者应明确网络数据安全负责人，并每年报送包含数据出境情况的风险评估报告。");

    // §5 pathways (2024 regime)
    /// <summary>R-PATH-1: CIIO.</summary>
    public static readonly LegalRule CriticalOperator = new("R-PATH-1", Provisions2024, "Art. 7(1); PIPL Art. 40; CSL Art. 39", P2024, null,
        "The handler is a CIIO and its counted flows contain PI or important data.", "SECURITY ASSESSMENT, whatever the volume.", Verified,
        "关键信息基础设施运营者向境外提供个人信息或者重要数据的，应当申报数据出境安全评估。");

    /// <summary>R-PATH-2: important data.</summary>
    public static readonly LegalRule ImportantData = new("R-PATH-2", Provisions2024, "Art. 7(2); DSL Art. 31; NDSR Art. 37", P2024, null,
        "A counted flow contains important data.", "SECURITY ASSESSMENT, whatever the volume.", Verified,
        "向境外提供重要数据的，应当申报数据出境安全评估。");

    /// <summary>R-PATH-3: 1,000,000 non-sensitive or 10,000 sensitive.</summary>
    public static readonly LegalRule AssessmentBand = new("R-PATH-3", Provisions2024, "Art. 7(2)", P2024, null,
        "N >= 1,000,000 or S >= 10,000 since 1 January of the current year.", "SECURITY ASSESSMENT.", Verified,
        "自当年1月1日起累计向境外提供100万人以上个人信息（不含敏感个人信息）或者1万人以上敏感个人信息的，应当申报安全评估。");

    /// <summary>R-PATH-4: 100,000 non-sensitive or any sensitive.</summary>
    public static readonly LegalRule ContractBand = new("R-PATH-4", Provisions2024, "Art. 8; CERTM Art. 5", P2024, null,
        "N < 1,000,000 and S < 10,000, and N >= 100,000 or S >= 1.", "Standard contract filing or certification.", Verified,
        "自当年1月1日起累计向境外提供10万人以上、不满100万人个人信息（不含敏感个人信息）或者不满1万人敏感个人信息的，应当订立标准合同或者通过认证。");

    /// <summary>R-PATH-5: de minimis.</summary>
    public static readonly LegalRule DeMinimis = new("R-PATH-5", Provisions2024, "Art. 5(4)", P2024, null,
        "Non-CIIO, N < 100,000 and S = 0.", "EXEMPT (de minimis).", Verified,
        "非关键信息基础设施运营者自当年1月1日起累计向境外提供不满10万人个人信息（不含敏感个人信息）的，免予申报。");

    /// <summary>R-PATH-6: neither PI nor important data.</summary>
    public static readonly LegalRule NotRegulated = new("R-PATH-6", Provisions2024, "Art. 3; PIPL Art. 4", P2024, null,
        "The flow contains neither personal information nor important data.", "Not regulated by the export regime.", Verified,
        "不含个人信息和重要数据的数据出境，不适用数据出境安全评估、标准合同和认证。");

    // §6 exemptions
    /// <summary>R-EX-1: trade and similar data without PI.</summary>
    public static readonly LegalRule TradeExemption = new("R-EX-1", Provisions2024, "Art. 3", P2024, null,
        "Data from trade, transport, academic cooperation, manufacturing or marketing with no PI and no important data.", "Exempt from assessment, contract and certification.", Verified,
        "国际贸易、跨境运输、学术合作、跨国生产制造和市场营销等活动中收集和产生的数据，不含个人信息或者重要数据的，免予申报。");

    /// <summary>R-EX-2: foreign-collected PI.</summary>
    public static readonly LegalRule ForeignCollectedExemption = new("R-EX-2", Provisions2024, "Art. 4", P2024, null,
        "PI collected and generated abroad, processed in China and provided abroad, with no domestic PI or important data introduced.", "Exempt.", Verified,
        "境外收集和产生的个人信息传输至境内处理后向境外提供，处理过程中未引入境内个人信息或者重要数据的，免予申报。");

    /// <summary>R-EX-3: contract necessity.</summary>
    public static readonly LegalRule ContractExemption = new("R-EX-3", Provisions2024, "Art. 5(1); NDSR Art. 35(4)", P2024, null,
        "Necessary to conclude or perform a contract to which the individual is a party (shopping, delivery, remittance, payment, account opening, booking, visa, exams).", "Exempt; not counted.", Verified,
        "为订立、履行个人作为一方当事人的合同（如跨境购物、寄递、汇款、支付、开户、机票酒店预订、签证办理、考试服务）确需向境外提供个人信息的，免予申报。");

    /// <summary>R-EX-4: cross-border HR.</summary>
    public static readonly LegalRule HumanResourcesExemption = new("R-EX-4", Provisions2024, "Art. 5(2); NDSR Art. 35(5)", P2024, null,
        "Employees' PI necessary for cross-border HR management under lawful labour rules or collective contracts.", "Exempt; not counted.", Verified,
        "按照依法制定的劳动规章制度和依法签订的集体合同实施跨境人力资源管理，确需向境外提供员工个人信息的，免予申报。");

    /// <summary>R-EX-5: emergency.</summary>
    public static readonly LegalRule EmergencyExemption = new("R-EX-5", Provisions2024, "Art. 5(3); NDSR Art. 35(7)", P2024, null,
        "Necessary in an emergency to protect a person's life, health or property.", "Exempt; not counted.", Verified,
        "紧急情况下为保护自然人的生命健康和财产安全，确需向境外提供个人信息的，免予申报。");

    /// <summary>R-EX-6: legal duty (NDSR).</summary>
    public static readonly LegalRule LegalDutyExemption = new("R-EX-6", Ndsr, "Art. 35(6)", Ndsr2025, null,
        "Necessary to perform a statutory duty or obligation.", "A permitted ground; whether it dispenses with filings is unverified: legal review.", Unverified,
        "为履行法定职责或者法定义务确需向境外提供个人信息的，可以向境外提供；是否免予申报有待确认，须法律复核。");

    /// <summary>R-EX-7: de minimis (see R-PATH-5).</summary>
    public static readonly LegalRule DeMinimisExemption = new("R-EX-7", Provisions2024, "Art. 5(4)", P2024, null,
        "See R-PATH-5; non-CIIO only.", "Exempt.", Verified,
        "小额豁免仅适用于非关键信息基础设施运营者。");

    /// <summary>R-EX-8: FTZ negative list.</summary>
    public static readonly LegalRule FreeTradeZoneExemption = new("R-EX-8", Provisions2024, "Art. 6", P2024, null,
        "The handler is registered in an FTZ with a list in force, is not a CIIO, the sector is covered and the data is not on the list.", "Exempt.", Secondary,
        "自由贸易试验区内数据处理者向境外提供负面清单外的数据，可以免予申报。");

    /// <summary>R-EX-9: treaties.</summary>
    public static readonly LegalRule Treaties = new("R-EX-9", Pipl, "Art. 38 para. 2; NDSR Art. 36", Pipl2021, null,
        "A treaty China concluded sets conditions for the export.", "Those conditions may be followed (special handling).", Verified,
        "中国缔结或者参加的国际条约、协定对向境外提供个人信息的条件等有规定的，可以按照其规定执行。");

    /// <summary>R-EX-GATE: an exemption covers only its own persons and fields.</summary>
    public static readonly LegalRule ExemptionScope = new("R-EX-GATE", Provisions2024, "Art. 5 (确需); RULES §6 gating", P2024, null,
        "An item is not of the kind the claimed exemption covers.", "That item is a separate, counted flow.", Secondary,
        "豁免仅限于确需的个人信息与主体；超出部分作为单独的数据出境活动计数。");

    /// <summary>R-EX-EVID: evidence for a claimed exemption.</summary>
    public static readonly LegalRule ExemptionEvidence = new("R-EX-EVID", Derived, "RULES §14 step 7", P2024, null,
        "An exemption is claimed without recorded evidence.", "HOLD until the evidence is recorded.", Secondary,
        "主张豁免须留存依据（合同、劳动规章、紧急情况记录、清单条目），未留存前暂缓出境。");

    // §7 security assessment
    /// <summary>R-SA-1: filing route.</summary>
    public static readonly LegalRule AssessmentRoute = new("R-SA-1", Provisions2024, "Art. 7; assessment guideline", P2024, null,
        "A security assessment is needed.", "Declare through the provincial CAC to the national CAC.", Verified,
        "通过所在地省级网信部门向国家网信部门申报数据出境安全评估。");

    /// <summary>R-SA-2: self-assessment.</summary>
    public static readonly LegalRule SelfAssessment = new("R-SA-2", AssessmentMeasures, "Art. 5", M2022, null,
        "Before declaring an assessment.", "Complete a risk self-assessment within 3 months before filing.", Verified,
        "申报前应开展数据出境风险自评估，自评估须在申报前3个月内完成。");

    /// <summary>R-SA-3: materials.</summary>
    public static readonly LegalRule AssessmentMaterials = new("R-SA-3", AssessmentMeasures, "Art. 6", M2022, null,
        "Declaring an assessment.", "Declaration form, self-assessment report, the legal document with the recipient, other materials.", Verified,
        "申报材料：申报书、自评估报告、与境外接收方拟订立的法律文件及其他材料。");

    /// <summary>R-SA-4: completeness check.</summary>
    public static readonly LegalRule CompletenessCheck = new("R-SA-4", AssessmentMeasures, "Art. 7", M2022, null,
        "Materials received by the provincial CAC.", "Completeness check within 5 working days.", Verified,
        "省级网信部门自收到申报材料之日起5个工作日内完成完备性查验。");

    /// <summary>R-SA-5: acceptance.</summary>
    public static readonly LegalRule Acceptance = new("R-SA-5", AssessmentMeasures, "Art. 7", M2022, null,
        "Materials received by the national CAC.", "Acceptance decision in writing within 7 working days.", Verified,
        "国家网信部门自收到申报材料之日起7个工作日内确定是否受理并书面通知。");

    /// <summary>R-SA-6: review period.</summary>
    public static readonly LegalRule ReviewPeriod = new("R-SA-6", AssessmentMeasures, "Arts. 11–12", M2022, null,
        "An assessment is accepted.", "Completed within 45 working days of the acceptance notice, extendable.", Verified,
        "国家网信部门自出具书面受理通知书之日起45个工作日内完成评估，情况复杂的可以适当延长。");

    /// <summary>R-SA-7: re-examination.</summary>
    public static readonly LegalRule Reexamination = new("R-SA-7", AssessmentMeasures, "Art. 13", M2022, null,
        "The handler objects to the result.", "Apply for re-examination within 15 working days of receiving it.", Verified,
        "对评估结果有异议的，可以自收到结果之日起15个工作日内申请复评。");

    /// <summary>R-SA-8: validity 3 years.</summary>
    public static readonly LegalRule AssessmentValidity = new("R-SA-8", Provisions2024, "Art. 9", P2024, null,
        "An assessment result is issued.", "Valid 3 years from issue.", Verified,
        "数据出境安全评估结果有效期为3年，自评估结果出具之日起计算。");

    /// <summary>R-SA-9: extension.</summary>
    public static readonly LegalRule AssessmentExtension = new("R-SA-9", Provisions2024, "Art. 9", P2024, null,
        "The export continues past expiry and no re-declaration trigger occurred.", "Apply within the 60 working days before expiry; approval extends 3 years.", Verified,
        "有效期届满需继续出境且未发生需重新申报情形的，可以在届满前60个工作日内申请延长，经批准延长3年。");

    /// <summary>R-SA-10: re-declaration triggers.</summary>
    public static readonly LegalRule Redeclaration = new("R-SA-10", AssessmentMeasures, "Art. 14", M2022, null,
        "Purpose, scope, type, recipient processing, retention, recipient law, actual control or legal documents changed during validity.", "Re-declare before further exports; extension is not available.", Verified,
        "有效期内出境目的、方式、范围、种类、境外保存期限、实际控制权或法律文件等发生变化影响安全的，应当重新申报评估。");

    /// <summary>R-SA-11: legal document contents.</summary>
    public static readonly LegalRule LegalDocument = new("R-SA-11", AssessmentMeasures, "Art. 9", M2022, null,
        "A legal document with the recipient is concluded.", "It must cover purpose, storage, onward transfer, changes of control, remedies and emergencies.", Verified,
        "与境外接收方订立的法律文件应当约定出境目的、存储地点和期限、再转移限制、安全措施、违约责任和应急处置等。");

    /// <summary>R-SA-12: pre-2024 results.</summary>
    public static readonly LegalRule Pre2024Results = new("R-SA-12", AssessmentMeasures, "Art. 14; P2024 Arts. 9, 13", M2022, BeforeP2024,
        "An assessment result was issued before 22 March 2024.", "Validity as stated on the decision (2 years at the time); lengthening to 3 years is unverified.", Unverified,
        "2024年3月22日前出具的评估结果按决定载明的有效期（当时为2年）计算，是否自动延长至3年未经核实。");

    /// <summary>R-LEGACY-1: the 2022 Measures' triggers, before 22 March 2024.</summary>
    public static readonly LegalRule LegacyTriggers = new("R-LEGACY-1", AssessmentMeasures, "Art. 4", M2022, BeforeP2024,
        "CIIO; important data; a handler processing PI of 1,000,000 or more persons; or since 1 January of the previous year 100,000 persons' PI or 10,000 persons' sensitive PI.", "SECURITY ASSESSMENT.", Verified,
        "关键信息基础设施运营者、处理100万人以上个人信息的数据处理者向境外提供个人信息，或者自上年1月1日起累计向境外提供10万人个人信息或者1万人敏感个人信息的，应当申报安全评估。");

    /// <summary>R-LEGACY-2: below the legacy triggers, a standard contract or certification.</summary>
    public static readonly LegalRule LegacyContract = new("R-LEGACY-2", ContractMeasures, "Art. 4", M2022, BeforeP2024,
        "Personal information is exported below every legacy assessment trigger.", "Standard contract or certification; there is no de-minimis exemption and no scenario exemption.", Verified,
        "2024年3月22日前，未达安全评估条件的个人信息出境，应当订立标准合同或者通过认证，不存在小额或者场景豁免。");

    /// <summary>R-LEGACY-0: PIPL before the 2022 Measures took effect.</summary>
    public static readonly LegalRule BeforeMeasures = new("R-LEGACY-0", Pipl, "Art. 38", Pipl2021, new(2022, 8, 31),
        "A transfer before 1 September 2022.", "PIPL Art. 38 required a mechanism but the implementing measures were not yet in force; decided under the 2022 Measures with legal review.", Unverified,
        "2022年9月1日前，《个人信息保护法》第三十八条已要求出境机制，但实施办法尚未施行；按2022年办法评估并须法律复核。");

    // §8 FTZ
    /// <summary>R-FTZ-1: mechanism.</summary>
    public static readonly LegalRule FreeTradeZoneMechanism = new("R-FTZ-1", Provisions2024, "Art. 6", P2024, null,
        "An FTZ publishes a negative list.", "Data not on the list may be exempted from the three mechanisms.", Verified,
        "自由贸易试验区可以自行制定需要纳入安全评估、标准合同、认证管理范围的数据清单（负面清单）。");

    /// <summary>R-FTZ-2: eligibility gates.</summary>
    public static readonly LegalRule FreeTradeZoneGates = new("R-FTZ-2", FreeTradeZoneLists, "local lists", P2024, null,
        "Relying on an FTZ list.", "The handler is registered in the zone, not a CIIO, its sector is covered and any local filing is made.", Secondary,
        "适用负面清单须：在该自贸区注册、非关键信息基础设施运营者、属于清单覆盖的行业领域，并按当地要求办理。");

    // §9 SCC and certification
    /// <summary>R-SCC-1: eligibility.</summary>
    public static readonly LegalRule ContractEligibility = new("R-SCC-1", Provisions2024, "Art. 8; SCCM Art. 4", P2024, null,
        "Non-CIIO within the Art. 8 band, no important data, no splitting.", "A standard contract may be used.", Verified,
        "非关键信息基础设施运营者在第八条区间内、且不含重要数据的，可以订立标准合同。");

    /// <summary>R-SCC-2: PIPIA before export.</summary>
    public static readonly LegalRule ContractImpactAssessment = new("R-SCC-2", ContractMeasures, "Art. 5", new(2023, 6, 1), null,
        "Before exporting under a standard contract.", "A PIPIA covering six items, within 3 months before filing.", Verified,
        "订立标准合同前应当开展个人信息保护影响评估。");

    /// <summary>R-SCC-3: export only after the contract takes effect.</summary>
    public static readonly LegalRule ContractInEffect = new("R-SCC-3", ContractMeasures, "Art. 6", new(2023, 6, 1), null,
        "Exporting under a standard contract.", "Follow the template; export only after the contract takes effect.", Verified,
        "标准合同生效后方可开展个人信息出境活动。");

    /// <summary>R-SCC-4: filing within 10 working days.</summary>
    public static readonly LegalRule ContractFiling = new("R-SCC-4", ContractMeasures, "Art. 7", new(2023, 6, 1), null,
        "A standard contract takes effect.", "File with the provincial CAC within 10 working days of the effective date.", Verified,
        "应当在标准合同生效之日起10个工作日内向所在地省级网信部门备案。");

    /// <summary>R-SCC-5: filing review.</summary>
    public static readonly LegalRule ContractFilingReview = new("R-SCC-5", FilingGuidelines, "SCC filing guideline", new(2023, 6, 1), null,
        "A filing is submitted.", "The provincial CAC reviews it within 15 working days and issues a filing number.", Secondary,
        "省级网信部门自收到备案材料之日起15个工作日内反馈备案结果。");

    /// <summary>R-SCC-6: re-do triggers.</summary>
    public static readonly LegalRule ContractRefiling = new("R-SCC-6", ContractMeasures, "Art. 8", new(2023, 6, 1), null,
        "Purpose, scope, type, sensitivity, method, storage, retention or recipient law changed during the contract's term.", "Re-do the PIPIA, supplement or re-sign the contract and re-file.", Verified,
        "标准合同有效期内出境目的、范围、种类、敏感程度、方式、保存地点、境外保存期限等发生变化的，应当重新评估、补充或者重新订立合同并备案。");

    /// <summary>R-CERT-1: eligibility.</summary>
    public static readonly LegalRule CertificationEligibility = new("R-CERT-1", CertificationMeasures, "Art. 5", Cert2026, null,
        "Non-CIIO within the Art. 8 band, no important data.", "Certification may be used.", Verified,
        "非关键信息基础设施运营者在第八条区间内、且不含重要数据的，可以通过个人信息出境认证。");

    /// <summary>R-CERT-2: pre-conditions.</summary>
    public static readonly LegalRule CertificationPreconditions = new("R-CERT-2", CertificationMeasures, "Art. 6", Cert2026, null,
        "Before applying for certification.", "Notice, separate consent and a six-item PIPIA.", Verified,
        "申请认证前应当履行告知、取得单独同意并开展个人信息保护影响评估。");

    /// <summary>R-CERT-4: certificate validity and renewal.</summary>
    public static readonly LegalRule CertificateValidity = new("R-CERT-4", CertificationMeasures, "Art. 8", Cert2026, null,
        "A certificate is issued.", "Valid 3 years; apply to renew 6 months before expiry.", Secondary,
        "认证证书有效期3年，需继续使用的应当在有效期届满前6个月提出认证申请。");

    /// <summary>R-CERT-5: monitoring, suspension and revocation.</summary>
    public static readonly LegalRule CertificateMonitoring = new("R-CERT-5", CertificationMeasures, "Arts. 9–10", Cert2026, null,
        "Exports exceed the certified scope.", "The body suspends, then revokes the certificate.", Secondary,
        "出境活动超出认证范围的，认证机构暂停直至撤销证书。");

    /// <summary>R-CERT-7: certification before 2026.</summary>
    public static readonly LegalRule CertificationBefore2026 = new("R-CERT-7", Pipl, "Art. 38(2); SAMR/CAC announcement (Nov 2022)", new(2022, 11, 4), new(2025, 12, 31),
        "A certificate issued before 1 January 2026.", "Governed by the 2022 announcement and implementation rules; 3-year validity assumed.", Unverified,
        "2026年前的认证依2022年市场监管总局、国家网信办公告及实施规则办理，有效期按3年计算（未经核实）。");

    // §10 automotive
    /// <summary>R-AUTO-ID-1: automotive important-data list items 1–4.</summary>
    public static readonly LegalRule AutomotiveImportantData = new("R-AUTO-ID-1", Automotive, "Art. 3", new(2021, 10, 1), null,
        "Sensitive-area flows, vehicle flow and logistics, charging-network operation, or off-vehicle video and images with faces or plates.", "Published important data: SECURITY ASSESSMENT.", Secondary,
        "重要敏感区域人流车流、反映经济运行的车辆流量物流、充电网运行数据、含人脸车牌的车外视频图像属于汽车重要数据。");

    /// <summary>R-AUTO-ID-2: PI of more than 100,000 persons (contested).</summary>
    public static readonly LegalRule AutomotiveOver100k = new("R-AUTO-ID-2", Automotive, "Art. 3(5)", new(2021, 10, 1), null,
        "An automotive handler's counted persons exceed 100,000 (超过: n > 100,000).", "Important data under Art. 3(5), but the 2026 guideline uses the general bands: named interpretation, legal review.", Unverified,
        "涉及个人信息主体超过10万人的个人信息属于汽车重要数据，但2026年指引适用一般门槛；按命名解释处理并须法律复核。");

    /// <summary>R-AUTO-REP-2: annual report by 15 December.</summary>
    public static readonly LegalRule AutomotiveAnnualReport = new("R-AUTO-REP-2", AutomotiveNotices, "AUTO annual report; provincial notices", new(2021, 10, 1), null,
        "An automotive handler processes automotive important data.", "Annual automotive data security report by 15 December.", Secondary,
        "开展重要数据处理活动的汽车数据处理者，应当于每年12月15日前报送年度汽车数据安全管理情况。");

    /// <summary>R-AUTO-REP-3: export supplement in the annual report.</summary>
    public static readonly LegalRule AutomotiveExportReport = new("R-AUTO-REP-3", Automotive, "export supplement (article number unverified)", new(2021, 10, 1), null,
        "An automotive handler exports important data.", "Add recipient, types, volume, purpose, overseas storage and complaints to the annual report.", Unverified,
        "向境外提供重要数据的，年度报告还应补充接收方、数据种类规模目的、境外存储及投诉处理等情况。");

    // §13 obligations
    /// <summary>R-OBL-1: notice.</summary>
    public static readonly LegalRule Notice = new("R-OBL-1", Pipl, "Arts. 17, 30, 39", Pipl2021, null,
        "Personal information is provided abroad, exempt or not.", "Tell individuals the recipient's name and contact, purpose, method, categories and how to exercise rights.", Verified,
        "向境外提供个人信息的，应当告知境外接收方名称、联系方式、处理目的、处理方式、个人信息种类及行使权利的方式。");

    /// <summary>R-OBL-2: separate consent.</summary>
    public static readonly LegalRule SeparateConsent = new("R-OBL-2", Pipl, "Arts. 13, 23, 29, 31, 39", Pipl2021, null,
        "The processing relies on consent (PIPL Art. 13(1)); minors under 14 are included.", "Obtain separate consent for the export (guardian consent for minors under 14).", Verified,
        "基于同意处理的，向境外提供个人信息应取得个人单独同意；处理不满十四周岁未成年人个人信息的，应取得父母或者其他监护人同意。");

    /// <summary>R-OBL-3: PIPIA.</summary>
    public static readonly LegalRule ImpactAssessment = new("R-OBL-3", Pipl, "Arts. 55(4), 56; P2024 Art. 10", Pipl2021, null,
        "Before every export of personal information.", "Conduct a PIPIA; keep the report and processing records at least 3 years.", Verified,
        "向境外提供个人信息前应当进行个人信息保护影响评估，报告和处理情况记录至少保存3年。");

    /// <summary>R-OBL-4: recipient standard.</summary>
    public static readonly LegalRule RecipientStandard = new("R-OBL-4", Pipl, "Art. 38 para. 3", Pipl2021, null,
        "Personal information is provided abroad.", "Ensure the recipient's processing meets PIPL's standard.", Verified,
        "应当采取必要措施，保障境外接收方处理个人信息的活动达到本法规定的保护标准。");

    /// <summary>R-OBL-5: provision records.</summary>
    public static readonly LegalRule ProvisionRecords = new("R-OBL-5", Ndsr, "Art. 12", Ndsr2025, null,
        "PI or important data is provided to another handler.", "Contract on purpose, method, scope and security; keep provision records at least 3 years.", Verified,
        "向其他网络数据处理者提供个人信息和重要数据的，应当约定相关事项并留存处理情况记录至少3年。");

    /// <summary>R-OBL-8: automotive obligations.</summary>
    public static readonly LegalRule AutomotiveObligations = new("R-OBL-8", Automotive, "notice and consent; annual report", new(2021, 10, 1), null,
        "An automotive handler exports data.", "Automotive notice and consent rules; annual report when important data is processed.", Secondary,
        "汽车数据处理者应遵守告知同意要求，处理重要数据的应报送年度报告。");

    /// <summary>R-OBL-9: important-data processor annual risk report.</summary>
    public static readonly LegalRule ImportantDataRiskReport = new("R-OBL-9", Ndsr, "Art. 33", Ndsr2025, null,
        "The handler processes important data.", "Annual risk assessment report including export information.", Verified,
        "重要数据处理者应当每年度开展风险评估并报送包括数据出境情况的风险评估报告。");

    /// <summary>R-OBL-10: audit trail.</summary>
    public static readonly LegalRule AuditTrail = new("R-OBL-10", Derived, "from R-OBL-3/5", Pipl2021, null,
        "Every transfer.", "Log handler, date, recipient, purpose, basis, exemption, categories, counts and pathway reference; retain at least 3 years.", Secondary,
        "每次出境均记录处理者、时间、接收方、目的、依据、豁免、数据种类、人数及路径编号，至少保存3年。");

    /// <summary>R-OBL-11: PI protection officer.</summary>
    public static readonly LegalRule ProtectionOfficer = new("R-OBL-11", Pipl, "Art. 52; Compliance Audit Measures Art. 12", Pipl2021, null,
        "The handler processes PI of 1,000,000 or more persons.", "Appoint a PI protection officer and report the details (flag only).", Secondary,
        "处理100万人以上个人信息的，应当指定个人信息保护负责人并报送相关信息。");

    /// <summary>R-SPLIT: anti-splitting.</summary>
    public static readonly LegalRule AntiSplitting = new("R-SPLIT", ContractMeasures, "Art. 4; CERTM Art. 5", new(2023, 6, 1), null,
        "A group's combined volumes reach a stricter band than one affiliate's own.", "Volumes must not be split to avoid an assessment: flag SPLIT_RISK.", Verified,
        "不得采取数量拆分等手段，将依法应当申报安全评估的个人信息出境通过订立标准合同或者认证的方式出境。");

    /// <summary>Gets every rule, in the order of RULES.md.</summary>
    public static ImmutableArray<LegalRule> All { get; } =
    [
        CountingWords, PeriodComputation, CountingUnit, ExportBehaviour,
        ForeignJudicialRequest, ListedRecipient, CoreData, StateOrgan, AssessmentScope, VehicleDirect, PathwayBeforeTransfer,
        ImportantDataNotified, IdentifyAndDeclare, ImportantDataNoExemption, ImportantDataProcessor,
        CriticalOperator, ImportantData, AssessmentBand, ContractBand, DeMinimis, NotRegulated,
        TradeExemption, ForeignCollectedExemption, ContractExemption, HumanResourcesExemption, EmergencyExemption, LegalDutyExemption,
        DeMinimisExemption, FreeTradeZoneExemption, Treaties, ExemptionScope, ExemptionEvidence,
        AssessmentRoute, SelfAssessment, AssessmentMaterials, CompletenessCheck, Acceptance, ReviewPeriod, Reexamination,
        AssessmentValidity, AssessmentExtension, Redeclaration, LegalDocument, Pre2024Results, AssessmentTermination,
        LegacyTriggers, LegacyContract, BeforeMeasures,
        FreeTradeZoneMechanism, FreeTradeZoneGates,
        ContractEligibility, ContractImpactAssessment, ContractInEffect, ContractFiling, ContractFilingReview, ContractRefiling,
        CertificationEligibility, CertificationPreconditions, CertificateValidity, CertificateMonitoring, CertificationBefore2026,
        AutomotiveImportantData, AutomotiveOver100k, AutomotiveAnnualReport, AutomotiveExportReport,
        Notice, SeparateConsent, ImpactAssessment, RecipientStandard, ProvisionRecords, AutomotiveObligations,
        ImportantDataRiskReport, AuditTrail, ProtectionOfficer, AntiSplitting,
    ];

    private static readonly FrozenDictionary<string, LegalRule> ById = All.ToFrozenDictionary(rule => rule.Id, StringComparer.Ordinal);

    /// <summary>Returns the rule with the ID <paramref name="id"/>, or <see langword="null"/>.</summary>
    public static LegalRule? Find(string id) => ById.GetValueOrDefault(id);
}
