namespace Enforcement.Policy.Loading;

/// <summary>Reads <c>apiVersion</c> and <c>kind</c>, which every file carries whatever its kind.</summary>
internal static class HeaderReader
{
    public static RawHeader Read(MappingNode root, List<Diagnostic> errors)
    {
        var fields = new FieldReader(root, errors);
        return new RawHeader(fields.Scalar("apiVersion", required: true), fields.Scalar("kind", required: true), root.At);
    }
}
