namespace Enforcement.Simulation.Engine;

/// <summary>
/// A legitimate account: exchanges arrive as a Poisson process at its daily volume, busier in its daytime than at night
/// (drawn by thinning against the busiest hour's rate).
/// </summary>
internal sealed class LegitActor : Actor
{
    /// <summary>The day's swing around the mean rate: 1 ± this.</summary>
    private const double Swing = 0.6;

    private readonly SimAccount account;
    private readonly GroupBehaviour behaviour;
    private readonly double peakRate;
    private readonly long phase;
    private readonly long end;
    private readonly int sdkFirst;
    private readonly int sdkSecond;

    public LegitActor(SimRandom random, SimAccount account, GroupBehaviour behaviour, long start, long end)
        : base(random)
    {
        this.account = account;
        this.behaviour = behaviour;
        this.end = end;
        Next = start;
        var perDay = behaviour.DrawVolume(random);
        peakRate = perDay * (1 + Swing) / TimeSpan.TicksPerDay;
        phase = (long)(random.NextDouble() * TimeSpan.TicksPerDay);
        // Popular templates are popular: an account's two favourites lean towards the first ones.
        var sdk = behaviour.SdkTemplates;
        sdkFirst = sdk == 0 ? 0 : (int)(sdk * Math.Pow(random.NextDouble(), 2));
        sdkSecond = sdk == 0 ? 0 : random.Next(sdk);
    }

    public override SimAccount Begin()
    {
        Starting = false;
        return account;
    }

    public override Exchange Draw()
    {
        var random = Random;
        var group = behaviour.Group;
        var capability = random.Pick(behaviour.Capabilities);
        var cot = Math.Clamp(random.Normal(group.Cot.Mean, group.Cot.Sd), 0, 1);
        var u = random.NextDouble();
        int template;
        if (u < group.Templates.Sdk)
            template = 1 + (random.NextDouble() < 0.7 ? sdkFirst : sdkSecond);
        else if (u < group.Templates.Sdk + group.Templates.Personal)
            template = behaviour.PersonalBase + random.Next(group.Templates.Pool);
        else
            template = 0;
        var model = random.Pick(behaviour.ModelMix);
        if (group.NewModel > 0 && random.NextDouble() < group.NewModel && behaviour.Models.NewestAt(Next) is var newest and >= 0)
            model = newest;
        return new Exchange(Next, capability, cot, template, model);
    }

    public override SimAccount? AccountForExchange(out bool fresh)
    {
        fresh = false;
        return account;
    }

    public override void Advance()
    {
        if (peakRate <= 0)
        {
            Next = long.MaxValue;
            return;
        }
        var t = Next;
        while (true)
        {
            t += (long)Random.Exponential(peakRate) + 1;
            if (t >= end)
            {
                Next = long.MaxValue;
                return;
            }
            if (Random.NextDouble() * (1 + Swing) < Daytime(t))
                break;
        }
        Next = t;
    }

    /// <summary>The rate's factor at <paramref name="t"/>: highest mid-afternoon in the account's own day, mean 1.</summary>
    private double Daytime(long t)
    {
        var dayFraction = (t + phase) % TimeSpan.TicksPerDay / (double)TimeSpan.TicksPerDay;
        return 1 + Swing * Math.Cos(2 * Math.PI * (dayFraction - 0.625));
    }
}
