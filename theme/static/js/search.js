// Search page: Pagefind's JS API with a small Indonesian UI.
// The only script of the site; every other page works without JavaScript.
const form = document.querySelector("[data-search]");
const input = form.querySelector("#q");
const regencySelect = form.querySelector("#kabupaten");
const yearSelect = form.querySelector("#tahun");
const status = document.querySelector(".search-status");
const results = document.querySelector(".search-results");
const text = form.dataset;
let pagefind; // the promise of the loaded engine

// The index is split into shards by date, newest first (see the search_index
// plugin): the first is loaded, the others merged into it. Loaded once: the
// filters and the first search may ask for it at the same time.
const root = new URL(text.root, location.href); // the site's root, sub-path included
const bundles = text.bundles.split(" ").filter(Boolean);
// The first shard's and every merged one's. Result URLs are paths from the
// site root ("/berita/…"): the root is given, not left to Pagefind's guess
// from where its bundle is, so a SITEURL with a sub-path ("/warta/") works.
const shardOptions = { excerptLength: 30, baseUrl: root.pathname };
let latest = 0; // the newest search; an older one never shows its results

function engine() {
  pagefind ??= (async () => {
    const [first, ...others] = bundles;
    if (!first) throw new Error("no search index");
    const loaded = await import(new URL(`${first}pagefind.js`, root).href);
    await loaded.options(shardOptions);
    await loaded.init();
    await Promise.all(
      others.map((bundle) => loaded.mergeIndex(new URL(bundle, root).href, shardOptions)),
    );
    return loaded;
  })();
  // A failed load (network, server) is not remembered: the next search retries.
  pagefind.catch(() => {
    pagefind = undefined;
  });
  return pagefind;
}

function showFailure() {
  status.textContent = bundles.length ? text.statusFailed : text.statusUnavailable;
}

function option(select, value, count) {
  const item = document.createElement("option");
  item.value = value;
  item.textContent = `${value} (${count})`;
  select.append(item);
}

async function loadFilters() {
  const filters = await (await engine()).filters();
  const regencies = Object.entries(filters.kabupaten || {}).sort(([a], [b]) => a.localeCompare(b, "id"));
  const years = Object.entries(filters.tahun || {}).sort(([a], [b]) => b.localeCompare(a));
  for (const [value, count] of regencies) option(regencySelect, value, count);
  for (const [value, count] of years) option(yearSelect, value, count);
  regencySelect.disabled = false;
  yearSelect.disabled = false;
}

// Pagefind marks matches with <mark>; build the excerpt from text nodes only.
// Each part is parsed inside a <p>: parsed alone, the space that follows a
// match was dropped as whitespace before the body ("Penyaluranbantuan").
function excerpt(html) {
  const paragraph = document.createElement("p");
  for (const [index, part] of html.split(/<\/?mark>/).entries()) {
    const node = document.createTextNode(
      new DOMParser().parseFromString(`<p>${part}</p>`, "text/html").body.textContent,
    );
    if (index % 2) {
      const mark = document.createElement("mark");
      mark.append(node);
      paragraph.append(mark);
    } else {
      paragraph.append(node);
    }
  }
  return paragraph;
}

// The release's 320w JPEG (search_record.html), beside the headline that
// names the link: decorative here (alt=""), its size reserved before it loads.
function thumbnail(data) {
  const image = document.createElement("img");
  image.className = "thumb";
  image.src = new URL(data.meta.image, root).href;
  image.alt = "";
  image.loading = "lazy";
  image.decoding = "async";
  if (data.meta.image_width && data.meta.image_height) {
    image.width = Number(data.meta.image_width);
    image.height = Number(data.meta.image_height);
  }
  return image;
}

function chosenFilters() {
  const filters = {};
  if (regencySelect.value) filters.kabupaten = regencySelect.value;
  if (yearSelect.value) filters.tahun = yearSelect.value;
  return filters;
}

async function run() {
  const mine = ++latest;
  try {
    await search(mine);
  } catch (error) {
    if (mine === latest) {
      results.replaceChildren();
      showFailure();
    }
  }
}

async function search(mine) {
  const query = input.value.trim();
  const filters = chosenFilters();
  const params = new URLSearchParams();
  if (query) params.set("q", query);
  for (const [key, value] of Object.entries(filters)) params.set(key, value);
  history.replaceState(null, "", params.size ? `?${params}` : location.pathname);
  results.replaceChildren();
  if (!query && !Object.keys(filters).length) {
    status.textContent = "";
    return;
  }
  status.textContent = text.statusLoading;
  const found = await (await engine()).search(query || null, { filters });
  const shown = await Promise.all(found.results.slice(0, 20).map((hit) => hit.data()));
  if (mine !== latest) return; // a newer search (another query or filter) took over
  results.replaceChildren();
  status.textContent = found.results.length
    ? text.statusCount.replace("%(count)s", found.results.length)
    : text.statusEmpty;
  for (const data of shown) {
    const item = document.createElement("li");
    if (data.meta.image) item.append(thumbnail(data));
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = new URL(data.url, root).href;
    link.textContent = data.meta.title;
    heading.append(link);
    item.append(heading);
    if (data.meta.date) {
      const date = document.createElement("p");
      date.className = "meta";
      date.textContent = new Date(data.meta.date).toLocaleDateString("id-ID", {
        weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Asia/Makassar",
      });
      item.append(date);
    }
    item.append(excerpt(data.excerpt));
    results.append(item);
  }
}

let timer;
form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
input.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(run, 250);
});
regencySelect.addEventListener("change", run);
yearSelect.addEventListener("change", run);

const params = new URLSearchParams(location.search);
input.value = params.get("q") || "";
loadFilters().then(
  () => {
    regencySelect.value = params.get("kabupaten") || "";
    yearSelect.value = params.get("tahun") || "";
    if (input.value || regencySelect.value || yearSelect.value) run();
  },
  () => {
    // No index (no release published yet), or it failed to load: say which.
    showFailure();
    if (!bundles.length) input.disabled = true;
  },
);
