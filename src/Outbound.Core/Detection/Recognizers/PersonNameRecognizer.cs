using System.Buffers;

namespace Outbound.Detection.Recognizers;

/// <summary>Finds personal names (姓名): Chinese names, and pinyin names in fields named for a person.</summary>
/// <remarks>
/// <para>
/// A Chinese name is a surname from the surname table (single or compound: 欧阳, 司马) and one or two given-name
/// characters. The evidence sets the score: a label before it (姓名：, 收件人, <c>"name":</c>) or a name field
/// (<see cref="ScanContext.FieldType"/>) is strong; a title after it (王先生, 李小明女士) counts even after a surname
/// alone; a role word before it (司机王五) needs plausible given-name characters; in running text a common surname
/// with given-name characters that are likelier in names than in ordinary text gets a moderate score, flagged
/// <see cref="FindingTraits.Weak"/>, unless the characters form a frequent word (高兴, 金额, 周末) or the surname
/// character ends the word before it (由于, 提高).
/// </para>
/// <para>
/// Pinyin names (<c>Zhang San</c>, <c>ZHANG San</c>, <c>Zhang, San</c>, <c>San Zhang</c>) are reported only in a name
/// field, when the surname is a common surname's pinyin and the given name is one or two valid syllables.
/// </para>
/// <para>The span covers the name only, never the label or title. Instances are immutable and thread-safe.</para>
/// </remarks>
public sealed class PersonNameRecognizer : IRecognizer
{
    private const int MaxGivenChars = 2;

    // Numerals and demonstratives, after which 张 is a measure word and not a surname (一张, 这张, 每张).
    private static readonly HanSet Quantifiers = new("一二三四五六七八九十两几这那每各整半多数某哪百千万亿第");

    // Characters that end place names (村, 庄, 站): never the last character of a name in running text.
    private static readonly HanSet PlaceEndings = new("庄村屯镇乡寨堡站店铺集坝沟峪湾");

    // Particles and verbs that often follow a name directly: 张三的, 李四是, 王五在.
    private static readonly HanSet NameEnders = new("的是在说和与及");

    private static readonly SearchValues<byte> TriggerBytes = SearchValues.Create([.. HanText.LeadBytes, .. "ABCDEFGHIJKLMNOPQRSTUVWXYZ"u8]);

    /// <inheritdoc/>
    public IdentifierType Type => IdentifierType.PersonName;

    /// <inheritdoc/>
    public SearchValues<byte> Triggers => TriggerBytes;

    /// <inheritdoc/>
    public bool TryMatch(ReadOnlySpan<byte> text, int position, in ScanContext context, out Finding finding)
    {
        finding = default;
        if (HanText.IsAsciiLetterOrDigitAt(text, position - 1))
        {
            return false;
        }

        if (text[position] < 0x80)
        {
            return context.FieldType == IdentifierType.PersonName && TryMatchPinyin(text, position, out finding);
        }

        if (!PersonNameRules.TryReadSurname(text, position, out var surname) || InsidePlaceName(text, position))
        {
            return false;
        }

        int givenStart = position + (surname.Characters * HanText.Width);
        int length;
        float score;
        var traits = FindingTraits.None;
        var label = PersonNameRules.LabelBefore(text, position);
        int titled = TitledGivenLength(text, position, givenStart, surname, label);
        if (titled >= 0)
        {
            length = (surname.Characters + titled) * HanText.Width;
            score = titled == 0 ? 0.85f : 0.9f;
        }
        else if (label is NameLabel.Field or NameLabel.Key || (label == NameLabel.Label && surname.IsCommon) || context.FieldType == IdentifierType.PersonName)
        {
            // A name field or label holding a company or an institution (石家庄启明供应链管理有限公司) holds no person's name.
            if (PersonNameRules.IsOrganisationRun(text, position))
            {
                return false;
            }

            // A key or a field hint vouches for the whole value, not for the start of a longer run of characters.
            bool wholeValue = label == NameLabel.Key || (label is NameLabel.None or NameLabel.Role && context.FieldType == IdentifierType.PersonName);
            int given = wholeValue ? WholeValueGivenLength(text, givenStart) : LabelledGivenLength(text, givenStart);
            if (given == 0)
            {
                return false;
            }

            length = (surname.Characters + given) * HanText.Width;
            score = label is NameLabel.Field or NameLabel.Key or NameLabel.Label ? 0.95f : 0.9f;
        }
        else
        {
            int given = label == NameLabel.Role ? RoleGivenLength(text, givenStart, surname) : BareGivenLength(text, position, givenStart, surname);
            if (given == 0)
            {
                return false;
            }

            length = (surname.Characters + given) * HanText.Width;
            if (label == NameLabel.Role)
            {
                score = 0.8f;
            }
            else
            {
                score = 0.55f + (0.1f * surname.Weight / 100f) + (given == 2 ? 0.05f : 0f) + (surname.Characters == 2 ? 0.05f : 0f);
                traits = FindingTraits.Weak;
            }
        }

        if (HanText.IsAsciiLetterOrDigitAt(text, position + length))
        {
            return false;
        }

        finding = new Finding(IdentifierType.PersonName, position, length, score, traits);
        return true;
    }

    // Given-name length (0 to 2) when a title follows (王先生, 李小明女士), else -1.
    private static int TitledGivenLength(ReadOnlySpan<byte> text, int position, int givenStart, Surname surname, NameLabel label)
    {
        for (int given = MaxGivenChars; given >= 0; given--)
        {
            if (PersonNameRules.TitleAt(text, givenStart + (given * HanText.Width)) == 0)
            {
                continue;
            }

            if (given == 0)
            {
                // A surname alone needs a common one: 各位先生 and 这位女士 are not names.
                if (surname.IsCommon && (label != NameLabel.None || !EndsWordBefore(text, position)))
                {
                    return 0;
                }

                continue;
            }

            if (AcceptsTitledGiven(text, givenStart, given, surname)
                && (label != NameLabel.None || !EndsWordBefore(text, position)))
            {
                return given;
            }
        }

        return -1;
    }

    private static bool AcceptsTitledGiven(ReadOnlySpan<byte> text, int givenStart, int given, Surname surname)
    {
        // A rare surname needs strong given-name characters: 中国教授, 多年老同学 are no names.
        int floor = surname.IsCommon ? PersonNameRules.Acceptable : PersonNameRules.Strong;

        // 由王师傅, 向孙小姐, 其余王先生: a rare surname, or a surname character that is a word, before a common surname
        // is the word before the name.
        if ((!surname.IsCommon || surname.IsWord) && PersonNameRules.TryReadSurname(text, givenStart, out var next) && next.IsCommon)
        {
            return false;
        }

        for (int i = 0; i < given; i++)
        {
            int at = givenStart + (i * HanText.Width);
            int codePoint = HanText.DecodeAt(text, at);
            int weight = PersonNameRules.GivenNameWeight(codePoint);
            if (weight == PersonNameRules.NotHan || (weight < floor && !(weight == PersonNameRules.Unknown && surname.IsCommon))
                || StopsName(text, at) || (i == given - 1 && codePoint == '老'))
            {
                // 方老先生 is "old Mr Fang": 老 before a title is respect, not a given name.
                return false;
            }
        }

        // 任何老师 is "any teacher"; 高明先生 is a name although 高明 is also a word.
        int surnameLast = HanText.DecodeAt(text, givenStart - HanText.Width);
        return !(PersonNameRules.IsStopWord(surnameLast, HanText.DecodeAt(text, givenStart), out bool alsoName) && !alsoName);
    }

    // After 姓名： or in a name field: one or two characters that can be in a name. A character rare in names (一, 然)
    // counts when the name ends right after the given name (收件人蔡一，, 联系人于博一，, 收件人罗一瑶，).
    private static int LabelledGivenLength(ReadOnlySpan<byte> text, int givenStart)
    {
        int secondAt = givenStart + HanText.Width;
        int first = PersonNameRules.GivenNameWeight(HanText.DecodeAt(text, givenStart));
        int second = PersonNameRules.GivenNameWeight(HanText.DecodeAt(text, secondAt));
        bool endsAfterTwo = second >= 0 && EndsName(text, secondAt + HanText.Width);
        if (!(PersonNameRules.IsAcceptable(first) || (first >= 0 && (endsAfterTwo || EndsName(text, secondAt)))) || StopsName(text, givenStart))
        {
            return 0;
        }

        if (!(PersonNameRules.IsAcceptable(second) || endsAfterTwo) || StopsName(text, secondAt))
        {
            return 1;
        }

        // 王五性别 stops at 五; 张三丰， goes on to 丰.
        bool textGoesOn = HanText.IsHan(HanText.DecodeAt(text, secondAt + HanText.Width));
        return second >= PersonNameRules.Plausible || !textGoesOn ? 2 : 1;
    }

    // A whole field value: one or two Chinese characters, and nothing more before the value ends. The field vouches
    // for the value, so characters rare in names (王一, 孙浩然) count too.
    private static int WholeValueGivenLength(ReadOnlySpan<byte> text, int givenStart)
    {
        int given = 0;
        int at = givenStart;
        while (HanText.IsHan(HanText.DecodeAt(text, at)))
        {
            if (given == MaxGivenChars || StopsName(text, at))
            {
                return 0;
            }

            given++;
            at += HanText.Width;
        }

        return given;
    }

    // After a role word (司机王五): plausible given-name characters that are not a word with the surname.
    private static int RoleGivenLength(ReadOnlySpan<byte> text, int givenStart, Surname surname)
    {
        if (!surname.IsCommon)
        {
            return 0;
        }

        // A role word is weaker evidence than a title: any frequent word with the surname (父亲胡子) ends it, unless the
        // word stands alone between the role word and punctuation or a particle (员工高峰的, 员工高峰，).
        int first = HanText.DecodeAt(text, givenStart);
        int secondAt = givenStart + HanText.Width;
        if (PersonNameRules.GivenNameWeight(first) < PersonNameRules.Plausible || StopsName(text, givenStart))
        {
            return 0;
        }

        if (PersonNameRules.IsStopWord(HanText.DecodeAt(text, givenStart - HanText.Width), first, out _))
        {
            return EndsName(text, secondAt) ? 1 : 0;
        }

        int second = PersonNameRules.GivenNameWeight(HanText.DecodeAt(text, secondAt));
        bool two = !StopsName(text, secondAt)
            && (second >= PersonNameRules.Plausible || (second != PersonNameRules.NotHan && EndsAtPunctuation(text, secondAt + HanText.Width)));
        return two ? 2 : 1;
    }

    // In running text: a common surname, plausible given-name characters, and no ordinary word in the way.
    private static int BareGivenLength(ReadOnlySpan<byte> text, int position, int givenStart, Surname surname)
    {
        if (!surname.IsCommon || EndsWordBefore(text, position))
        {
            return 0;
        }

        int surnameLast = HanText.DecodeAt(text, givenStart - HanText.Width);
        int first = HanText.DecodeAt(text, givenStart);
        int second = HanText.DecodeAt(text, givenStart + HanText.Width);
        if (PersonNameRules.IsStopWord(surnameLast, first, out _))
        {
            return 0;
        }

        if (surname.Characters == 1 && PersonNameRules.IsStopWord(surnameLast, first, second))
        {
            return 0;
        }

        int w1 = PersonNameRules.GivenNameWeight(first);
        int w2 = StopsName(text, givenStart + HanText.Width) ? PersonNameRules.NotHan : PersonNameRules.GivenNameWeight(second);
        if (StopsName(text, givenStart))
        {
            return 0;
        }

        if (PlaceEndings.Contains(first))
        {
            // 钱庄, 马店: a place or shop, not a one-character name.
            return 0;
        }

        if (PlaceEndings.Contains(second) && w2 >= 0)
        {
            // 郭家庄, 王家村, 李家坝: villages and stations named after a family.
            w2 = PersonNameRules.NotHan;
            if (first == '家')
            {
                return 0;
            }
        }

        if (surname.Characters == 2)
        {
            // A compound surname is rare outside names (欧阳修): any character that can be in a name will do.
            return !PersonNameRules.IsAcceptable(w1) ? 0 : w2 >= PersonNameRules.Plausible ? 2 : 1;
        }

        if (surname.IsWord)
        {
            // 于, 高, 张 are words as often as surnames (一张纸, 于是): a two-character given name of strong characters, or a
            // very likely one-character name not after a numeral or demonstrative.
            if (w1 >= 30 && w2 >= 30 && w1 + w2 >= 2 * PersonNameRules.Strong)
            {
                return 2;
            }

            return w1 >= 50 && w2 < PersonNameRules.Plausible && !Quantifiers.Contains(HanText.DecodeBefore(text, position)) ? 1 : 0;
        }

        if (w1 >= PersonNameRules.Plausible && w2 >= PersonNameRules.Plausible && w1 + w2 >= PersonNameRules.Plausible + PersonNameRules.Strong)
        {
            return 2;
        }

        // A one-character given name must be strong and must end there.
        return w1 >= PersonNameRules.Strong && w2 < PersonNameRules.Plausible ? 1 : 0;
    }

    // A name ends here: at anything but a Chinese character, or at a particle or verb that follows a name (的, 是, 在).
    private static bool EndsName(ReadOnlySpan<byte> text, int index) =>
        HanText.DecodeAt(text, index) is var codePoint && (!HanText.IsHan(codePoint) || NameEnders.Contains(codePoint));

    // Punctuation, a space, a digit or the end of the text follows (会员孙浩然（, 员工朱芳一，).
    private static bool EndsAtPunctuation(ReadOnlySpan<byte> text, int index) =>
        !HanText.IsHan(HanText.DecodeAt(text, index)) && !HanText.IsAsciiLetterOrDigitAt(text, index);

    // The surname is inside a place name that starts before it (石家庄, 乌鲁木齐): 庄启明 in 石家庄启明 is no name.
    private static bool InsidePlaceName(ReadOnlySpan<byte> text, int position)
    {
        for (int back = 1; back <= 3 && position - (back * HanText.Width) >= 0; back++)
        {
            int start = position - (back * HanText.Width);
            if (!HanText.IsHan(HanText.DecodeAt(text, start)))
            {
                return false;
            }

            if (AddressRules.DivisionAt(text, start, afterDivision: false, out _) > back * HanText.Width)
            {
                return true;
            }
        }

        return false;
    }

    // The surname character is the end of the word before it (由于, 提高, 老王).
    private static bool EndsWordBefore(ReadOnlySpan<byte> text, int position) =>
        PersonNameRules.IsStopWord(HanText.DecodeBefore(text, position), HanText.DecodeAt(text, position), out _);

    // A name does not run into a title or a province or city name.
    private static bool StopsName(ReadOnlySpan<byte> text, int index) =>
        PersonNameRules.TitleAt(text, index) > 0
        || (AddressRules.DivisionAt(text, index, afterDivision: false, out var level) > HanText.Width && level != DivisionLevel.County);

    private static bool TryMatchPinyin(ReadOnlySpan<byte> text, int position, out Finding finding)
    {
        finding = default;
        int firstEnd = LettersEnd(text, position);
        int i = firstEnd;
        if (i < text.Length && text[i] == (byte)',')
        {
            i++;
        }

        int spaces = 0;
        while (i < text.Length && text[i] == (byte)' ')
        {
            i++;
            spaces++;
        }

        bool comma = i > firstEnd + spaces;
        if ((spaces == 0 && !comma) || i >= text.Length || !char.IsAsciiLetterUpper((char)text[i]))
        {
            return false;
        }

        int secondStart = i;
        int secondEnd = LettersEnd(text, secondStart);

        // Xiao-Ming and Xiao'ming write one given name in two syllables.
        int givenSplit = -1;
        if (secondEnd + 1 < text.Length && text[secondEnd] is (byte)'-' or (byte)'\'' && char.IsAsciiLetter((char)text[secondEnd + 1]))
        {
            givenSplit = secondEnd;
            secondEnd = LettersEnd(text, secondEnd + 1);
        }

        if (HanText.IsAsciiLetterOrDigitAt(text, secondEnd))
        {
            return false;
        }

        var first = text[position..firstEnd];
        var second = text[secondStart..secondEnd];
        bool surnameFirst = PersonNameRules.IsPinyinSurname(first) && IsGiven(second, givenSplit - secondStart);
        bool givenFirst = !comma && givenSplit < 0 && PersonNameRules.IsPinyinSurname(second) && PersonNameRules.IsPinyinGivenName(first);
        if (!surnameFirst && !givenFirst)
        {
            return false;
        }

        finding = new Finding(IdentifierType.PersonName, position, secondEnd - position, 0.85f);
        return true;
    }

    private static bool IsGiven(ReadOnlySpan<byte> letters, int split) =>
        split < 0
            ? PersonNameRules.IsPinyinGivenName(letters)
            : PersonNameRules.IsSyllable(letters[..split]) && PersonNameRules.IsSyllable(letters[(split + 1)..]);

    private static int LettersEnd(ReadOnlySpan<byte> text, int start)
    {
        int i = start;
        while (i < text.Length && char.IsAsciiLetter((char)text[i]))
        {
            i++;
        }

        return i;
    }
}
