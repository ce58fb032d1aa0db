using System.Net;
using Bot.Core.Fetching;

namespace Bot.Core.Tests.Fetching;

// Addresses here are values given to the decision function; nothing connects to them.
public sealed class AddressPolicyTests
{
    [Theory]
    [InlineData("127.0.0.1", AddressRefusal.Loopback)]
    [InlineData("127.255.0.9", AddressRefusal.Loopback)]
    [InlineData("10.1.2.3", AddressRefusal.Private)]
    [InlineData("172.16.0.1", AddressRefusal.Private)]
    [InlineData("172.31.255.255", AddressRefusal.Private)]
    [InlineData("192.168.1.1", AddressRefusal.Private)]
    [InlineData("100.64.0.1", AddressRefusal.Private)]
    [InlineData("169.254.169.254", AddressRefusal.LinkLocal)]
    [InlineData("224.0.0.1", AddressRefusal.Multicast)]
    [InlineData("239.255.255.250", AddressRefusal.Multicast)]
    [InlineData("0.0.0.0", AddressRefusal.Unspecified)]
    [InlineData("0.1.2.3", AddressRefusal.Reserved)]
    [InlineData("255.255.255.255", AddressRefusal.Broadcast)]
    [InlineData("240.0.0.1", AddressRefusal.Reserved)]
    [InlineData("::1", AddressRefusal.Loopback)]
    [InlineData("::", AddressRefusal.Unspecified)]
    [InlineData("fe80::1", AddressRefusal.LinkLocal)]
    [InlineData("fc00::1", AddressRefusal.Private)]
    [InlineData("fd12:3456::1", AddressRefusal.Private)]
    [InlineData("fec0::1", AddressRefusal.Private)]
    [InlineData("ff02::1", AddressRefusal.Multicast)]
    [InlineData("::ffff:127.0.0.1", AddressRefusal.Loopback)]
    [InlineData("::ffff:10.0.0.1", AddressRefusal.Private)]
    [InlineData("::ffff:169.254.169.254", AddressRefusal.LinkLocal)]
    [InlineData("::127.0.0.1", AddressRefusal.Loopback)]
    [InlineData("64:ff9b::a00:1", AddressRefusal.Private)]
    [InlineData("2002:c0a8:101::1", AddressRefusal.Private)]
    [InlineData("2001:db8::1", AddressRefusal.Reserved)]
    public void Check_NonPublicAddress_IsRefusedWithItsReason(string address, AddressRefusal expected) =>
        Assert.Equal(expected, AddressPolicy.Check(IPAddress.Parse(address)));

    [Theory]
    [InlineData("93.184.215.14")]
    [InlineData("172.32.0.1")]
    [InlineData("172.15.255.255")]
    [InlineData("100.128.0.1")]
    [InlineData("192.169.0.1")]
    [InlineData("::ffff:93.184.215.14")]
    [InlineData("2606:4700:4700::1111")]
    [InlineData("2002:5db8:d70e::1")]
    public void Check_PublicAddress_IsAllowed(string address) =>
        Assert.Equal(AddressRefusal.None, AddressPolicy.Check(IPAddress.Parse(address)));
}
