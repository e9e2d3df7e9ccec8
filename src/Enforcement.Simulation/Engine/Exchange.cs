namespace Enforcement.Simulation.Engine;

/// <summary>One exchange an account attempts: what the classifiers will say of it, if it is served.</summary>
/// <param name="Template">The account's template code: 0 for a free-form prompt.</param>
/// <param name="Model">Index into the scenario's models.</param>
internal readonly record struct Exchange(long At, int Capability, double Cot, int Template, int Model);
