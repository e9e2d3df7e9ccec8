using System.Collections.Immutable;
using YamlDotNet.RepresentationModel;

namespace Enforcement.Simulation.Scenarios;

/// <summary>The problems found in one scenario file so far, each at its node's start mark.</summary>
internal sealed class ScenarioErrors(string file)
{
    private readonly List<ScenarioError> errors = [];

    public bool Any => errors.Count > 0;

    public void At(YamlNode node, string message) =>
        errors.Add(new ScenarioError(file, (int)Math.Max(1, node.Start.Line), (int)Math.Max(1, node.Start.Column), message));

    public void At(long line, long column, string message) =>
        errors.Add(new ScenarioError(file, (int)Math.Max(1, line), (int)Math.Max(1, column), message));

    public ImmutableArray<ScenarioError> ToImmutable() => [.. errors.OrderBy(e => e.Line).ThenBy(e => e.Column)];
}
