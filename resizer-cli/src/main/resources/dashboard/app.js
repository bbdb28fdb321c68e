// The local dashboard: uploads through presigned S3 PUTs, a live list from server-sent events,
// a detail view comparing the original with a rendition, failures with a retry button, totals.
"use strict";

const $ = (id) => document.getElementById(id);
const api = (path, body) => fetch(path, {
  method: "POST",
  headers: { "Content-Type": "application/json", "X-Resizer-Dashboard": "1" },
  body: JSON.stringify(body),
}).then(async (r) => {
  const json = await r.json();
  if (!r.ok) throw new Error(json.error || r.statusText);
  return json;
});

function bytes(n) {
  if (n == null) return "";
  if (n < 1024) return n + " B";
  if (n < 1024 * 1024) return (n / 1024).toFixed(1) + " KB";
  return (n / 1024 / 1024).toFixed(1) + " MB";
}

// A rendition's size against its source: "(−84%)" smaller, "(+12% larger)" when it grew.
function saving(percent) {
  if (percent == null) return "";
  return percent >= 0 ? " (−" + percent + "%)" : " (+" + (-percent) + "% larger)";
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v == null) continue;
    if (k === "class") e.className = v; else if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v);
  }
  for (const c of children) if (c != null) e.append(c);
  return e;
}

// ---- upload ----
function upload(file) {
  const bar = el("progress", { max: 100, value: 0, "aria-label": "Upload of " + file.name });
  const pct = el("span", { class: "pct small muted" }, "0%");
  const row = el("li", {}, el("span", { class: "name" }, file.name), bar, pct);
  $("uploads").prepend(row);
  api("/api/uploads", { name: file.name }).then(({ url }) => new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    if (file.type) xhr.setRequestHeader("Content-Type", file.type);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) { bar.value = Math.round(100 * e.loaded / e.total); pct.textContent = bar.value + "%"; }
    };
    xhr.onload = () => (xhr.status < 300 ? resolve() : reject(new Error("S3 answered " + xhr.status)));
    xhr.onerror = () => reject(new Error("network error"));
    xhr.send(file);
  })).then(() => {
    bar.value = 100; pct.textContent = "uploaded"; row.dataset.done = "true";
  }).catch((e) => {
    pct.textContent = "failed"; row.dataset.done = "failed"; row.title = e.message;
  });
}

function wireUpload() {
  const drop = $("drop");
  $("files").addEventListener("change", (e) => { [...e.target.files].forEach(upload); e.target.value = ""; });
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault(); drop.classList.remove("over");
    [...e.dataTransfer.files].forEach(upload);
  });
}

// ---- state ----
let state = null;

function renderTotals(t) {
  const items = [["Images", t.images], ["Failures", t.failures], ["Bytes in", bytes(t.bytesIn)],
    ["Bytes out", bytes(t.bytesOut)], ["Median", t.medianMillis + " ms"], ["p95", t.p95Millis + " ms"]];
  $("totals").replaceChildren(...items.map(([k, v]) => el("div", {}, el("dt", {}, k), el("dd", {}, String(v)))));
}

function renderChart(values) {
  const svg = $("chart");
  const max = Math.max(1, ...values);
  const w = 300 / Math.max(values.length, 30);
  const ns = "http://www.w3.org/2000/svg";
  svg.replaceChildren(...values.map((v, i) => {
    const r = document.createElementNS(ns, "rect");
    const h = Math.max(1, 58 * v / max);
    r.setAttribute("x", i * w); r.setAttribute("width", Math.max(1, w - 1));
    r.setAttribute("y", 60 - h); r.setAttribute("height", h);
    const title = document.createElementNS(ns, "title"); title.textContent = v + " ms"; r.append(title);
    return r;
  }));
}

function renderFailures(failures) {
  $("no-failures").hidden = failures.length > 0;
  $("failures").replaceChildren(...failures.map((f) => {
    const button = el("button", { class: "button secondary", type: "button", "aria-label": "Retry " + f.key }, "Retry");
    const note = el("span", { class: "small", role: "status" });
    button.addEventListener("click", () => {
      button.disabled = true; note.textContent = " retrying…";
      api("/api/retry", { key: f.key }).then((r) => { note.textContent = " " + r.line; })
        .catch((e) => { note.textContent = " " + e.message; })
        .finally(() => { button.disabled = false; refresh(); });
    });
    return el("li", { "data-key": f.key },
      el("div", {}, el("strong", {}, f.key), " ", el("span", { class: "reason" }, f.reason),
        el("span", { class: "small muted" }, " · attempts " + f.attempts + " · last " + new Date(f.lastFailed).toLocaleTimeString())),
      el("div", { class: "small" }, f.message), button, note);
  }));
}

function renderSources(activity) {
  $("no-sources").hidden = activity.length > 0;
  $("sources").replaceChildren(...activity.map((a) => {
    const smallest = [...a.renditions].filter((r) => r.url).sort((x, y) => x.bytes - y.bytes)[0];
    const thumb = smallest ? el("img", { class: "thumb", src: smallest.url, alt: "", loading: "lazy" }) : el("div", { class: "thumb" });
    const name = a.key.split("/").pop();
    const open = a.renditions.length && a.sourceUrl
      ? el("button", { class: "button secondary", type: "button", "aria-label": "Compare " + name, onclick: () => openDetail(a) }, "Compare")
      : null;
    return el("li", { "data-key": a.key, "data-status": a.status }, thumb,
      el("div", {},
        el("div", {}, el("span", { class: "name" }, a.key), el("span", { class: "status " + a.status }, a.status),
          el("span", { class: "small muted" }, " " + (a.bytesIn ? bytes(a.bytesIn) + " · " : "") + a.millis + " ms")),
        a.status === "failed" ? el("div", { class: "small" }, (a.reason ? a.reason + ": " : "") + a.detail) : null,
        a.status !== "processed" && a.status !== "failed" ? el("div", { class: "small muted" }, a.detail) : null,
        el("ul", { class: "renditions" }, ...a.renditions.map((r) => el("li", {},
          el("strong", {}, r.name), " " + r.width + "×" + r.height + " " + r.format + " " + bytes(r.bytes)
            + saving(r.saving)))),
        open));
  }));
}

function render() {
  if (!state) return;
  $("where").textContent = "Watching s3://" + state.watching.bucket + "/" + state.watching.prefix
    + " · writing to s3://" + state.writing.bucket + "/";
  renderTotals(state.totals);
  renderChart(state.chart);
  renderFailures(state.failures);
  renderSources(state.activity);
}

// One fetch at a time. An activity announced while one is in flight may be newer than the state it
// brings back, so that fetch is followed by one more; without it the last of two images finishing
// together stayed missing from the page until the next activity.
let pending = null;
let stale = false;
function refresh() {
  if (pending) {
    stale = true;
    return pending;
  }
  stale = false;
  pending = fetch("/api/state").then((r) => r.json()).then((s) => { state = s; render(); })
    .finally(() => {
      pending = null;
      if (stale) refresh();
    });
  return pending;
}

// ---- detail ----
function openDetail(a) {
  const select = $("detail-rendition");
  const shown = a.renditions.filter((r) => r.url);
  select.replaceChildren(...shown.map((r, i) => el("option", { value: i }, r.name + " " + r.width + "×" + r.height)));
  const show = () => {
    const r = shown[select.value];
    $("detail-original").src = a.sourceUrl;
    $("detail-rendition-img").src = r.url;
    $("detail-facts").textContent = r.key + ": " + r.width + "×" + r.height + " " + r.format + ", " + bytes(r.bytes)
      + (r.saving != null ? saving(r.saving) + " against the original's " + bytes(a.bytesIn) : "");
  };
  select.onchange = show;
  $("detail-original").onload = (e) => {
    $("detail-facts").textContent += " · original " + e.target.naturalWidth + "×" + e.target.naturalHeight;
  };
  show();
  $("detail-srcset").textContent = "(no manifest)";
  $("detail-manifest").textContent = "";
  fetch("/api/detail?key=" + encodeURIComponent(a.key)).then((r) => r.json()).then((d) => {
    if (d.html) $("detail-srcset").textContent = d.html;
    if (d.manifest) $("detail-manifest").textContent = JSON.stringify(JSON.parse(d.manifest), null, 2);
  });
  $("detail-title").textContent = a.key;
  $("detail").showModal();
}

function wireDetail() {
  const slider = $("detail-slider");
  const clip = () => { $("compare-top").style.clipPath = "inset(0 0 0 " + slider.value + "%)"; };
  slider.addEventListener("input", clip);
  clip();
}

// ---- live updates ----
function listen() {
  const events = new EventSource("/api/events");
  events.addEventListener("activity", refresh);
  events.onopen = refresh;
}

wireUpload();
wireDetail();
listen();
refresh();
