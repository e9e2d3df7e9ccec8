using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Enforcement.Policy.Definitions;

namespace Enforcement.Policy.Ladders;

/// <summary>
/// Feedback denial: a rung with <c>delay: 10m..2h</c> takes effect after a delay that a campaign cannot tie to the
/// request that tripped it, yet that a replay, a backtest or another silo computes identically.
/// </summary>
public static class Delay
{
    /// <summary>
    /// A whole number of seconds in [<see cref="DelayRange.Min"/>, <see cref="DelayRange.Max"/>], drawn uniformly from a
    /// SHA-256 of the subject and the decision (policy id, rung, time taken). The time taken is part of the input so
    /// that a renewal draws afresh. Changing this function changes every recorded delay: replays would disagree with
    /// the audit log.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is negative or its maximum is below its minimum.</exception>
    public static TimeSpan Draw(DelayRange range, string subject, string policyId, int rung, DateTimeOffset takenAt)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(policyId);
        if (range.Min < TimeSpan.Zero || range.Max < range.Min)
            throw new ArgumentOutOfRangeException(nameof(range), range, "A delay range runs from a non-negative minimum up to its maximum.");

        var low = (range.Min.Ticks + TimeSpan.TicksPerSecond - 1) / TimeSpan.TicksPerSecond;
        var high = range.Max.Ticks / TimeSpan.TicksPerSecond;
        if (high < low)
            return range.Min;

        var draw = BinaryPrimitives.ReadUInt64LittleEndian(Digest(subject, policyId, rung, takenAt));
        // A 64-bit draw reduced modulo at most ~10^9 seconds: the bias is far below anything observable.
        var seconds = low + (long)(draw % (ulong)(high - low + 1));
        return TimeSpan.FromSeconds(seconds);
    }

    private static byte[] Digest(string subject, string policyId, int rung, DateTimeOffset takenAt)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        AppendText(hash, subject);
        AppendText(hash, policyId);
        Span<byte> number = stackalloc byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(number, rung);
        hash.AppendData(number);
        // UTC ticks: the same instant written with another offset is the same decision.
        BinaryPrimitives.WriteInt64LittleEndian(number, takenAt.UtcTicks);
        hash.AppendData(number);
        return hash.GetHashAndReset();
    }

    /// <summary>Length-prefixed, so that ("ab", "c") and ("a", "bc") hash differently.</summary>
    private static void AppendText(IncrementalHash hash, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[sizeof(int)];
        BinaryPrimitives.WriteInt32LittleEndian(length, bytes.Length);
        hash.AppendData(length);
        hash.AppendData(bytes);
    }
}
