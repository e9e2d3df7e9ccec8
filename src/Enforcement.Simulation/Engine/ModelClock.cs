using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Engine;

/// <summary>The scenario's models and their releases, in ticks: which model is new at a time.</summary>
internal sealed class ModelClock
{
    /// <summary>The gateway flags requests to a model released less than this long before.</summary>
    public static readonly TimeSpan NewFor = TimeSpan.FromHours(48);

    private readonly long[] released;
    private readonly int[] releasedDuringRun;

    public ModelClock(Scenario scenario, DateTimeOffset start)
    {
        Names = [.. scenario.Models.Select(m => m.Name)];
        released = [.. scenario.Models.Select(m => (start + m.Released).UtcTicks)];
        releasedDuringRun = [.. Enumerable.Range(0, Names.Length).Where(i => scenario.Models[i].Released > TimeSpan.Zero).OrderBy(i => released[i])];
    }

    public string[] Names { get; }

    public int Index(string name) => Array.IndexOf(Names, name);

    public bool IsNew(int model, long at) => at >= released[model] && at - released[model] < NewFor.Ticks;

    /// <summary>The latest model released during the run by <paramref name="at"/>; -1 when none is out yet.</summary>
    public int NewestAt(long at)
    {
        var newest = -1;
        foreach (var i in releasedDuringRun)
        {
            if (released[i] <= at)
                newest = i;
        }
        return newest;
    }

    /// <summary>A cumulative table over the model indices for a mix of model names.</summary>
    public double[] Cumulative(Mix mix) => Cumulatives.Of(mix, Names);
}
