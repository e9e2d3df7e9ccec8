namespace Enforcement.Host.Policies;

/// <summary>A message carrying a whole policy set, file name to YAML text.</summary>
public interface IPolicySetMessage
{
    IReadOnlyDictionary<string, string>? Files { get; }
}
