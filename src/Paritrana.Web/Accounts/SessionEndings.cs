namespace Paritrana.Web.Accounts;

/// <summary>
/// Why a session ended, as the login page tells it. The validator adds the reason to the redirect
/// to the login page (?ended=idle); an unknown code shows nothing. The code only chooses a text, so
/// a crafted link can do no more than show one of these sentences.
/// </summary>
public static class SessionEndings
{
    public const string QueryKey = "ended";

    public static string Code(SessionEndReason reason) => reason switch
    {
        SessionEndReason.SignedOut => "signed-out",
        SessionEndReason.Idle => "idle",
        SessionEndReason.Expired => "expired",
        SessionEndReason.PasswordChanged => "password-changed",
        SessionEndReason.PasswordReset => "password-reset",
        SessionEndReason.Disabled => "disabled",
        SessionEndReason.AccountChanged => "account-changed",
        SessionEndReason.TwoFactorChanged => "two-factor-changed",
        SessionEndReason.EmailChanged => "email-changed",
        _ => "ended",
    };

    public static SessionEndReason? Parse(string? code) =>
        Enum.GetValues<SessionEndReason>().Where(r => Code(r) == code).Select(r => (SessionEndReason?)r).FirstOrDefault();

    public static string Notice(SessionEndReason reason, IStringLocalizer l, SessionLifetimes lifetimes) => reason switch
    {
        SessionEndReason.SignedOut => l["Sesi ini telah diakhiri karena Anda keluar. Silakan masuk lagi."],
        SessionEndReason.Idle => l["Sesi Anda berakhir karena tidak aktif selama {0} menit. Silakan masuk lagi.",
            lifetimes.Idle.TotalMinutes.ToString("0.#", CultureInfo.CurrentCulture)],
        SessionEndReason.Expired => l["Sesi Anda berakhir karena sudah berlangsung {0} jam, batas terlama satu sesi. Silakan masuk lagi.",
            lifetimes.Absolute.TotalHours.ToString("0.##", CultureInfo.CurrentCulture)],
        SessionEndReason.PasswordChanged => l["Sesi Anda berakhir karena kata sandi akun ini diubah. Silakan masuk dengan kata sandi yang baru."],
        SessionEndReason.PasswordReset => l["Sesi Anda berakhir karena administrator mengganti kata sandi akun ini. Silakan masuk dengan kata sandi yang baru."],
        SessionEndReason.Disabled => l["Sesi Anda berakhir karena akun ini dinonaktifkan. Hubungi administrator portal di provinsi Anda."],
        SessionEndReason.AccountChanged => l["Sesi Anda berakhir karena administrator mengubah peran, wilayah tugas atau alamat surel akun ini. Silakan masuk lagi."],
        SessionEndReason.TwoFactorChanged => l["Sesi Anda berakhir karena verifikasi dua langkah akun ini diubah. Silakan masuk lagi."],
        SessionEndReason.EmailChanged => l["Sesi Anda berakhir karena alamat surel akun ini diganti. Silakan masuk dengan alamat yang baru."],
        _ => l["Sesi Anda telah berakhir. Silakan masuk lagi."],
    };
}
