using System.Text.Json;
using Enforcement.Policy.Ladders;
using static Enforcement.Policy.Tests.Ladders.TestPolicies;

namespace Enforcement.Policy.Tests.Ladders;

public sealed class LadderStateTests
{
    [Fact]
    public void A_state_survives_a_round_trip_through_json()
    {
        var run = new LadderRun(PolicyWith(ladder:
        [
            Rung(Throttle(20, TimeSpan.FromHours(6))),
            DelayedRung(TimeSpan.FromMinutes(10), TimeSpan.FromHours(2), Suspend(TimeSpan.FromDays(30)), Escalate("threat-intel", "high")),
        ]));
        run.Signal();
        run.SignalAfter(TimeSpan.FromHours(1));

        var json = JsonSerializer.Serialize(run.State);
        var read = JsonSerializer.Deserialize<LadderState>(json);

        Assert.Equal(run.State, read);
    }

    [Fact]
    public void States_compare_by_value()
    {
        static LadderState Climbed()
        {
            var run = new LadderRun(CotElicitation());
            run.Signal();
            return run.State;
        }

        Assert.Equal(Climbed(), Climbed());
        Assert.Equal(Climbed().GetHashCode(), Climbed().GetHashCode());
        Assert.NotEqual(LadderState.Initial, Climbed());
    }
}
