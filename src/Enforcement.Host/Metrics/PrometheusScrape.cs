using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using Enforcement.Runtime.Entities;
using Enforcement.Store.Sqlite;

namespace Enforcement.Host.Metrics;

/// <summary>
/// Keeps running totals of this host's counters (its own, the entity feed's and the store writer's) and of ASP.NET
/// Core's request durations, and writes them in the Prometheus text format. Only instruments of this host's own meter
/// factory are read, so that two hosts in one process (as in tests) count apart.
/// </summary>
public sealed class PrometheusScrape : IDisposable
{
    private const string RequestDuration = "http.server.request.duration";

    private readonly MeterListener listener = new();
    private readonly ConcurrentDictionary<string, Family> families = new(StringComparer.Ordinal);

    public PrometheusScrape(IMeterFactory meters)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope != meters)
                return;
            if (instrument.Meter.Name is EnforcementMetrics.MeterName or FeedInstruments.MeterName or SqliteStoreOptions.MeterName && instrument is Counter<long>)
            {
                families.TryAdd(instrument.Name, new Family(Prometheus(instrument.Name) + "_total", instrument.Description));
                l.EnableMeasurementEvents(instrument);
            }
            else if (instrument.Name == RequestDuration)
            {
                families.TryAdd("http.server.requests", new Family("http_server_requests_total", "HTTP requests answered, by method, route and status."));
                families.TryAdd("http.server.request.seconds", new Family("http_server_request_duration_seconds_total", "Time spent answering HTTP requests, by method, route and status."));
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            families[instrument.Name].Add(Labels(tags, keep: null), value));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
        {
            var labels = Labels(tags, keep: HttpLabels);
            families["http.server.requests"].Add(labels, 1);
            families["http.server.request.seconds"].Add(labels, value);
        });
        listener.Start();
    }

    private static readonly Dictionary<string, string> HttpLabels = new(StringComparer.Ordinal)
    {
        ["http.request.method"] = "method",
        ["http.route"] = "route",
        ["http.response.status_code"] = "status",
    };

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var family in families.Values.OrderBy(f => f.Name, StringComparer.Ordinal))
            family.Render(text);
        return text.ToString();
    }

    public void Dispose() => listener.Dispose();

    private static string Labels(ReadOnlySpan<KeyValuePair<string, object?>> tags, Dictionary<string, string>? keep)
    {
        // The feed's and the writer's counters have no tags and count on the ingest path: nothing to allocate for them.
        if (tags.IsEmpty)
            return "";
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            var name = keep is null ? Prometheus(tag.Key) : keep.GetValueOrDefault(tag.Key);
            if (name is not null)
                labels[name] = Convert.ToString(tag.Value, CultureInfo.InvariantCulture) ?? "";
        }
        return labels.Count == 0 ? "" : "{" + string.Join(",", labels.Select(l => $"{l.Key}=\"{Escape(l.Value)}\"")) + "}";
    }

    private static string Prometheus(string name) => name.Replace('.', '_').Replace('-', '_');

    private static string Escape(string value) => value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    /// <summary>One metric: its series by label set, each a running total.</summary>
    private sealed class Family(string name, string? help)
    {
        private readonly ConcurrentDictionary<string, Total> series = new(StringComparer.Ordinal);

        public string Name => name;

        public void Add(string labels, double value) => series.GetOrAdd(labels, _ => new Total()).Add(value);

        public void Render(StringBuilder text)
        {
            if (help is not null)
                text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n');
            text.Append("# TYPE ").Append(name).Append(" counter\n");
            if (series.IsEmpty)
                text.Append(name).Append(" 0\n");
            foreach (var (labels, total) in series.OrderBy(s => s.Key, StringComparer.Ordinal))
                text.Append(name).Append(labels).Append(' ').Append(total.Value.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }
    }

    private sealed class Total
    {
        private readonly Lock gate = new();
        private double value;

        public double Value
        {
            get
            {
                lock (gate)
                    return value;
            }
        }

        public void Add(double amount)
        {
            lock (gate)
                value += amount;
        }
    }
}
