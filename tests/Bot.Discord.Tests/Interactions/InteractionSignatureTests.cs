using System.Text;
using Bot.Discord.Interactions;
using Bot.Discord.Tests.Support;

namespace Bot.Discord.Tests.Interactions;

public sealed class InteractionSignatureTests
{
    private readonly Ed25519Keys _keys = new();

    [Fact]
    public void Verify_SignedByTheApplicationKey_IsAccepted()
    {
        var signature = new InteractionSignature(_keys.PublicKeyHex);

        Assert.True(signature.Verify(_keys.Sign("1700000000", "{\"type\":1}"), "1700000000", Encoding.UTF8.GetBytes("{\"type\":1}")));
    }

    [Theory]
    [InlineData("1700000001", "{\"type\":1}")]
    [InlineData("1700000000", "{\"type\":2}")]
    public void Verify_TamperedTimestampOrBody_IsRefused(string timestamp, string body)
    {
        var signature = new InteractionSignature(_keys.PublicKeyHex);

        Assert.False(signature.Verify(_keys.Sign("1700000000", "{\"type\":1}"), timestamp, Encoding.UTF8.GetBytes(body)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("zz")]
    [InlineData("not hex at all but exactly one hundred and twenty eight characters long................................................")]
    public void Verify_MissingOrMalformedSignature_IsRefused(string? header)
    {
        var signature = new InteractionSignature(_keys.PublicKeyHex);

        Assert.False(signature.Verify(header, "1700000000", "{}"u8));
    }

    [Fact]
    public void Verify_AnotherApplicationsKey_IsRefused()
    {
        var other = new Ed25519Keys();
        var signature = new InteractionSignature(_keys.PublicKeyHex);

        Assert.False(signature.Verify(other.Sign("1", "{}"), "1", "{}"u8));
    }
}
