using System.Globalization;
using Enforcement.Benchmarks.Shared;
using Enforcement.Policy;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Windows;

namespace Enforcement.Benchmarks.Memory;

/// <summary>
/// What one subject costs in memory under the shipped pack, as markdown: the layout's fixed figure, what the windows
/// hold after a realistic day, and the subject with its ladder states around them. Not a BenchmarkDotNet run: these
/// are sizes, not times, and one pass computes them exactly.
/// </summary>
internal static class MemoryReport
{
    private const int EntityMembers = 20;

    public static void Print(TextWriter output)
    {
        var pack = DefaultPack.Load();
        var account = pack.For(Scope.Account);

        output.WriteLine("### Memory per subject (default pack, 64-bit runtime)");
        output.WriteLine();
        output.WriteLine($"Account scope: {account.Policies.Length} policies reading {account.Layout.SlotCount} slots. Its layout:");
        output.WriteLine();
        PrintLayout(output, pack.Catalog, account.Layout);
        output.WriteLine();

        output.WriteLine("| Account | Signals in the day | `Layout.BytesPerSubject` | `SubjectWindows.AllocatedBytes` after the day | Subject, scope and ladder array | Ladder states | Total |");
        output.WriteLine("|---|--:|--:|--:|--:|--:|--:|");
        PrintSubject(output, "typical (the ordinary day: 1 exchange / 45 s for 13 h; every ladder stays on rung 0)", account, AccountDay.Ordinary(pack.Catalog));
        PrintSubject(output, "harvester (1 exchange / 12 s for 24 h; every ladder climbs)", account, AccountDay.Harvester(pack.Catalog));
        output.WriteLine();

        output.WriteLine($"Entity and cluster scopes, after a typical entity's day: {EntityMembers} ordinary accounts behind it, each with its day and one payment signal.");
        output.WriteLine();
        output.WriteLine("| Scope | Policies | Slots | `Layout.BytesPerSubject` | `SubjectWindows.AllocatedBytes` after the day | Subject, scope and ladder array | Ladder states | Total |");
        output.WriteLine("|---|--:|--:|--:|--:|--:|--:|--:|");
        var members = EntityDay.Members(pack.Catalog, EntityMembers);
        foreach (var scope in Enum.GetValues<Scope>().Where(s => s != Scope.Account))
            PrintEntity(output, pack.For(scope), members);
        output.WriteLine();
        output.WriteLine("`Layout.BytesPerSubject` is every ring and tracker of the layout allocated, before any tracker remembers a value. "
            + "`AllocatedBytes` is what the windows really hold: only the signals the subject sent have rings, and trackers add the values "
            + "(templates, accounts) they remember. The subject's own objects and the ladder states are measured on the heap "
            + "(10,000 copies kept, full collections before and after). A ladder at rest (rung 0, nothing held) is the one shared initial "
            + "state and costs nothing: the subject keeps the time its ladders describe (`AsOf`) once, not in each state. A ladder that "
            + "has left its rest holds a state record of its own, about 120 B, more with actions held.");
    }

    private static void PrintLayout(TextWriter output, SignalCatalog catalog, WindowLayout layout)
    {
        output.WriteLine("| Storage | Bucket | Buckets | Longs per bucket | Bytes |");
        output.WriteLine("|---|--:|--:|--:|--:|");
        foreach (var series in layout.Series)
        {
            output.WriteLine(Row($"ring of `{catalog.Signals[series.Signal].Name}`", Duration.Format(TimeSpan.FromTicks(series.Width)),
                series.Capacity, series.Stride, Footprint.Longs(series.Length)));
        }
        foreach (var tracker in layout.Distinct)
        {
            foreach (var ring in tracker.LastSeen)
            {
                output.WriteLine(Row($"distinct `{catalog.Attributes[tracker.Attribute]}`: last-seen ring", Duration.Format(TimeSpan.FromTicks(ring.Width)),
                    ring.Capacity, TrackerRing.Stride, Footprint.Longs(ring.Length)));
            }
        }
        output.WriteLine($"| **`BytesPerSubject`** (with the tables and each tracker's object and empty map) | | | | **{Bytes(layout.BytesPerSubject)}** |");
    }

    private static void PrintSubject(TextWriter output, string name, ScopeProgram program, AccountDay day)
    {
        var subject = new Subject($"account:{day.Account}", program) { Account = day.Facts };
        foreach (var observation in day.Observations)
            subject.Observe(observation);
        var (shell, states) = Measure(subject);
        output.WriteLine($"| {name} | {day.Observations.Length:N0} | {Bytes(program.Layout.BytesPerSubject)} | {Bytes(subject.Windows.AllocatedBytes)} "
            + $"| {Bytes(shell)} | {Bytes(states)} | **{Bytes(subject.Windows.AllocatedBytes + shell + states)}** |");
    }

    private static void PrintEntity(TextWriter output, ScopeProgram program, Observation[] members)
    {
        var subject = new Subject($"{program.Scope.Name()}:e-1", program);
        foreach (var observation in members)
            subject.Observe(observation);
        var (shell, states) = Measure(subject);
        output.WriteLine($"| {program.Scope.Name()} | {program.Policies.Length} | {program.Layout.SlotCount} | {Bytes(program.Layout.BytesPerSubject)} "
            + $"| {Bytes(subject.Windows.AllocatedBytes)} | {Bytes(shell)} | {Bytes(states)} | **{Bytes(subject.Windows.AllocatedBytes + shell + states)}** |");
    }

    /// <summary>
    /// The subject's own objects (itself, its empty windows object, its evaluation scope, its ladder array), and its
    /// ladder states beyond that array: deep copies of the states less an array of the same length.
    /// </summary>
    private static (double Shell, double States) Measure(Subject subject)
    {
        var shell = Retained.BytesPerInstance(() => new Subject(subject.Key, subject.Program));
        var ladders = subject.HeldLadders.ToArray();
        var states = ladders.Length == 0 ? 0 : Retained.BytesPerInstance(() => LadderStates.DeepCopy(ladders))
            - Retained.BytesPerInstance(() => new object[ladders.Length]);
        return (shell, states);
    }

    private static string Row(string storage, string bucket, int buckets, int longs, long bytes) =>
        $"| {storage} | {bucket} | {buckets} | {longs} | {Bytes(bytes)} |";

    private static string Bytes(double bytes) => $"{Math.Round(bytes).ToString("N0", CultureInfo.InvariantCulture)} B";
}
