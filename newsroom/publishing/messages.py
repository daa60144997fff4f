"""Every refusal an operator or editor can get from publishing, in Indonesian.

A refusal names what it is about (the setting and its normalised value), says
what is wrong, and how to fix it, rendered like the editorial messages:
``GALAT: OUTPUTDIR “/srv/www” … \n    Perbaikan: …``. ``subject`` (the
setting as the operator wrote it) is kept for callers and tests.
"""

import errno

CATALOGUE = {
    "empty": (
        "{setting} kosong: tidak ada folder tujuan.",
        "Isi {setting} dengan jalur folder, misalnya "
        "{setting}=/srv/warta-lkks/output (variabel CI yang belum diisi?).",
    ),
    "root": (
        "{setting} adalah akar sistem berkas “/”.",
        "Pilih folder khusus untuk situs, misalnya /srv/warta-lkks/output.",
    ),
    "overlaps": (
        "{setting} “{path}” {relation} {other_setting} “{other}”: isinya akan "
        "terhapus atau tertimpa.",
        "Pilih folder lain di luar {other_setting}, misalnya /srv/warta-lkks/output.",
    ),
    "project": (
        "{setting} “{path}” {relation} folder proyek “{other}”: berkas proyek "
        "akan terhapus.",
        "Gunakan bawaan (output/ untuk terbitan, pratinjau/ untuk pratinjau) "
        "atau folder di luar proyek, misalnya /srv/warta-lkks/output.",
    ),
    "home": (
        "{setting} “{path}” {relation} folder rumah (home) “{other}”: berkas "
        "pribadi seperti .ssh akan terhapus.",
        "Pilih sub-folder khusus untuk situs, misalnya {other}/warta/output.",
    ),
    "symlink": (
        "{setting} “{path}” adalah tautan simbolik ke “{other}”.",
        "Tulis jalur folder yang sebenarnya (setelah diperiksa tautannya) "
        "sebagai {setting}.",
    ),
    "parent_missing": (
        "folder induk “{parent}” dari {setting} “{path}” tidak ada.",
        "Periksa ejaan {setting}, atau buat dulu folder induknya (mkdir -p {parent}).",
    ),
    "file": (
        "{setting} “{path}” adalah berkas, bukan folder.",
        "Periksa ejaan {setting}; tujuan harus berupa folder (atau belum ada).",
    ),
    "unreadable": (
        "{setting} “{path}” tidak dapat dibaca ({error}).",
        "Periksa hak akses folder itu.",
    ),
    "foreign": (
        "{setting} “{path}” berisi berkas yang bukan hasil pembangunan Warta LKKS "
        "(tidak ada .warta/build.json), misalnya “{example}”.",
        "Pilih folder kosong atau folder yang belum ada. Berkas yang perlu ikut "
        "terbit (misalnya berkas verifikasi mesin pencari) taruh di content/.",
    ),
    "is_preview": (
        "{setting} “{path}” berisi pratinjau (make html/devserver), bukan situs "
        "terbitan: server pratinjau yang masih berjalan akan menulis draf ke sana.",
        "Terbitkan ke folder lain (bawaan: output/); pratinjau punya foldernya "
        "sendiri, PREVIEWDIR (bawaan: pratinjau/).",
    ),
    "is_published": (
        "{setting} “{path}” berisi situs terbitan (make publish): pratinjau "
        "tidak boleh menulis draf ke sana.",
        "Gunakan folder pratinjau sendiri, misalnya PREVIEWDIR=pratinjau (bawaan).",
    ),
    "previous_foreign": (
        "“{path}” sudah ada dan bukan terbitan Warta LKKS sebelumnya; "
        "penerbitan akan menimpanya.",
        "Pindahkan atau hapus “{path}” dulu: nama itu dipakai untuk menyimpan "
        "terbitan sebelumnya.",
    ),
    "lock_unusable": (
        "berkas kunci “{path}” tidak dapat dipakai ({error}).",
        "Hapus atau pindahkan “{path}”; nama itu dipakai sebagai kunci penerbitan.",
    ),
    "lock_timeout": (
        "Penerbitan lain ke “{path}” masih berjalan (kunci “{lock}”); sudah "
        "menunggu {seconds} detik.",
        "Tunggu sampai penerbitan itu selesai lalu ulangi, atau tunggu lebih "
        "lama dengan PUBLISH_LOCK_TIMEOUT=<detik>.",
    ),
    "lock_timeout_invalid": (
        "PUBLISH_LOCK_TIMEOUT “{value}” bukan jumlah detik.",
        "Tulis bilangan detik, misalnya PUBLISH_LOCK_TIMEOUT=300.",
    ),
    "input_missing": (
        "INPUTDIR “{path}” tidak ada.",
        "Periksa ejaan jalurnya; bawaan: content/ di folder proyek.",
    ),
    "input_not_folder": (
        "INPUTDIR “{path}” bukan folder.",
        "INPUTDIR harus folder naskah (berisi berita/ dan pages/).",
    ),
    "input_no_release": (
        "INPUTDIR “{path}” tidak berisi satu berita pun (tidak ada berkas .md di "
        "{article_paths}).",
        "Periksa INPUTDIR: menerbitkan situs tanpa berita akan mengosongkan "
        "situs publik.",
    ),
    "build_no_release": (
        "hasil pembangunan tidak berisi satu berita pun yang terbit (semua "
        "berita draf atau masih diembargo?).",
        "Periksa Status: dan Date: berita di INPUTDIR “{path}”; situs publik "
        "tidak dikosongkan.",
    ),
    "siteurl": (
        "WARTA_SITEURL “{value}” bukan alamat situs: {reason}.",
        "Tulis alamat lengkap dengan skema dan tanpa jalur, misalnya "
        "WARTA_SITEURL=https://warta.lkks-kalsel.or.id",
    ),
    "broken_links": (
        "hasil pembangunan berisi {count} tautan internal rusak:\n{links}",
        "Perbaiki tautan, gambar, atau berkas yang disebut di atas, lalu "
        "terbitkan lagi.",
    ),
    "local_address": (
        "hasil pembangunan memuat alamat pratinjau {address} di {files}: "
        "pembaca akan diarahkan ke komputer mereka sendiri.",
        "Ganti tautan yang disalin dari pratinjau dengan alamat situs publik "
        "(atau tautan relatif), dan periksa WARTA_SITEURL.",
    ),
    "system": (
        "sistem menolak: {error} (“{path}”).",
        "Periksa hak akses dan ruang kosong di folder itu, lalu ulangi.",
    ),
    "nothing_to_restore": (
        "Tidak ada terbitan sebelumnya di “{path}” untuk dipulihkan.",
        "Pemulihan hanya mungkin setelah sedikitnya dua kali make publish.",
    ),
    # -- h-fixB: leftovers, lock, mount point, cache, disk, Ctrl-C ------------
    "previous_guarded": (
        "“{path}” (tempat terbitan sebelumnya) {relation} {other_setting} "
        "“{other}”: penerbitan akan memindahkan lalu menghapusnya.",
        "Pindahkan {other_setting} ke folder lain (nama “{path}” dipakai untuk "
        "menyimpan terbitan sebelumnya), atau pilih OUTPUTDIR lain.",
    ),
    "lock_create": (
        "berkas kunci “{path}” tidak dapat dibuat: {reason}.",
        "OUTPUTDIR harus berada di folder yang dapat ditulis oleh pengguna ini, "
        "misalnya /srv/warta-lkks/output; periksa hak akses “{parent}” dan "
        "apakah sistem berkasnya dipasang hanya-baca.",
    ),
    "mount_point": (
        "{setting} “{path}” adalah titik kait (mount point) sebuah volume: "
        "penerbitan menukar folder itu dengan mengganti namanya dan make clean "
        "menghapusnya, padahal titik kait tidak dapat diganti nama atau dihapus.",
        "Jadikan akar web sebuah folder di dalam volume itu, misalnya "
        "{setting}={path}/situs (dan arahkan server web ke sana).",
    ),
    "no_space": (
        "ruang disk habis di “{path}” saat membangun situs.",
        "Kosongkan ruang di sistem berkas itu (hasil pembangunan perlu kira-kira "
        "sebesar situs yang tayang, ditambah terbitan sebelumnya), lalu ulangi.",
    ),
    "cancelled": (
        "penerbitan dibatalkan (Ctrl-C); situs publik di “{path}” tidak diubah.",
        "Jalankan make publish lagi bila ingin menerbitkan.",
    ),
}

# Why the system refused, in Indonesian, for the errors an operator meets.
SYSTEM_REASONS = {
    "ENOSPC": "ruang disk habis",
    "EROFS": "sistem berkas hanya-baca",
    "EACCES": "tidak ada izin menulis",
    "EPERM": "tidak ada izin menulis",
    "ENOENT": "folder tidak ada atau tidak dapat dipakai untuk berkas",
    "EBUSY": "folder sedang dipakai (titik kait?)",
    "EXDEV": "beda sistem berkas",
}


def system_reason(error: OSError) -> str:
    """``error`` in Indonesian, with the system's own words after it."""
    name = errno.errorcode.get(error.errno or 0, "")
    words = error.strerror or str(error)
    return f"{SYSTEM_REASONS[name]}: {words}" if name in SYSTEM_REASONS else words


RELATIONS = {
    "same": "sama dengan",
    "contains": "berisi",
    "inside": "berada di dalam",
}


class Refusal(Exception):
    """Publishing stops before changing anything; ``str()`` is the message."""

    def __init__(self, code: str, subject: str = "", **fields):
        self.code = code
        self.subject = subject
        self.fields = fields
        message, hint = CATALOGUE[code]
        self.message = message.format(**fields)
        self.hint = hint.format(**fields)
        super().__init__(self.message)

    def __str__(self) -> str:
        return f"GALAT: {self.message}\n    Perbaikan: {self.hint}"
