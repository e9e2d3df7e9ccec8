using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Enforcement.Runtime.Signals;

/// <summary>
/// The hash a signal's receipt keeps of its content (account, type, value, time, attributes): a retry hashes the same,
/// a reused id with other content does not.
/// </summary>
public static class SignalContent
{
    public static byte[] Hash(SignalInput signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Append(hash, signal.Account);
        Append(hash, signal.Type);
        Span<byte> number = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(number, BitConverter.DoubleToInt64Bits(signal.Category is null ? signal.Value : 0));
        hash.AppendData(number);
        Append(hash, signal.Category ?? "");
        BinaryPrimitives.WriteInt64LittleEndian(number, signal.At.UtcTicks);
        hash.AppendData(number);
        if (signal.Attrs is { } attrs)
        {
            foreach (var (name, value) in attrs.OrderBy(a => a.Key, StringComparer.Ordinal))
            {
                Append(hash, name);
                Append(hash, value);
            }
        }
        return hash.GetHashAndReset()[..16];
    }

    private static void Append(IncrementalHash hash, string text)
    {
        Span<byte> length = stackalloc byte[4];
        var bytes = Encoding.UTF8.GetBytes(text);
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
