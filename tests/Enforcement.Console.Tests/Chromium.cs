namespace Enforcement.Console.Tests;

/// <summary>
/// The browser the tests drive: Debian's <c>chromium</c> package, never one Playwright downloads. A machine without it
/// skips the browser tests, unless <c>ENFORCEMENT_REQUIRE_BROWSER=1</c> (CI) makes its absence a failure.
/// </summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    public const string RequireVariable = "ENFORCEMENT_REQUIRE_BROWSER";

    public static bool Installed => File.Exists(ExecutablePath);

    public static bool Required => Environment.GetEnvironmentVariable(RequireVariable) == "1";

    public static string MissingReason => Required
        ? $"{ExecutablePath} is not installed (apt-get install chromium), and {RequireVariable}=1 requires the browser tests to run."
        : $"{ExecutablePath} is not installed (apt-get install chromium); set {RequireVariable}=1 to fail instead of skipping.";
}

/// <summary>A test that needs the browser: skipped where Chromium is missing, unless the browser is required.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserFactAttribute : FactAttribute
{
    public BrowserFactAttribute()
    {
        if (!Chromium.Installed && !Chromium.Required)
            Skip = Chromium.MissingReason;
    }
}
