using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;

namespace Outbound.Law;

/// <summary>The data-category taxonomy (RULES §2, §10.1, §12.1): every code a declaration may use.</summary>
public static class DataCategories
{
    /// <summary>Gets every category, in a stable order.</summary>
    public static ImmutableArray<DataCategory> All { get; } =
    [
        new("general", "General (non-personal) data", "一般数据", DataGrade.General, SensitiveKind.None, 0, false),
        new("trade", "Trade, transport, manufacturing or research data without PI", "国际贸易、跨境运输、学术合作、跨国生产制造和市场营销数据", DataGrade.General, SensitiveKind.None, 0, false),
        new("contact", "Contact details", "联系方式", DataGrade.PersonalInformation, SensitiveKind.None, 0, false),
        new("account", "Account information", "账户信息", DataGrade.PersonalInformation, SensitiveKind.None, 0, false),
        new("device_id", "Device identifiers", "设备标识", DataGrade.PersonalInformation, SensitiveKind.None, 0, false),
        new("identity_document", "Identity document numbers", "身份证件信息", DataGrade.PersonalInformation, SensitiveKind.SpecificIdentity, 0, false),
        new("bank_account", "Bank and payment accounts", "银行账户", DataGrade.PersonalInformation, SensitiveKind.FinancialAccount, 0, false),
        new("health", "Medical and health information", "医疗健康信息", DataGrade.PersonalInformation, SensitiveKind.MedicalHealth, 0, false),
        new("biometric", "Biometric information", "生物识别信息", DataGrade.PersonalInformation, SensitiveKind.Biometric, 0, false),
        new("religion", "Religious belief", "宗教信仰", DataGrade.PersonalInformation, SensitiveKind.ReligiousBelief, 0, false),
        new("trajectory", "Whereabouts and trajectories", "行踪轨迹", DataGrade.PersonalInformation, SensitiveKind.Whereabouts, 0, false),
        new("precise_location", "Precise location", "精准定位信息", DataGrade.PersonalInformation, SensitiveKind.Whereabouts, 0, false),
        new("face_image", "Face images", "人脸图像", DataGrade.PersonalInformation, SensitiveKind.Biometric, 0, false),
        new("cabin_audio", "Vehicle cabin audio", "座舱音频", DataGrade.PersonalInformation, SensitiveKind.AutomotiveRecording, 0, true),
        new("cabin_video", "Vehicle cabin video and images", "座舱视频图像", DataGrade.PersonalInformation, SensitiveKind.AutomotiveRecording, 0, true),
        new("off_vehicle_image", "Off-vehicle video and images containing faces or licence plates", "含人脸、车牌的车外视频图像", DataGrade.PersonalInformation, SensitiveKind.AutomotiveRecording, 4, true),
        new("sensitive_area_trajectory", "Vehicle and people flows of important sensitive areas", "重要敏感区域的人流车流数据", DataGrade.PersonalInformation, SensitiveKind.Whereabouts, 1, true),
        new("vehicle_telemetry", "Vehicle telemetry linked to a vehicle", "车辆运行数据", DataGrade.PersonalInformation, SensitiveKind.None, 0, true),
        new("vehicle_flow", "Vehicle flow and logistics data reflecting economic operation", "反映经济运行情况的车辆流量、物流数据", DataGrade.General, SensitiveKind.None, 2, true),
        new("charging_network", "Charging-network operating data", "汽车充电网的运行数据", DataGrade.General, SensitiveKind.None, 3, true),
        new("resume", "Résumés", "简历信息", DataGrade.PersonalInformation, SensitiveKind.None, 0, false),
        new("booking", "Travel and service bookings", "预订信息", DataGrade.PersonalInformation, SensitiveKind.None, 0, false),
        new("order", "Orders and delivery details", "订单信息", DataGrade.PersonalInformation, SensitiveKind.None, 0, false),
        new("education", "Education records", "教育信息", DataGrade.PersonalInformation, SensitiveKind.None, 0, false),
        new("employment", "Employment and HR records", "工作信息", DataGrade.PersonalInformation, SensitiveKind.None, 0, false),
    ];

    private static readonly FrozenDictionary<string, DataCategory> ByCode =
        All.ToFrozenDictionary(category => category.Code, StringComparer.Ordinal);

    /// <summary>Finds the category with the code <paramref name="code"/>.</summary>
    public static bool TryGet(string code, [NotNullWhen(true)] out DataCategory? category) =>
        ByCode.TryGetValue(code, out category);

    /// <summary>Returns the category with the code <paramref name="code"/>.</summary>
    /// <exception cref="KeyNotFoundException">No category has that code.</exception>
    public static DataCategory Get(string code) =>
        TryGet(code, out var category) ? category : throw new KeyNotFoundException($"No data category has the code '{code}'.");
}
