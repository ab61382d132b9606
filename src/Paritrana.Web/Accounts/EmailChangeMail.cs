using Paritrana.Web.Infrastructure.Mail;

namespace Paritrana.Web.Accounts;

/// <summary>The two mails of an e-mail change: the confirmation link to the new address, the notice to the old one.</summary>
public static class EmailChangeMail
{
    public static MailContent Confirm(IStringLocalizer l, string fullName, string newEmail, string link, int hours) => new(
        l["Konfirmasi alamat surel baru Portal Paritrana"],
        l["Yth. {0},", fullName],
        [
            l["Anda meminta agar alamat surel akun Portal Paritrana Anda diganti menjadi {0}.", newEmail],
            l["Buka tautan di bawah ini selagi Anda masuk ke portal untuk mengonfirmasinya. Tautan berlaku selama {0} jam dan hanya dapat dipakai satu kali; sesudahnya Anda masuk dengan alamat baru ini.", hours],
            l["Jika Anda tidak memintanya, abaikan surel ini: alamat surel akun tidak berubah."],
        ],
        l["Konfirmasi alamat baru"],
        link,
        l["Salam, Sekretariat Penghargaan Paritrana"]);

    public static MailContent Notice(IStringLocalizer l, string fullName, string newEmail) => new(
        l["Permintaan penggantian alamat surel Portal Paritrana"],
        l["Yth. {0},", fullName],
        [
            l["Seseorang yang masuk dengan akun Anda meminta agar alamat surel akun Portal Paritrana diganti menjadi {0}. Alamat belum berubah: perubahan berlaku setelah dikonfirmasi dari alamat baru itu.", newEmail],
            l["Jika bukan Anda yang memintanya, segera ganti kata sandi Anda dan hubungi administrator portal."],
        ],
        null,
        null,
        l["Salam, Sekretariat Penghargaan Paritrana"]);
}
