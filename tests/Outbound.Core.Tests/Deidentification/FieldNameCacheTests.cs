using Outbound.Deidentification;

namespace Outbound.Core.Tests.Deidentification;

public sealed class FieldNameCacheTests
{
    [Fact]
    public void TryGet_AnEqualNameAsAnotherString_FindsTheValue()
    {
        var cache = new FieldNameCache<int>();
        cache.Set("driver.phone", 7);

        Assert.True(cache.TryGet(new string("driver.phone".AsSpan()), out int value));
        Assert.Equal(7, value);
        Assert.False(cache.TryGet("driver.name", out _));
    }

    [Fact]
    public void TryGet_ManyNames_NeverAnswersForAnotherName()
    {
        var cache = new FieldNameCache<string>();
        string[] names = [.. Enumerable.Range(0, 500).Select(i => $"f{i}.x{i % 7}")];
        foreach (string name in names)
        {
            cache.Set(name, name);
        }

        foreach (string name in names)
        {
            if (cache.TryGet(name, out string? value))
            {
                Assert.Equal(name, value);
            }
        }

        Assert.True(cache.TryGet(names[^1], out _));
    }

    [Fact]
    public void TryGet_EmptyName_IsCachedLikeAnyOther()
    {
        var cache = new FieldNameCache<int>();
        cache.Set("", 1);

        Assert.True(cache.TryGet("", out int value));
        Assert.Equal(1, value);
    }
}
