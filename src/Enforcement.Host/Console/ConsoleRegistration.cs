using Microsoft.AspNetCore.Http.HttpResults;

namespace Enforcement.Host.Console;

/// <summary>
/// The reviewer console at <c>/console</c>: static files (plain ES modules, no build step) that call the API with the
/// reviewer's own key. The files need no key, the API behind them does.
/// </summary>
public static class ConsoleRegistration
{
    /// <summary>
    /// Scripts and styles only from the host itself, never inline; the API on the same origin; nothing may frame the
    /// page. An injected string cannot run as script, the console renders every value as text besides.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    public static IEndpointRouteBuilder MapConsole(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var files = ConsoleFiles.FromAssembly(typeof(ConsoleRegistration).Assembly);
        var console = endpoints.MapGroup("/console").AllowAnonymous().ExcludeFromDescription();
        // Routing ignores a trailing slash: /console and /console/ both answer the page, whose links are absolute.
        console.MapGet("", (HttpContext context) => Serve(context, files, ConsoleFiles.Index));
        console.MapGet("/{file}", (string file, HttpContext context) => Serve(context, files, file));
        return endpoints;
    }

    private static Results<FileContentHttpResult, NotFound> Serve(HttpContext context, ConsoleFiles files, string name)
    {
        if (files.Find(name) is not { } file)
            return TypedResults.NotFound();
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        // Revalidate every time: a new host version must not leave an old module next to a new one.
        headers.CacheControl = "no-cache";
        return TypedResults.File(file.Content, file.ContentType, entityTag: file.Tag);
    }
}
