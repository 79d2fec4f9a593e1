using System.Collections.Immutable;
using System.Text;
using Outbound.Detection;

namespace Outbound.Core.Tests.Detection;

public sealed class DatasetInventoryTests
{
    // Records mostly list their fields in one order, and the inventory guesses each field from the one before by comparing
    // bytes. Names of every length to 20 bytes that differ from each other in one byte only, at each place, in orders that
    // change from record to record, must still be tallied each under its own name.
    [Fact]
    public void Field_NamesAlikeButForOneByte_EachTalliedUnderItsOwnName()
    {
        var names = new List<string>();
        for (int length = 1; length <= 20; length++)
        {
            string stem = new('n', length);
            names.Add(stem);
            for (int place = 0; place < length; place++)
            {
                names.Add(string.Concat(stem.AsSpan(0, place), "m", stem.AsSpan(place + 1)));
            }
        }

        names.Add("");
        names.Add("名");
        names.Add("名字");
        var inventory = new DatasetInventory("test", RecognizerSets.Create(namesAndAddresses: false), SubjectKeyer.ThrowAway(), RecognizerScan.ReferenceDate);
        var random = new Random(20261130);
        var expected = names.ToDictionary(name => name, _ => 0L);
        for (int record = 0; record < 400; record++)
        {
            inventory.BeginRecord(record + 1);

            // Three orders in turn (so guesses are right, wrong and half right), some fields left out.
            IEnumerable<string> order = (record % 3) switch
            {
                0 => names,
                1 => Enumerable.Reverse(names),
                _ => names.OrderBy(_ => random.Next()),
            };
            foreach (string name in order.Where(_ => random.Next(4) != 0))
            {
                inventory.Field(Encoding.UTF8.GetBytes(name), "x"u8);
                expected[name]++;
            }

            inventory.EndRecord();
        }

        var report = inventory.ToReport();
        Assert.Equal(400, report.Records);
        Assert.Equal(expected.Where(pair => pair.Value > 0).OrderBy(pair => pair.Key, StringComparer.Ordinal), report.Fields.Select(field => KeyValuePair.Create(field.Name, field.Values)).OrderBy(pair => pair.Key, StringComparer.Ordinal));
    }

    // A file's chunks are scanned into inventories of their own, merged in order into the file's; a chunk's inventory, once
    // merged, is empty and takes a later chunk. The file's inventory must then equal one that read every record itself.
    [Fact]
    public void Merge_ChunkInventoryReusedForEachChunk_TotalEqualsOneInventoryOfEveryRecord()
    {
        var scanner = RecognizerSets.Create(namesAndAddresses: false);
        var keyer = SubjectKeyer.ThrowAway();
        DatasetInventory New() => new("test", scanner, keyer, RecognizerScan.ReferenceDate);
        var whole = New();
        var total = New();
        var chunk = New();
        var random = new Random(20261201);
        string[] phones = ["13800138000", "13912345678", "15000000001", "18612345678"];
        for (int record = 1; record <= 900; record++)
        {
            int pick = random.Next();
            Feed(whole, record, pick, phones);
            Feed(chunk, record, pick, phones);

            if (record % 300 == 0 || record == 150)
            {
                total.Merge(chunk);
                var emptied = chunk.ToReport();
                Assert.Equal((0L, 0L, 0L, 0L), (emptied.Records, emptied.Persons, emptied.SkippedCount, emptied.RecordsWithPersonalInformation));
                Assert.All(emptied.Fields, field => Assert.Equal((0L, 0L, 0), (field.Values, field.Minors, field.Counts.Count)));
            }
        }

        var expected = whole.ToReport();
        var actual = total.ToReport();
        Assert.Equal(
            (expected.Records, expected.RecordsWithPersonalInformation, expected.Persons, expected.SensitivePersons, expected.UnkeyedRecords, expected.UnkeyedSensitiveRecords, expected.SkippedCount),
            (actual.Records, actual.RecordsWithPersonalInformation, actual.Persons, actual.SensitivePersons, actual.UnkeyedRecords, actual.UnkeyedSensitiveRecords, actual.SkippedCount));
        Assert.Equal(expected.Skipped, actual.Skipped);
        Assert.Equal(expected.Fields.Select(Describe), actual.Fields.Select(Describe));
        Assert.True(expected.Persons > 4 && expected.SensitivePersons < expected.Persons && expected.UnkeyedSensitiveRecords > 0 && expected.SkippedCount > 0);

        static string Describe(FieldReport field) =>
            $"{field.Name} {field.Values} {field.Minors} {field.Hint} " + string.Join(",", field.Counts.OrderBy(pair => pair.Key).Select(pair => $"{pair.Key}={pair.Value}"));
    }

    /// <summary>Feeds one record chosen by <paramref name="pick"/>: a phone, an ID number of an adult or a child, a coordinate alone, or an unreadable line.</summary>
    private static void Feed(DatasetInventory inventory, int record, int pick, string[] phones)
    {
        if (pick % 11 == 0)
        {
            inventory.Skip(record, "", "not a JSON object");
            return;
        }

        inventory.BeginRecord(record);
        if (pick % 3 != 0)
        {
            inventory.Field("phone"u8, Encoding.UTF8.GetBytes(phones[pick % phones.Length]));
        }

        if (pick % 5 == 0)
        {
            var birth = pick % 2 == 0 ? new DateOnly(1990, 1, 1) : new DateOnly(2020, 6, 1);
            inventory.Field("owner.id"u8, Encoding.UTF8.GetBytes(IdentityNumbers.ResidentId(110101, birth, pick % 1000)));
        }

        if (pick % 3 == 0 && pick % 5 != 0)
        {
            // A coordinate: in a record without a phone or ID number, personal information with nothing to key it by.
            inventory.Field(record % 2 == 0 ? "lat"u8 : "notes"u8, "31.230416"u8);
        }

        inventory.EndRecord();
    }

    // A field's type is the one most of its values hold; of types held equally often, the one listed first.
    [Theory]
    [InlineData(new[] { 3, 5, 2 }, IdentifierType.CnMobile)]
    [InlineData(new[] { 5, 5, 2 }, IdentifierType.CnResidentId)]
    [InlineData(new[] { 1, 2, 2 }, IdentifierType.CnMobile)]
    [InlineData(new int[0], null)]
    public void FieldReport_Type_IsTheMostHeldAndOfEqualsTheFirstListed(int[] counts, IdentifierType? expected)
    {
        IdentifierType[] types = [IdentifierType.CnResidentId, IdentifierType.CnMobile, IdentifierType.Email];
        Assert.True(types.SequenceEqual(types.Order()));
        var held = counts.Select((count, i) => KeyValuePair.Create(types[i], (long)count)).Reverse().ToImmutableDictionary();

        var report = new FieldReport("f", 10, held, 0, null);

        Assert.Equal(expected, report.Type);
        Assert.Equal(expected is IdentifierType type ? held[type] / 10.0 : 0, report.Share);
    }
}
