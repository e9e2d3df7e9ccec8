namespace Enforcement.LoadDriver;

/// <summary>Latencies recorded by many workers, read as percentiles.</summary>
public sealed class Latencies
{
    private readonly List<long[]> parts = [];

    /// <summary>A recorder for one worker; the arrays are merged when the percentiles are read.</summary>
    public Recorder NewRecorder(int capacity)
    {
        var recorder = new Recorder(capacity);
        lock (parts)
            parts.Add(recorder.Ticks);
        return recorder;
    }

    public (double P50, double P99, double Max, long Count) Summarize(Func<int, long> countOf)
    {
        var all = new List<long>();
        lock (parts)
        {
            for (var i = 0; i < parts.Count; i++)
                all.AddRange(parts[i].Take((int)countOf(i)));
        }
        all.Sort();
        if (all.Count == 0)
            return (double.NaN, double.NaN, double.NaN, 0);
        return (Ms(all[(int)(all.Count * 0.50)]), Ms(all[Math.Min(all.Count - 1, (int)(all.Count * 0.99))]), Ms(all[^1]), all.Count);
    }

    private static double Ms(long stopwatchTicks) => stopwatchTicks * 1000.0 / System.Diagnostics.Stopwatch.Frequency;

    public sealed class Recorder(int capacity)
    {
        public long[] Ticks { get; } = new long[capacity];

        public int Count { get; private set; }

        public void Add(long ticks)
        {
            if (Count < Ticks.Length)
                Ticks[Count++] = ticks;
        }
    }
}
