namespace Enforcement.Policy.Checking;

/// <summary>One stage of checking a policy set as a whole. Stages run in the order <see cref="PolicySetChecker"/> declares.</summary>
public interface ISetPass
{
    void Run(SetCheck check);
}
