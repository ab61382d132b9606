using Microsoft.AspNetCore.Identity;

namespace Paritrana.Web.Accounts;

/// <summary>Identity's messages in the user's language (Indonesian keys, English in the .en resource).</summary>
public sealed class LocalizedIdentityErrors(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private static IdentityError E(string code, string text) => new() { Code = code, Description = text };

    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), l["Kata sandi minimal {0} karakter.", length]);
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), l["Kata sandi saat ini salah."]);
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), l["Alamat surel {0} sudah dipakai akun lain.", email]);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), l["Alamat surel {0} sudah dipakai akun lain.", userName]);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), l["Alamat surel '{0}' tidak valid.", email ?? ""]);
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), l["Alamat surel '{0}' tidak valid.", userName ?? ""]);
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), l["Akun ini baru saja diubah oleh orang lain. Muat ulang halaman lalu coba lagi."]);
    public override IdentityError DefaultError() => E(nameof(DefaultError), l["Terjadi kesalahan. Coba lagi."]);
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), l["Akun sudah memiliki peran {0}.", role]);
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => E(nameof(PasswordRequiresUniqueChars), l["Kata sandi harus memuat setidaknya {0} karakter berbeda.", uniqueChars]);
}
