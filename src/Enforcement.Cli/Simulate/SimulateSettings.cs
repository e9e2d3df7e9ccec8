using System.ComponentModel;
using System.Globalization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Enforcement.Cli.Simulate;

public sealed class SimulateSettings : CommandSettings
{
    [CommandOption("--scenario <file>")]
    [Description("The scenario file. Defaults to scenarios/distillation.yaml, or the copy built into the tool when there is none here.")]
    public string? Scenario { get; init; }

    [CommandOption("--scale <scale>")]
    [Description("Multiplies every account and exchange count, in (0, 1]; campaigns keep the scenario's min_accounts. Default 1.")]
    [DefaultValue(1.0)]
    public double Scale { get; init; } = 1;

    [CommandOption("--seed <n>")]
    [Description("Replaces the scenario's seed.")]
    public long? Seed { get; init; }

    [CommandOption("--report-dir <dir>")]
    [Description("Where report.json and report.html are written. Default ./simulation.")]
    public string ReportDir { get; init; } = "simulation";

    [CommandOption("--target <url>")]
    [Description("A running service to drive over HTTP, such as http://localhost:5000. Without it, an in-process service.")]
    public string? Target { get; init; }

    [CommandOption("--api-key <key>")]
    [Description("An automation key of the service given by --target.")]
    public string? ApiKey { get; init; }

    [CommandOption("--max-signal-age <duration>")]
    [Description("The running service's Enforcement:MaxSignalAge, which bounds how long a scenario may span over HTTP. Default 7d.")]
    public string MaxSignalAge { get; init; } = "7d";

    /// <summary><see cref="MaxSignalAge"/> read; <see cref="Validate"/> has refused any text that is not a duration.</summary>
    public TimeSpan MaxSignalAgeSpan =>
        Enforcement.Simulation.Scenarios.ScenarioDurations.TryParse(MaxSignalAge, out var age) ? age : TimeSpan.FromDays(7);

    public override ValidationResult Validate()
    {
        if (!(Scale > 0 && Scale <= 1))
            return ValidationResult.Error($"--scale: {Scale.ToString(CultureInfo.InvariantCulture)} is not in (0, 1]");
        if (Target is not null && !Uri.TryCreate(Target, UriKind.Absolute, out _))
            return ValidationResult.Error($"--target: '{Target}' is not an absolute URL such as http://localhost:5000");
        if (Target is not null && string.IsNullOrEmpty(ApiKey))
            return ValidationResult.Error("--target needs --api-key: an automation key of that service");
        if (!Enforcement.Simulation.Scenarios.ScenarioDurations.TryParse(MaxSignalAge, out var age) || age <= TimeSpan.Zero)
            return ValidationResult.Error($"--max-signal-age: '{MaxSignalAge}' is not a duration such as 7d");
        return ValidationResult.Success();
    }
}
