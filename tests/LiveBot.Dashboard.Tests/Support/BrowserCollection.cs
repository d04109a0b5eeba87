namespace LiveBot.Dashboard.Tests.Support;

/// <summary>The dashboard's browser tests share one browser (<see cref="BrowserFixture"/>, from LiveBot.Testing).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
