using Outbound.Detection;
using Outbound.Testing.Synthetic;

namespace Outbound.Accuracy.Tests;

public sealed class WireTypesTests
{
    [Fact]
    public void All_MatchesTheProductCatalogue() =>
        Assert.Equal(
            IdentifierCatalog.All.Select(info => info.WireName).Order(StringComparer.Ordinal),
            WireTypes.All.Order(StringComparer.Ordinal));

    [Fact]
    public void ValidatedAndNameTypes_AreWireTypes()
    {
        Assert.Subset(WireTypes.All.ToHashSet(StringComparer.Ordinal), Scorer.ValidatedTypes.ToHashSet(StringComparer.Ordinal));
        Assert.Subset(WireTypes.All.ToHashSet(StringComparer.Ordinal), Scorer.NameTypes.ToHashSet(StringComparer.Ordinal));
    }
}
