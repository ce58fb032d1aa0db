using System.Net;
using Bot.Core.Fetching;
using Bot.Testing.Web;

namespace Bot.Core.Tests.Fetching;

public sealed class SafeConnectorTests
{
    // Stands in for a public server in tests: the only address the test policy calls public is loopback.
    // The "private" address is a loopback one the test policy calls private: should the filtering ever
    // break, the connector reaches an empty port on this machine, never a private-range network.
    private static readonly IPAddress StandInPrivate = IPAddress.Parse("127.0.0.3");

    private static AddressRefusal LoopbackIsPublic(IPAddress address) =>
        address.Equals(IPAddress.Loopback) ? AddressRefusal.None
        : address.Equals(StandInPrivate) ? AddressRefusal.Private
        : AddressPolicy.Check(address);

    [Fact]
    public async Task Connect_NameResolvingToPrivateAddress_IsRefusedBeforeConnecting()
    {
        var resolved = 0;
        var connector = new SafeConnector(false, (_, _) =>
        {
            resolved++;
            return Task.FromResult(new[] { StandInPrivate });
        }, LoopbackIsPublic);

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
            (_, _) => Task.FromResult(new[] { StandInPrivate, IPAddress.Loopback }),
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
