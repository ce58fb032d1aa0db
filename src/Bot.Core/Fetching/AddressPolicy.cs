using System.Net;
using System.Net.Sockets;

namespace Bot.Core.Fetching;

/// <summary>
/// Decides whether an address is public. Applied to the address actually connected to, so a host name
/// that resolves to a private address, or a redirect to one, is refused the same as a literal.
/// </summary>
public static class AddressPolicy
{
    public static AddressRefusal Check(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => CheckV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => CheckV6(address),
            _ => AddressRefusal.Reserved,
        };
    }

    public static string Describe(AddressRefusal refusal) => refusal switch
    {
        AddressRefusal.Loopback => "a loopback address",
        AddressRefusal.Private => "a private-network address",
        AddressRefusal.LinkLocal => "a link-local address",
        AddressRefusal.Multicast => "a multicast address",
        AddressRefusal.Unspecified => "an unspecified address",
        AddressRefusal.Broadcast => "a broadcast address",
        AddressRefusal.Reserved => "a reserved address",
        _ => "a public address",
    };

    private static AddressRefusal CheckV4(byte[] b) => b switch
    {
        [0, 0, 0, 0] => AddressRefusal.Unspecified,
        [0, ..] => AddressRefusal.Reserved, // "this network"
        [127, ..] => AddressRefusal.Loopback,
        [10, ..] => AddressRefusal.Private,
        [172, >= 16 and <= 31, ..] => AddressRefusal.Private,
        [192, 168, ..] => AddressRefusal.Private,
        [100, >= 64 and <= 127, ..] => AddressRefusal.Private, // carrier-grade NAT, RFC 6598
        [169, 254, ..] => AddressRefusal.LinkLocal,
        [192, 0, 0, ..] => AddressRefusal.Reserved, // IETF protocol assignments
        [198, 18 or 19, ..] => AddressRefusal.Reserved, // benchmarking
        [>= 224 and <= 239, ..] => AddressRefusal.Multicast,
        [255, 255, 255, 255] => AddressRefusal.Broadcast,
        [>= 240, ..] => AddressRefusal.Reserved,
        _ => AddressRefusal.None,
    };

    private static AddressRefusal CheckV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Any))
        {
            return AddressRefusal.Unspecified;
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return AddressRefusal.Loopback;
        }

        if (address.IsIPv6Multicast)
        {
            return AddressRefusal.Multicast;
        }

        if (address.IsIPv6LinkLocal)
        {
            return AddressRefusal.LinkLocal;
        }

        var b = address.GetAddressBytes();
        // Addresses that carry an IPv4 address inside: judged by that address.
        if (b[..12].AsSpan().SequenceEqual(new byte[12]))
        {
            return CheckV4(b[12..]) is var v4 and not AddressRefusal.None ? v4 : AddressRefusal.Reserved; // deprecated IPv4-compatible
        }

        if (b is [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0, ..])
        {
            return CheckV4(b[12..]); // NAT64 well-known prefix
        }

        if (b is [0x20, 0x02, ..])
        {
            return CheckV4(b[2..6]); // 6to4
        }

        return b switch
        {
            [>= 0xfc and <= 0xfd, ..] => AddressRefusal.Private, // unique local fc00::/7
            [0xfe, >= 0xc0, ..] => AddressRefusal.Private, // deprecated site-local fec0::/10
            [0x20, 0x01, 0x0d, 0xb8, ..] => AddressRefusal.Reserved, // documentation
            [0x01, 0x00, 0, 0, 0, 0, 0, 0, ..] => AddressRefusal.Reserved, // discard-only 100::/64
            _ => AddressRefusal.None,
        };
    }
}
