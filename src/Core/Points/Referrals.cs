using CommunitySaaS.Core.Members;

namespace CommunitySaaS.Core.Points;

/// <summary>A referral of oneself: the same member, or another member with the same email or phone.</summary>
internal static class Referrals
{
    public static bool IsSelf(Member referrer, Member referred) =>
        referrer.Id == referred.Id
        || (Email(referrer.Email) is { } a && a == Email(referred.Email))
        || (Phone(referrer.Phone) is { } p && p == Phone(referred.Phone));

    private static string? Email(string? email) => string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToUpperInvariant();

    // "+1 (555) 010-0000" and "15550100000" are one phone.
    private static string? Phone(string? phone)
    {
        var digits = phone is null ? "" : new string(phone.Where(char.IsAsciiDigit).ToArray());
        return digits.Length == 0 ? null : digits;
    }
}
