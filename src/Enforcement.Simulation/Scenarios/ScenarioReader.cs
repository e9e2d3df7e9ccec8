using System.Collections.Immutable;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Enforcement.Simulation.Scenarios;

/// <summary>
/// Reads a scenario file (<c>apiVersion: enforcement/v1</c>, <c>kind: Scenario</c>). Every problem is collected with
/// its <c>file:line:col</c> and thrown together as a <see cref="ScenarioException"/>; unknown fields are errors, so
/// that a misspelt field is not silently left at its default.
/// </summary>
public static partial class ScenarioReader
{
    public const string ApiVersion = "enforcement/v1";
    public const string Kind = "Scenario";

    /// <summary>The scenario shipped with the tool: three campaigns shaped like the published ones, and the hydra.</summary>
    public const string ShippedName = "scenarios/distillation.yaml";

    /// <summary>The capability values of the signal catalog (<c>policies/signals.yaml</c>).</summary>
    public static readonly ImmutableArray<string> Capabilities = ["chat", "reasoning", "coding", "tool_use", "vision", "other"];

    /// <summary>The linkage keys that legitimate accounts may share with each other.</summary>
    public static readonly ImmutableArray<string> ShareableKeys = ["ip_prefix", "org", "payment", "device"];

    private static readonly TimeSpan Long = TimeSpan.FromDays(3650);

    /// <summary>The engine keeps a list per step; this bounds them.</summary>
    private const long MaxTicks = 1_000_000;

    public static Scenario ReadFile(string path) => Parse(File.ReadAllText(path), path);

    /// <summary>The shipped scenario, from the copy built into this library.</summary>
    public static Scenario Shipped()
    {
        using var stream = typeof(ScenarioReader).Assembly.GetManifestResourceStream(ShippedName)
            ?? throw new InvalidOperationException($"{ShippedName} is not embedded in {typeof(ScenarioReader).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), ShippedName);
    }

    public static Scenario Parse(string text, string file)
    {
        ArgumentNullException.ThrowIfNull(text);
        var errors = new ScenarioErrors(file);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            errors.At(e.Start.Line, e.Start.Column, Describe(e));
            throw new ScenarioException(errors.ToImmutable());
        }
        if (stream.Documents.Count != 1 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            var at = stream.Documents.Count > 0 ? stream.Documents[^1].RootNode.Start : Mark.Empty;
            errors.At(at.Line, at.Column, "a scenario file holds one mapping with apiVersion, kind and name");
            throw new ScenarioException(errors.ToImmutable());
        }
        var scenario = ReadScenario(new YamlFields(root, errors, "scenario"), errors);
        if (errors.Any || scenario is null)
            throw new ScenarioException(errors.ToImmutable());
        return scenario;
    }

    private static Scenario? ReadScenario(YamlFields f, ScenarioErrors errors)
    {
        if (f.String("apiVersion", required: true) is { } api && api != ApiVersion)
            errors.At(f.Value("apiVersion")!, $"apiVersion: '{api}' is not supported; expected {ApiVersion}");
        if (f.String("kind", required: true) is { } kind && kind != Kind)
            errors.At(f.Value("kind")!, $"kind: '{kind}' is not a scenario; expected {Kind}");
        var name = Name(f, "name", required: true);
        var description = f.String("description");
        var seed = f.Integer("seed", long.MinValue, long.MaxValue) ?? 1;
        var start = f.Time("start", required: true);
        var duration = f.Duration("duration", TimeSpan.FromMinutes(1), TimeSpan.FromDays(365), required: true);
        // The service bounds how far a signal may lie ahead of its clock (5 minutes by default); a tick's signals are
        // sent while the service's clock stands at the tick's start.
        var step = f.Duration("step", TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(5)) ?? TimeSpan.FromMinutes(1);
        var minAccounts = f.Int("min_accounts", 1, 1_000_000) ?? 50;
        var models = ReadModels(f, errors);
        if (f.Value("models") is not { } modelList)
            errors.At(f.Node, "scenario: missing field 'models': at least one model, such as { name: m-4, released: -200d }");
        else if (modelList is YamlSequenceNode { Children.Count: 0 })
            errors.At(modelList, "models: at least one model, such as { name: m-4, released: -200d }");
        var modelNames = models.Select(m => m.Name).ToImmutableArray();
        var sdk = f.Int("sdk_templates", 0, 10_000) ?? 0;
        var population = ReadList(f, "population", errors, g => ReadGroup(g, errors, modelNames, sdk, hydraCustomers: false));
        var hydra = f.Mapping("hydra") is { } h ? ReadHydra(h, errors, modelNames, sdk) : null;
        var campaigns = ReadList(f, "campaigns", errors, c => ReadCampaign(c, errors, models, duration ?? TimeSpan.MaxValue, hydra is not null));
        var targets = f.Mapping("targets") is { } t ? ReadTargets(t) : new Targets();
        f.Done();

        if (population.IsEmpty && hydra is null && f.Has("population"))
            errors.At(f.Value("population")!, "population: at least one group of legitimate accounts is expected");
        CheckUniqueNames(f, errors);
        if (duration is { } d && d < step)
            errors.At(f.Value("duration")!, $"duration: shorter than one step ({ScenarioDurations.Format(step)})");
        if (duration is { } dd && dd.Ticks / step.Ticks > MaxTicks)
            errors.At(f.Value("step") ?? f.Value("duration")!, $"step: {ScenarioDurations.Format(step)} makes more than {MaxTicks:N0} steps of the duration; take a longer step");
        if (name is null || start is null || duration is null || models.IsEmpty)
            return null;
        return new Scenario(name, description, seed, start.Value, duration.Value, step, minAccounts, models, sdk, population, hydra, campaigns, targets);
    }

    private static ImmutableArray<ModelRelease> ReadModels(YamlFields f, ScenarioErrors errors) =>
        ReadList(f, "models", errors, m =>
        {
            var name = m.String("name", required: true);
            var released = m.Duration("released", -Long, Long, required: true);
            m.Done();
            return name is null || released is null ? null : new ModelRelease(name, released.Value);
        });

    private static AccountGroup? ReadGroup(YamlFields g, ScenarioErrors errors, ImmutableArray<string> models, int sdkTemplates, bool hydraCustomers)
    {
        var name = hydraCustomers ? "customers" : Name(g, "name", required: true);
        var accounts = hydraCustomers ? 0 : g.Int("accounts", 0, 100_000_000, required: true);
        var volume = g.Mapping("volume", required: true) is { } v ? ReadVolume(v, errors) : null;
        var capabilities = g.Mix("capabilities", Capabilities, required: true);
        var cot = ReadScore(g, "cot") ?? new ScoreDistribution(0.15, 0.1);
        var verified = g.Number("verified", 0, 1) ?? 0;
        var age = ReadAge(g, errors) ?? new AgeRange(TimeSpan.FromDays(30), TimeSpan.FromDays(1000));
        var regions = g.Mix("regions", null) ?? Mix.Of(("US", 1));
        var tiers = g.Mix("tiers", null) ?? Mix.Of(("free", 1));
        var templates = g.Mapping("templates") is { } t ? ReadTemplates(t, errors, sdkTemplates) : new TemplateUse(0, 0.3, 5);
        var modelMix = ReadModelMix(g, models);
        var newModel = g.Number("new_model", 0, 1) ?? 0;
        // Only the hydra's customers come through a proxy, so only they can egress outside their billing region.
        var mismatch = hydraCustomers ? g.Number("region_mismatch", 0, 1) ?? 0 : 0;
        var shared = hydraCustomers ? [] : ReadList(g, "shared", errors, s => ReadSharing(s, errors));
        g.Done();
        if (name is null || accounts is null || volume is null || capabilities is null || templates is null || modelMix is null)
            return null;
        return new AccountGroup(name, accounts.Value, volume, capabilities, cot, verified, age, regions, tiers, templates, modelMix, newModel, mismatch, shared);
    }

    private static VolumeDistribution? ReadVolume(YamlFields v, ScenarioErrors errors)
    {
        VolumeDistribution? volume = null;
        var max = v.Number("max", 1, 1_000_000) ?? 100_000;
        if (v.Mapping("lognormal") is { } log)
        {
            var median = log.Number("median", 0.001, 1_000_000, required: true);
            var sigma = log.Number("sigma", 0, 5, required: true);
            log.Done();
            if (median is not null && sigma is not null)
                volume = new VolumeDistribution(VolumeShape.LogNormal, median.Value, sigma.Value, max);
        }
        if (v.Mapping("pareto") is { } pareto)
        {
            var min = pareto.Number("min", 0.001, 1_000_000, required: true);
            var alpha = pareto.Number("alpha", 0.1, 10, required: true);
            pareto.Done();
            if (v.Has("lognormal"))
                errors.At(pareto.Node, "volume: either lognormal or pareto, not both");
            else if (min is not null && alpha is not null)
                volume = new VolumeDistribution(VolumeShape.Pareto, min.Value, alpha.Value, max);
        }
        if (!v.Has("lognormal") && !v.Has("pareto"))
            errors.At(v.Node, "volume: expected lognormal: { median, sigma } or pareto: { min, alpha } (exchanges per day), and optionally max");
        v.Done();
        return volume;
    }

    private static ScoreDistribution? ReadScore(YamlFields f, string key)
    {
        if (f.Mapping(key) is not { } s)
            return null;
        var mean = s.Number("mean", 0, 1, required: true);
        var sd = s.Number("sd", 0, 1) ?? 0.05;
        s.Done();
        return mean is null ? null : new ScoreDistribution(mean.Value, sd);
    }

    private static AgeRange? ReadAge(YamlFields f, ScenarioErrors errors)
    {
        if (f.Mapping("age") is not { } a)
            return null;
        var min = a.Duration("min", TimeSpan.Zero, Long, required: true);
        var max = a.Duration("max", TimeSpan.Zero, Long, required: true);
        a.Done();
        if (min is null || max is null)
            return null;
        if (max < min)
        {
            errors.At(a.Node, "age: max is less than min");
            return null;
        }
        return new AgeRange(min.Value, max.Value);
    }

    private static TemplateUse? ReadTemplates(YamlFields t, ScenarioErrors errors, int sdkTemplates)
    {
        var sdk = t.Number("sdk", 0, 1) ?? 0;
        var personal = t.Number("personal", 0, 1) ?? 0;
        var pool = t.Int("pool", 1, 1000) ?? 5;
        t.Done();
        if (sdk > 0 && sdkTemplates == 0)
            errors.At(t.Value("sdk")!, "templates.sdk: the scenario declares no sdk_templates to share");
        if (sdk + personal > 1 + 1e-9)
        {
            errors.At(t.Node, "templates: sdk and personal are shares of the exchanges and add up to more than 1");
            return null;
        }
        return new TemplateUse(sdk, personal, pool);
    }

    private static Mix? ReadModelMix(YamlFields f, ImmutableArray<string> models)
    {
        if (f.Has("models") && models.IsEmpty)
        {
            f.Value("models");
            return null;
        }
        return f.Mix("models", models) ?? (models.IsEmpty ? Mix.Of() : Mix.Of((models[0], 1)));
    }

    private static Sharing? ReadSharing(YamlFields s, ScenarioErrors errors)
    {
        var size = s.Int("size", 1, 1_000_000);
        var units = s.Int("units", 1, 1_000_000);
        var keys = s.Sequence("keys", required: true);
        s.Done();
        if (size is null == units is null)
        {
            errors.At(s.Node, "shared: give either size (accounts per unit, such as an office of 15) or units (a fixed number, such as a carrier's 4 address ranges)");
            return null;
        }
        if (keys is null)
            return null;
        var names = ImmutableArray.CreateBuilder<string>();
        foreach (var key in keys.Value)
        {
            if (key is YamlScalarNode { Value: { } k } && ShareableKeys.Contains(k))
                names.Add(k);
            else
                errors.At(key, $"keys: '{(key as YamlScalarNode)?.Value}' is not one of {string.Join(", ", ShareableKeys)}");
        }
        if (keys.Value.IsEmpty)
            errors.At(s.Node, "shared: keys lists at least one key");
        return new Sharing(size, units, names.ToImmutable());
    }

    private static Hydra? ReadHydra(YamlFields h, ScenarioErrors errors, ImmutableArray<string> models, int sdkTemplates)
    {
        var name = Name(h, "name") ?? "hydra";
        var accounts = h.Int("accounts", 0, 100_000_000, required: true);
        var proxies = h.Int("proxies", 1, 1_000_000) ?? 1;
        var prefixes = h.Int("ip_prefixes", 1, 1_000_000) ?? proxies;
        var customers = h.Mapping("customers", required: true) is { } c ? ReadGroup(c, errors, models, sdkTemplates, hydraCustomers: true) : null;
        h.Done();
        if (accounts is null || customers is null)
            return null;
        return new Hydra(name, accounts.Value, proxies, prefixes, customers with { Name = name, Accounts = accounts.Value });
    }

    private static Campaign? ReadCampaign(YamlFields c, ScenarioErrors errors, ImmutableArray<ModelRelease> models, TimeSpan scenarioDuration, bool hasHydra)
    {
        var name = Name(c, "name", required: true);
        var accounts = c.Int("accounts", 1, 10_000_000, required: true);
        var exchanges = c.Integer("exchanges", 0, 10_000_000_000, required: true);
        var start = c.Duration("start", TimeSpan.Zero, Long) ?? TimeSpan.Zero;
        var duration = c.Duration("duration", TimeSpan.FromMinutes(1), Long, required: true);
        var ramp = c.Duration("ramp", TimeSpan.Zero, Long) ?? TimeSpan.Zero;
        var pacing = c.Mapping("pacing") is { } p ? ReadPacing(p, errors) : Pacing.Steady;
        var templates = c.Int("templates", 1, 1_000_000) ?? 1;
        var perAccount = c.Int("templates_per_account", 1, 1000) ?? 1;
        var perPayment = c.Int("accounts_per_payment", 1, 1_000_000) ?? 1;
        var proxies = c.Int("proxies", 0, 1_000_000) ?? 0;
        var prefixes = c.Int("ip_prefixes", 1, 1_000_000) ?? Math.Max(1, proxies);
        var hydraShare = c.Number("hydra_share", 0, 1) ?? 0;
        var devices = c.Int("devices", 1, 10_000_000) ?? accounts ?? 1;
        var mismatch = c.Number("region_mismatch", 0, 1) ?? 0;
        var cot = ReadScore(c, "cot") ?? new ScoreDistribution(0.9, 0.05);
        var capabilities = c.Mix("capabilities", Capabilities, required: true);
        var modelNames = models.Select(m => m.Name).ToImmutableArray();
        var modelMix = ReadModelMix(c, modelNames);
        var pivot = c.Mapping("pivot") is { } pv ? ReadPivot(pv, errors, models) : null;
        var age = ReadAge(c, errors) ?? new AgeRange(TimeSpan.Zero, TimeSpan.FromDays(7));
        var regions = c.Mix("regions", null) ?? Mix.Of(("US", 1));
        var tiers = c.Mix("tiers", null) ?? Mix.Of(("free", 1));
        var replace = c.Bool("replace_suspended") ?? false;
        var lag = c.Duration("replacement_lag", TimeSpan.Zero, Long) ?? TimeSpan.FromHours(1);
        var maxReplacements = c.Int("max_replacements", 0, 100_000_000) ?? accounts ?? 0;
        var onChallenge = ReadChallengeResponse(c, errors);
        c.Done();

        if (perAccount > templates)
            errors.At(c.Value("templates_per_account")!, $"templates_per_account: {perAccount} is more than the campaign's {templates} templates");
        if (hydraShare > 0 && !hasHydra)
            errors.At(c.Value("hydra_share")!, "hydra_share: the scenario declares no hydra to route through");
        if (duration is { } d && start + d > scenarioDuration)
            errors.At(c.Value("duration")!, $"duration: the campaign ends at {ScenarioDurations.Format(start + d)}, after the scenario ({ScenarioDurations.Format(scenarioDuration)})");
        if (duration is { } dd && ramp > dd)
            errors.At(c.Value("ramp")!, "ramp: longer than the campaign's duration");
        if (name is null || accounts is null || exchanges is null || duration is null || pacing is null || capabilities is null || modelMix is null)
            return null;
        return new Campaign(name, accounts.Value, exchanges.Value, start, duration.Value, ramp, pacing, templates, perAccount, perPayment, proxies,
            prefixes, hydraShare, devices, mismatch, cot, capabilities, modelMix, pivot, age, regions, tiers, replace, lag, maxReplacements, onChallenge);
    }

    private static Pacing? ReadPacing(YamlFields p, ScenarioErrors errors)
    {
        var every = p.Duration("every", TimeSpan.FromMinutes(1), TimeSpan.FromDays(7), required: true);
        var burst = p.Duration("burst", TimeSpan.FromSeconds(1), TimeSpan.FromDays(7), required: true);
        p.Done();
        if (every is null || burst is null)
            return null;
        if (burst > every)
        {
            errors.At(p.Node, "pacing: burst is longer than every");
            return null;
        }
        return new Pacing(every.Value, burst.Value);
    }

    private static Pivot? ReadPivot(YamlFields p, ScenarioErrors errors, ImmutableArray<ModelRelease> models)
    {
        var model = p.String("model", required: true);
        var at = p.Duration("at", TimeSpan.Zero, Long);
        var share = p.Number("share", 0, 1) ?? 0.5;
        var within = p.Duration("within", TimeSpan.FromMinutes(1), TimeSpan.FromDays(30)) ?? TimeSpan.FromHours(24);
        p.Done();
        if (model is null)
            return null;
        var release = models.FirstOrDefault(m => m.Name == model);
        if (release is null)
        {
            errors.At(p.Value("model")!, $"pivot.model: '{model}' is not one of the scenario's models");
            return null;
        }
        return new Pivot(at ?? (release.Released > TimeSpan.Zero ? release.Released : TimeSpan.Zero), model, share, within);
    }

    private static ChallengeResponse ReadChallengeResponse(YamlFields c, ScenarioErrors errors)
    {
        switch (c.String("on_challenge"))
        {
            case null or "fail":
                return ChallengeResponse.Fail;
            case "abandon":
                return ChallengeResponse.Abandon;
            case var other:
                errors.At(c.Value("on_challenge")!, $"on_challenge: '{other}' is not one of fail, abandon");
                return ChallengeResponse.Fail;
        }
    }

    private static Targets ReadTargets(YamlFields t)
    {
        var defaults = new Targets();
        var targets = new Targets(
            t.Number("max_unrestricted_share", 0, 1) ?? defaults.MaxUnrestrictedShare,
            t.Int("max_legit_suspended", 0, int.MaxValue) ?? defaults.MaxLegitSuspended,
            t.Number("max_legit_restricted_share", 0, 1) ?? defaults.MaxLegitRestrictedShare,
            t.Number("min_signals_per_second", 0, double.MaxValue) ?? defaults.MinSignalsPerSecond);
        t.Done();
        return targets;
    }

    private static ImmutableArray<T> ReadList<T>(YamlFields f, string key, ScenarioErrors errors, Func<YamlFields, T?> read) where T : class
    {
        var items = ImmutableArray.CreateBuilder<T>();
        foreach (var node in f.Sequence(key) ?? [])
        {
            if (node is not YamlMappingNode map)
            {
                errors.At(node, $"{key}: each item is a mapping");
                continue;
            }
            if (read(new YamlFields(map, errors, key)) is { } item)
                items.Add(item);
        }
        return items.ToImmutable();
    }

    /// <summary>Names become parts of account, template and payment ids, so they keep to id characters.</summary>
    private static string? Name(YamlFields f, string key, bool required = false)
    {
        var name = f.String(key, required);
        if (name is null || NamePattern().IsMatch(name))
            return name;
        f.Errors.At(f.Value(key)!, $"{key}: '{name}' must be lowercase letters, digits and '-', starting with a letter, at most 32 characters");
        return null;
    }

    /// <summary>Group, hydra and campaign names prefix account ids, so no two may be the same.</summary>
    private static void CheckUniqueNames(YamlFields root, ScenarioErrors errors)
    {
        var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        void See(YamlNode node, string name)
        {
            if (!seen.TryAdd(name, node))
                errors.At(node, $"name: '{name}' is already the name of a group, the hydra or a campaign at line {seen[name].Start.Line}");
        }
        var name = new YamlScalarNode("name");
        foreach (var list in new[] { "population", "campaigns" })
        {
            if (!root.Node.Children.TryGetValue(new YamlScalarNode(list), out var node) || node is not YamlSequenceNode items)
                continue;
            foreach (var item in items.OfType<YamlMappingNode>())
            {
                if (item.Children.TryGetValue(name, out var n) && n is YamlScalarNode { Value: { } value })
                    See(n, value);
            }
            if (list == "population" && root.Node.Children.TryGetValue(new YamlScalarNode("hydra"), out var hydra) && hydra is YamlMappingNode h)
            {
                if (h.Children.TryGetValue(name, out var hn) && hn is YamlScalarNode { Value: { } hydraName })
                    See(hn, hydraName);
                else
                    See(h, "hydra");
            }
        }
    }

    private static string Describe(YamlException e)
    {
        var message = e.InnerException?.Message ?? e.Message;
        // YamlDotNet prefixes its messages with the position, which the error already carries.
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        return cut >= 0 && message.StartsWith('(') ? message[(cut + 3)..] : message;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{0,31}$")]
    private static partial Regex NamePattern();
}
