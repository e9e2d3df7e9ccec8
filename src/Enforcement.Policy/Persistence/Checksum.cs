using System.Security.Cryptography;

namespace Enforcement.Policy.Persistence;

/// <summary>
/// The last bytes of a snapshot: the first eight bytes of a SHA-256 of everything before them. A snapshot cut short or
/// with any byte changed fails it, so that a damaged checkpoint is refused rather than read into a wrong subject.
/// </summary>
internal static class Checksum
{
    public const int Length = 8;

    public static void Compute(ReadOnlySpan<byte> data, Span<byte> destination)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(data, hash);
        hash[..Length].CopyTo(destination);
    }

    public static bool Matches(ReadOnlySpan<byte> data, ReadOnlySpan<byte> checksum)
    {
        Span<byte> expected = stackalloc byte[Length];
        Compute(data, expected);
        return expected.SequenceEqual(checksum);
    }
}
