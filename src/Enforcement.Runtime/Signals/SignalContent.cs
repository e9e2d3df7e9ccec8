using System.Buffers;
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
        var length = 4 * 3 + 16 + Encoding.UTF8.GetMaxByteCount(signal.Account.Length + signal.Type.Length + (signal.Category?.Length ?? 0));
        if (signal.Attrs is { } attrs)
        {
            foreach (var (name, value) in attrs)
                length += 8 + Encoding.UTF8.GetMaxByteCount(name.Length + value.Length);
        }

        var rented = ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = 0;
            var buffer = rented.AsSpan();
            Append(buffer, ref written, signal.Account);
            Append(buffer, ref written, signal.Type);
            BinaryPrimitives.WriteInt64LittleEndian(buffer[written..], BitConverter.DoubleToInt64Bits(signal.Category is null ? signal.Value : 0));
            written += 8;
            Append(buffer, ref written, signal.Category ?? "");
            BinaryPrimitives.WriteInt64LittleEndian(buffer[written..], signal.At.UtcTicks);
            written += 8;
            if (signal.Attrs is { Count: > 0 } present)
            {
                foreach (var (name, value) in present.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    Append(buffer, ref written, name);
                    Append(buffer, ref written, value);
                }
            }
            Span<byte> digest = stackalloc byte[32];
            SHA256.HashData(buffer[..written], digest);
            return digest[..16].ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static void Append(Span<byte> buffer, ref int written, string text)
    {
        var count = Encoding.UTF8.GetBytes(text, buffer[(written + 4)..]);
        BinaryPrimitives.WriteInt32LittleEndian(buffer[written..], count);
        written += 4 + count;
    }
}
