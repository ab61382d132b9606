using Paritrana.Web.Infrastructure.Mail;

namespace Paritrana.Web.Accounts;

/// <summary>The mail to a user whose two-factor sign-in the administrator reset; sent whatever their mail choice.</summary>
public static class TwoFactorResetMail
{
    public static MailContent Compose(IStringLocalizer l, string fullName, string reason, bool required, string? link) => new(
        l["Verifikasi dua langkah akun Portal Paritrana Anda diatur ulang"],
        l["Yth. {0},", fullName],
        [
            l["Administrator portal mengatur ulang verifikasi dua langkah akun Anda. Alasan yang dicatat: {0}", reason],
            l["Kunci aplikasi autentikator dan kode pemulihan yang lama tidak berlaku lagi, dan sesi Anda yang sedang berjalan telah berakhir. Masuklah dengan alamat surel dan kata sandi Anda."],
            required
                ? l["Peran Anda wajib memakai verifikasi dua langkah: sesudah masuk, Anda diminta menyiapkan aplikasi autentikator lagi."]
                : l["Anda dapat menyiapkan aplikasi autentikator lagi di halaman Verifikasi dua langkah."],
            l["Jika Anda tidak meminta ini, segera hubungi administrator portal."],
        ],
        l["Masuk ke portal"],
        link,
        l["Salam, Sekretariat Penghargaan Paritrana"]);
}
