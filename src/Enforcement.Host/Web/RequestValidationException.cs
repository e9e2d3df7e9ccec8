namespace Enforcement.Host.Web;

/// <summary>A request that failed its validator as a whole; answered as a 400 validation problem with these keys.</summary>
public sealed class RequestValidationException : Exception
{
    public RequestValidationException()
        : this(new Dictionary<string, string[]>())
    {
    }

    public RequestValidationException(string message)
        : this(new Dictionary<string, string[]> { [""] = [message] })
    {
    }

    public RequestValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = new Dictionary<string, string[]> { [""] = [message] };
    }

    public RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
        : base("The request is not valid: " + string.Join("; ", errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}"))))
    {
        Errors = errors;
    }

    /// <summary>Problems by path-style key (<c>signals</c>, <c>files</c>, <c>limit</c>).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }
}
