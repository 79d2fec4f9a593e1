using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Outbound.Deidentification;
using Outbound.Detection;

namespace Outbound.Core.Tests.Deidentification;

public sealed class KAnonymityTests
{
    private static Policy CityPolicy(SmallClassAction action, int k = 3) => new()
    {
        Name = "k",
        Output = PolicyOutput.Anonymised,
        KAnonymity = new() { K = k, QuasiIdentifiers = ["address", "age"], OnSmallClass = action },
        Rules =
        [
            new(RuleSelector.OfType(IdentifierType.Address), new GeneraliseOperation(GeneraliseLevel.City) { Coarser = [new GeneraliseOperation(GeneraliseLevel.Province)] }, "rules[0]"),
            new(RuleSelector.Field("age"), new GeneraliseOperation(GeneraliseLevel.AgeBand, 10) { Coarser = [new GeneraliseOperation(GeneraliseLevel.AgeBand, 20)] }, "rules[1]"),
        ],
    };

    private static TransformedRecord Person(RecordTransformer transformer, string address, string age) =>
        transformer.Transform([Fields.Whole("address", address, IdentifierType.Address), Fields.Plain("age", age), Fields.Plain("speed", "50")]);

    [Fact]
    public void Apply_EveryClassLargeEnough_ReleasesAllUnchanged()
    {
        var transformer = new RecordTransformer(CityPolicy(SmallClassAction.Generalise), Fields.Keys);
        TransformedRecord[] batch = [.. Enumerable.Range(0, 3).Select(i => Person(transformer, $"江苏省苏州市姑苏区新华路{i}号", "31"))];

        KAnonymityResult result = new KAnonymity(transformer.Policy).Apply(batch);

        Assert.All(result.Outcomes, outcome => Assert.Equal(KAnonymityOutcome.Released, outcome));
        Assert.Equal(batch, result.Records);
    }

    [Fact]
    public void Apply_SmallClassesWithRetain_RetainsThem()
    {
        var transformer = new RecordTransformer(CityPolicy(SmallClassAction.Retain), Fields.Keys);
        TransformedRecord[] batch =
        [
            Person(transformer, "江苏省苏州市姑苏区新华路1号", "31"),
            Person(transformer, "江苏省苏州市吴中区新华路2号", "35"),
            Person(transformer, "江苏省苏州市姑苏区新华路3号", "38"),
            Person(transformer, "江苏省南京市玄武区中山路4号", "33"),
        ];

        KAnonymityResult result = new KAnonymity(transformer.Policy).Apply(batch);

        Assert.Equal([KAnonymityOutcome.Released, KAnonymityOutcome.Released, KAnonymityOutcome.Released, KAnonymityOutcome.Retained], result.Outcomes);
        Assert.Equal([3], result.Retained);
    }

    [Fact]
    public void Apply_SmallClassesWithGeneralise_MovesThemToTheCoarserLevel()
    {
        var transformer = new RecordTransformer(CityPolicy(SmallClassAction.Generalise), Fields.Keys);
        TransformedRecord[] batch =
        [
            Person(transformer, "江苏省苏州市姑苏区新华路1号", "31"),
            Person(transformer, "江苏省苏州市吴中区新华路2号", "35"),
            Person(transformer, "江苏省南京市玄武区中山路3号", "33"),
            Person(transformer, "江苏省苏州市姑苏区新华路4号", "38"),
            Person(transformer, "江苏省苏州市姑苏区新华路5号", "39"),
            Person(transformer, "江苏省苏州市姑苏区新华路6号", "32"),
        ];

        KAnonymityResult result = new KAnonymity(transformer.Policy).Apply(batch);

        // Three Suzhou records aged 30-39 and one Nanjing record form classes of 5 and 1; the Nanjing one alone cannot
        // reach k = 3 even as 江苏省 / 20-39: it joins nobody, since the others stay at the finer level.
        Assert.Equal(KAnonymityOutcome.Retained, result.Outcomes[2]);
        Assert.Equal(("江苏省", "20-39"), (result.Records[2].Value("address"), result.Records[2].Value("age")));
        Assert.Equal([0, 1, 3, 4, 5], result.Released);
    }

    [Fact]
    public void Apply_TwoSmallClassesThatMeetWhenCoarser_AreGeneralisedAndReleased()
    {
        var transformer = new RecordTransformer(CityPolicy(SmallClassAction.Generalise), Fields.Keys);
        TransformedRecord[] batch =
        [
            Person(transformer, "江苏省苏州市姑苏区新华路1号", "31"),
            Person(transformer, "江苏省苏州市姑苏区新华路2号", "35"),
            Person(transformer, "江苏省南京市玄武区中山路3号", "33"),
        ];

        KAnonymityResult result = new KAnonymity(transformer.Policy).Apply(batch);

        Assert.All(result.Outcomes, outcome => Assert.Equal(KAnonymityOutcome.Generalised, outcome));
        Assert.All(result.Records, record => Assert.Equal(("江苏省", "30-39", "50"), (record.Value("address"), record.Value("age"), record.Value("speed"))));
    }

    [Fact]
    public void Constructor_PolicyWithoutKAnonymity_Throws() =>
        Assert.Throws<ArgumentException>(() => new KAnonymity(new Policy { Name = "none", Output = PolicyOutput.Deidentified }));

    [Property(Arbitrary = [typeof(Generators)], MaxTest = 200)]
    public bool Apply_AnyBatch_ReleasesOnlyClassesOfAtLeastK(Batch batch)
    {
        var transformer = new RecordTransformer(CityPolicy(SmallClassAction.Generalise, batch.K), Fields.Keys);
        TransformedRecord[] records = [.. batch.People.Select(person => Person(transformer, person.Address, person.Age))];

        KAnonymityResult result = new KAnonymity(transformer.Policy).Apply(records);

        var released = result.Released.Select(i => (result.Records[i].Value("address"), result.Records[i].Value("age"))).ToList();
        return released.GroupBy(key => key).All(group => group.Count() >= batch.K)
            && result.Outcomes.Length == records.Length;
    }

    public sealed record PersonRow(string Address, string Age);

    public sealed record Batch(int K, PersonRow[] People)
    {
        public override string ToString() => $"k = {K}, {People.Length} people";
    }

    public static class Generators
    {
        private static readonly string[] Addresses =
        [
            "江苏省苏州市姑苏区新华路1号", "江苏省苏州市吴中区长江路2号", "江苏省南京市玄武区中山路3号",
            "广东省广州市海珠区友谊路4号", "广东省深圳市南山区科技路5号", "北京市朝阳区建国路6号",
        ];

        public static Arbitrary<Batch> Batch() =>
            (from k in Gen.Choose(2, 6)
             from people in Gen.ListOf(from address in Gen.Elements(Addresses)
                                       from age in Gen.Choose(18, 80)
                                       select new PersonRow(address, age.ToString(System.Globalization.CultureInfo.InvariantCulture)))
             select new Batch(k, [.. people])).ToArbitrary();
    }
}
