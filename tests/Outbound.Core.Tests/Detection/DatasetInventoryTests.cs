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
}
