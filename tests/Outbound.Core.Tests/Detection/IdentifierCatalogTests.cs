using Outbound.Detection;

namespace Outbound.Core.Tests.Detection;

public sealed class IdentifierCatalogTests
{
    [Fact]
    public void Get_EveryType_ReturnsItsOwnEntry() =>
        Assert.All(Enum.GetValues<IdentifierType>(), type => Assert.Equal(type, IdentifierCatalog.Get(type).Type));

    [Theory]
    [InlineData(IdentifierType.CnResidentId, "identity_document", true)]
    [InlineData(IdentifierType.GpsCoord, "precise_location", true)]
    [InlineData(IdentifierType.BankCard, "bank_account", true)]
    [InlineData(IdentifierType.CnMobile, "contact", false)]
    [InlineData(IdentifierType.CnUscc, "general", false)] // identifies an organisation, not a person
    public void Get_Type_MapsToItsLawCategory(IdentifierType type, string category, bool sensitive)
    {
        var info = IdentifierCatalog.Get(type);

        Assert.Equal(category, info.Category.Code);
        Assert.Equal(sensitive, info.IsSensitive);
    }

    // The facts counting reads by type are the catalogue's own, for every type.
    [Fact]
    public void Facts_EveryType_AreTheCataloguesFacts()
    {
        foreach (var type in Enum.GetValues<IdentifierType>())
        {
            var info = IdentifierCatalog.Get(type);
            Assert.Equal(new IdentifierFacts(info.IsPersonalInformation, info.IsSensitive, info.KeyRank), IdentifierCatalog.Facts[(int)type]);
        }

        Assert.Equal(Enum.GetValues<IdentifierType>().Length, IdentifierCatalog.Facts.Length);
    }
}
