using Outbound.Gateway;

namespace Outbound.Cli;

/// <summary>Reads quarantined records a page at a time, so a command's memory does not grow with the quarantine.</summary>
internal static class QuarantinePages
{
    /// <summary>The records read at once.</summary>
    public const int Size = 10_000;

    /// <summary>The records <paramref name="query"/> finds, <see cref="Size"/> at a time in id order, up to id <paramref name="through"/>.</summary>
    public static IEnumerable<List<QuarantinedRecord>> Of(IGatewayStore store, QuarantineQuery query, long through = long.MaxValue)
    {
        for (long after = 0; ;)
        {
            var page = store.Quarantined(query with { AfterId = after, Limit = Size }).TakeWhile(r => r.Id <= through).ToList();
            if (page.Count == 0)
            {
                yield break;
            }

            yield return page;
            after = page[^1].Id;
        }
    }
}
