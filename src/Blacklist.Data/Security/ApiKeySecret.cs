using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Blacklist.Data.Security;

/// <summary>
/// The key a client sends: <c>bl_{keyId}_{secret}</c>, a 16-hex-digit id to find the row and 32 random
/// bytes (base64url) of secret. Only SHA-256 of the secret is stored: the secret is high-entropy, so a
/// slow hash would add nothing but latency on every feed pull.
/// </summary>
public sealed class ApiKeySecret
{
    public const string Prefix = "bl_";
    private const int KeyIdLength = 16;

    private ApiKeySecret(string keyId, string secret)
    {
        KeyId = keyId;
        Secret = secret;
    }

    public string KeyId { get; }

    public string Secret { get; }

    /// <summary>The whole key, as shown once to its owner.</summary>
    public string Text => $"{Prefix}{KeyId}_{Secret}";

    public static ApiKeySecret Generate()
        => new(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(KeyIdLength / 2)), Base64Url(RandomNumberGenerator.GetBytes(32)));

    /// <summary>Splits a presented key; false for anything not shaped like one (nothing is looked up then).</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ApiKeySecret? key)
    {
        key = null;
        if (text is null || text.Length < Prefix.Length + KeyIdLength + 2 || text.Length > 200 || !text.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var keyId = text.AsSpan(Prefix.Length, KeyIdLength);
        if (text[Prefix.Length + KeyIdLength] != '_' || !IsLowerHex(keyId))
        {
            return false;
        }

        key = new ApiKeySecret(keyId.ToString(), text[(Prefix.Length + KeyIdLength + 1)..]);
        return true;
    }

    public byte[] Hash() => SHA256.HashData(Encoding.UTF8.GetBytes(Secret));

    /// <summary>Constant-time comparison with a stored hash.</summary>
    public bool Matches(byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(), storedHash);

    public override string ToString() => $"{Prefix}{KeyId}_…"; // never the secret, even by accident

    private static bool IsLowerHex(ReadOnlySpan<char> text)
    {
        foreach (var c in text)
        {
            if (c is not ((>= '0' and <= '9') or (>= 'a' and <= 'f')))
            {
                return false;
            }
        }

        return true;
    }

    private static string Base64Url(byte[] bytes)
        => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
