using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enforcement.Console.Tests;

/// <summary>
/// One browser tab on the console. It records what should never happen (a script error, a Content-Security-Policy
/// violation) so that a test can assert there was none, and saves screenshots.
/// </summary>
public sealed class ConsolePage : IAsyncDisposable
{
    /// <summary>Where the README's screenshots are regenerated: <c>CONSOLE_SCREENSHOTS=docs/console</c> (a relative folder is the repository's).</summary>
    public const string ScreenshotsVariable = "CONSOLE_SCREENSHOTS";

    private readonly IBrowserContext context;
    private readonly List<string> faults = [];

    public ConsolePage(IBrowserContext context, IPage page)
    {
        this.context = context;
        Page = page;
        page.PageError += (_, error) => Record($"script error: {error}");
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
                Record($"CSP: {message.Text}");
        };
    }

    public IPage Page { get; }

    public IReadOnlyList<string> Faults
    {
        get
        {
            lock (faults)
                return [.. faults];
        }
    }

    public async Task SignInAsync(Reviewer reviewer)
    {
        await Page.GotoAsync("console");
        await Page.GetByLabel("API key").FillAsync(reviewer.Key);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(Page.GetByText("Signed in as")).ToContainTextAsync(reviewer.Name);
    }

    /// <summary>Opens an account from the search box, as a reviewer would.</summary>
    public async Task SearchAccountAsync(string account)
    {
        await Page.GetByRole(AriaRole.Link, new() { Name = "Accounts" }).ClickAsync();
        await Page.GetByRole(AriaRole.Searchbox, new() { Name = "Account id" }).FillAsync(account);
        await Page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Expect(Page.GetByRole(AriaRole.Heading, new() { Name = $"Account {account}", Level = 1 })).ToBeVisibleAsync();
    }

    public ILocator EnforcementState => Page.GetByRole(AriaRole.Status, new() { Name = "Enforcement state" });

    /// <summary>
    /// Saves the page as <paramref name="name"/>.png beside the test binaries and, for one of the README's main screens,
    /// into <see cref="ScreenshotsVariable"/>'s folder when it is set.
    /// </summary>
    public async Task ScreenshotAsync(string name, bool main = false)
    {
        var own = Path.Combine(AppContext.BaseDirectory, "screenshots", name + ".png");
        Directory.CreateDirectory(Path.GetDirectoryName(own)!);
        var bytes = await Page.ScreenshotAsync(new PageScreenshotOptions { Path = own, FullPage = true });
        if (main && Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 } named)
        {
            var folder = Path.IsPathRooted(named) ? named : Path.Combine(RepositoryPaths.Root, named);
            Directory.CreateDirectory(folder);
            await File.WriteAllBytesAsync(Path.Combine(folder, name + ".png"), bytes);
        }
    }

    public async ValueTask DisposeAsync() => await context.DisposeAsync();

    private void Record(string fault)
    {
        lock (faults)
            faults.Add(fault);
    }
}
