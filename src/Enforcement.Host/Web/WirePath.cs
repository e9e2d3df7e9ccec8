using System.Text;

namespace Enforcement.Host.Web;

/// <summary>Turns a validator's property path (<c>Signals[17].Type</c>) into the wire's (<c>signals[17].type</c>).</summary>
public static class WirePath
{
    public static string Of(string propertyPath)
    {
        ArgumentNullException.ThrowIfNull(propertyPath);
        var path = new StringBuilder(propertyPath.Length);
        var segmentStart = true;
        foreach (var c in propertyPath)
        {
            path.Append(segmentStart ? char.ToLowerInvariant(c) : c);
            segmentStart = c == '.';
        }
        return path.ToString();
    }
}
