using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Detection;
using Outbound.Detection.Recognizers;

namespace Outbound.Core.Tests.Detection;

// Every name here is made up, or belongs to a historical figure (欧阳修, 诸葛亮, 司马光).
public sealed class PersonNameRecognizerTests
{
    private static readonly PersonNameRecognizer Recognizer = new();

    [Theory]
    [InlineData("姓名：张建华，性别：男", "张建华")]
    [InlineData("联系人：王丽娟　电话：13912345678", "王丽娟")]
    [InlineData("收件人:刘志强", "刘志强")]
    [InlineData("持卡人姓名：陈美玲", "陈美玲")]
    [InlineData("车主：赵国平，车牌号：京A12345", "赵国平")]
    [InlineData("紧急联系人：邓国庆（父亲）", "邓国庆")]
    [InlineData("负责人为胡建军", "胡建军")]
    [InlineData("签名：曹振宇", "曹振宇")]
    [InlineData("姓名：王五性别：男", "王五")]
    public void Scan_AfterNameLabel_FindsName(string text, string name)
    {
        var finding = TextScans.Single(Recognizer, text);

        Assert.Equal(TextScans.BytesOf(text, name), (finding.Start, finding.Length));
        Assert.Equal(0.95f, finding.Score);
        Assert.Equal(FindingTraits.None, finding.Traits);
    }

    [Theory]
    [InlineData("{\"seller\":{\"name\":\"杭州明远电子商务有限公司\",\"phone\":\"0571-88886666\"}}")]
    [InlineData("{\"name\": \"郑州宏达物流有限公司\"}")]
    [InlineData("{\"customer\":\"林记商行\"}")]
    [InlineData("{\"name\":\"王府井百货集团\"}")]
    [InlineData("联系人：石家庄和信贸易有限公司")]
    [InlineData("{\"name\":\"张家口长城宾馆\"}")]
    public void Scan_NameFieldHoldingOrganisation_FindsNothing(string text)
    {
        Assert.Empty(TextScans.Findings(Recognizer, text));
    }

    [Theory]
    [InlineData("杭州明远电子商务有限公司")]
    [InlineData("高新技术开发公司")]
    [InlineData("李宁体育用品店")]
    public void Scan_NameFieldHintOnOrganisation_FindsNothing(string value)
    {
        Assert.Empty(TextScans.Findings(Recognizer, value, IdentifierType.PersonName));
    }

    [Theory]
    [InlineData("{\"buyer\":\"陈一\",\"mobile\":\"13900001111\"}", "陈一")]
    [InlineData("{\"name\": \"周一鸣\", \"gender\": \"男\"}", "周一鸣")]
    [InlineData("{\"driver\":\"韩浩然\"}", "韩浩然")]
    [InlineData("{\"payer\":\"欧阳子轩\"}", "欧阳子轩")]
    public void Scan_PersonKey_FindsWholeValue(string text, string name)
    {
        var finding = TextScans.Single(Recognizer, text);

        Assert.Equal(TextScans.BytesOf(text, name), (finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("{\"name\":\"黄河大道管理处\"}")]
    [InlineData("{\"buyer\":\"赵钱孙李周吴\"}")]
    public void Scan_PersonKeyOnLongerValue_FindsNothing(string text)
    {
        Assert.Empty(TextScans.Findings(Recognizer, text));
    }

    [Theory]
    [InlineData("会员孙浩然（尾号2233）已续费。", "孙浩然")]
    [InlineData("骑手王强当前位置已更新。", "王强")]
    [InlineData("员工高峰的紧急联系人是他的妻子。", "高峰")]
    [InlineData("新员工朱芳一，入职日期待定。", "朱芳一")]
    [InlineData("候选人吴佳宁，邮箱见附件。", "吴佳宁")]
    [InlineData("您好周雨，您的验证码已发送。", "周雨")]
    [InlineData("快递员刘建波（手机尾号0001）已取件。", "刘建波")]
    public void Scan_AfterRoleWord_FindsName(string text, string name)
    {
        Assert.Contains(name, TextScans.Found(Recognizer, text));
    }

    [Theory]
    [InlineData("员工高峰期加班较多。")]
    [InlineData("会员高兴地领了礼品。")]
    public void Scan_RoleWordBeforeOrdinaryWord_FindsNoName(string text)
    {
        Assert.Empty(TextScans.Findings(Recognizer, text));
    }

    [Theory]
    [InlineData("收件人蔡一，电话稍后补充。", "蔡一")]
    [InlineData("联系人于博一，邮箱见签名。", "于博一")]
    [InlineData("处理人黄晓洋，客户满意度五星。", "黄晓洋")]
    [InlineData("持证人丁玲静需要补办入住登记。", "丁玲静")]
    [InlineData("收件人卢一凡，收件地址见面单。", "卢一凡")]
    public void Scan_LabelledNameEndingInRareCharacter_FindsWholeName(string text, string name)
    {
        var finding = TextScans.Single(Recognizer, text);

        Assert.Equal(TextScans.BytesOf(text, name), (finding.Start, finding.Length));
    }

    [Theory]
    [InlineData("参保单位石家庄启明贸易有限公司已登记。")]
    [InlineData("发票抬头为乌鲁木齐云帆科技有限公司。")]
    public void Scan_SurnameInsidePlaceName_FindsNoName(string text)
    {
        Assert.Empty(TextScans.Findings(Recognizer, text));
    }

    [Theory]
    [InlineData("王先生您好，您的快递已到。", "王", 0.85f)]
    [InlineData("周女士您好，您预约的体检在下周三。", "周", 0.85f)]
    [InlineData("孙丽华女士已签署合同。", "孙丽华", 0.9f)]
    [InlineData("欧阳娜娜同学请到教务处领取证书。", "欧阳娜娜", 0.9f)]
    [InlineData("请黄晓明老师于周五前提交成绩。", "黄晓明", 0.9f)]
    [InlineData("明天由田师傅上门维修。", "田", 0.85f)]
    [InlineData("高明先生来电", "高明", 0.9f)]
    [InlineData("你们两位方老先生", "方", 0.85f)]
    [InlineData("我今天来谢谢方先生", "方", 0.85f)]
    public void Scan_BeforeTitle_FindsNameWithoutTitle(string text, string name, float score)
    {
        var finding = TextScans.Single(Recognizer, text);

        Assert.Equal(TextScans.BytesOf(text, name), (finding.Start, finding.Length));
        Assert.Equal(score, finding.Score);
    }

    [Theory]
    [InlineData("各位先生、女士，晚上好。")]
    [InlineData("这位女士请留步。")]
    [InlineData("任何老师都可以报名。")]
    [InlineData("已由王师傅揽收")]
    [InlineData("其余王先生送阅")]
    [InlineData("咱们多年老同学了")]
    [InlineData("他是中国教授")]
    public void Scan_TitleAfterOrdinaryWord_FindsNoOtherName(string text)
    {
        string[] found = TextScans.Found(Recognizer, text);

        Assert.All(found, name => Assert.Equal("王", name));
    }

    [Theory]
    [InlineData("司机孙海涛已到达上车点。", "孙海涛")]
    [InlineData("患者谢春梅，女，62岁。", "谢春梅")]
    [InlineData("乘客罗志刚请到8号登机口。", "罗志刚")]
    [InlineData("我叫许佳琪，来自四川。", "许佳琪")]
    public void Scan_AfterRoleWord_FindsNameWithRoleScore(string text, string name)
    {
        var finding = TextScans.Single(Recognizer, text);

        Assert.Equal(TextScans.BytesOf(text, name), (finding.Start, finding.Length));
        Assert.Equal(0.8f, finding.Score);
    }

    [Theory]
    [InlineData("今天张伟和王芳一起去图书馆复习。", new[] { "张伟", "王芳" })]
    [InlineData("陈静是我们部门新来的同事。", new[] { "陈静" })]
    [InlineData("据刘晓燕介绍，该项目已进入试运行阶段。", new[] { "刘晓燕" })]
    [InlineData("欧阳修是北宋著名的文学家。", new[] { "欧阳修" })]
    [InlineData("诸葛亮草船借箭的故事家喻户晓。", new[] { "诸葛亮" })]
    [InlineData("于晓明负责此事。", new[] { "于晓明" })]
    [InlineData("吕建国，山西省太原市", new[] { "吕建国" })]
    public void Scan_InRunningText_FindsPlausibleNamesAsWeak(string text, string[] names)
    {
        var findings = TextScans.Findings(Recognizer, text);

        Assert.Equal(names, TextScans.Found(Recognizer, text));
        Assert.All(findings, finding => Assert.Equal(FindingTraits.Weak, finding.Traits));
        Assert.All(findings, finding => Assert.InRange(finding.Score, 0.55f, 0.75f));
    }

    [Theory]
    [InlineData("今天很高兴见到大家。")]
    [InlineData("这笔金额请在周末前支付。")]
    [InlineData("请马上处理，方便的话回电。")]
    [InlineData("黄金价格上涨，林业局发布通知。")]
    [InlineData("由于天气原因，航班延误。")]
    [InlineData("这个方法可以提高工作效率。")]
    [InlineData("于是他决定离开。")]
    [InlineData("公司于今年三月成立。")]
    [InlineData("这张照片很好看。")]
    [InlineData("中国银行上海分行")]
    [InlineData("招商银行深圳分行营业部")]
    [InlineData("华为发布了新款手机。")]
    [InlineData("上海的天气很好。")]
    [InlineData("石家庄市的空气质量有所改善。")]
    [InlineData("周口市的小麦丰收了。")]
    [InlineData("邓氏家族的族谱保存完好。")]
    [InlineData("任何人都不能违反规定。")]
    [InlineData("白天气温较高，夜间转凉。")]
    [InlineData("金融机构加强风险管理。")]
    [InlineData("余额不足，请及时充值。")]
    [InlineData("关于调整作息时间的通知。")]
    [InlineData("基于深度学习的方法")]
    [InlineData("会议定于5号下午举行。")]
    [InlineData("父亲是前清举人。")]
    [InlineData("看父亲胡子又花白了。")]
    [InlineData("房东家借了一把伞。")]
    [InlineData("郭家庄站到了。")]
    [InlineData("城里新开了一家钱庄。")]
    public void Scan_OrdinaryWordsStartingWithSurnames_FindsNothing(string text) =>
        Assert.Empty(TextScans.Findings(Recognizer, text));

    [Theory]
    [InlineData("张三")]
    [InlineData("欧阳明")]
    [InlineData("高兴")]
    [InlineData("白雪")]
    public void Scan_NameField_TrustsTheField(string value)
    {
        var finding = TextScans.Single(Recognizer, value, IdentifierType.PersonName);

        Assert.Equal((0, Encoding.UTF8.GetByteCount(value)), (finding.Start, finding.Length));
        Assert.Equal(0.9f, finding.Score);
    }

    [Theory]
    [InlineData("{\"name\": \"林婷婷\", \"phone\": \"13800001111\"}", "林婷婷")]
    [InlineData("{\"receiver\":\"徐文博\"}", "徐文博")]
    [InlineData("{\"customer_name\":\"郭佳怡\",\"city\":\"杭州\"}", "郭佳怡")]
    [InlineData("{\"holder_name\":\"钟晓峰\"}", "钟晓峰")]
    [InlineData("{\"姓名\":\"董海燕\"}", "董海燕")]
    public void Scan_JsonNameValue_FindsNameByKey(string json, string name)
    {
        var finding = TextScans.Single(Recognizer, json);

        Assert.Equal(TextScans.BytesOf(json, name), (finding.Start, finding.Length));
        Assert.Equal(0.95f, finding.Score);
    }

    [Theory]
    [InlineData("{\"user_name\":\"高兴\"}")]
    [InlineData("{\"company_name\":\"金额\"}")]
    [InlineData("{\"name\":\"蓝牙耳机\",\"price\":199}")]
    public void Scan_JsonValueOfOtherKey_FindsNothing(string json) =>
        Assert.Empty(TextScans.Findings(Recognizer, json));

    [Theory]
    [InlineData("Zhang San")]
    [InlineData("ZHANG San")]
    [InlineData("ZHANG SAN")]
    [InlineData("Ouyang Xiu")]
    [InlineData("Zhang, San")]
    [InlineData("Zhang,San")]
    [InlineData("Li Xiaoming")]
    [InlineData("Wang Xiao-Ming")]
    [InlineData("Xiaoming Li")]
    [InlineData("Lyu Bin")]
    [InlineData("Zhuge Liang")]
    public void Scan_PinyinInNameField_FindsWholeName(string value)
    {
        var finding = TextScans.Single(Recognizer, value, IdentifierType.PersonName);

        Assert.Equal((0, value.Length), (finding.Start, finding.Length));
        Assert.Equal(0.85f, finding.Score);
    }

    [Theory]
    [InlineData("John Smith")]
    [InlineData("Lee Minho")]
    [InlineData("Zhang Xyz")]
    [InlineData("Zhang Sanfengx")]
    [InlineData("Zhang")]
    [InlineData("N/A")]
    [InlineData("Zhang San2")]
    [InlineData("Ms Zhang")]
    public void Scan_NotPinyinNameInNameField_FindsNothing(string value) =>
        Assert.Empty(TextScans.Findings(Recognizer, value, IdentifierType.PersonName));

    [Fact]
    public void Scan_PinyinOutsideNameField_FindsNothing() =>
        Assert.Empty(TextScans.Findings(Recognizer, "Zhang San paid the invoice."));

    [Theory]
    [InlineData("ID张三")]
    [InlineData("张三7")]
    public void Scan_NameGluedToLettersOrDigits_FindsNothing(string value) =>
        Assert.Empty(TextScans.Findings(Recognizer, value, IdentifierType.PersonName));

    [Fact]
    public void Scan_NameBeforeAddress_StopsAtProvince()
    {
        const string text = "收件人：张伟北京市朝阳区建国路88号";

        Assert.Equal(["张伟"], TextScans.Found(Recognizer, text));
    }

    [Fact]
    public void Scan_MixedRecord_ReportsExactByteOffsets()
    {
        const string text = "订单12345，收件人：赵敏，电话13800001111，李小明先生代收。";
        var findings = TextScans.Findings(Recognizer, text);

        Assert.Equal(
            [TextScans.BytesOf(text, "赵敏"), TextScans.BytesOf(text, "李小明")],
            findings.Select(finding => (finding.Start, finding.Length)));
        Assert.All(findings, finding => Assert.Equal(IdentifierType.PersonName, finding.Type));
    }

    [Theory]
    [InlineData("欧阳")]
    [InlineData("司马")]
    [InlineData("诸葛")]
    [InlineData("上官")]
    [InlineData("东方")]
    [InlineData("皇甫")]
    [InlineData("尉迟")]
    [InlineData("公孙")]
    [InlineData("慕容")]
    [InlineData("长孙")]
    [InlineData("宇文")]
    [InlineData("司徒")]
    [InlineData("夏侯")]
    public void TryReadSurname_CompoundSurname_ReadsTwoCharacters(string surname)
    {
        Assert.True(PersonNameRules.TryReadSurname(Encoding.UTF8.GetBytes(surname + "明"), 0, out var read));
        Assert.Equal(2, read.Characters);
    }

    [Theory]
    [InlineData("王", true)]
    [InlineData("李", true)]
    [InlineData("张", true)]
    [InlineData("那", false)]
    [InlineData("是", false)]
    public void TryReadSurname_SingleSurname_KnowsWhichAreCommon(string surname, bool common)
    {
        Assert.True(PersonNameRules.TryReadSurname(Encoding.UTF8.GetBytes(surname), 0, out var read));
        Assert.Equal(1, read.Characters);
        Assert.Equal(common, read.IsCommon);
    }

    [Theory]
    [InlineData("高兴")]
    [InlineData("金额")]
    [InlineData("周末")]
    [InlineData("马上")]
    [InlineData("方便")]
    [InlineData("黄金")]
    [InlineData("林业")]
    [InlineData("由于")]
    public void IsStopWord_WordsTheBriefNames_AreListed(string word) =>
        Assert.True(PersonNameRules.IsStopWord(word[0], word[1], out _));

    [Theory]
    [InlineData("伟", 60)]
    [InlineData("芳", 60)]
    [InlineData("婷", 60)]
    [InlineData("的", 0)]
    [InlineData("了", 0)]
    [InlineData("是", 0)]
    public void GivenNameWeight_CommonAndGrammaticalCharacters_AreFarApart(string character, int bound)
    {
        int weight = PersonNameRules.GivenNameWeight(character[0]);

        if (bound == 0)
        {
            Assert.Equal(0, weight);
        }
        else
        {
            Assert.True(weight >= bound, $"{character} weighs {weight}.");
        }
    }

    [Theory]
    [InlineData("zhuang", true)]
    [InlineData("lv", true)]
    [InlineData("er", true)]
    [InlineData("zhuong", false)]
    [InlineData("smith", false)]
    public void IsSyllable_PinyinTable_KnowsSyllables(string letters, bool valid) =>
        Assert.Equal(valid, PersonNameRules.IsSyllable(Encoding.ASCII.GetBytes(letters)));

    [Fact]
    public void TryMatch_AfterWarmUp_AllocatesNothing()
    {
        byte[] text = Encoding.UTF8.GetBytes("收件人：李小明，王先生说今天很高兴，张伟和陈静也来了。{\"name\":\"欧阳娜娜\"}");
        var context = new ScanContext(TextScans.ReferenceDate);
        var field = new ScanContext(TextScans.ReferenceDate, IdentifierType.PersonName);
        byte[] pinyin = Encoding.ASCII.GetBytes("Ouyang Xiu");
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

            Recognizer.TryMatch(pinyin, 0, field, out _);
        }
    }

    [Property(MaxTest = 500)]
    public Property Scan_AnyBytes_NeverThrowsAndStaysInBounds() =>
        Prop.ForAll(
            Gen.ArrayOf(Gen.Elements<byte>(0x20, 0x41, 0x5A, 0x61, 0xE4, 0xE5, 0xE7, 0xE9, 0x80, 0x8B, 0xA0, 0xBF, 0xEF, 0xBC, 0x9A, 0x22, 0x3A)).ToArbitrary(),
            bytes =>
            {
                var findings = new List<Finding>();
                new Scanner([Recognizer]).Scan(bytes, new ScanContext(TextScans.ReferenceDate, IdentifierType.PersonName), findings);
                return findings.All(finding => finding.Start >= 0 && finding.Length > 0 && finding.End <= bytes.Length);
            });
}
