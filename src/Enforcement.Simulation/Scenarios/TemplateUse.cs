namespace Enforcement.Simulation.Scenarios;

/// <summary>
/// Which prompt templates a legitimate account's exchanges carry: a popular SDK template (shared by many accounts,
/// low chain-of-thought) for <paramref name="Sdk"/> of them, one of its own <paramref name="Pool"/> saved templates for
/// <paramref name="Personal"/>, none (a free-form prompt) for the rest.
/// </summary>
public sealed record TemplateUse(double Sdk, double Personal, int Pool);
