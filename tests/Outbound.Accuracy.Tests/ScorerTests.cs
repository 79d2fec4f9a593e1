using Outbound.Testing.Synthetic;

namespace Outbound.Accuracy.Tests;

public sealed class ScorerTests
{
    private static readonly GoldRecord Chat = new(
        "txt-1",
        "客户张伟，手机13800138000，订单202611291530120345",
        [new GoldSpan(2, 4, "PERSON_NAME"), new GoldSpan(7, 18, "CN_MOBILE"), new GoldSpan(21, 39, "none", "order_no_18")]);

    [Fact]
    public void Score_ExactSpans_AreRight()
    {
        var report = Scorer.Score([Chat], [Predict("txt-1", (7, 18, "CN_MOBILE"), (2, 4, "PERSON_NAME"))]);

        var mobile = report.For("CN_MOBILE");
        Assert.Equal((1, 1, 1, 1), (mobile.Gold, mobile.Predicted, mobile.MatchedGold, mobile.MatchedPredicted));
        Assert.Equal(1.0, mobile.Precision);
        Assert.Equal(1.0, mobile.Recall);
        Assert.Empty(report.Examples);
    }

    [Theory]
    [InlineData(6, 18)] // one character too early
    [InlineData(7, 17)] // one character short
    public void Score_SpanOffByOne_IsAFalsePositiveAndAFalseNegative(int start, int end)
    {
        var report = Scorer.Score([Chat], [Predict("txt-1", (start, end, "CN_MOBILE"))]);

        var mobile = report.For("CN_MOBILE");
        Assert.Equal((1, 1), (mobile.FalsePositives, mobile.FalseNegatives));
        Assert.Contains(report.Examples, example => example.Kind == ExampleKind.FalsePositive && example.Reason.StartsWith("boundary", StringComparison.Ordinal));
    }

    [Fact]
    public void Score_RightSpanWrongType_CountsAgainstBothTypes()
    {
        var report = Scorer.Score([Chat], [Predict("txt-1", (7, 18, "CN_LANDLINE"))]);

        Assert.Equal(1, report.For("CN_LANDLINE").FalsePositives);
        Assert.Equal(1, report.For("CN_MOBILE").FalseNegatives);
        Assert.Contains(report.Examples, example => example.Reason == "gold type is CN_MOBILE");
        Assert.Contains(report.Examples, example => example.Reason == "reported as CN_LANDLINE");
    }

    [Fact]
    public void Score_LookAlikeReported_IsAFalsePositiveAndCountedAsFlagged()
    {
        var report = Scorer.Score([Chat], [Predict("txt-1", (21, 39, "CN_RESIDENT_ID"))]);

        Assert.Equal(1, report.For("CN_RESIDENT_ID").FalsePositives);
        var decoy = Assert.Single(report.Decoys);
        Assert.Equal(("order_no_18", 1, 1), (decoy.Kind, decoy.Planted, decoy.Flagged));
        Assert.Equal(1, decoy.ByType["CN_RESIDENT_ID"]);
        Assert.Equal(0.0, report.For("CN_RESIDENT_ID").Precision);
    }

    [Fact]
    public void Score_GpsPairPredictedAsOneSpan_MatchesBothNumberLabels()
    {
        var gold = new GoldRecord("tel-1", "位置31.230416,121.473701。", [new GoldSpan(2, 11, "GPS_COORD"), new GoldSpan(12, 22, "GPS_COORD")]);

        var report = Scorer.Score([gold], [Predict("tel-1", (2, 22, "GPS_COORD"))]);

        var gps = report.For("GPS_COORD");
        Assert.Equal((2, 2, 1, 1), (gps.Gold, gps.MatchedGold, gps.Predicted, gps.MatchedPredicted));
    }

    [Fact]
    public void Score_GpsNumbersPredictedAgainstOnePairLabel_AreBothRight()
    {
        var gold = new GoldRecord("tel-1", "位置31.230416,121.473701。", [new GoldSpan(2, 22, "GPS_COORD")]);

        var report = Scorer.Score([gold], [Predict("tel-1", (2, 11, "GPS_COORD"), (12, 22, "GPS_COORD"))]);

        Assert.Equal(1.0, report.For("GPS_COORD").Precision);
        Assert.Equal(1.0, report.For("GPS_COORD").Recall);
    }

    [Fact]
    public void Score_OverlapMatching_AppliesToGpsOnly()
    {
        var report = Scorer.Score([Chat], [Predict("txt-1", (5, 18, "CN_MOBILE"))]);

        Assert.Equal(0.0, report.For("CN_MOBILE").Recall);
    }

    [Fact]
    public void Score_NumericIdsUnknownToGold_AreTakenAsLineNumbers()
    {
        var second = Chat with { Id = "txt-2" };

        var report = Scorer.Score([Chat, second], [new PredictedRecord("1", IdIsNumber: true, [new PredictedSpan(7, 18, "CN_MOBILE", 0.99)])]);

        Assert.Equal(1, report.For("CN_MOBILE").MatchedGold);
        Assert.Equal(1, report.MissingPredictions);
        Assert.Equal(0, report.UnknownPredictedIds);
    }

    [Fact]
    public void Score_UnknownStringId_IsCountedAndIgnored()
    {
        var report = Scorer.Score([Chat], [Predict("nope", (7, 18, "CN_MOBILE"))]);

        Assert.Equal(1, report.UnknownPredictedIds);
        Assert.Equal(1, report.MissingPredictions);
        Assert.Equal(0, report.For("CN_MOBILE").Predicted);
        Assert.Equal(1, report.For("CN_MOBILE").FalseNegatives);
    }

    [Fact]
    public void Score_SameSpanTwice_CountsOnce()
    {
        var report = Scorer.Score([Chat], [Predict("txt-1", (7, 18, "CN_MOBILE"), (7, 18, "CN_MOBILE"))]);

        Assert.Equal(1, report.For("CN_MOBILE").Predicted);
    }

    [Fact]
    public void Failures_ValidatedTypeBelowMinimum_IsReported()
    {
        var report = Scorer.Score([Chat], [Predict("txt-1", (2, 4, "PERSON_NAME"))]);

        var failures = report.Failures(minimum: 0.995, minimumNames: 0.9);

        string failure = Assert.Single(failures);
        Assert.StartsWith("CN_MOBILE: precision 1.0000, recall 0.0000", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Failures_PredictionsOfATypeWithNoGold_FailOnPrecision()
    {
        var report = Scorer.Score([Chat], [Predict("txt-1", (7, 18, "CN_MOBILE"), (21, 39, "BANK_CARD"))]);

        Assert.Contains(report.Failures(0.995, null), failure => failure.StartsWith("BANK_CARD: precision 0.0000", StringComparison.Ordinal));
    }

    [Fact]
    public void Failures_NameF1BelowMinimum_IsReported()
    {
        var report = Scorer.Score([Chat], [Predict("txt-1", (7, 18, "CN_MOBILE"), (2, 5, "PERSON_NAME"))]);

        Assert.Equal(["PERSON_NAME: F1 0.0000; must be at least 0.9000."], report.Failures(0.995, 0.9));
        Assert.Empty(report.Failures(0.995, null));
    }

    [Fact]
    public void Failures_TypeNeitherLabelledNorPredicted_IsNotJudged()
    {
        var report = Scorer.Score([Chat], [Predict("txt-1", (7, 18, "CN_MOBILE"), (2, 4, "PERSON_NAME"))]);

        Assert.Empty(report.Failures(0.995, 0.9));
        Assert.DoesNotContain(report.Types, score => score.Type == "VIN");
    }

    [Fact]
    public void Score_GoldAsPredictions_IsPerfectOnAGeneratedCorpus()
    {
        var records = new CorpusGenerator(11).Records(2_000).ToList();
        var gold = records.Select(record => new GoldRecord(record.Id, record.Text, [.. record.Spans.Select(s => new GoldSpan(s.Start, s.End, s.Type, s.Decoy))])).ToList();
        var predicted = records.Select(record => new PredictedRecord(record.Id, false, [.. record.Spans.Where(s => s.Type != WireTypes.None).Select(s => new PredictedSpan(s.Start, s.End, s.Type, 0.99))])).ToList();

        var report = Scorer.Score(gold, predicted);

        Assert.All(report.Types, score => Assert.Equal((1.0, 1.0), (score.Precision, score.Recall)));
        Assert.Equal(16, report.Types.Count);
        Assert.All(report.Decoys, decoy => Assert.Equal(0, decoy.Flagged));
        Assert.Empty(report.Failures(1.0, 1.0));
    }

    private static PredictedRecord Predict(string id, params (int Start, int End, string Type)[] spans) =>
        new(id, false, [.. spans.Select(span => new PredictedSpan(span.Start, span.End, span.Type, 0.99))]);
}
