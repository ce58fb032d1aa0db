using System.Net;
using System.Net.Sockets;

namespace Bot.Core.Fetching;

/// <summary>
/// The <see cref="SocketsHttpHandler.ConnectCallback"/> of the fetcher: resolves the host itself and
/// connects only to addresses the policy accepts. Checking here, on the address the socket is about to
/// use, is what makes DNS rebinding, names of private hosts and redirects to them fail the same way as
/// a literal private address.
/// </summary>
public sealed class SafeConnector(
    bool allowPrivateAddresses,
    Func<string, CancellationToken, Task<IPAddress[]>> resolve,
    Func<IPAddress, AddressRefusal> policy)
{
    public SafeConnector(bool allowPrivateAddresses)
        : this(allowPrivateAddresses, Dns.GetHostAddressesAsync, AddressPolicy.Check)
    {
    }

    public ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        return ConnectAsync(context.DnsEndPoint, cancellationToken);
    }

    public async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        var addresses = await ResolveAsync(endpoint.Host, cancellationToken);
        var usable = allowPrivateAddresses ? addresses : [.. addresses.Where(a => policy(a) == AddressRefusal.None)];
        if (usable.Length == 0)
        {
            throw addresses.Length == 0
                ? new HttpRequestException(HttpRequestError.NameResolutionError, $"{endpoint.Host} does not resolve to any address")
                : new FetchRefusedException(endpoint.Host, policy(addresses[0]));
        }

        SocketException? last = null;
        foreach (var address in usable)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last!;
    }

    private async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        var bare = host.StartsWith('[') && host.EndsWith(']') ? host[1..^1] : host;
        return IPAddress.TryParse(bare, out var literal) ? [literal] : await resolve(bare, cancellationToken);
    }
}
