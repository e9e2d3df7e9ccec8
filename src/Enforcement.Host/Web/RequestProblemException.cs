namespace Enforcement.Host.Web;

/// <summary>A well-formed request the service refuses for what it asks: no such case (404), a case another reviewer holds (409), an appeal of a decision the account never had (422).</summary>
public sealed class RequestProblemException : Exception
{
    public RequestProblemException()
        : this(StatusCodes.Status400BadRequest, "The request was refused.", "The request was refused.")
    {
    }

    public RequestProblemException(string message)
        : this(StatusCodes.Status400BadRequest, "The request was refused.", message)
    {
    }

    public RequestProblemException(string message, Exception innerException)
        : base(message, innerException)
    {
        Status = StatusCodes.Status400BadRequest;
        Title = "The request was refused.";
    }

    public RequestProblemException(int status, string title, string detail)
        : base(detail)
    {
        Status = status;
        Title = title;
    }

    public int Status { get; }

    public string Title { get; }

    public static RequestProblemException NotFound(string detail) => new(StatusCodes.Status404NotFound, "Not found.", detail);

    public static RequestProblemException Conflict(string detail) => new(StatusCodes.Status409Conflict, "The case cannot change that way now.", detail);

    public static RequestProblemException Unprocessable(string detail) => new(StatusCodes.Status422UnprocessableEntity, "The request cannot be carried out.", detail);
}
