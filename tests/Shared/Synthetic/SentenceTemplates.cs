namespace Outbound.Testing.Synthetic;

/// <summary>
/// Sentence templates for free Chinese text: customer-service chats, delivery notes, HR notes and car-service
/// records. A slot in braces is filled by <see cref="CorpusGenerator"/>; its label follows from the slot.
/// </summary>
/// <remarks>
/// Labelled slots: NAME, NAME2, MOBILE, LANDLINE, ID, ID_MINOR, ID15, CARD, USCC, PLATE, VIN, GPS (two spans, one per
/// number), EMAIL, IPV4, IPV6, IMEI, MAC, PASSPORT, HMT, ADDRESS. Look-alikes: ORDER, EPOCH, HASH, FW, PART,
/// BADMOBILE, FOREIGN, BADUSCC, BADCARD. Plain text: TRACK, AMOUNT, DATE, TIME, CODE, COMPANY, PICKUP, EMOJI.
/// </remarks>
internal static class SentenceTemplates
{
    public static IReadOnlyList<string> All { get; } =
    [
        // Customer service
        "客户{NAME}来电咨询订单{ORDER}的退款进度，预留手机{MOBILE}，请尽快回电。",
        "您好，我是{NAME}，我的手机号是{MOBILE}，昨天下的订单{ORDER}还没发货{EMOJI}",
        "用户反馈银行卡{CARD}被重复扣款{AMOUNT}元，联系电话{LANDLINE}，身份证号{ID}。",
        "请将发票抬头开为{COMPANY}，统一社会信用代码{USCC}，联系人{NAME}，邮箱{EMAIL}。",
        "登录异常提醒：账号绑定邮箱{EMAIL}，最近一次登录IP为{IPV4}，设备IMEI {IMEI}。",
        "客户{NAME}（护照号{PASSPORT}）申请把绑定手机更换为{MOBILE}。",
        "港澳通行证{HMT}的持证人{NAME}需要补办入住登记，联系电话{MOBILE}。",
        "系统日志：{EPOCH} 用户从{IPV6}登录，会话指纹{HASH}。",
        "优惠券码{BADCARD}已过期，已通知客户{NAME}重新领取。",
        "工号{BADMOBILE}为内部测试账号，不是客户手机号，请勿外呼。",
        "您好{NAME}，您的验证码是{CODE}，5分钟内有效，请勿泄露给他人。",
        "客户说收不到短信，手机{MOBILE}，备用邮箱{EMAIL}，麻烦技术看一下{EMOJI}",
        "工单{ORDER}已关闭，处理人{NAME}，客户满意度5星。",
        "退款将原路退回卡号为{CARD}的银行卡，预计3到5个工作日到账。",

        // Delivery notes
        "快递单号{TRACK}：收件人{NAME}，电话{MOBILE}，地址{ADDRESS}，请下午送达。",
        "配送备注：{ADDRESS}，联系{NAME} {MOBILE}，到了先打电话。",
        "骑手{NAME}（手机{MOBILE}）当前位置{GPS}，预计{TIME}送达。",
        "收货人：{NAME}；联系电话：{LANDLINE}；收货地址：{ADDRESS}。",
        "包裹已放在{ADDRESS}的快递柜，取件码{PICKUP}，有问题联系{MOBILE}。",
        "寄件人{NAME2}，收件人{NAME}，收件地址{ADDRESS}，运单{TRACK}。",
        "同城配送：从{GPS}出发，送到{ADDRESS}，收件人电话{MOBILE}。",

        // HR notes
        "新员工{NAME}，身份证号{ID}，工资卡{CARD}，入职日期{DATE}。",
        "{NAME}的紧急联系人电话为{MOBILE}，现住址{ADDRESS}。",
        "候选人{NAME}，邮箱{EMAIL}，手机{MOBILE}，期望薪资面议。",
        "员工{NAME}因出差需续签港澳通行证，旧证号{HMT}，护照号{PASSPORT}。",
        "社保登记：{NAME}，{ID}，参保单位{COMPANY}（{USCC}）。",
        "请为{NAME}开通办公网络，笔记本MAC地址{MAC}，分配固定IP {IPV4}。",
        "员工{NAME}为孩子申请子女医疗补助，孩子身份证号{ID_MINOR}。",
        "老员工{NAME}档案中的旧身份证号为{ID15}，请核对新证号{ID}。",
        "离职交接：{NAME}名下的工作手机IMEI为{IMEI}，请IT回收。",

        // Car-service records
        "车辆{PLATE}（VIN：{VIN}）于{DATE}进店保养，车主{NAME}，电话{MOBILE}。",
        "车主{NAME}反映车辆{PLATE}在{GPS}附近抛锚，请派救援。",
        "维修记录：车架号{VIN}，更换零件{PART}，固件升级至{FW}。",
        "T-Box上报：车架号{VIN}，位置{GPS}，时间戳{EPOCH}。",
        "事故车辆{PLATE}，驾驶员{NAME}，驾驶证号{ID}，保险报案电话{LANDLINE}。",
        "海外测试车当前坐标{FOREIGN}，车牌{PLATE}，数据仅用于标定。",
        "零件编号{PART}与车架号{VIN}不一致，请仓库核对。",
        "车辆{PLATE}的OTA包校验值{HASH}，版本{FW}。",
        "充电订单{ORDER}：车辆{PLATE}，用户手机{MOBILE}，扣款卡号{CARD}。",
        "试驾登记：{NAME}，手机{MOBILE}，意向车型试驾后送回{ADDRESS}。",

        // Mixed
        "商户{COMPANY}的统一社会信用代码应为{USCC}，而不是{BADUSCC}。",
        "设备{IMEI}的Wi-Fi MAC为{MAC}，最近一次上线IP {IPV4}。",
        "请联系{NAME}，座机{LANDLINE}，或发邮件至{EMAIL}。",
        "东京办事处坐标{FOREIGN}，北京总部坐标{GPS}。",
        "来自{IPV6}的请求量异常，来源设备MAC {MAC}。",
        "导航终点{ADDRESS}，坐标{GPS}。",
        "版本号{FW}的更新包已推送，包哈希{HASH}，发布时间{EPOCH}。",
    ];
}
