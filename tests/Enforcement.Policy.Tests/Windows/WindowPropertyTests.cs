using System.Globalization;
using System.Text;
using CsCheck;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Windows;
using static Enforcement.Policy.Tests.Windows.TestCatalog;

namespace Enforcement.Policy.Tests.Windows;

/// <summary>
/// Random requests over random windows, random streams of observations (some late, some in the same bucket, some
/// with attributes missing) and random read times at or after the latest observation: every slot must read what the
/// naive <see cref="ReferenceWindows"/> computes by scanning every raw observation. Reads interleaved with the
/// observations, at any time, must also read what a scan of the rings' rows reads, whatever the running totals went
/// through. The iteration counts suit CI; <c>CsCheck_Iter=50000 dotnet test --filter WindowPropertyTests</c> runs
/// every property that many times.
/// </summary>
public sealed class WindowPropertyTests
{
    private const int Accounts = 5;

    /// <summary>Every window <see cref="Resolution"/> accepts, spread over its four bucket widths.</summary>
    private static readonly Gen<TimeSpan> GenWindow = Gen.OneOf<TimeSpan>(
        Gen.Int[6, 60].Select(n => TimeSpan.FromSeconds(10 * n)),
        Gen.Int[3, 72].Select(n => TimeSpan.FromMinutes(5 * n)),
        Gen.Int[7, 72].Select(n => TimeSpan.FromHours(n)),
        Gen.Int[4, 30].Select(n => TimeSpan.FromDays(n)));

    private static readonly Gen<TimeSpan> GenAge = Gen.OneOf<TimeSpan>(
        Gen.Int[1, 180].Select(n => TimeSpan.FromMinutes(n)),
        Gen.Int[1, 60].Select(n => TimeSpan.FromDays(n)));

    private static readonly Gen<WindowRequest> GenRequest = Gen.OneOf<WindowRequest>(
        Gen.Select(Gen.Int[0, CatalogLite.Signals.Length - 1], GenWindow, (signal, window) => new WindowRequest(AggregateKind.Count, window, signal)),
        Gen.Select(
            Gen.OneOf(AggregateKind.Sum, AggregateKind.Avg, AggregateKind.Min, AggregateKind.Max),
            Gen.OneOf(Request, Cot, Tokens, Payment),
            GenWindow,
            (kind, signal, window) => new WindowRequest(kind, window, signal)),
        Gen.Select(Gen.Int[0, CatalogLite.Signals[Capability].Values.Length - 1], GenWindow, (category, window) => new WindowRequest(AggregateKind.Share, window, Capability, Category: category)),
        Gen.Select(Gen.Int[0, CatalogLite.Attributes.Length - 1], GenWindow, (attribute, window) => new WindowRequest(AggregateKind.Distinct, window, Attribute: attribute)),
        GenWindow.Select(window => new WindowRequest(AggregateKind.Members, window)),
        Gen.Select(GenAge, GenWindow, (age, window) => new WindowRequest(AggregateKind.NewMembers, window, Age: age)));

    private static readonly Gen<WindowCase> GenCase =
        GenRequest.Array[1, 8].SelectMany(requests => GenSteps(requests).Select(steps => new WindowCase(requests, steps)));

    private static readonly Gen<WindowCase> GenDenseCase =
        GenCase.Select(c => c with { Steps = [.. c.Steps.Select(s => s with { Gap = s.Gap / 50 })] });

    [Fact]
    public void Every_slot_reads_what_a_scan_of_every_observation_computes() =>
        GenCase.Sample(Verify, iter: Iterations(400), print: c => c.ToString());

    [Fact]
    public void Every_slot_reads_what_a_scan_computes_when_many_observations_share_few_buckets() =>
        GenDenseCase.Sample(Verify, iter: Iterations(200), print: c => c.ToString());

    [Fact]
    public void Reads_between_observations_read_what_a_scan_of_the_rows_reads() =>
        Interleaved(GenCase).Sample(VerifyInterleaved, iter: Iterations(300), print: c => c.ToString());

    [Fact]
    public void Reads_between_observations_in_few_buckets_read_what_a_scan_of_the_rows_reads() =>
        Interleaved(GenDenseCase).Sample(VerifyInterleaved, iter: Iterations(200), print: c => c.ToString());

    /// <summary>The CI-sized <paramref name="iterations"/>, unless the <c>CsCheck_Iter</c> environment variable asks for more or fewer.</summary>
    private static long Iterations(long iterations) =>
        Environment.GetEnvironmentVariable("CsCheck_Iter") is null ? iterations : Check.Iter;

    /// <summary>
    /// Up to three reads after each observation, at times relative to the latest observation so far: mostly a little
    /// after it (its bucket again, or the next few, so buckets slide out between reads), some a little before (the
    /// bucket of the previous read or earlier, with observations already in ahead of the read), and some far either
    /// way (whole windows slide out, or the read goes back past several earlier reads).
    /// </summary>
    private static Gen<InterleavedCase> Interleaved(Gen<WindowCase> cases) =>
        cases.SelectMany(c =>
        {
            var shortest = c.Requests.Min(r => r.Window.Ticks);
            var longest = c.Requests.Max(r => r.Window.Ticks);
            var genRead = Gen.Frequency(
                (4, Gen.Long[0, shortest / 4]),
                (2, Gen.Long[-shortest / 4, 0]),
                (1, Gen.Long[-2 * longest, 2 * longest]));
            return genRead.Array[0, 3].Array[c.Steps.Length].Select(reads => new InterleavedCase(c, reads));
        });

    private static void Verify(WindowCase c)
    {
        var builder = new WindowLayoutBuilder(CatalogLite);
        var slots = c.Requests.Select(builder.Add).ToArray();
        var layout = builder.Build();
        // A request equal to an earlier one shares its slot.
        for (var i = 0; i < c.Requests.Length; i++)
            Assert.Equal(slots[Array.IndexOf(c.Requests, c.Requests[i])], slots[i]);

        var windows = new SubjectWindows(layout);
        var reference = new ReferenceWindows(CatalogLite);
        var latest = 0L;
        foreach (var (observation, readAfter) in c.Observations())
        {
            windows.Add(observation);
            reference.Add(observation);
            latest = Math.Max(latest, observation.At);
            if (readAfter is { } after)
                Compare(latest + after);
        }
        Compare(latest);
        Compare(latest + c.Requests.Max(r => r.Window.Ticks) / 2);

        void Compare(long now)
        {
            for (var i = 0; i < c.Requests.Length; i++)
                AssertClose(c.Requests[i], now, reference.Read(c.Requests[i], now), windows.Read(slots[i], now), "the reference");
        }
    }

    /// <summary>
    /// Reads at any time between observations must read what a scan of the rows reads: a subject fed the same
    /// observations and read once, which has no running total yet. At or after every observation so far they must
    /// also read what the reference computes.
    /// </summary>
    private static void VerifyInterleaved(InterleavedCase c)
    {
        var builder = new WindowLayoutBuilder(CatalogLite);
        var slots = c.Case.Requests.Select(builder.Add).ToArray();
        var layout = builder.Build();

        var windows = new SubjectWindows(layout);
        var reference = new ReferenceWindows(CatalogLite);
        var seen = new List<Observation>();
        var latest = 0L;
        var step = 0;
        foreach (var (observation, _) in c.Case.Observations())
        {
            windows.Add(observation);
            reference.Add(observation);
            seen.Add(observation);
            latest = Math.Max(latest, observation.At);
            foreach (var offset in c.Reads[step++])
                Compare(Math.Max(0, latest + offset));
        }
        Compare(latest);

        void Compare(long now)
        {
            var scan = new SubjectWindows(layout);
            foreach (var observation in seen)
                scan.Add(observation);
            for (var i = 0; i < slots.Length; i++)
            {
                var request = c.Case.Requests[i];
                var actual = windows.Read(slots[i], now);
                AssertClose(request, now, scan.Read(slots[i], now), actual, "a scan");
                if (now >= latest)
                    AssertClose(request, now, reference.Read(request, now), actual, "the reference");
            }
        }
    }

    // Sums (and a count signal's count, a sum) may differ in their last bits from the order the expected value added
    // them in; everything else is exact.
    private static void AssertClose(WindowRequest request, long now, double expected, double actual, string expectedFrom)
    {
        var exact = request.Kind is not (AggregateKind.Sum or AggregateKind.Avg or AggregateKind.Count);
        var close = double.IsNaN(expected)
            ? double.IsNaN(actual)
            : exact ? expected == actual : Math.Abs(expected - actual) <= 1e-9 * (1 + Math.Abs(expected));
        Assert.True(close, string.Create(CultureInfo.InvariantCulture, $"{request} at {now}: {expectedFrom} has {expected}, read {actual}"));
    }

    /// <summary>
    /// Observations advance a clock by random gaps scaled to one of the requested windows; some are late by up to the
    /// shortest window, a few by up to twice the longest, so that rings see observations older than they hold. Accounts
    /// have known creation times before the stream starts. An account forgotten after the retention and seen again
    /// late may join again where a scan would not have it join; so with <c>new_members</c> in the layout nothing is
    /// later than the shortest window (forgetting and unknown creation are pinned by unit tests instead).
    /// </summary>
    private static Gen<Step[]> GenSteps(WindowRequest[] requests)
    {
        var shortest = requests.Min(r => r.Window.Ticks);
        var longest = requests.Max(r => r.Window.Ticks);
        var veryLate = requests.Any(r => r.Kind == AggregateKind.NewMembers) ? shortest : 2 * longest;
        var genGapLimit = Gen.Select(Gen.OneOf(requests.Select(r => r.Window.Ticks).ToArray()), Gen.Int[1, 12], (window, k) => Math.Max(TimeSpan.TicksPerSecond, window / k));
        var genStep = Gen.Select(
            Gen.Frequency((1, Gen.Const<double>(0.0)), (3, Gen.Double[0, 1])),
            Gen.Frequency((6, Gen.Const<long>(0L)), (2, Gen.Long[0, shortest]), (1, Gen.Long[0, veryLate])),
            Gen.Int[0, CatalogLite.Signals.Length - 1],
            Gen.Double[0, 1],
            Gen.Int[0, Accounts - 1],
            Gen.Int[0, 4].Array[CatalogLite.Attributes.Length],
            Gen.Frequency((6, Gen.Const((long?)null)), (2, Gen.Long[0, shortest].Select(t => (long?)t)), (1, Gen.Long[0, 2 * longest].Select(t => (long?)t))),
            (gap, late, signal, draw, account, attributes, readAfter) => new Step(gap, late, signal, draw, account, attributes, readAfter));
        return Gen.Select(genGapLimit, Gen.Long[0, TimeSpan.TicksPerDay], Gen.OneOf<long>(Gen.Long[0, TimeSpan.TicksPerDay], Gen.Long[0, 60 * TimeSpan.TicksPerDay]).Array[Accounts], genStep.Array[0, 60],
            (gapLimit, start, ages, steps) => steps.Select(s => s with { Gap = s.Gap * gapLimit, Start = T0 + start, Ages = ages }).ToArray());
    }

    /// <param name="Gap">How far the clock moves before this observation: a fraction of the case's gap limit, then ticks.</param>
    /// <param name="Late">How far before the clock the observation happened.</param>
    /// <param name="Draw">A uniform draw the signal's kind turns into a value and a category.</param>
    /// <param name="Attributes">Per catalog attribute, one of four values, or 4 for none.</param>
    /// <param name="ReadAfter">If set, every slot is compared this long after the latest observation so far.</param>
    internal sealed record Step(double Gap, long Late, int Signal, double Draw, int Account, int[] Attributes, long? ReadAfter)
    {
        public long Start { get; init; }

        public long[] Ages { get; init; } = [];
    }

    /// <param name="Reads">Per observation, the read times after it, relative to the latest observation so far.</param>
    internal sealed record InterleavedCase(WindowCase Case, long[][] Reads)
    {
        public override string ToString()
        {
            var text = new StringBuilder(Case.ToString());
            text.AppendLine("reads after each observation, from the latest so far:");
            for (var i = 0; i < Reads.Length; i++)
            {
                if (Reads[i].Length != 0)
                    text.AppendLine(CultureInfo.InvariantCulture, $"  after #{i}: {string.Join(", ", Reads[i])}");
            }
            return text.ToString();
        }
    }

    internal sealed record WindowCase(WindowRequest[] Requests, Step[] Steps)
    {
        public IEnumerable<(Observation Observation, long? ReadAfter)> Observations()
        {
            foreach (var (step, clock) in Clocks())
            {
                var signal = CatalogLite.Signals[step.Signal];
                var (value, category) = signal.Kind switch
                {
                    SignalKind.Count => (1 + Math.Floor(step.Draw * 3), -1),
                    SignalKind.Score => (step.Draw, -1),
                    SignalKind.Number => (Math.Round(step.Draw * 550 - 50, 3), -1),
                    SignalKind.Category => (1, (int)(step.Draw * signal.Values.Length)),
                    _ => (1.0, -1),
                };
                var attributes = new string?[CatalogLite.Attributes.Length];
                for (var i = 0; i < attributes.Length; i++)
                {
                    if (step.Attributes[i] < 4 && signal.Attrs.Contains(CatalogLite.Attributes[i]))
                        attributes[i] = "v" + step.Attributes[i].ToString(CultureInfo.InvariantCulture);
                }
                var at = Math.Max(step.Start, clock - step.Late);
                var account = "a-" + step.Account.ToString(CultureInfo.InvariantCulture);
                yield return (new Observation(step.Signal, at, value, category, account, step.Start - step.Ages[step.Account], attributes), step.ReadAfter);
            }
        }

        public override string ToString()
        {
            var text = new StringBuilder();
            text.AppendLine(CultureInfo.InvariantCulture, $"{Requests.Length} requests:");
            foreach (var request in Requests)
                text.AppendLine(CultureInfo.InvariantCulture, $"  {request}");
            text.AppendLine(CultureInfo.InvariantCulture, $"{Steps.Length} observations:");
            foreach (var (observation, readAfter) in Observations())
            {
                var attributes = string.Join(",", observation.Attributes!.Select((a, i) => a is null ? null : $"{CatalogLite.Attributes[i]}={a}").OfType<string>());
                text.AppendLine(CultureInfo.InvariantCulture, $"  {CatalogLite.Signals[observation.Signal].Name} at {observation.At} value {observation.Value} category {observation.Category} {observation.Account} [{attributes}]{(readAfter is { } r ? $" read +{r}" : "")}");
            }
            return text.ToString();
        }

        private IEnumerable<(Step Step, long Clock)> Clocks()
        {
            var clock = Steps.Length == 0 ? 0 : Steps[0].Start;
            foreach (var step in Steps)
            {
                clock += (long)step.Gap;
                yield return (step, clock);
            }
        }
    }
}
