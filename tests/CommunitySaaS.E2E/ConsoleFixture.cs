using System.Diagnostics.CodeAnalysis;
using System.Net;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.Playwright;

namespace CommunitySaaS.E2E;

/// <summary>
/// The real host on Kestrel (a free loopback port, SQLite, the demo seeded) and one headless Chromium,
/// shared by every browser test of a collection; each test gets its own browser context (its own cookies).
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "xunit ends a fixture through IAsyncLifetime.DisposeAsync.")]
public class ConsoleFixture : IAsyncLifetime
{
    public const string Password = "E2e-Passw0rd";

    private readonly IReadOnlyDictionary<string, string?> _settings;

    public ConsoleFixture()
        : this(new Dictionary<string, string?>())
    {
    }

    /// <param name="settings">The host's settings over the fixture's own (demo seeded, Api and Admin roles).</param>
    protected ConsoleFixture(IReadOnlyDictionary<string, string?> settings) => _settings = settings;

    private TestHost? _host;
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = default!;

    public string BaseUrl { get; private set; } = "";

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        var port = LoopbackPort.Free();
        var hostSettings = new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Demo:UserPassword"] = Password, ["Roles"] = "Api,Admin" };
        foreach (var (key, value) in _settings) hostSettings[key] = value;
        _host = new TestHost(DatabaseProvider.Sqlite, hostSettings);
        _host.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        _host.StartServer();
        BaseUrl = $"http://127.0.0.1:{port}";

        Directory.CreateDirectory(ScreenshotFolder);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium.Ensure(), Headless = true, Args = Chromium.Args,
        });
    }

    /// <summary>A fresh browser context signed in as the given demo user, on the console's home page.</summary>
    public async Task<IPage> SignInAsync(string email)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1440, Height = 900 } });
        // Generous: CI runs the browser beside the API suite on two cores, and a first render there can take seconds.
        context.SetDefaultTimeout(45_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"{BaseUrl}/admin");
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        await WaitInteractiveAsync(page);
        return page;
    }

    public async Task GotoAsync(IPage page, string path)
    {
        await page.GotoAsync(BaseUrl + path);
        await WaitInteractiveAsync(page);
    }

    /// <summary>Clicks before the circuit connects are lost: wait for the layout's interactive marker.</summary>
    public static Task WaitInteractiveAsync(IPage page) => page.Locator("[data-interactive=true]").WaitForAsync();

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        // MudBlazor animates labels and dialogs; let them settle so the picture shows the page at rest.
        await page.WaitForTimeoutAsync(400);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, $"{name}.png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null) await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (_host is not null) await _host.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ConsoleCollection : ICollectionFixture<ConsoleFixture>
{
    public const string Name = "console";
}
