using System.Globalization;
using CsCheck;
using Enforcement.Policy.Catalog;
using Enforcement.Policy.Definitions;
using Enforcement.Policy.Evaluation;
using Enforcement.Policy.Windows;

namespace Enforcement.Policy.Tests.Persistence;

/// <summary>What happens to a subject next: a signal, time passing, or a challenge passed.</summary>
internal enum StepKind
{
    Signal,
    Advance,
    Lift,
}

/// <summary>
/// One step of a random stream for a subject of the default pack. <see cref="Gap"/> moves the stream's clock: a
/// negative gap makes a late signal, judged before the latest one, and leaves the clock where it was.
/// </summary>
internal sealed record PackStep(StepKind Kind, long Gap, string Type, double Value, string? Category, int Account, (string Name, string Value)[] Attrs)
{
    public override string ToString() => Kind != StepKind.Signal
        ? $"{Kind} {TimeSpan.FromTicks(Gap)}"
        : $"{Type} {(Category ?? Value.ToString(CultureInfo.InvariantCulture))} from a-{Account} {TimeSpan.FromTicks(Gap)} [{string.Join(", ", Attrs.Select(a => $"{a.Name}={a.Value}"))}]";
}

/// <summary>
/// Random streams over the default pack's catalog, intense enough that its conditions hold: a <c>request</c> counts its
/// value, so a few hundred-request signals reach the volume thresholds, scores lean high, and attribute values and
/// accounts come from small pools so that trackers see both repeats and many members.
/// </summary>
internal static class PackStream
{
    public const int Accounts = 40;

    public static readonly DateTimeOffset Start = new(2026, 2, 20, 12, 0, 0, TimeSpan.Zero);

    private static readonly Gen<long> Gap = Gen.Frequency(
        (8, Gen.Long[0, TimeSpan.FromMinutes(1).Ticks]),
        (4, Gen.Long[0, TimeSpan.FromHours(1).Ticks]),
        (1, Gen.Long[0, TimeSpan.FromDays(3).Ticks]),
        (1, Gen.Long[-TimeSpan.FromHours(2).Ticks, 0]));

    private static readonly Gen<(string Name, string Value)[]> Attrs =
        Gen.Select(Gen.OneOf<string>([.. SignalCatalog.LinkageKeys, "model"]), Gen.Int[0, 3], (name, value) => (name, $"{name}-{value}"))
            .Array[0, 4];

    private static readonly Gen<PackStep> Signal = Gen.Frequency(
        (6, Gen.Int[1, 400].Select(n => Step("request", n))),
        (4, Gen.Double[0.7, 1].Select(score => Step("cot_elicitation", score))),
        (3, Gen.OneOf("chat", "reasoning", "coding", "tool_use", "vision", "other").Select(category => Step("capability", 1, category))),
        (2, Gen.Int[0, 4000].Select(tokens => Step("output_tokens", tokens))),
        (2, Gen.Const(Step("payment", 1))),
        (2, Gen.Const(Step("challenge_failed", 1))),
        (2, Gen.Const(Step("new_model_request", 1))),
        (2, Gen.Const(Step("region_mismatch", 1))))
        .SelectMany(step => Gen.Select(Gap, Gen.Int[0, Accounts - 1], Attrs, (gap, account, attrs) => step with { Gap = gap, Account = account, Attrs = attrs }));

    private static readonly Gen<PackStep> Advance = Gen.Long[0, TimeSpan.FromDays(20).Ticks]
        .Select(gap => new PackStep(StepKind.Advance, gap, "", 0, null, 0, []));

    private static readonly Gen<PackStep> Lift = Gen.Long[0, TimeSpan.FromHours(1).Ticks]
        .Select(gap => new PackStep(StepKind.Lift, gap, "", 0, null, 0, []));

    public static readonly Gen<PackStep> Steps = Gen.Frequency((12, Signal), (1, Advance), (1, Lift));

    public static readonly Gen<AccountFacts> Facts = Gen.Frequency(
        (1, Gen.Const(AccountFacts.Unknown)),
        (3, Gen.Select(Gen.Int[0, 120], Gen.OneOf("free", "pro"), Gen.Bool, (days, tier, verified) =>
            new AccountFacts(Start.UtcTicks - TimeSpan.FromDays(days).Ticks, 0, tier, "DE", verified))));

    /// <summary>The scopes of the default pack that have policies.</summary>
    public static readonly Gen<Scope> Scopes = Gen.OneOf(Scope.Account, Scope.Payment, Scope.Proxy, Scope.PromptTemplate, Scope.Cluster);

    /// <summary>When account <paramref name="account"/> was created: unknown for every fifth, else some days before the start.</summary>
    public static long Created(int account) => account % 5 == 0 ? 0 : Start.UtcTicks - TimeSpan.FromDays(account).Ticks;

    private static PackStep Step(string type, double value, string? category = null) =>
        new(StepKind.Signal, 0, type, value, category, 0, []);
}

/// <summary>Plays <see cref="PackStep"/>s into a subject, keeping the stream's clock.</summary>
internal sealed class PackPlayer(PolicySet set)
{
    /// <summary>The latest time the stream has reached, in UTC ticks.</summary>
    public long Latest { get; private set; } = PackStream.Start.UtcTicks;

    public DateTimeOffset Now => new(Latest, TimeSpan.Zero);

    /// <summary>The decisions of one step; <see cref="Latest"/> moves only once the caller has played it everywhere, by <see cref="Move"/>.</summary>
    public IReadOnlyList<Decision> Play(Subject subject, PackStep step)
    {
        var at = Latest + step.Gap;
        if (step.Kind == StepKind.Advance)
            return subject.Advance(new DateTimeOffset(at, TimeSpan.Zero));
        if (step.Kind == StepKind.Lift)
            return subject.Lift(ActionKind.Challenge, new DateTimeOffset(at, TimeSpan.Zero));

        return subject.Observe(ObservationOf(set, step, at));
    }

    /// <summary>The observation of a signal step at <paramref name="at"/>, with the attributes its signal carries.</summary>
    public static Observation ObservationOf(PolicySet set, PackStep step, long at)
    {
        var definition = set.Catalog.Find(step.Type)!;
        var attrs = step.Attrs
            .Where(a => definition.Attrs.Contains(a.Name, StringComparer.Ordinal))
            .DistinctBy(a => a.Name)
            .ToDictionary(a => a.Name, a => a.Value, StringComparer.Ordinal);
        var value = step.Category is null ? step.Value : 1;
        Assert.True(
            Observations.TryCreate(set.Catalog, step.Type, value, step.Category, $"a-{step.Account}", PackStream.Created(step.Account), at, attrs, out var observation, out var problem),
            problem);
        return observation;
    }

    public void Move(PackStep step) => Latest = Math.Max(Latest, Latest + step.Gap);
}
