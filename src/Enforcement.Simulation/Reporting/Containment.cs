using System.Collections.Immutable;

namespace Enforcement.Simulation.Reporting;

/// <summary>
/// When a campaign was contained. A campaign is contained from the start of the earliest simulated hour <c>h</c> such
/// that in <c>h</c> and in every later hour of the run, at most <c>maxShare</c> of the exchanges it attempted in that
/// hour were served unrestricted (hours it attempted nothing count as contained). The containment time is never
/// earlier than its first exchange; the time to containment runs from its first exchange to then. A campaign that
/// still had more than <c>maxShare</c> served unrestricted in the run's last hour with traffic is not contained.
/// </summary>
public static class Containment
{
    public static DateTimeOffset? ContainedAt(ImmutableArray<HourCounts> hours, double maxShare, DateTimeOffset start, DateTimeOffset? firstExchange)
    {
        if (firstExchange is not { } first)
            return null;
        var contained = hours.Length;
        for (var h = hours.Length - 1; h >= 0; h--)
        {
            var hour = hours[h];
            if (hour.ServedUnrestricted > maxShare * hour.Attempted)
                break;
            contained = h;
        }
        if (contained == hours.Length)
            return null;
        var at = start + TimeSpan.FromHours(contained);
        return at < first ? first : at;
    }
}
