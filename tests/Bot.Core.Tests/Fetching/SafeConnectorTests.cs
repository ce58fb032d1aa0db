using System.Net;
using Bot.Core.Fetching;
using Bot.Testing.Web;

namespace Bot.Core.Tests.Fetching;

public sealed class SafeConnectorTests
{
    // Stands in for a public server in tests: the only address the test policy calls public is loopback.
    private static AddressRefusal LoopbackIsPublic(IPAddress address) =>
        address.Equals(IPAddress.Loopback) ? AddressRefusal.None : AddressPolicy.Check(address);

    [Fact]
    public async Task Connect_NameResolvingToPrivateAddress_IsRefusedBeforeConnecting()
    {
        var resolved = 0;
        var connector = new SafeConnector(false, (_, _) =>
        {
            resolved++;
            return Task.FromResult(new[] { IPAddress.Parse("10.0.0.5") });
        }, AddressPolicy.Check);

        var error = await Assert.ThrowsAsync<FetchRefusedException>(async () =>
            await connector.ConnectAsync(new DnsEndPoint("intranet.example", 80), CancellationToken.None));

        Assert.Equal(1, resolved);
        Assert.Equal(AddressRefusal.Private, error.Reason);
        Assert.Contains("intranet.example", error.Message);
        Assert.Contains("private-network", error.Message);
    }

    [Fact]
    public async Task Connect_LoopbackLiteral_IsRefusedAndNothingConnects()
    {
        await using var server = await LoopbackWebServer.StartAsync();
        var connector = new SafeConnector(false);

        var error = await Assert.ThrowsAsync<FetchRefusedException>(async () =>
            await connector.ConnectAsync(new DnsEndPoint("127.0.0.1", server.Url("/").Port), CancellationToken.None));

        Assert.Equal(AddressRefusal.Loopback, error.Reason);
        Assert.Equal(0, server.Connections);
    }

    [Fact]
    public async Task Connect_AnswerWithPrivateAndPublicAddresses_UsesOnlyThePublicOne()
    {
        await using var server = await LoopbackWebServer.StartAsync();
        var connector = new SafeConnector(false,
            (_, _) => Task.FromResult(new[] { IPAddress.Parse("10.0.0.5"), IPAddress.Loopback }),
            LoopbackIsPublic);

        await using var stream = await connector.ConnectAsync(new DnsEndPoint("mixed.example", server.Url("/").Port), CancellationToken.None);

        Assert.True(stream.CanWrite);
    }

    [Fact]
    public async Task Connect_PrivateAllowed_ConnectsToLoopbackServer()
    {
        await using var server = await LoopbackWebServer.StartAsync();
        var connector = new SafeConnector(true);

        await using var stream = await connector.ConnectAsync(new DnsEndPoint("127.0.0.1", server.Url("/").Port), CancellationToken.None);

        Assert.True(stream.CanRead);
    }
}
