namespace Enforcement.Simulation.Engine;

/// <summary>
/// What happened to one population's exchanges and accounts (the legitimate accounts, or one campaign's), per simulated
/// hour and in all.
/// </summary>
internal sealed class Tally(int hours)
{
    public long[] Unrestricted { get; } = new long[hours];

    public long[] Restricted { get; } = new long[hours];

    public long[] Refused { get; } = new long[hours];

    /// <summary>Accounts restricted (throttled, challenged or suspended) as the gateway saw them at each hour's end.</summary>
    public int[] RestrictedAccounts { get; } = new int[hours];

    public long FirstExchange { get; private set; } = long.MaxValue;

    public int Accounts { get; set; }

    public int Throttled { get; set; }

    public int Challenged { get; set; }

    public int Suspended { get; set; }

    public int EverRestricted { get; set; }

    public int HydraCustomersRestricted { get; set; }

    public int CurrentlyRestricted { get; set; }

    public void Count(int hour, long at, Served served)
    {
        if (at < FirstExchange)
            FirstExchange = at;
        switch (served)
        {
            case Served.Unrestricted:
                Unrestricted[hour]++;
                break;
            case Served.Restricted:
                Restricted[hour]++;
                break;
            default:
                Refused[hour]++;
                break;
        }
    }
}
