using System.Text;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;

namespace Bot.Discord.Interactions;

/// <summary>Checks Discord's Ed25519 signature of an HTTP interaction: signature over timestamp + raw body.</summary>
public sealed class InteractionSignature
{
    private readonly Ed25519PublicKeyParameters _key;

    public InteractionSignature(string publicKeyHex)
    {
        _key = new Ed25519PublicKeyParameters(Convert.FromHexString(publicKeyHex), 0);
    }

    public bool Verify(string? signatureHex, string? timestamp, ReadOnlySpan<byte> body)
    {
        if (signatureHex is not { Length: 128 } || string.IsNullOrEmpty(timestamp) || !signatureHex.All(char.IsAsciiHexDigit))
        {
            return false;
        }

        var signature = Convert.FromHexString(signatureHex);
        var signed = new byte[Encoding.UTF8.GetByteCount(timestamp) + body.Length];
        var written = Encoding.UTF8.GetBytes(timestamp, signed);
        body.CopyTo(signed.AsSpan(written));

        var verifier = new Ed25519Signer();
        verifier.Init(false, _key);
        verifier.BlockUpdate(signed, 0, signed.Length);
        return verifier.VerifySignature(signature);
    }
}
