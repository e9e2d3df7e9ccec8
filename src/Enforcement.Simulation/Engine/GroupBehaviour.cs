using Enforcement.Simulation.Scenarios;

namespace Enforcement.Simulation.Engine;

/// <summary>A group's distributions, prepared once for drawing exchanges quickly.</summary>
internal sealed class GroupBehaviour(AccountGroup group, ModelClock models, int sdkTemplates)
{
    public AccountGroup Group { get; } = group;

    public ModelClock Models { get; } = models;

    public double[] Capabilities { get; } = Cumulatives.Of(group.Capabilities, ScenarioReader.Capabilities);

    public double[] ModelMix { get; } = models.Cumulative(group.Models);

    public int SdkTemplates { get; } = sdkTemplates;

    /// <summary>Template codes: 0 none, 1..<see cref="SdkTemplates"/> the shared SDK templates, then the account's own.</summary>
    public int PersonalBase => 1 + SdkTemplates;

    /// <summary>Exchanges per day for one account, drawn once.</summary>
    public double DrawVolume(SimRandom random)
    {
        var v = Group.Volume;
        var draw = v.Shape switch
        {
            VolumeShape.LogNormal => v.Scale * Math.Exp(v.Tail * random.Normal(0, 1)),
            _ => v.Scale / Math.Pow(1 - random.NextDouble(), 1 / v.Tail),
        };
        return Math.Min(draw, v.Max);
    }
}
