using Paritrana.Web.Infrastructure.Mail;

namespace Paritrana.Web.Accounts;

/// <summary>The mail of "Lupa kata sandi?", rendered by <see cref="MailOutbox.Queue"/> in the person's language.</summary>
public static class PasswordResetMail
{
    public static MailContent Compose(IStringLocalizer l, string fullName, string link, int minutes) => new(
        l["Atur ulang kata sandi Portal Paritrana"],
        l["Yth. {0},", fullName],
        [
            l["Kami menerima permintaan untuk mengatur ulang kata sandi akun Portal Paritrana dengan alamat surel ini."],
            l["Tautan di bawah ini berlaku selama {0} menit dan hanya dapat dipakai satu kali.", minutes],
            l["Jika Anda tidak memintanya, abaikan surel ini: kata sandi Anda tidak berubah."],
        ],
        l["Atur kata sandi baru"],
        link,
        l["Salam, Sekretariat Penghargaan Paritrana"]);
}
