using Enforcement.Policy.Catalog;

namespace Enforcement.Policy.Windows;

/// <summary>
/// Turns a list of validated requests into the storage plan of a <see cref="WindowLayout"/>: one ring per signal and
/// bucket width, as deep as its deepest window and with only the columns its requests read; one tracker per attribute
/// read by <c>distinct</c>, and one for the accounts if <c>members</c> or <c>new_members</c> is read.
/// </summary>
internal static class LayoutPlanner
{
    public static WindowLayout Plan(SignalCatalog catalog, WindowRequest[] requests, int maxTrackedValues)
    {
        var series = new Needs<(int Signal, long Width), SeriesNeeds>();
        var distinct = new Needs<int, TrackerNeeds>();
        TrackerNeeds? members = null;

        foreach (var request in requests)
        {
            var (width, buckets) = Measure(request.Window);
            switch (request.Kind)
            {
                case AggregateKind.Distinct:
                    distinct.For(request.Attribute, () => new TrackerNeeds()).NeedLastSeen(width, buckets);
                    break;
                case AggregateKind.Members:
                    (members ??= new TrackerNeeds()).NeedLastSeen(width, buckets);
                    break;
                case AggregateKind.NewMembers:
                    (members ??= new TrackerNeeds()).NeedFirstSeen(width, buckets, request.Age.Ticks);
                    break;
                default:
                    var signal = catalog.Signals[request.Signal];
                    series.For((request.Signal, width), () => new SeriesNeeds(signal.Values.Length)).Need(request, signal.Kind, buckets);
                    break;
            }
        }

        var seriesPlans = series.Items.Select(item => item.Value.ToPlan(item.Key.Signal, item.Key.Width)).ToArray();
        var distinctPlans = distinct.Items.Select(item => item.Value.ToPlan(item.Key)).ToArray();
        var membersPlan = members?.ToPlan(-1);

        var slotPlans = requests.Select(request =>
        {
            var (width, buckets) = Measure(request.Window);
            switch (request.Kind)
            {
                case AggregateKind.Distinct:
                {
                    var index = distinct.IndexOf(request.Attribute);
                    return CountSlot(SlotReader.Distinct, index, distinctPlans[index].LastSeen, width, 0, buckets);
                }
                case AggregateKind.Members:
                    return CountSlot(SlotReader.Members, 0, membersPlan!.LastSeen, width, 0, buckets);
                case AggregateKind.NewMembers:
                    return CountSlot(SlotReader.Members, 0, membersPlan!.FirstSeen, width, request.Age.Ticks, buckets);
                default:
                {
                    var index = series.IndexOf((request.Signal, width));
                    return SeriesSlot(request, catalog.Signals[request.Signal].Kind, index, seriesPlans[index], buckets);
                }
            }
        }).ToArray();

        PlaceRunningTotals(slotPlans, ref seriesPlans, ref distinctPlans, ref membersPlan);

        var seriesBySignal = new int[catalog.Signals.Length][];
        for (var signal = 0; signal < seriesBySignal.Length; signal++)
            seriesBySignal[signal] = [.. Enumerable.Range(0, seriesPlans.Length).Where(i => seriesPlans[i].Signal == signal)];

        return new WindowLayout(catalog, catalog.Signals.Length, requests, slotPlans, seriesPlans, seriesBySignal, distinctPlans, membersPlan, maxTrackedValues);
    }

    /// <summary>
    /// Gives each slot that keeps a running total its block in the cells of the ring it reads, after all the rings of
    /// those cells, and tells each ring which slots to keep up to date as it changes.
    /// </summary>
    private static void PlaceRunningTotals(SlotPlan[] slots, ref SeriesPlan[] series, ref TrackerPlan[] distinct, ref TrackerPlan? members)
    {
        var seriesEnd = series.Select(plan => Ring.Length(plan.Capacity, plan.Stride)).ToArray();
        var distinctEnd = distinct.Select(plan => plan.Length).ToArray();
        var membersEnd = members?.Length ?? 0;
        for (var i = 0; i < slots.Length; i++)
        {
            var (reader, target) = (slots[i].Reader, slots[i].Target);
            var longs = RunningTotal.Longs(reader);
            if (longs == 0)
                continue;
            var total = reader switch
            {
                SlotReader.Distinct => Place(ref distinctEnd[target], longs),
                SlotReader.Members => Place(ref membersEnd, longs),
                _ => Place(ref seriesEnd[target], longs),
            };
            slots[i] = slots[i] with { Total = total };
        }

        static int Place(ref int end, int longs)
        {
            var at = end;
            end += longs;
            return at;
        }

        bool Keeps(SlotPlan slot) => slot.Total != 0;
        bool OnSeries(SlotPlan slot) => slot.Reader is not (SlotReader.Distinct or SlotReader.Members);
        TrackerRing WithReaders(TrackerRing ring, SlotReader reader, int target) =>
            ring with { Readers = [.. slots.Where(s => Keeps(s) && s.Reader == reader && s.Target == target && s.Offset == ring.Offset)] };

        series = [.. series.Select((plan, index) => plan with { Readers = [.. slots.Where(s => Keeps(s) && OnSeries(s) && s.Target == index)] })];
        distinct = [.. distinct.Select((plan, index) => plan with
        {
            LastSeen = [.. plan.LastSeen.Select(ring => WithReaders(ring, SlotReader.Distinct, index))],
            Length = distinctEnd[index],
        })];
        members = members is null ? null : members with
        {
            LastSeen = [.. members.LastSeen.Select(ring => WithReaders(ring, SlotReader.Members, 0))],
            FirstSeen = [.. members.FirstSeen.Select(ring => WithReaders(ring, SlotReader.Members, 0))],
            Length = membersEnd,
        };
    }

    private static (long Width, int Buckets) Measure(TimeSpan window)
    {
        Resolution.TryGetWidth(window, out var width, out _);
        return (width.Ticks, (int)(window.Ticks / width.Ticks));
    }

    private static SlotPlan SeriesSlot(WindowRequest request, SignalKind kind, int index, SeriesPlan plan, int buckets)
    {
        var (reader, a, b) = request.Kind switch
        {
            // A count signal's value says how many happened, so its count is the sum of its values.
            AggregateKind.Count when kind == SignalKind.Count => (SlotReader.Sum, plan.Sum, 0),
            AggregateKind.Count => (SlotReader.Observations, plan.Observations, 0),
            AggregateKind.Sum => (SlotReader.Sum, plan.Sum, 0),
            AggregateKind.Avg => (SlotReader.Avg, plan.Sum, plan.Observations),
            AggregateKind.Min => (SlotReader.Min, plan.Min, 0),
            AggregateKind.Max => (SlotReader.Max, plan.Max, 0),
            _ => (SlotReader.Share, plan.Categories[request.Category], plan.Observations),
        };
        return new SlotPlan(reader, index, 0, plan.Width, buckets, plan.Capacity, plan.Stride, a, b);
    }

    private static SlotPlan CountSlot(SlotReader reader, int index, TrackerRing[] rings, long width, long age, int buckets)
    {
        var ring = rings.Single(r => r.Width == width && r.Age == age);
        return new SlotPlan(reader, index, ring.Offset, width, buckets, ring.Capacity, TrackerRing.Stride, 1, 0);
    }

    /// <summary>Needs keyed in the order they were first asked for, so that plans come out the same every time.</summary>
    private sealed class Needs<TKey, TValue> where TKey : notnull
    {
        private readonly Dictionary<TKey, int> index = [];
        private readonly List<KeyValuePair<TKey, TValue>> items = [];

        public IEnumerable<KeyValuePair<TKey, TValue>> Items => items;

        public TValue For(TKey key, Func<TValue> create)
        {
            if (!index.TryGetValue(key, out var i))
            {
                i = items.Count;
                index.Add(key, i);
                items.Add(KeyValuePair.Create(key, create()));
            }
            return items[i].Value;
        }

        public int IndexOf(TKey key) => index[key];
    }

    /// <summary>The columns and depth one (signal, width) ring must have.</summary>
    private sealed class SeriesNeeds(int categoryCount)
    {
        private readonly SortedSet<int> categories = [];
        private int capacity;
        private bool observations;
        private bool sum;
        private bool min;
        private bool max;

        public void Need(WindowRequest request, SignalKind kind, int buckets)
        {
            capacity = Math.Max(capacity, buckets);
            switch (request.Kind)
            {
                case AggregateKind.Count when kind == SignalKind.Count:
                case AggregateKind.Sum:
                    sum = true;
                    break;
                case AggregateKind.Count:
                    observations = true;
                    break;
                case AggregateKind.Avg:
                    sum = true;
                    observations = true;
                    break;
                case AggregateKind.Min:
                    min = true;
                    break;
                case AggregateKind.Max:
                    max = true;
                    break;
                case AggregateKind.Share:
                    observations = true;
                    categories.Add(request.Category);
                    break;
            }
        }

        public SeriesPlan ToPlan(int signal, long width)
        {
            var next = 1;
            int Column(bool kept) => kept ? next++ : 0;
            var observationsColumn = Column(observations);
            var sumColumn = Column(sum);
            var minColumn = Column(min);
            var maxColumn = Column(max);
            var categoryColumns = categories.Count == 0 ? [] : new int[categoryCount];
            foreach (var category in categories)
                categoryColumns[category] = next++;
            return new SeriesPlan(signal, width, capacity, next, observationsColumn, sumColumn, minColumn, maxColumn, categoryColumns);
        }
    }

    /// <summary>The rings and retention one tracker must have.</summary>
    private sealed class TrackerNeeds
    {
        private readonly List<(long Width, long Age, int Capacity)> lastSeen = [];
        private readonly List<(long Width, long Age, int Capacity)> firstSeen = [];
        private long retention;

        public void NeedLastSeen(long width, int buckets)
        {
            Deepen(lastSeen, width, 0, buckets);
            Retain(width, buckets, 0);
        }

        public void NeedFirstSeen(long width, int buckets, long age)
        {
            Deepen(firstSeen, width, age, buckets);
            Retain(width, buckets, age);
        }

        public TrackerPlan ToPlan(int attribute)
        {
            var offset = 0;
            TrackerRing Place((long Width, long Age, int Capacity) need)
            {
                var ring = new TrackerRing(need.Width, need.Capacity, offset, need.Age);
                offset += ring.Length;
                return ring;
            }
            var last = lastSeen.Select(Place).ToArray();
            var first = firstSeen.Select(Place).ToArray();
            return new TrackerPlan(attribute, retention + TrackerPlan.Lead, last, first, offset);
        }

        private static void Deepen(List<(long Width, long Age, int Capacity)> rings, long width, long age, int buckets)
        {
            var i = rings.FindIndex(r => r.Width == width && r.Age == age);
            if (i < 0)
                rings.Add((width, age, buckets));
            else
                rings[i] = rings[i] with { Capacity = Math.Max(rings[i].Capacity, buckets) };
        }

        // A value last seen longer ago than a window plus one bucket is outside that window, whatever the read time. An
        // account is kept `age` longer still, so that one forgotten and seen again is by then too old to count as new.
        // (The plan adds the lead allowed to observations ahead of the present.)
        private void Retain(long width, int buckets, long age) =>
            retention = Math.Max(retention, width * (buckets + 1) + age);
    }
}
