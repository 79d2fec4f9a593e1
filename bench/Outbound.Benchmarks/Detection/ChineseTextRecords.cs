using System.Text;

namespace Outbound.Benchmarks.Detection;

/// <summary>Deterministic JSON lines of Chinese free text with names, addresses and their look-alikes.</summary>
internal static class ChineseTextRecords
{
    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "周", "吴", "徐", "孙", "马", "朱", "胡", "欧阳", "司马"];

    private static readonly string[] Given = ["伟", "芳", "娜", "敏", "静", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明", "超", "秀英", "建华", "志强", "丽娟", "晓燕", "海涛", "婷婷"];

    private static readonly string[] Cities = ["北京市朝阳区", "上海市浦东新区", "广东省深圳市南山区", "浙江省杭州市西湖区", "四川省成都市武侯区", "江苏省南京市鼓楼区"];

    private static readonly string[] Roads = ["建国路", "世纪大道", "科技南路", "文三路", "人民南路", "中山北路", "解放大街"];

    // Sentences without names or addresses whose words start with surnames or name places.
    private static readonly string[] LookAlikes =
    [
        "今天很高兴见到大家", "这笔金额请在周末前支付", "请马上处理，方便的话回电", "黄金价格上涨，林业局发布通知", "由于天气原因航班延误",
        "上海的天气很好", "中国银行上海分行", "北京大学和清华大学", "会议定于5号下午举行", "这个方法可以提高工作效率", "于是他决定离开",
        "高峰期间请错峰出行", "我们计划在周一开会讨论方案", "石油价格下跌", "程序已经更新到最新版本",
    ];

    public static string Lines(int count, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (int i = 0; i < count; i++)
        {
            string name = Surnames[random.Next(Surnames.Length)] + Given[random.Next(Given.Length)];
            text.Append("{\"id\":").Append(i).Append(",\"msg\":\"");
            switch (random.Next(5))
            {
                case 0:
                    text.Append("收件人：").Append(name).Append("，地址：").Append(Cities[random.Next(Cities.Length)])
                        .Append(Roads[random.Next(Roads.Length)]).Append(random.Next(1, 999)).Append('号').Append(random.Next(1, 30)).Append('栋')
                        .Append(random.Next(101, 2999)).Append('室');
                    break;
                case 1:
                    text.Append(name).Append("先生您好，您的订单已发货，").Append(LookAlikes[random.Next(LookAlikes.Length)]);
                    break;
                case 2:
                    text.Append("司机").Append(name).Append("已到达").Append(Roads[random.Next(Roads.Length)]).Append(random.Next(1, 999)).Append('号');
                    break;
                default:
                    text.Append(LookAlikes[random.Next(LookAlikes.Length)]).Append('，').Append(LookAlikes[random.Next(LookAlikes.Length)]);
                    break;
            }

            text.Append("\"}\n");
        }

        return text.ToString();
    }
}
