// Pelican's "Key: value" header for Decap CMS, following Python-Markdown's
// meta extension (the reader of every build): the header is the run of
// "Key: value" lines at the top, a line indented by four or more spaces
// continues the previous key, and the header ends at the first blank line,
// "---"/"..." line or line of another shape (which then starts the body).
//
// fromFile keeps every line it read; toFile writes a line again byte for
// byte when its value was not edited, so an unedited file is unchanged and an
// edit of one field changes that field's line only. Unknown keys are kept.
// New keys go at their place in the canonical order; a new file is written
// in it. Regency aliases ("Tanbu") are shown as registry names in the form,
// and stay as written in the file until that field is edited.
(function (root) {
  "use strict";

  const META_RE = /^ {0,3}([A-Za-z0-9_-]+):(.*)$/s;
  const META_MORE_RE = /^ {4,}(.*)$/s;
  const BEGIN_RE = /^-{3}(\s.*)?$/s;
  const END_RE = /^(-{3}|\.{3})(\s.*)?$/s;
  // What Python's str.strip() and re's \s (on str) treat as whitespace.
  const PY_SPACE =
    "\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000";
  const STRIP_RE = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, "g");
  const LEAD_RE = new RegExp(`^[${PY_SPACE}]*`);
  // Python's str.splitlines() is not used by Python-Markdown: it splits on
  // "\n" after turning "\r\n" and "\r" into "\n".
  const LINE_RE = /([^\r\n]*)(\r\n|\r|\n|$)/g;

  // Header key (as written) of each field, in the canonical order:
  // newsroom/release_file.py's order, then the fields it does not write.
  const CANONICAL = [
    ["title", "Title"],
    ["slug", "Slug"],
    ["date", "Date"],
    ["modified", "Modified"],
    ["category", "Category"],
    ["tags", "Tags"],
    ["author", "Author"],
    ["source", "Source"],
    ["regencies", "Regencies"],
    ["summary", "Summary"],
    ["image", "Image"],
    ["image_alt", "Image_alt"],
    ["image_caption", "Image_caption"],
    ["image_credit", "Image_credit"],
    ["status", "Status"],
  ];
  const LISTS = new Set(["tags", "regencies"]);
  const MULTILINE = new Set(["summary"]);
  const KEPT = "_pelican"; // what fromFile read, for toFile

  function pyStrip(text) {
    return text.replace(STRIP_RE, "");
  }

  // Python's str.expandtabs(4): columns count code points, not UTF-16 units.
  function expandTabs(text) {
    let out = "";
    let column = 0;
    for (const char of text) {
      if (char === "\t") {
        const spaces = 4 - (column % 4);
        out += " ".repeat(spaces);
        column += spaces;
      } else {
        out += char;
        column += 1;
      }
    }
    return out;
  }

  function normaliseKey(text) {
    // regency_tags.matching.compact: case-folded, punctuation and spaces gone.
    return text
      .normalize("NFKC")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, "");
  }

  function splitLines(text) {
    const lines = [];
    LINE_RE.lastIndex = 0;
    for (;;) {
      const match = LINE_RE.exec(text);
      if (match[0] === "") break;
      lines.push({ text: match[1], end: match[2] });
      if (match[2] === "") break;
    }
    return lines;
  }

  function splitList(value) {
    return value
      .split(",")
      .map(pyStrip)
      .filter((item) => item !== "");
  }

  function makeFormat(options = {}) {
    const regencyNames = new Map();
    for (const [spelling, name] of Object.entries(options.regencies || {})) {
      regencyNames.set(normaliseKey(spelling), name);
    }
    const canonicalRegency = (value) => regencyNames.get(normaliseKey(value)) || value;

    // The value of a field as the form shows it.
    function formValue(key, values) {
      if (MULTILINE.has(key)) return values.join("\n");
      const value = values.join(" ");
      if (key === "regencies") return splitList(value).map(canonicalRegency);
      if (LISTS.has(key)) return splitList(value);
      if (key === "status") return value === "" ? "published" : value;
      return value;
    }

    function fromFile(content) {
      let text = content;
      const bom = text.startsWith("\ufeff") ? "\ufeff" : "";
      text = text.slice(bom.length);
      const lines = splitLines(text);
      const header = []; // {key, raw}: one item per key line and its continuations
      let index = 0;
      let opening = "";
      if (lines.length && BEGIN_RE.test(lines[0].text.replace(/[\u0002\u0003]/g, ""))) {
        opening = lines[0].text + lines[0].end;
        index = 1;
      }
      let closing = "";
      let direct = false;
      let current = null;
      for (; index < lines.length; index++) {
        const line = expandTabs(lines[index].text.replace(/[\u0002\u0003]/g, ""));
        const raw = lines[index].text + lines[index].end;
        if (pyStrip(line) === "" || END_RE.test(line)) {
          closing = raw;
          index++;
          break;
        }
        const meta = META_RE.exec(line);
        if (meta) {
          current = {
            key: meta[1].toLowerCase(),
            values: [pyStrip(meta[2].replace(LEAD_RE, ""))],
            raw,
          };
          header.push(current);
          continue;
        }
        const more = META_MORE_RE.exec(line);
        if (more && current) {
          current.values.push(pyStrip(more[1]));
          current.raw += raw;
          continue;
        }
        direct = true; // the first line of the body
        break;
      }
      const body = lines
        .slice(index)
        .map((line) => line.text + line.end)
        .join("");
      const data = {};
      const read = [];
      for (const item of header) {
        const first = !(item.key in data) && item.key !== "body" && item.key !== KEPT;
        const value = formValue(item.key, item.values);
        if (first) data[item.key] = value;
        read.push({ key: item.key, raw: item.raw, value: first ? value : undefined });
      }
      // No Status: line means published (the form's select needs a value).
      if (!("status" in data)) data.status = "published";
      data.body = body;
      data[KEPT] = { bom, opening, closing, direct, header: read, body };
      return data;
    }

    function oneLine(value) {
      return pyStrip(String(value).replace(/[\r\n]+/g, " "));
    }

    function lineFor(key, value) {
      const name = (CANONICAL.find(([field]) => field === key) || [key, key])[1];
      if (MULTILINE.has(key)) {
        const parts = String(value)
          .split(/\r\n|\r|\n/)
          .map(pyStrip)
          .filter((part) => part !== "");
        if (!parts.length) return "";
        return `${name}: ${parts.join("\n    ")}\n`;
      }
      let text;
      if (Array.isArray(value)) text = value.map(oneLine).filter(Boolean).join(", ");
      else if (key === "status") text = value === "published" ? "" : oneLine(value);
      else text = oneLine(value ?? "");
      return text === "" ? "" : `${name}: ${text}\n`;
    }

    // An edited body ends with one line break, as files written by hand do.
    function endLine(text) {
      const trimmed = text.replace(/[\r\n]+$/, "");
      return trimmed === "" ? "" : `${trimmed}\n`;
    }

    function same(a, b) {
      return JSON.stringify(a ?? "") === JSON.stringify(b ?? "");
    }

    // The Slug: of a new file, cut at a word to the build's limit.
    function slugify(title) {
      const slug = String(title)
        .normalize("NFKD")
        .replace(/[\u0300-\u036f]/g, "")
        .toLowerCase()
        .replace(/[^a-z0-9\s-]/g, "")
        .trim()
        .replace(/[\s_-]+/g, "-")
        .replace(/^-+|-+$/g, "");
      const limit = options.slugMax;
      if (!limit || slug.length <= limit) return slug;
      const cut = slug.slice(0, limit + 1).lastIndexOf("-");
      return cut > 0 ? slug.slice(0, cut) : slug.slice(0, limit);
    }

    function toFile(data) {
      const kept = data[KEPT];
      const fields = { ...data };
      delete fields[KEPT];
      const body = fields.body ?? "";
      delete fields.body;
      if (!kept) {
        // A new file: the canonical order, and a Slug so that correcting
        // the title later never moves the published URL.
        if (!fields.slug && fields.title) fields.slug = slugify(fields.title);
        let header = "";
        const known = CANONICAL.map(([key]) => key);
        for (const key of known) if (key in fields) header += lineFor(key, fields[key]);
        for (const key of Object.keys(fields).sort()) {
          if (!known.includes(key)) header += lineFor(key, fields[key]);
        }
        return `${header}\n${endLine(String(body).replace(/^[\r\n]+/, ""))}`;
      }
      // The file's own line break, for every line written anew.
      const eol = (/\r\n|\r|\n/.exec(kept.header.map((item) => item.raw).join("")) || [
        "\n",
      ])[0];
      const order = CANONICAL.map(([key]) => key);
      const rank = (key) => (order.includes(key) ? order.indexOf(key) : -1);
      const out = [];
      const written = new Set();
      for (const item of kept.header) {
        if (item.value === undefined || written.has(item.key)) {
          out.push({ key: item.key, text: item.raw }); // a repeated key: as it was
          continue;
        }
        written.add(item.key);
        const value = fields[item.key];
        if (same(value, item.value)) out.push({ key: item.key, text: item.raw });
        else {
          const line = lineFor(item.key, value); // "": the field was emptied
          if (line) out.push({ key: item.key, text: line.replace(/\n/g, eol) });
        }
      }
      for (const key of order) {
        if (written.has(key) || !(key in fields)) continue;
        const line = lineFor(key, fields[key]);
        if (!line) continue;
        // After the last present line that comes before it canonically.
        let at = 0;
        out.forEach((item, position) => {
          if (rank(item.key) !== -1 && rank(item.key) < rank(key)) at = position + 1;
        });
        out.splice(at, 0, { key, text: line.replace(/\n/g, eol) });
        written.add(key);
      }
      for (const key of Object.keys(fields).sort()) {
        if (written.has(key)) continue;
        const line = lineFor(key, fields[key]);
        if (line) out.push({ key, text: line.replace(/\n/g, eol) });
      }
      // A last line without a line break (a file that is only a header)
      // gets one when something now follows it.
      out.forEach((item, position) => {
        if (position < out.length - 1 && !/[\r\n]$/.test(item.text)) item.text += eol;
      });
      let header = out.map((item) => item.text).join("");
      const unchanged = same(body, kept.body);
      const text = unchanged ? kept.body : endLine(String(body));
      // The blank line that ended the header; none when the body's first
      // line ended it, unless the body was edited (it might look like "Key:").
      let closing = kept.closing;
      if (!closing && text && !(unchanged && kept.direct)) closing = eol;
      if (header && (closing || text) && !/[\r\n]$/.test(header)) header += eol;
      return kept.bom + kept.opening + header + closing + text;
    }

    return { fromFile, toFile, slugify, canonicalOrder: CANONICAL.map((pair) => pair[1]) };
  }

  if (typeof module === "object" && module.exports) module.exports = { makeFormat };
  else root.WartaFormat = { makeFormat };
})(this);
