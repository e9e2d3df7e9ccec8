using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Engine;

/// <summary>
/// Turns what the gateway served into the signals the detectors upstream would send: per exchange a <c>request</c>, a
/// <c>cot_elicitation</c> score and a <c>capability</c> category carrying the exchange's linkage keys; a
/// <c>new_model_request</c> flag for a model released less than 48 hours before; a <c>region_mismatch</c> flag for
/// proxied traffic egressing outside the billing region; and a <c>payment</c> signal when an account starts.
/// </summary>
internal sealed class SignalWriter
{
    private static readonly IReadOnlyList<string> CapabilityNames = ScenarioReader.Capabilities;

    private readonly ModelClock models;
    private readonly string[] sdkTemplates;

    /// <summary><see cref="BuildAttrs"/> as a delegate made once, not once per exchange.</summary>
    private readonly Func<SimAccount, int, SignalAttrs> build;

    public SignalWriter(ModelClock models, string[] sdkTemplates)
    {
        this.models = models;
        this.sdkTemplates = sdkTemplates;
        build = BuildAttrs;
    }

    public static DateTimeOffset Time(long ticks) => new(ticks - ticks % TimeSpan.TicksPerMillisecond, TimeSpan.Zero);

    public static void Payment(SimAccount account, long at, List<SimSignal> batch) =>
        batch.Add(new SimSignal(account.NextSignalId(), account.Id, SignalTypes.Payment, 1, null, Time(at),
            new SignalAttrs(SignalAttrs.PaymentKeys, payment: account.Keys.Payment)));

    public void Exchange(SimAccount account, in Exchange exchange, List<SimSignal> batch)
    {
        var at = Time(exchange.At);
        var key = exchange.Template * models.Names.Length + exchange.Model;
        var attrs = account.ExchangeAttrs(2 * key, build);
        var id = account.Id;
        batch.Add(new SimSignal(account.NextSignalId(), id, SignalTypes.Request, 1, null, at, attrs));
        batch.Add(new SimSignal(account.NextSignalId(), id, SignalTypes.CotElicitation, Math.Round(exchange.Cot, 2), null, at, attrs));
        batch.Add(new SimSignal(account.NextSignalId(), id, SignalTypes.Capability, 1, CapabilityNames[exchange.Capability], at, attrs));
        if (models.IsNew(exchange.Model, exchange.At))
            batch.Add(new SimSignal(account.NextSignalId(), id, SignalTypes.NewModelRequest, 1, null, at, account.ExchangeAttrs(2 * key + 1, build)));
        if (account.Keys.RegionMismatch && account.Keys.Proxy is not null)
            batch.Add(new SimSignal(account.NextSignalId(), id, SignalTypes.RegionMismatch, 1, null, at, account.MismatchAttrs));
    }

    /// <summary>Builds the attributes for a cache key: (template × models + model) × 2, plus 1 for the reduced set of <c>new_model_request</c>.</summary>
    private SignalAttrs BuildAttrs(SimAccount account, int key)
    {
        var reduced = (key & 1) == 1;
        var combination = key >> 1;
        var template = combination / models.Names.Length;
        var model = models.Names[combination % models.Names.Length];
        var k = account.Keys;
        return new SignalAttrs(
            reduced ? SignalAttrs.NewModelKeys : SignalAttrs.ExchangeKeys,
            ipPrefix: k.IpPrefix,
            proxy: k.Proxy,
            device: k.Device,
            template: TemplateName(account, template),
            model: model,
            org: k.Org);
    }

    private string? TemplateName(SimAccount account, int template)
    {
        if (template == 0)
            return null;
        if (account.Slot is { } slot)
            return slot.Run.TemplateNames[template - 1];
        return template <= sdkTemplates.Length ? sdkTemplates[template - 1] : $"t-{account.Id}-{template - sdkTemplates.Length - 1}";
    }
}
