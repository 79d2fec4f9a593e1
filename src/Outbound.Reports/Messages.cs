using System.Globalization;
using Outbound.Law;

namespace Outbound.Reports;

/// <summary>The sentences and labels of the reports, in Chinese and English.</summary>
internal static class Messages
{
    /// <summary>The memo's title.</summary>
    public static readonly Term MemoTitle = new("数据出境评估备忘录", "Data Export Assessment Memo");

    /// <summary>The note on the Chinese text and on legal advice.</summary>
    public static readonly Term Disclaimer = new(
        "本备忘录中的中文为释义，并非法律条文原文的引述；本备忘录由规则引擎生成，供合规工作参考，不构成法律意见。",
        "The Chinese text in this memo is a paraphrase (释义), not a quotation of the law. The memo is produced by a rules engine to support compliance work; it is not legal advice.");

    /// <summary>Label of a missing value.</summary>
    public static readonly Term None = new("无", "none");

    /// <summary>Label of an obligation without a fixed date.</summary>
    public static readonly Term NoFixedDate = new("无固定期限", "no fixed date");

    /// <summary>Label of an overdue obligation.</summary>
    public static readonly Term Overdue = new("已逾期", "OVERDUE");

    /// <summary>Returns the headroom as a sentence, or <see langword="null"/> when no band is ahead.</summary>
    public static Term? Headroom(Headroom? headroom)
    {
        if (headroom is null || (headroom.NonSensitiveToNextBand is null && headroom.SensitiveToNextBand is null))
        {
            return null;
        }

        var next = Terms.NextBand(headroom.NextPathway);
        string en = (headroom.NonSensitiveToNextBand, headroom.SensitiveToNextBand) switch
        {
            (long n, long s) => Invariant($"{Persons(n)}, or {Persons(s)} with sensitive personal information, before {next.En} is needed."),
            (long n, null) => Invariant($"{Persons(n)} before {next.En} is needed."),
            (null, long s) => Invariant($"{Persons(s)} with sensitive personal information before {next.En} is needed."),
            _ => "",
        };
        string zh = (headroom.NonSensitiveToNextBand, headroom.SensitiveToNextBand) switch
        {
            (long n, long s) => Invariant($"再向境外提供{n:N0}人的个人信息，或{s:N0}人的敏感个人信息，即需{next.Zh}。"),
            (long n, null) => Invariant($"再向境外提供{n:N0}人的个人信息，即需{next.Zh}。"),
            (null, long s) => Invariant($"再向境外提供{s:N0}人的敏感个人信息，即需{next.Zh}。"),
            _ => "",
        };
        return new Term(zh, en);
    }

    /// <summary>Returns "12,345 more persons" (or "1 more person").</summary>
    public static string Persons(long count) =>
        count == 1 ? "1 more person" : Invariant($"{count:N0} more persons");

    /// <summary>Returns N and S as "N 60,000 / S 0".</summary>
    public static string Counts(PersonCounts counts) =>
        Invariant($"N {counts.NonSensitive:N0} / S {counts.Sensitive:N0}");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
