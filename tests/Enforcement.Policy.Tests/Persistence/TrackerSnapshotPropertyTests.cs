using CsCheck;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Persistence;
using Enforcement.Policy.Windows;
using static Enforcement.Policy.Tests.Windows.TestCatalog;

namespace Enforcement.Policy.Tests.Persistence;

/// <summary>
/// Trackers bounded to a handful of values, so that nearly every observation evicts, with many values last seen at the
/// same instant: a tracker restored from a snapshot must forget exactly what the original forgets.
/// </summary>
public sealed class TrackerSnapshotPropertyTests
{
    private static readonly WindowRequest[] Requests =
    [
        new(AggregateKind.Distinct, TimeSpan.FromMinutes(10), Attribute: Template),
        new(AggregateKind.Distinct, TimeSpan.FromHours(2), Attribute: Proxy),
        new(AggregateKind.Members, TimeSpan.FromMinutes(10)),
        new(AggregateKind.NewMembers, TimeSpan.FromHours(1), Age: TimeSpan.FromMinutes(30)),
        new(AggregateKind.Count, TimeSpan.FromHours(1), Request),
    ];

    /// <summary>An observation: seconds after the previous one (negative: late), its account and its template and proxy.</summary>
    private static readonly Gen<(int Gap, int Account, int Template, int Proxy)> Steps =
        Gen.Select(Gen.Frequency((4, Gen.Const(0)), (4, Gen.Int[1, 120]), (1, Gen.Int[-300, 0]), (1, Gen.Int[600, 7200])), Gen.Int[0, 11], Gen.Int[0, 11], Gen.Int[0, 11]);

    [Fact]
    public void A_restored_tracker_forgets_exactly_what_the_original_forgets() =>
        Gen.Select(Steps.Array[1, 60], Steps.Array[1, 60]).Sample((before, after) =>
        {
            var builder = new WindowLayoutBuilder(CatalogLite, maxTrackedValues: 4);
            var slots = Requests.Select(builder.Add).ToArray();
            var program = new ScopeProgram(Scope.Proxy, builder.Build(), []);
            var original = new Subject("proxy:p-1", program);
            var clock = T0;
            foreach (var step in before)
                original.Observe(Next(step));

            var copy = SubjectCodec.Read(SubjectCodec.Write(original), original.Key, program, out var restore);

            Assert.True(restore.WindowsRestored);
            foreach (var step in after)
            {
                var observation = Next(step);
                original.Observe(observation);
                copy.Observe(observation);
                foreach (var slot in slots)
                    Assert.Equal(original.Windows.Read(slot, clock), copy.Windows.Read(slot, clock));
            }
            Assert.Equal(SubjectCodec.Write(original).Length, SubjectCodec.Write(copy).Length);

            Observation Next((int Gap, int Account, int Template, int Proxy) step)
            {
                var at = clock + step.Gap * TimeSpan.TicksPerSecond;
                clock = Math.Max(clock, at);
                return new Observation(Request, at, 1, -1, $"a-{step.Account}", step.Account % 3 == 0 ? 0 : T0 - step.Account * TimeSpan.TicksPerMinute * 7,
                    Attributes(step.Template, step.Proxy));
            }
        }, iter: 300);

    private static string?[] Attributes(int template, int proxy)
    {
        var attributes = new string?[CatalogLite.Attributes.Length];
        attributes[Template] = $"t-{template}";
        attributes[Proxy] = $"p-{proxy}";
        return attributes;
    }
}
