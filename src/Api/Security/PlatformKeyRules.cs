namespace CommunitySaaS.Api.Security;

/// <summary>
/// The platform key creates and suspends brands. The shipped value is public (it is in the repository), so
/// outside Development the host refuses to start with it, or with a key short enough to guess.
/// </summary>
public static class PlatformKeyRules
{
    public const string Setting = "Platform:ApiKey";
    public const string ShippedKey = "platform_demo_change_me";
    public const int MinLength = 32;

    public static void EnsureSafe(IConfiguration configuration, IHostEnvironment environment)
    {
        if (environment.IsDevelopment()) return;
        var key = configuration[Setting];
        if (string.IsNullOrEmpty(key)) return;
        if (key == ShippedKey)
        {
            throw new InvalidOperationException(
                $"{Setting} is the shipped demo key '{ShippedKey}', which anyone can read. Outside Development set {Setting} " +
                $"(e.g. the environment variable Platform__ApiKey) to a random secret of at least {MinLength} characters, or to an empty value to turn the platform API off.");
        }
        if (key.Length < MinLength)
        {
            throw new InvalidOperationException(
                $"{Setting} is {key.Length} characters long; outside Development it must be a random secret of at least {MinLength} characters.");
        }
    }
}
