using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Enforcement.Console.Tests;

[Collection(ConsoleHost.Name)]
public sealed class SignInTests(ConsoleFixture host)
{
    [BrowserFact]
    public async Task A_wrong_key_is_refused_with_a_clear_message_and_no_session()
    {
        await using var tab = await host.OpenAsync();
        await tab.Page.GotoAsync("console");

        await tab.Page.GetByLabel("API key").FillAsync("not-a-key-of-this-service");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(tab.Page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That API key is not known to this service. Check it and try again.");
        await Expect(tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Screens" })).ToBeHiddenAsync();
        Assert.Null(await tab.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('enforcement.console.key')"));
        await tab.ScreenshotAsync("sign-in-refused");
        Assert.Empty(tab.Faults);
    }

    [BrowserFact]
    public async Task A_key_of_another_role_is_refused_with_its_role_named()
    {
        await using var tab = await host.OpenAsync();
        await tab.Page.GotoAsync("console");

        await tab.Page.GetByLabel("API key").FillAsync(ConsoleFixture.AutomationKey);
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(tab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("whose role is automation: the console needs a reviewer's key");
        await tab.ScreenshotAsync("sign-in-wrong-role");
    }

    [BrowserFact]
    public async Task Shows_who_is_signed_in_and_signs_out_back_to_the_key()
    {
        await using var tab = await host.OpenAsync();
        await tab.SignInAsync(ConsoleFixture.Bob);

        await Expect(tab.Page.GetByText("Signed in as")).ToHaveTextAsync("Signed in as bob (reviewer)");
        await tab.Page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Expect(tab.Page.GetByLabel("API key")).ToBeVisibleAsync();
        Assert.Null(await tab.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('enforcement.console.key')"));
        await tab.ScreenshotAsync("signed-out");
    }

    [BrowserFact]
    public async Task A_key_refused_during_the_session_returns_to_the_sign_in_with_the_reason()
    {
        await using var tab = await host.OpenAsync();
        await tab.SignInAsync(ConsoleFixture.Alice);
        // As if the key were revoked while the tab was open: the next call is refused.
        await tab.Page.EvaluateAsync("() => sessionStorage.setItem('enforcement.console.key', 'a-key-revoked-meanwhile')");

        await tab.Page.GetByRole(AriaRole.Link, new() { Name = "Queue", Exact = true }).ClickAsync();

        await Expect(tab.Page.GetByRole(AriaRole.Alert)).ToContainTextAsync("The service no longer accepts this key");
        await Expect(tab.Page.GetByLabel("API key")).ToBeVisibleAsync();
        await Expect(tab.Page.GetByRole(AriaRole.Navigation, new() { Name = "Screens" })).ToBeHiddenAsync();
        Assert.Null(await tab.Page.EvaluateAsync<string?>("() => sessionStorage.getItem('enforcement.console.key')"));
    }
}
