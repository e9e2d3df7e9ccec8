using Enforcement.Benchmarks.Shared;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Windows;

namespace Enforcement.Benchmarks.Memory;

/// <summary>
/// A typical entity's day: a number of ordinary accounts behind it, each with its own ordinary day and one payment
/// signal, all merged in event-time order. Every entity scope is fed the whole stream; what an entity's windows hold
/// is bounded by its layout, and beyond that grows only with the accounts and values its trackers remember.
/// </summary>
internal static class EntityDay
{
    public static Observation[] Members(SignalCatalog catalog, int members)
    {
        var all = new List<Observation>();
        for (var i = 0; i < members; i++)
        {
            var day = AccountDay.Ordinary(catalog, $"a-member-{i:D3}", seed: 100 + i);
            var payment = new SignalWriter(catalog, day.Account, day.Facts.Created);
            payment.Write("payment", day.Observations[0].At, exchange: new Dictionary<string, string> { ["payment"] = "pm-4411" });
            all.AddRange(day.Observations);
            all.AddRange(payment.Written);
        }
        return [.. all.OrderBy(o => o.At)];
    }
}
