"""Every message an editor can see, in Indonesian, with its fix.

One entry per problem code: severity, what is wrong, how to fix it. Values
in braces are filled in per problem. docs/panduan-editor.md lists every code
(a test keeps the two in step).
"""

from .problems import ERROR, WARNING, Problem

CATALOGUE = {
    "judul-kosong": (
        ERROR,
        "judul berita kosong atau tidak ada.",
        "tulis baris “Title: …” di bagian atas berkas, sebelum baris kosong pertama.",
    ),
    "tanggal-tidak-ada": (
        ERROR,
        "tanggal berita tidak ada.",
        "tambahkan baris “Date: 2025-10-08 09:30” (waktu WITA) di bagian atas berkas.",
    ),
    "tanggal-salah": (
        ERROR,
        "tanggal “{value}” tidak dapat dibaca.",
        "tulis TAHUN-BULAN-HARI JAM:MENIT, misalnya “Date: 2025-10-08 09:30”; "
        "bulan 01–12 dan hari harus ada pada bulan itu.",
    ),
    "status-salah": (
        ERROR,
        "Status: “{value}” tidak dikenal.",
        "tulis “Status: draft” untuk draf, atau hapus baris Status: "
        "agar berita terbit.",
    ),
    "slug-salah": (
        ERROR,
        "alamat (Slug:) “{value}” tidak boleh dipakai.",
        "tulis huruf kecil, angka dan tanda hubung saja, misalnya "
        "“Slug: rapat-koordinasi-lks”, atau hapus baris Slug: agar dibuat dari judul.",
    ),
    "slug-kosong": (
        ERROR,
        "judul “{value}” tidak menghasilkan alamat berita.",
        "tambahkan baris “Slug: …” dengan huruf kecil, angka dan tanda hubung, "
        "misalnya “Slug: rapat-koordinasi-lks”.",
    ),
    "istilah-salah": (
        ERROR,
        "{field}: “{value}” tidak menghasilkan alamat halaman.",
        "gunakan nama yang mengandung huruf atau angka.",
    ),
    "baris-ganda": (
        ERROR,
        "baris {field}: ditulis lebih dari sekali (baris {lines}).",
        "sisakan satu baris {field}: dengan isi yang benar.",
    ),
    "metadata-rusak": (
        ERROR,
        "baris ini memutus bagian metadata: bukan berbentuk “Nama: isi”, "
        "sehingga baris-baris sesudahnya tidak terbaca sebagai metadata.",
        "gabungkan baris ini dengan baris di atasnya, tulis sebagai “Nama: isi”, "
        "atau sisipkan satu baris kosong sebelum isi berita.",
    ),
    "berkas-tidak-terbaca": (
        ERROR,
        "berkas tidak dapat dibaca ({reason}).",
        "periksa baris-baris metadata di atas berkas (“Nama: isi”, satu per baris) "
        "dan simpan berkas sebagai UTF-8.",
    ),
    "isi-kosong": (
        ERROR,
        "isi berita kosong.",
        "tulis isi berita di bawah baris kosong yang memisahkan metadata dari isi.",
    ),
    "ringkasan-terlalu-panjang": (
        ERROR,
        "ringkasan (Summary:) {length} karakter, lebih dari batas {limit} karakter.",
        "perpendek Summary: menjadi satu atau dua kalimat (paling banyak {limit} "
        "karakter) agar utuh di umpan RSS dan hasil pencarian.",
    ),
    "kabupaten-tidak-dikenal": (
        ERROR,
        "“{value}” di baris Regencies: bukan nama kabupaten/kota yang dikenal.",
        "{suggestion} Pisahkan beberapa nama dengan koma.",
    ),
    "gambar-utama-tidak-ada": (
        ERROR,
        "gambar “{value}” di baris Image: tidak ditemukan.",
        "simpan berkasnya di {expected} atau perbaiki jalurnya "
        "(contoh: “Image: images/nama-berkas.jpg”).",
    ),
    "teks-alt-kosong": (
        ERROR,
        "gambar utama (Image:) tidak punya teks pengganti.",
        "tambahkan baris “Image_alt: …” yang menjelaskan isi gambar untuk pembaca "
        "tunanetra, misalnya “Image_alt: Ketua LKKS menyerahkan kursi roda”.",
    ),
    "foto-rusak": (
        ERROR,
        "foto “{value}” rusak atau terpotong, sehingga tidak dapat dibaca.",
        "salin ulang foto aslinya dari ponsel atau kamera ke {expected}; bila "
        "masih gagal, buka fotonya di komputer lalu simpan lagi sebagai JPEG (.jpg).",
    ),
    "foto-tidak-dikenal": (
        ERROR,
        "“{value}” bukan foto dalam format yang dapat dibaca situs "
        "(JPEG, PNG, WebP, HEIC, AVIF, GIF, TIFF, BMP).",
        "buka berkasnya di ponsel atau komputer lalu simpan atau ekspor sebagai "
        "JPEG (.jpg): di Windows buka dengan Foto › Simpan sebagai › .jpg; di "
        "iPhone pilih Bagikan › Simpan ke Berkas, atau Pengaturan › Kamera › Format "
        "› Paling Kompatibel. Lalu ganti namanya di Image: atau di isi berita.",
    ),
    "foto-terlalu-besar": (
        ERROR,
        "foto “{value}” terlalu besar ({detail}): lebih dari {limit} megapiksel, "
        "batas yang aman untuk diproses.",
        "perkecil fotonya (misalnya lebar 4000 piksel) di aplikasi foto lalu "
        "simpan ulang sebagai JPEG; foto ponsel biasa sudah cukup besar.",
    ),
    "svg-berisi-foto": (
        ERROR,
        "gambar SVG “{value}” memuat gambar lain di dalamnya (data:…); SVG terbit "
        "apa adanya, jadi foto di dalamnya ikut terbit dengan lokasi dan data "
        "kameranya.",
        "ekspor gambarnya sebagai JPEG atau PNG dan pakai berkas itu, atau simpan "
        "SVG tanpa gambar tertanam.",
    ),
    "foto-bentrok": (
        ERROR,
        "foto “{value}” akan terbit dengan nama berkas yang sama dengan foto "
        "“{other}”, sehingga yang satu menimpa yang lain.",
        "ganti nama salah satu berkas fotonya (dan jalurnya di Image: atau di isi "
        "berita).",
    ),
    "foto-terlalu-panjang": (
        ERROR,
        "gambar “{value}” terlalu panjang ({detail}): tingginya lebih dari 51 kali "
        "lebarnya, sehingga tidak dapat dikecilkan untuk layar ponsel.",
        "potong gambarnya menjadi beberapa bagian (misalnya tangkapan layar yang "
        "panjang), lalu pasang tiap bagian sebagai gambar tersendiri.",
    ),
    "foto-terlalu-kecil": (
        WARNING,
        "foto “{value}” hanya {width} piksel lebarnya; di layar ponsel dan saat "
        "dibagikan foto ini tampak buram.",
        "bila ada, pakai foto asli dari kamera atau ponsel, paling sedikit "
        "{minimum} piksel lebarnya (bukan tangkapan layar atau foto dari WhatsApp).",
    ),
    "gambar-isi-tidak-ada": (
        ERROR,
        "gambar “{value}” di isi berita tidak ditemukan.",
        "simpan berkasnya di {expected} atau perbaiki jalurnya "
        "(contoh: “![keterangan]({{static}}/images/nama-berkas.jpg)”).",
    ),
    "alamat-ganda": (
        ERROR,
        "berita ini dan {other} akan terbit di alamat yang sama: {url}",
        "ubah judul salah satunya, atau beri salah satunya baris “Slug: …” "
        "yang berbeda.",
    ),
    "kabupaten-disebut": (
        WARNING,
        "isi berita menyebut “{mention}” ({official}), tetapi {name} tidak ada "
        "di baris Regencies:.",
        "tambahkan {name} ke Regencies: bila berita ini menyangkut {official}; "
        "abaikan bila hanya disebut sepintas.",
    ),
    "html-dibuang": (
        WARNING,
        "unsur HTML yang tidak aman dibuang: {removed}.",
        "periksa tampilan berita. Tulis isi dengan Markdown biasa: skrip, iframe, "
        "gaya (style), atribut on… dan alamat javascript:/data: tidak diizinkan.",
    ),
    "embargo": (
        WARNING,
        "berita diembargo sampai {when} dan belum diterbitkan.",
        "berita terbit pada build pertama sesudah waktu itu; "
        "ubah Date: bila waktunya salah.",
    ),
    # -- content paths (plugins/editorial/path_checks.py) ----------------------
    "jalur-keluar-content": (
        ERROR,
        "“{value}” di {field} menunjuk ke luar folder content/.",
        "simpan berkasnya di dalam content/ (gambar dan lampiran di content/images/) "
        "lalu tulis jalurnya dari situ, tanpa “..”: misalnya "
        "“![keterangan]({{static}}/images/nama-berkas.jpg)” di isi berita atau "
        "“Image: images/nama-berkas.jpg”.",
    ),
    "jalur-absolut": (
        ERROR,
        "“{value}” di {field} bukan berkas di dalam folder content/, melainkan "
        "jalur di komputer atau alamat web.",
        "salin berkasnya ke content/images/ lalu tulis jalurnya dari situ, "
        "misalnya “Image: images/nama-berkas.jpg”.",
    ),
    "berkas-tidak-boleh-terbit": (
        ERROR,
        "“{value}” di {field} adalah berkas tersembunyi atau cadangan (namanya "
        "diawali titik, atau diakhiri ~, .bak, .swp) yang tidak pernah diterbitkan.",
        "tautkan berkas aslinya, atau ganti namanya tanpa titik di depan dan tanpa "
        "akhiran cadangan, misalnya “Image: images/nama-berkas.jpg”.",
    ),
    "tautan-ke-folder": (
        ERROR,
        "“{value}” di {field} menunjuk ke sebuah folder, bukan ke satu berkas; "
        "seluruh isi folder itu (termasuk draf) akan ikut terbit.",
        "tautkan satu berkas saja, misalnya “[laporan]({{attach}}laporan.pdf)” atau "
        "“![keterangan]({{static}}/images/nama-berkas.jpg)”.",
    ),
    "tujuan-menimpa-halaman": (
        ERROR,
        "“{value}” di {field} akan disalin ke {expected}: nama itu milik halaman "
        "situs, jadi berkas ini akan menimpa atau menyamar sebagai halaman.",
        "ganti nama berkasnya (misalnya “laporan.html” menjadi “laporan-lengkap.pdf” "
        "atau nama lain yang bukan index.html) dan sesuaikan tautannya.",
    ),
    "tautan-simbolik": (
        ERROR,
        "berkas ini adalah tautan simbolik (symlink) ke “{value}”; build tidak "
        "membaca dan tidak menerbitkan symlink.",
        "hapus symlink ini dan simpan salinan berkas aslinya di tempat yang sama "
        "(gambar di content/images/), lalu commit berkasnya.",
    ),
    "markdown-tidak-dibaca": (
        WARNING,
        "berkas Markdown ini tidak dibaca ({reason}), jadi isinya tidak pernah terbit.",
        "pindahkan berita ke {expected} (halaman statis ke content/pages/), "
        "dengan nama tanpa titik di depan.",
    ),
    # -- metadata ---------------------------------------------------------
    "alamat-berita-diatur": (
        ERROR,
        "baris {field}: tidak boleh dipakai di berita: alamat berita selalu "
        "dibuat dari tanggal dan Slug:.",
        "hapus baris {field}:. Untuk alamat lain, tulis “Slug: …” dengan huruf "
        "kecil, angka dan tanda hubung.",
    ),
    "alamat-halaman-salah": (
        ERROR,
        "{field}: “{value}” bukan alamat halaman yang dapat dipakai.",
        "tulis jalur di dalam situs yang berakhiran .html, dengan huruf, angka, "
        "titik, garis bawah dan tanda hubung, tanpa “..” dan tanpa “/” di depan, "
        "misalnya “Save_as: profil/pengurus.html”; atau hapus baris {field}:.",
    ),
    "alamat-halaman-bentrok": (
        ERROR,
        "halaman ini akan terbit di {url}, alamat yang dipakai halaman buatan "
        "situs sendiri ({reserved}).",
        "pilih alamat lain: ubah baris “Slug: …” (atau Save_as:), misalnya "
        "“Slug: {alternative}”.",
    ),
    "url-halaman-salah": (
        ERROR,
        "URL: “{value}” tidak sesuai dengan Save_as: “{save_as}”.",
        "tulis URL: dan Save_as: berpasangan, dengan jalur yang sama, misalnya "
        "“Save_as: profil/pengurus.html” dan “URL: profil/pengurus.html”; "
        "atau hapus keduanya agar alamat dibuat dari Slug:.",
    ),
    "templat-berita": (
        ERROR,
        "baris Template: tidak boleh dipakai di berita.",
        "hapus baris Template:; semua berita memakai tampilan yang sama.",
    ),
    "templat-tidak-ada": (
        ERROR,
        "tampilan (Template:) “{value}” tidak ada.",
        "tulis salah satu dari: {allowed}; atau hapus baris Template: agar "
        "halaman memakai tampilan biasa.",
    ),
    "sumber-salah": (
        ERROR,
        "Source: “{value}” bukan alamat yang diizinkan: hanya alamat http:// "
        "atau https:// yang menjadi tautan.",
        "tulis alamat lengkap, misalnya “Source: https://kalselprov.go.id/berita/…”, "
        "atau nama sumbernya saja, misalnya “Source: MC Kalsel”.",
    ),
    "slug-terlalu-panjang": (
        ERROR,
        "alamat (Slug:) {length} karakter, lebih dari batas {limit} karakter.",
        "tulis Slug: yang lebih pendek (paling banyak {limit} karakter), "
        "misalnya beberapa kata kunci judul: “Slug: rapat-koordinasi-lks”.",
    ),
    "alamat-dipendekkan": (
        WARNING,
        "judul menghasilkan alamat {length} karakter; alamat dipendekkan menjadi "
        "“{slug}” ({limit} karakter paling banyak).",
        "biarkan bila alamat itu sudah baik; bila tidak, tulis baris “Slug: …” "
        "yang lebih pendek sebelum berita terbit.",
    ),
    "bukan-utf8": (
        ERROR,
        "berkas tidak tersimpan sebagai teks UTF-8 (baris ini memuat huruf "
        "yang tidak terbaca).",
        "buka berkas di penyunting teks lalu simpan ulang dengan pengodean UTF-8 "
        "(Notepad: Simpan Sebagai…, Encoding: UTF-8; VS Code: klik pengodean di "
        "bilah bawah, “Save with Encoding”, UTF-8), lalu periksa huruf di baris ini.",
    ),
    "terlalu-bertingkat": (
        ERROR,
        "daftar atau kutipan di isi berita terlalu bertingkat (terlalu banyak "
        "indentasi bersarang) untuk dibaca.",
        "kurangi tingkat indentasi daftar (butir “-” atau “1.”) dan kutipan (“>”) "
        "menjadi beberapa tingkat saja.",
    ),
    # -- h-fixC: the header as Python-Markdown reads it; Lang:, hidden, HTML --
    "metadata-nama-salah": (
        ERROR,
        "“{field}:” bukan nama metadata yang terbaca (ada spasi sebelum titik dua, "
        "huruf beraksen atau tanda baca), sehingga baris ini dan semua baris "
        "sesudahnya (misalnya Status: draft) dibaca sebagai isi berita.",
        "tulis nama dengan huruf A–Z tanpa aksen, angka, “-” atau “_” saja, "
        "langsung diikuti titik dua, misalnya “Regencies: Banjar”.",
    ),
    "metadata-menjorok": (
        ERROR,
        "baris {field}: menjorok ke dalam (empat spasi atau tab), sehingga dibaca "
        "sebagai lanjutan baris di atasnya, bukan sebagai {field}:.",
        "hapus spasi atau tab di awal baris ini.",
    ),
    "metadata-di-isi": (
        ERROR,
        "baris {field}: terletak sesudah akhir metadata (baris {lines}: baris kosong, "
        "baris berisi spasi saja, atau “---”), sehingga dibaca sebagai isi berita.",
        "pindahkan baris ini ke blok metadata di atas, sebelum baris kosong "
        "pertama, dan hapus baris kosong atau baris spasi di antaranya.",
    ),
    "bahasa-diatur": (
        ERROR,
        "baris Lang: tidak boleh dipakai: situs ini satu bahasa (Indonesia), "
        "dan Lang: akan mengubah alamat berita atau halaman.",
        "hapus baris Lang:.",
    ),
    "status-tersembunyi": (
        ERROR,
        "Status: hidden tidak berlaku untuk berita (hanya untuk halaman): berita "
        "tersembunyi merusak tautan ke halaman kategori dan topiknya.",
        "tulis “Status: draft” agar berita tidak terbit, atau hapus baris Status: "
        "agar berita terbit.",
    ),
    "bukan-markdown": (
        WARNING,
        "berkas ini bukan Markdown, jadi tidak dibaca dan isinya tidak pernah terbit.",
        "tulis berita atau halaman sebagai berkas Markdown ({name}) dengan "
        "metadata “Nama: isi” di atasnya, lalu hapus berkas ini.",
    ),
    # h-fixA: a content file never replaces a file the build generates.
    "tujuan-milik-situs": (
        ERROR,
        "“{value}” di {field} akan disalin ke {expected}: alamat itu milik berkas "
        "yang dibuat situs sendiri ({reserved}), misalnya skrip pencarian, umpan "
        "RSS, sitemap, atau berkas tema, jadi berkas ini akan menggantikannya.",
        "simpan berkasnya di folder lain di content/ (misalnya content/images/ "
        "atau content/unduhan/) atau beri nama lain, lalu sesuaikan tautannya.",
    ),
    "berkas-statis-milik-situs": (
        ERROR,
        "berkas ini akan disalin ke {expected}: alamat itu milik berkas yang "
        "dibuat situs sendiri ({reserved}), jadi berkas ini akan menggantikannya.",
        "pindahkan atau ganti nama berkasnya, atau ubah STATIC_PATHS/"
        "EXTRA_PATH_METADATA di pelicanconf.py agar tujuannya tidak bentrok.",
    ),
}


def problem(code: str, path: str, line: int | None = None, **values) -> Problem:
    """A problem from the catalogue, its placeholders filled in."""
    severity, message, hint = CATALOGUE[code]
    hint = hint.format(**values)
    return Problem(
        path=path,
        line=line,
        message=message.format(**values),
        hint=hint[:1].upper() + hint[1:],
        severity=severity,
        code=code,
    )
