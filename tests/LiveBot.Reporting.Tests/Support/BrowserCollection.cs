namespace LiveBot.Reporting.Tests.Support;

/// <summary>The report's browser tests share one browser (<see cref="BrowserFixture"/>, from LiveBot.Testing).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "report-browser";
}
