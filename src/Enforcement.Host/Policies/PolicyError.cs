using Enforcement.Policy;

namespace Enforcement.Host.Policies;

/// <summary>One problem of a rejected policy set, as the 422 answer lists it.</summary>
public sealed record PolicyError(string File, int Line, int Column, string Message)
{
    public static PolicyError From(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new PolicyError(diagnostic.At.File, diagnostic.At.Line, diagnostic.At.Column, diagnostic.Message);
    }
}
