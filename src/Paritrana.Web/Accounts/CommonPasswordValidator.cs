using System.Collections.Frozen;
using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Accounts;

/// <summary>
/// Refuses passwords found in public lists of common passwords (NIST SP 800-63B: length and a
/// deny-list instead of composition rules). The list holds the common passwords of 12 or more
/// characters; shorter ones are refused by the length rule already.
/// </summary>
public sealed class CommonPasswordValidator(IStringLocalizer<SharedResource> l) : IPasswordValidator<PortalUser>
{
    public const string ErrorCode = "CommonPassword";

    private static readonly Lazy<FrozenSet<string>> Common = new(Load);

    public static bool IsCommon(string password) =>
        Common.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<PortalUser> manager, PortalUser user, string? password)
    {
        if (password is null)
        {
            return Task.FromResult(IdentityResult.Success);
        }

        var lowered = password.ToLowerInvariant();
        var personal = new[] { user.Email, user.UserName }
            .Where(s => !string.IsNullOrEmpty(s))
            .Any(s => lowered.Contains(s!.ToLowerInvariant(), StringComparison.Ordinal));

        return Task.FromResult(IsCommon(password) || personal
            ? IdentityResult.Failed(new IdentityError { Code = ErrorCode, Description = l["Kata sandi ini terlalu umum atau memuat alamat surel Anda. Pilih frasa lain yang mudah Anda ingat."] })
            : IdentityResult.Success);
    }

    private static FrozenSet<string> Load()
    {
        using var stream = typeof(CommonPasswordValidator).Assembly.GetManifestResourceStream("Paritrana.CommonPasswords.txt")
            ?? throw new InvalidOperationException("Embedded common-password list not found.");
        using var reader = new StreamReader(stream);
        var set = new HashSet<string>(StringComparer.Ordinal);
        _ = reader.ReadLine(); // the first line says where the list comes from; passwords may start with '#'
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0)
            {
                set.Add(line);
            }
        }

        // A few that fit this portal's users and are not in the general list.
        foreach (var local in new[] { "paritrana2026", "paritrana2025", "bpjsketenagakerjaan", "bpjamsostek123", "indonesiaraya45", "bismillah123456", "passwordpassword", "123456789012" })
        {
            set.Add(local);
        }

        return set.ToFrozenSet(StringComparer.Ordinal);
    }
}
