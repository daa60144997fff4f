// Starts Decap CMS with our Pelican format, the Indonesian locale, the
// config the local server made from the site's settings, and the checks
// the form cannot express (an image needs its alternative text). After a
// save it shows the build's verdict on the file.
(function () {
  "use strict";
  const CMS = window.CMS;

  function api(action, params) {
    return fetch("/api/v1", {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8" },
      body: JSON.stringify({ action, params }),
    }).then((response) => response.json());
  }

  // The entry a verdict is about ("2026/slug"): it stays while that entry
  // is open (Decap moves from …/new to the saved entry) and goes otherwise.
  let verdictFor = null;

  function showVerdict(kind, text, entry = null) {
    const box = document.getElementById("redaksi-verdict");
    box.className = kind;
    box.textContent = "";
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = "Tutup";
    close.addEventListener("click", hideVerdict);
    const message = document.createElement("p");
    message.textContent = text;
    box.append(close, message);
    box.hidden = false;
    verdictFor = entry;
  }

  function onNavigation() {
    if (!verdictFor || !decodeURIComponent(location.hash).endsWith(verdictFor)) {
      hideVerdict();
    }
  }

  function hideVerdict() {
    document.getElementById("redaksi-verdict").hidden = true;
  }

  function checkImage({ entry }) {
    hideVerdict();
    const data = entry.get("data");
    const image = data.get("image");
    const alt = (data.get("image_alt") || "").trim();
    if (image && !alt) {
      const message =
        "gambar utama belum diberi teks alternatif. Isi “Teks alternatif gambar” " +
        "(apa yang tampak pada foto) lalu simpan lagi.";
      showVerdict("error", `Tidak tersimpan: ${message}`);
      throw new Error(message);
    }
    return data;
  }

  // Decap shows a refused save for eight seconds only: the server's reason
  // (the build's messages) stays on screen until the editor closes it.
  function keepRefusals() {
    const original = window.fetch.bind(window);
    window.fetch = async (resource, options) => {
      const response = await original(resource, options);
      if (String(resource).endsWith("/api/v1") && response.status === 422) {
        response
          .clone()
          .json()
          .then((body) => showVerdict("error", `Tidak tersimpan: ${body.error}`));
      }
      return response;
    };
  }

  async function afterSave({ entry }, previewUrl, format, local) {
    if (!local) {
      showVerdict(
        "ok",
        "Tersimpan sebagai commit di repositori. Build penerbitan menjalankan " +
          "pemeriksaan yang sama; bila ada galat, situs publik tidak berubah."
      );
      return;
    }
    const verdict = await api("verdict", {});
    const path = verdict.path;
    const data = entry.get("data");
    const slug = data.get("slug") || format.slugify(data.get("title") || "");
    const lines = [];
    if (verdict.warnings && verdict.warnings.length) {
      lines.push(`Tersimpan: ${path}. Pemeriksaan build memberi peringatan:`);
      lines.push(...verdict.warnings);
    } else {
      lines.push(`Tersimpan: ${path}. Pemeriksaan build: tidak ada masalah.`);
    }
    if (data.get("status") === "draft" && slug) {
      lines.push(`Pratinjau draf (jalankan make devserver): ${previewUrl}/draf/${slug}/`);
    }
    const kind = verdict.warnings && verdict.warnings.length ? "warning" : "ok";
    const entryName = path.split("/").slice(2).join("/").replace(/\.md$/, "");
    showVerdict(kind, lines.join("\n"), entryName);
  }

  // Dates are WITA (UTC+8); the form's "Sekarang" button reads this
  // computer's clock. Say so when the computer keeps another time.
  function warnAboutTimeZone() {
    const offset = -new Date().getTimezoneOffset() / 60;
    if (offset === 8) return;
    const names = { 7: "WIB", 9: "WIT" };
    const zone = names[offset] || `UTC${offset >= 0 ? "+" : ""}${offset}`;
    const hours = Math.abs(8 - offset);
    const way = offset < 8 ? "tertinggal" : "terlalu cepat";
    const note = document.getElementById("redaksi-zona");
    const close = document.createElement("button");
    close.type = "button";
    close.textContent = "Tutup";
    close.addEventListener("click", () => {
      note.hidden = true;
    });
    const text = document.createElement("p");
    text.textContent =
      `Jam komputer ini ${zone}, bukan WITA: tombol “Sekarang” ${way} ${hours} jam. ` +
      "Tulis tanggal dan jam WITA sendiri.";
    note.append(close, text);
    note.hidden = false;
  }

  warnAboutTimeZone();
  fetch("redaksi.json")
    .then((response) => response.json())
    .then((page) => {
      const format = window.WartaFormat.makeFormat({
        regencies: page.regencies,
        slugMax: page.slugMax,
      });
      if (page.localServer) keepRefusals();
      window.addEventListener("hashchange", onNavigation);
      CMS.registerLocale("id", window.WartaLocaleId);
      CMS.registerCustomFormat("pelican", "md", {
        fromFile: format.fromFile,
        toFile: format.toFile,
      });
      window.WartaPreview.register(CMS);
      CMS.registerEventListener({ name: "preSave", handler: checkImage });
      const previewUrl = page.config.site_url.replace(/\/$/, "");
      CMS.registerEventListener({
        name: "postSave",
        handler: (event) => afterSave(event, previewUrl, format, page.localServer),
      });
      CMS.init({ config: page.config });
    });
})();
