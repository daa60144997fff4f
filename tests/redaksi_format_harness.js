// Runs newsroom/redaksi/admin/format.js for tests/test_redaksi_format.py:
// one JSON request per line on stdin, one JSON answer per line on stdout.
//   {"regencies": {...}, "slugMax": 200}      set the registry spellings, slug limit
//   {"text": "...", "mode": "unedited"}       toFile(fromFile(text))
//   {"text": "...", "mode": "rewrite"}        every field and the body written again
//   {"text": "...", "mode": "edit", "edit": {"title": "..."}}
//   {"data": {...}, "mode": "new"}            toFile(data) of a new entry
"use strict";
const path = require("path");
const readline = require("readline");
const { makeFormat } = require(
  path.join(__dirname, "..", "newsroom", "redaksi", "admin", "format.js")
);

let format = makeFormat({});
const lines = readline.createInterface({ input: process.stdin });
lines.on("line", (line) => {
  const request = JSON.parse(line);
  let answer;
  try {
    if (request.regencies) {
      format = makeFormat({ regencies: request.regencies, slugMax: request.slugMax });
      answer = { ok: true };
    } else if (request.mode === "new") {
      answer = { text: format.toFile(request.data) };
    } else {
      const data = format.fromFile(request.text);
      if (request.mode === "rewrite") {
        for (const item of data._pelican.header) {
          if (item.value !== undefined) item.value = { rewritten: true };
        }
        data._pelican.body = { rewritten: true };
      }
      Object.assign(data, request.edit || {});
      const form = { ...data };
      delete form._pelican;
      answer = { text: format.toFile(data), form };
    }
  } catch (error) {
    answer = { error: String(error && error.stack) };
  }
  process.stdout.write(JSON.stringify(answer) + "\n");
});
