using Enforcement.Policy.Windows;

namespace Enforcement.Benchmarks.Conditions;

/// <summary>
/// How the hand-written conditions get an aggregate's value. A struct constraint lets the JIT specialise each
/// condition for each way, so the abstraction costs nothing in the measured code.
/// </summary>
internal interface ISlotReads
{
    double Read(int slot);
}

/// <summary>Every term reads its slot, as the compiled closures do.</summary>
internal readonly struct DirectReads(SubjectWindows windows, long now) : ISlotReads
{
    public double Read(int slot) => windows.Read(slot, now);
}

/// <summary>
/// A slot read once per evaluation and its value reused by every later term that reads it, across policies: what a
/// per-evaluation cache in the evaluation scope would give the compiled conditions.
/// </summary>
internal readonly struct MemoizedReads(ReadMemo memo, SubjectWindows windows, long now) : ISlotReads
{
    public double Read(int slot)
    {
        if (memo.Stamps[slot] == memo.Generation)
            return memo.Values[slot];
        var value = windows.Read(slot, now);
        memo.Values[slot] = value;
        memo.Stamps[slot] = memo.Generation;
        return value;
    }
}

/// <summary>Reads like <see cref="DirectReads"/> and notes each slot read, in order.</summary>
internal readonly struct RecordingReads(List<int> record, SubjectWindows windows, long now) : ISlotReads
{
    public double Read(int slot)
    {
        record.Add(slot);
        return windows.Read(slot, now);
    }
}

/// <summary>The cache behind <see cref="MemoizedReads"/>; a new generation forgets every value at once.</summary>
internal sealed class ReadMemo(int slots)
{
    public double[] Values { get; } = new double[slots];

    public int[] Stamps { get; } = new int[slots];

    public int Generation { get; private set; }

    public MemoizedReads Begin(SubjectWindows windows, long now)
    {
        Generation++;
        return new MemoizedReads(this, windows, now);
    }
}
