using System.Collections.Immutable;

namespace Enforcement.Simulation.Reporting;

/// <summary>
/// When a campaign was contained. Only the simulated hours in which the campaign attempted exchanges count. It is
/// contained from the start of the earliest such hour <c>h</c> for which in <c>h</c> and in every later such hour at
/// most <c>maxShare</c> of the exchanges attempted in that hour were served unrestricted (while the sending account was
/// <c>allow</c>); the containment time is never earlier than its first exchange, and the time to containment runs
/// from its first exchange to then. A campaign whose last hour with attempts still had more than <c>maxShare</c> served
/// unrestricted was never contained: it ran its course (or the run ended) unrestrained.
/// </summary>
public static class Containment
{
    public static DateTimeOffset? ContainedAt(ImmutableArray<HourCounts> hours, double maxShare, DateTimeOffset start, DateTimeOffset? firstExchange)
    {
        if (firstExchange is not { } first)
            return null;
        int? contained = null;
        for (var h = hours.Length - 1; h >= 0; h--)
        {
            var hour = hours[h];
            if (hour.Attempted == 0)
                continue;
            if (hour.ServedUnrestricted > maxShare * hour.Attempted)
                break;
            contained = h;
        }
        if (contained is not { } from)
            return null;
        var at = start + TimeSpan.FromHours(from);
        return at < first ? first : at;
    }
}
