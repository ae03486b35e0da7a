using System.Collections.Concurrent;
using CommunitySaaS.Core.Persistence;
using CommunitySaaS.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommunitySaaS.Api.Tests.Hardening;

/// <summary>
/// The host in a named environment (Production, Development) with exactly the given settings on top of the shipped
/// appsettings files; a null value removes the test host's own default, so the shipped default applies. Keeps what it logs.
/// </summary>
public sealed class EnvironmentHost(string environment, IDictionary<string, string?> settings) : TestHost(DatabaseProvider.Sqlite, settings)
{
    public ConcurrentQueue<string> Logged { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseEnvironment(environment);
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(new Capture(Logged)));
    }

    public string AllLogs => string.Join("\n", Logged);

    private sealed class Capture(ConcurrentQueue<string> lines) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue(formatter(state, exception) + (exception is null ? "" : " " + exception));

        public void Dispose()
        {
        }
    }
}
