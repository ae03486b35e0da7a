using MudBlazor;

namespace CommunitySaaS.Admin.Layout;

/// <summary>A calm, dense business palette: indigo for actions, deep navy app bar, light grey canvas.</summary>
public static class ConsoleTheme
{
    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#3F51B5",
            Secondary = "#00897B",
            Tertiary = "#F9A825",
            AppbarBackground = "#1F2A44",
            AppbarText = "#FFFFFF",
            Background = "#F4F6FA",
            DrawerBackground = "#FFFFFF",
            DrawerText = "#2E3440",
            DrawerIcon = "#5C6B8A",
            Surface = "#FFFFFF",
            TextPrimary = "#1F2937",
            TextSecondary = "#6B7280",
            TableLines = "#E5E7EB",
            LinesDefault = "#E5E7EB",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["Inter", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"],
                FontSize = ".875rem",
            },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px", DrawerWidthLeft = "232px" },
    };
}
