using System.Text;
using Outbound.Testing.Synthetic;

namespace Outbound.Benchmarks.Detection;

/// <summary>
/// Realistic benchmark inputs from the accuracy harness's generator (tests/Shared/Synthetic): records with planted
/// identifiers and hard look-alikes in realistic proportions, the same for a seed on every machine.
/// </summary>
internal static class SyntheticCorpus
{
    /// <summary>Returns <paramref name="records"/> records of the given kinds as UTF-8 text, one record per line.</summary>
    public static byte[] Utf8Lines(int records, int seed = 42, RecordKinds kinds = RecordKinds.All) =>
        Encoding.UTF8.GetBytes(Lines(records, seed, kinds));

    /// <summary>Returns <paramref name="records"/> records of the given kinds as text, one record per line.</summary>
    public static string Lines(int records, int seed = 42, RecordKinds kinds = RecordKinds.All)
    {
        var text = new StringBuilder();
        foreach (var record in new CorpusGenerator(seed).Records(records, kinds))
        {
            text.Append(record.Text).Append('\n');
        }

        return text.ToString();
    }
}
