using Outbound.Detection;

namespace Outbound.Core.Tests.Detection;

public sealed class FieldClassifierTests
{
    [Theory]
    [InlineData("身份证号", IdentifierType.CnResidentId)]
    [InlineData("id_number", IdentifierType.CnResidentId)]
    [InlineData("owner.idCard", IdentifierType.CnResidentId)]
    [InlineData("手机", IdentifierType.CnMobile)]
    [InlineData("phone_number", IdentifierType.CnMobile)]
    [InlineData("车牌", IdentifierType.CnPlate)]
    [InlineData("plateNo", IdentifierType.CnPlate)]
    [InlineData("vin", IdentifierType.Vin)]
    [InlineData("gps.lat", IdentifierType.GpsCoord)]
    [InlineData("longitude", IdentifierType.GpsCoord)]
    [InlineData("收件人", IdentifierType.PersonName)]
    [InlineData("driver_name", IdentifierType.PersonName)]
    [InlineData("email", IdentifierType.Email)]
    [InlineData("收货地址", IdentifierType.Address)]
    [InlineData("card_no", IdentifierType.BankCard)]
    public void Classify_KnownHint_SuggestsType(string name, IdentifierType expected) =>
        Assert.Equal(expected, FieldClassifier.Classify(name));

    [Theory]
    [InlineData("file_name")]    // a file, not a person
    [InlineData("company_name")] // an organisation
    [InlineData("user_name")]    // an account name
    [InlineData("speed")]
    [InlineData("ts")]
    [InlineData("")]
    public void Classify_NoPersonalHint_ReturnsNull(string name) => Assert.Null(FieldClassifier.Classify(name));
}
