namespace Enforcement.Policy.Windows;

/// <summary>
/// The bucket width that measures a window. Short windows get fine buckets, long ones coarse buckets, so that no
/// window needs more than 72 buckets and a subject's memory stays bounded from one minute to thirty days.
/// A window covers the last <c>window / width</c> buckets, the current (partial) one included.
/// </summary>
public static class Resolution
{
    public static readonly TimeSpan MinWindow = TimeSpan.FromMinutes(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(30);

    private static readonly (TimeSpan UpTo, TimeSpan Width)[] Tiers =
    [
        (TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10)),
        (TimeSpan.FromHours(6), TimeSpan.FromMinutes(5)),
        (TimeSpan.FromDays(3), TimeSpan.FromHours(1)),
        (TimeSpan.FromDays(30), TimeSpan.FromDays(1)),
    ];

    /// <summary>The bucket widths in use, finest first.</summary>
    public static IEnumerable<TimeSpan> Widths => Tiers.Select(t => t.Width);

    /// <summary>Finds the bucket width of a window, or says in words why the window cannot be measured.</summary>
    public static bool TryGetWidth(TimeSpan window, out TimeSpan width, out string problem)
    {
        width = default;
        problem = "";
        if (window < MinWindow || window > MaxWindow)
        {
            problem = $"window {Duration.Format(window)} is out of range: expected a window from 1m to 30d";
            return false;
        }
        foreach (var (upTo, w) in Tiers)
        {
            if (window > upTo)
                continue;
            if (window.Ticks % w.Ticks != 0)
            {
                var lower = TimeSpan.FromTicks(window.Ticks / w.Ticks * w.Ticks);
                var upper = lower + w;
                problem = $"window {Duration.Format(window)} is not a whole number of {Duration.Format(w)} buckets: expected {Duration.Format(lower)} or {Duration.Format(upper)}";
                return false;
            }
            width = w;
            return true;
        }
        problem = $"window {Duration.Format(window)} is out of range: expected a window from 1m to 30d";
        return false;
    }
}
