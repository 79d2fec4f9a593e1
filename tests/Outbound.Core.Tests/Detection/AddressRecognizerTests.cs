using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

// Addresses are made up from real division and common road names; none is anyone's home.
public sealed class AddressRecognizerTests
{
    private static readonly AddressRecognizer Recognizer = new();

    [Theory]
    [InlineData("北京市朝阳区建国路88号3号楼2单元1201室")]
    [InlineData("江苏省苏州市工业园区星湖街328号")]
    [InlineData("上海市浦东新区世纪大道100号")]
    [InlineData("广西壮族自治区南宁市青秀区民族大道136号")]
    [InlineData("内蒙古呼和浩特市赛罕区大学西街235号")]
    [InlineData("四川省成都市高新区天府大道北段1700号")]
    [InlineData("成都市武侯区人民南路四段11号")]
    [InlineData("河南省郑州市金水区花园路23号院5号楼")]
    [InlineData("西安市雁塔区科技路48号创业广场B座1201室")]
    [InlineData("广东省东莞市南城区鸿福路106号")]
    [InlineData("长宁区愚园路1088弄12号302室")]
    [InlineData("幸福小区8#楼1单元302室")]
    [InlineData("阳光花园3栋2单元501")]
    [InlineData("河北省邯郸市临漳县柳园镇东王村")]
    [InlineData("中山路８８号")]
    [InlineData("翠苑小区三栋二单元")]
    public void Scan_WholeAddress_CoversEveryPart(string address)
    {
        var finding = TextScans.Single(Recognizer, address);

        Assert.Equal((0, Encoding.UTF8.GetByteCount(address)), (finding.Start, finding.Length));
        Assert.Equal(IdentifierType.Address, finding.Type);
        Assert.True(finding.Score >= 0.8f, $"score {finding.Score}");
    }

    [Theory]
    [InlineData("我住在中山路88号，离地铁站很近。", "中山路88号")]
    [InlineData("请把货送到深圳市南山区科技南路18号。", "深圳市南山区科技南路18号")]
    [InlineData("他家在阳光小区5栋302室。", "阳光小区5栋302室")]
    [InlineData("本店位于南京市鼓楼区中山北路200号一楼。", "南京市鼓楼区中山北路200号一楼")]
    [InlineData("快递放在学府路25号的门卫室。", "学府路25号")]
    [InlineData("张家村3组的村民都来了。", "张家村3组")]
    [InlineData("收件人：梁文静，四川省成都市高新区天府大道北段1700号", "四川省成都市高新区天府大道北段1700号")]
    [InlineData("{\"addr\":\"广东省广州市天河区天河路385号\",\"zip\":\"510620\"}", "广东省广州市天河区天河路385号")]
    [InlineData("寄件人地址：北京市丰台区丰台路口", "北京市丰台区丰台路口")]
    public void Scan_AddressInText_FindsExactSpan(string text, string address)
    {
        var finding = TextScans.Single(Recognizer, text);

        Assert.Equal(TextScans.BytesOf(text, address), (finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("收货地址：杭州市拱墅区湖墅南路186号金桂园3栋1单元602室，工作日送货。", "杭州市拱墅区湖墅南路186号金桂园3栋1单元602室")]
    [InlineData("{\"address\":\"武汉市江汉区新华路218号锦绣江南12幢2单元1503室\"}", "武汉市江汉区新华路218号锦绣江南12幢2单元1503室")]
    [InlineData("现住南昌市青山湖区北京东路66号东方明珠B座1102室。", "南昌市青山湖区北京东路66号东方明珠B座1102室")]
    [InlineData("请送到成都市锦江区红星路三段1号天府华庭，谢谢。", "成都市锦江区红星路三段1号天府华庭")]
    [InlineData("地址：长沙市开福区芙蓉中路一段58号金色家园", "长沙市开福区芙蓉中路一段58号金色家园")]
    [InlineData("包裹放在济南市历城区山大路99号银座公寓的门卫室。", "济南市历城区山大路99号银座公寓")]
    public void Scan_EstateAfterHouseNumber_ExtendsOverEstateAndBuilding(string text, string address)
    {
        var finding = TextScans.Single(Recognizer, text);

        Assert.Equal(TextScans.BytesOf(text, address), (finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("快递在中山路88号门口放着，请自取。", "中山路88号")]
    [InlineData("他在解放路20号附近等你。", "解放路20号")]
    [InlineData("店铺搬到人民路15号对面的商场了。", "人民路15号")]
    public void Scan_WordsAfterHouseNumber_StopsAtNumber(string text, string address)
    {
        var finding = TextScans.Single(Recognizer, text);

        Assert.Equal(TextScans.BytesOf(text, address), (finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("上海的天气很好。")]
    [InlineData("北京是中国的首都。")]
    [InlineData("我下个月去广州出差。")]
    [InlineData("北京市海淀区")]
    [InlineData("中国银行上海分行")]
    [InlineData("北京大学和清华大学都在海淀。")]
    [InlineData("南京市长江大桥建成于1968年。")]
    [InlineData("北京市政府发布通知。")]
    [InlineData("会议定于5号下午举行。")]
    [InlineData("3楼会议室正在装修。")]
    [InlineData("我知道3号楼在哪里。")]
    [InlineData("他沿着人民路走了很久。")]
    [InlineData("杜甫草堂位于成都。")]
    [InlineData("地铁1号线延长运营。")]
    [InlineData("他去过上海天津香港。")]
    [InlineData("嗓子一路叫上来道")]
    public void Scan_PlaceNamesAlone_FindsNothing(string text) =>
        Assert.Empty(TextScans.Findings(Recognizer, text));

    [Fact]
    public void Scan_ProvinceCityAndCounty_IsWeakAddress()
    {
        var finding = TextScans.Single(Recognizer, "孙建国，男，山东省临沂市兰山区人。");

        Assert.Equal(0.7f, finding.Score);
        Assert.Equal(FindingTraits.Weak, finding.Traits);
    }

    [Theory]
    [InlineData("北京市朝阳区")]
    [InlineData("中山路")]
    [InlineData("成都")]
    public void Scan_AddressField_AcceptsOnePart(string value)
    {
        var finding = TextScans.Single(Recognizer, value, IdentifierType.Address);

        Assert.Equal((0, Encoding.UTF8.GetByteCount(value)), (finding.Start, finding.Length));
        Assert.Equal(0.6f, finding.Score);
        Assert.Equal(FindingTraits.Weak, finding.Traits);
    }

    [Theory]
    [InlineData("地址：北京市朝阳区", "北京市朝阳区")]
    [InlineData("家庭住址: 中山路", "中山路")]
    [InlineData("{\"address\":\"北京市海淀区\"}", "北京市海淀区")]
    [InlineData("{\"home_address\":\"湖南省长沙市\"}", "湖南省长沙市")]
    public void Scan_AfterAddressLabel_AcceptsOnePart(string text, string address)
    {
        var finding = TextScans.Single(Recognizer, text);

        Assert.Equal(TextScans.BytesOf(text, address), (finding.Start, finding.Length));
        Assert.Equal(0.6f, finding.Score);
    }

    [Theory]
    [InlineData("{\"email_address\":\"北京市海淀区\"}")]
    [InlineData("{\"ip_address\":\"上海市\"}")]
    public void Scan_KeyEndingInAddressButNotAPlace_KeepsTheBar(string json) =>
        Assert.Empty(TextScans.Findings(Recognizer, json));

    [Theory]
    [InlineData("北京市 朝阳区 建国路 88号", "北京市 朝阳区 建国路 88号")]
    [InlineData("中山路88号 附近", "中山路88号")]
    [InlineData("中山路88号，附近", "中山路88号")]
    public void Scan_SpacesBetweenParts_JoinOneAddress(string text, string address) =>
        Assert.Equal([address], TextScans.Found(Recognizer, text));

    [Fact]
    public void Scan_TwoAddresses_ReportsExactByteOffsets()
    {
        const string text = "发货：杭州市余杭区文一西路969号；退货：苏州市姑苏区人民路1号。";
        var findings = TextScans.Findings(Recognizer, text);

        Assert.Equal(
            [TextScans.BytesOf(text, "杭州市余杭区文一西路969号"), TextScans.BytesOf(text, "苏州市姑苏区人民路1号")],
            findings.Select(finding => (finding.Start, finding.Length)));
    }

    [Theory]
    [InlineData("北京市", "Province")]
    [InlineData("北京", "Province")]
    [InlineData("延边朝鲜族自治州", "City")]
    [InlineData("延边", "City")]
    [InlineData("广西", "Province")]
    [InlineData("香港", "Province")]
    [InlineData("昆山市", "County")]
    public void DivisionAt_NamesWithAndWithoutSuffix_AreKnown(string name, string level)
    {
        int length = AddressRules.DivisionAt(Encoding.UTF8.GetBytes(name), 0, afterDivision: false, out var found);

        Assert.Equal(Encoding.UTF8.GetByteCount(name), length);
        Assert.Equal(Enum.Parse<DivisionLevel>(level), found);
    }

    [Fact]
    public void DivisionAt_BareCountyName_NeedsADivisionBefore()
    {
        byte[] chaoyang = Encoding.UTF8.GetBytes("海淀");

        Assert.Equal(0, AddressRules.DivisionAt(chaoyang, 0, afterDivision: false, out _));
        Assert.Equal(chaoyang.Length, AddressRules.DivisionAt(chaoyang, 0, afterDivision: true, out _));
    }

    [Fact]
    public void TryMatch_AfterWarmUp_AllocatesNothing()
    {
        byte[] text = Encoding.UTF8.GetBytes("地址：北京市朝阳区建国路88号3号楼2单元1201室；我住在中山路８８号，上海的天气很好。");
        var context = new ScanContext(TextScans.ReferenceDate);
        var field = new ScanContext(TextScans.ReferenceDate, IdentifierType.Address);
        Run();

        long before = GC.GetAllocatedBytesForCurrentThread();
        Run();

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());

        void Run()
        {
            for (int i = 0; i < text.Length; i++)
            {
                Recognizer.TryMatch(text, i, context, out _);
                Recognizer.TryMatch(text, i, field, out _);
            }
        }
    }

    [Property(MaxTest = 500)]
    public Property Scan_AnyBytes_NeverThrowsAndStaysInBounds() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements<byte>(0x20, 0x23, 0x2D, 0x31, 0x41, 0xE4, 0xE5, 0xE8, 0xE9, 0x80, 0x8B, 0xA0, 0xBF, 0xEF, 0xBC, 0x91, 0xE3)).ToArbitrary(),
            bytes =>
            {
                var findings = new List<Finding>();
                new Scanner([Recognizer]).Scan(bytes, new ScanContext(TextScans.ReferenceDate, IdentifierType.Address), findings);
                return findings.All(finding => finding.Start >= 0 && finding.Length > 0 && finding.End <= bytes.Length);
            });
}
