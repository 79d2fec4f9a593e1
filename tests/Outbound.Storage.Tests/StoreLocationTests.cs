namespace Outbound.Storage.Tests;

public sealed class StoreLocationTests
{
    private const string Expected =
        "Expected a store written sqlite:PATH or postgres:CONNECTION (for example sqlite:./outbound.db or postgres:Host=localhost;Database=app;Username=reader)";

    [Theory]
    [InlineData("sqlite:./outbound.db", "./outbound.db")]
    [InlineData("SQLite:/var/lib/outbound/data.db", "/var/lib/outbound/data.db")]
    [InlineData("sqlite:C:\\data\\outbound.db", "C:\\data\\outbound.db")] // only the first colon separates
    public void TryParse_Sqlite_KeepsThePath(string text, string path)
    {
        Assert.True(StoreLocation.TryParse(text, out var location, out string? error));

        Assert.Null(error);
        Assert.Equal(new StoreLocation(StoreKind.Sqlite, path), location);
    }

    [Theory]
    [InlineData("postgres:Host=localhost;Database=app;Username=reader")]
    [InlineData("postgresql:Host=db;Port=5433;Database=app")]
    public void TryParse_Postgres_KeepsTheConnectionString(string text)
    {
        Assert.True(StoreLocation.TryParse(text, out var location, out _));

        Assert.Equal(StoreKind.Postgres, location.Kind);
        Assert.Equal(text[(text.IndexOf(':', StringComparison.Ordinal) + 1)..], location.Target);
    }

    [Theory]
    [InlineData("mysql:Server=db", $"{Expected}; found the prefix 'mysql'.")]
    [InlineData("./outbound.db", $"{Expected}; found no prefix.")]
    [InlineData("", $"{Expected}; found no prefix.")]
    [InlineData("Host=db;Password=secret:1", $"{Expected}; found no prefix.")] // a connection string without prefix is not repeated
    [InlineData("sqlite:", "Expected a file path after sqlite:; found nothing.")]
    [InlineData("postgres: ", "Expected a PostgreSQL connection string after postgres:; found nothing.")]
    public void TryParse_NotAStore_SaysWhatWasExpected(string text, string message)
    {
        Assert.False(StoreLocation.TryParse(text, out var location, out string? error));

        Assert.Null(location);
        Assert.Equal(message, error);
    }

    [Fact]
    public void TryParse_MalformedConnectionString_SaysItCannotBeRead()
    {
        Assert.False(StoreLocation.TryParse("postgres:Nonsense=1", out _, out string? error));

        Assert.StartsWith("Expected a PostgreSQL connection string after postgres: such as Host=localhost;Database=app;Username=reader; it cannot be read:", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_BadPrefix_ThrowsFormatExceptionWithTheSameMessage() =>
        Assert.Equal($"{Expected}; found the prefix 'oracle'.", Assert.Throws<FormatException>(() => StoreLocation.Parse("oracle:x")).Message);

    [Fact]
    public void ToString_Postgres_LeavesOutThePassword()
    {
        var location = StoreLocation.Parse("postgres:Host=db;Database=app;Username=reader;Password=s3cret");

        Assert.DoesNotContain("s3cret", location.ToString(), StringComparison.Ordinal);
        Assert.StartsWith("postgres:", location.ToString(), StringComparison.Ordinal);
        Assert.Contains("Host=db", location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_Sqlite_IsAsWritten() => Assert.Equal("sqlite:./a.db", StoreLocation.Parse("sqlite:./a.db").ToString());
}
