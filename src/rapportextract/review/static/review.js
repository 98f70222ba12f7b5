// The review page: pages with their facts outlined, and the facts of the page beside them.
"use strict";

const TOKEN = document.body.dataset.token;
const UNITS = ["EUR", "count", "percent"];
const QUALIFIERS = ["exact", "approx", "more_than", "less_than", "at_least", "at_most"];
const KINDS = ["level", "change"];
const SCOPES = ["national", "organisation", "region", "unknown"];
const SVG = "http://www.w3.org/2000/svg";

const ui = { state: null, doc: 0, page: 1, fact: null, adding: false, draft: null };
const $ = (id) => document.getElementById(id);

async function api(path, body) {
  const options = body === undefined ? { headers: { "X-Review-Token": TOKEN } } : {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Review-Token": TOKEN },
    body: JSON.stringify(body),
  };
  const response = await fetch(path, options);
  const data = await response.json();
  if (!response.ok) throw new Error(data.error || response.statusText);
  return data;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (key === "class") node.className = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(key, value);
  }
  for (const child of children) node.append(child);
  return node;
}

// What a fact says now: the reviewer's corrections over the extractor's reading.
function shown(fact) {
  const r = fact.review;
  if (r && (r.action === "correct" || r.action === "add")) {
    const out = { ...fact, ...r.fields };
    out.label = labelOf(out.concept);
    return out;
  }
  return fact;
}

// A value as a Dutch reader writes it: 113.000, € 205.000.000, 1,1%.
function formatValue(value, unit) {
  const [whole, fraction] = String(value).split(".");
  const sign = whole.startsWith("-") ? "-" : "";
  const digits = whole.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ".");
  const number = sign + digits + (fraction ? "," + fraction : "");
  if (unit === "percent") return `${number}%`;
  return unit === "EUR" ? `€ ${number}` : number;
}

function labelOf(concept) {
  const found = ui.state.catalogue.find((c) => c.id === concept);
  return found ? found.label : "";
}

function statusOf(fact) {
  if (!fact.review) return "todo";
  return { accept: "accepted", reject: "rejected", correct: "corrected", add: "added" }[fact.review.action];
}

function report() { return ui.state.reports[ui.doc]; }

function passes(fact) {
  if ($("f-low").checked && !(fact.confidence < ui.state.low_confidence)) return false;
  if ($("f-noconcept").checked && shown(fact).concept) return false;
  if ($("f-conflict").checked && !fact.conflict) return false;
  if ($("f-todo").checked && fact.review) return false;
  return true;
}

function visible() { return report().facts.filter(passes); }

function reviewedCount(r) { return r.facts.filter((f) => f.review).length; }

async function load(keep = true) {
  ui.state = await api("/api/state");
  if (!keep) ui.doc = 0;
  $("review-file").textContent = ui.state.review_file;
  $("problems").textContent = ui.state.problems.join("\n");
  renderReports();
  render();
}

function renderReports() {
  const select = $("report");
  select.replaceChildren(...ui.state.reports.map((r) => el("option", { value: r.index },
    `${r.name} (${reviewedCount(r)} of ${r.facts.length} reviewed)`)));
  select.value = ui.doc;
  const r = report();
  $("count").textContent = `${reviewedCount(r)} of ${r.facts.length} reviewed`;
}

function render() {
  const r = report();
  ui.page = Math.min(Math.max(ui.page, 1), Math.max(r.pages, 1));
  $("page-label").textContent = `page ${ui.page} of ${r.pages}`;
  $("add-mode").classList.toggle("on", ui.adding);
  $("hint").textContent = ui.adding
    ? (r.source_type === "pdf" ? "drag a rectangle over the figure's words" : "select the figure's words, then press Add")
    : "";
  renderPage(r);
  renderFacts(r);
}

function renderPage(r) {
  const holder = $("page");
  if (r.problem) { holder.replaceChildren(el("p", { class: "problem" }, r.problem)); return; }
  if (r.source_type !== "pdf") { renderText(r, holder); return; }
  const key = `${r.index}/${ui.page}`;
  let frame = holder.querySelector(".frame");
  if (!frame || frame.dataset.key !== key) {
    const img = el("img", { src: `/api/page/${r.index}/${ui.page}?token=${TOKEN}`, alt: `page ${ui.page}` });
    frame = el("div", { class: "frame", "data-key": key }, img);
    holder.replaceChildren(frame);
    img.addEventListener("load", () => drawBoxes(frame, img));
    return;
  }
  const img = frame.querySelector("img");
  if (img.complete) drawBoxes(frame, img);
}

function drawBoxes(frame, img) {
  const r = report();
  const scale = 72 / ui.state.resolution;
  const width = img.naturalWidth * scale, height = img.naturalHeight * scale;
  const svg = document.createElementNS(SVG, "svg");
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  svg.classList.add("boxes");
  if (ui.adding) svg.classList.add("adding");
  for (const fact of r.facts.filter((f) => f.page === ui.page && f.bbox)) {
    const [x0, top, x1, bottom] = shown(fact).bbox || fact.bbox;
    const rect = document.createElementNS(SVG, "rect");
    rect.setAttribute("x", x0 - 1.5); rect.setAttribute("y", top - 1.5);
    rect.setAttribute("width", x1 - x0 + 3); rect.setAttribute("height", bottom - top + 3);
    rect.setAttribute("class", `box ${statusOf(fact)} ${fact.origin}` +
      (fact.id === ui.fact ? " selected" : "") + (passes(fact) ? "" : " filtered"));
    rect.dataset.id = fact.id;
    const title = document.createElementNS(SVG, "title");
    const s = shown(fact);
    title.textContent = `${formatValue(s.value, s.unit)} ${s.period} ${s.label || s.concept || "(no concept)"}`;
    rect.append(title);
    rect.addEventListener("click", (e) => { if (!ui.adding) { e.stopPropagation(); select(fact.id); } });
    svg.append(rect);
  }
  dragToAdd(svg, scale, img);
  frame.querySelector("svg")?.remove();
  frame.append(svg);
}

function dragToAdd(svg, scale, img) {
  let start = null, band = null;
  const point = (e) => {
    const box = svg.getBoundingClientRect();
    const k = (img.naturalWidth * scale) / box.width;
    return [(e.clientX - box.left) * k, (e.clientY - box.top) * k];
  };
  svg.addEventListener("mousedown", (e) => {
    if (!ui.adding) return;
    e.preventDefault();
    start = point(e);
    band = document.createElementNS(SVG, "rect");
    band.setAttribute("class", "band");
    svg.append(band);
  });
  svg.addEventListener("mousemove", (e) => {
    if (!start) return;
    const [x, y] = point(e);
    band.setAttribute("x", Math.min(x, start[0])); band.setAttribute("y", Math.min(y, start[1]));
    band.setAttribute("width", Math.abs(x - start[0])); band.setAttribute("height", Math.abs(y - start[1]));
  });
  svg.addEventListener("mouseup", async (e) => {
    if (!start) return;
    const [x, y] = point(e);
    const rect = [Math.min(x, start[0]), Math.min(y, start[1]), Math.max(x, start[0]), Math.max(y, start[1])];
    start = null;
    $("hint").textContent = "reading the words in the rectangle…";
    let found;
    try { found = await api("/api/words", { doc: ui.doc, page: ui.page, rect }); }
    catch (err) { band.remove(); $("hint").textContent = err.message; return; }
    if (!found.text) { band.remove(); $("hint").textContent = "no words in that rectangle; try again"; return; }
    $("hint").textContent = "check the figure's fields, then press Add";
    openAdd(found);
  });
}

async function renderText(r, holder) {
  const key = `${r.index}/${ui.page}`;
  if (holder.dataset.key === key && holder.querySelector("pre")) return;
  holder.dataset.key = key;
  const pre = el("pre", { class: "text-page" }, "…");
  const add = el("button", { class: "add", onclick: async () => {
    const text = window.getSelection().toString();
    if (!text.trim()) { $("hint").textContent = "select the figure's words first"; return; }
    openAdd(await api("/api/words", { doc: ui.doc, page: ui.page, text }));
  } }, "Add selected words");
  holder.replaceChildren(el("p", { class: "hint" }, "A text report has no page image: its text is shown. "), add, pre);
  try { pre.textContent = (await api(`/api/text/${r.index}/${ui.page}`)).text; }
  catch (err) { pre.textContent = err.message; }
}

function fieldInputs(values, prefix) {
  const concept = el("select", { name: "concept" }, el("option", { value: "" }, "(no concept)"),
    ...ui.state.catalogue.map((c) => el("option", { value: c.id }, `${c.label} (${c.id})`)));
  concept.value = values.concept || "";
  const choice = (name, options) => {
    const s = el("select", { name }, ...options.map((o) => el("option", { value: o }, o)));
    s.value = values[name] ?? options[0];
    return s;
  };
  const rows = [
    ["value", el("input", { name: "value", value: values.value ?? "", inputmode: "decimal", required: true })],
    ["unit", choice("unit", UNITS)],
    ["period", el("input", { name: "period", value: values.period ?? "", required: true })],
    ["concept", concept],
    ["qualifier", choice("qualifier", QUALIFIERS)],
    ["kind", choice("kind", KINDS)],
    ["scope", choice("scope", SCOPES)],
    ["scope name", el("input", { name: "scope_name", value: values.scope_name ?? "",
      placeholder: "the organisation or region" })],
  ];
  return rows.map(([name, input]) => { input.id = `${prefix}-${input.name}`; return el("label", {}, el("span", {}, name), input); });
}

function readFields(form) {
  const out = {};
  for (const name of ["value", "unit", "period", "concept", "qualifier", "kind", "scope", "scope_name"]) {
    out[name] = form.elements[name].value.trim();
  }
  return out;
}

function renderFacts(r) {
  const list = $("facts");
  const facts = visible().filter((f) => f.page === ui.page);
  $("facts-title").textContent = `Facts on page ${ui.page} (${facts.length})`;
  list.replaceChildren(...facts.map((fact) => factCard(fact)));
  if (!facts.length) list.append(el("li", { class: "empty" }, "No facts on this page under these filters."));
  list.querySelector(".selected")?.scrollIntoView({ block: "nearest" });
}

function factCard(fact) {
  const s = shown(fact);
  const status = statusOf(fact);
  const selected = fact.id === ui.fact;
  const card = el("li", { class: `card ${status}` + (selected ? " selected" : ""), "data-id": fact.id,
    onclick: () => { if (!selected) select(fact.id); } });
  const flags = [];
  if (fact.confidence < ui.state.low_confidence) flags.push(el("span", { class: "flag low" }, "low confidence"));
  if (fact.conflict) flags.push(el("span", { class: "flag conflict" }, "in conflict"));
  if (!s.concept) flags.push(el("span", { class: "flag noconcept" }, "no concept"));
  card.append(
    el("div", { class: "head" },
      el("strong", { class: "value" }, formatValue(s.value, s.unit)),
      el("span", { class: "period" }, s.period),
      el("span", { class: `status ${status}` }, status === "todo" ? "not reviewed" : status)),
    el("div", { class: "concept" }, s.label || s.concept || "(no concept)"),
    el("div", { class: "meta" },
      `${s.unit} · ${s.qualifier} · ${s.kind} · ${s.scope_name ? `${s.scope}: ${s.scope_name}` : s.scope} · confidence ${fact.confidence.toFixed(2)} · ${fact.origin}`),
    el("div", { class: "flags" }, ...flags),
    el("p", { class: "sentence" }, sentence(fact)),
  );
  if (selected) {
    const form = el("form", { class: "fields" }, ...fieldInputs(s, "edit"));
    form.addEventListener("submit", (e) => { e.preventDefault(); decide("correct", readFields(form)); });
    card.append(form, el("div", { class: "actions" },
      el("button", { type: "button", class: "accept", onclick: () => decide("accept") }, "Accept (a)"),
      el("button", { type: "button", class: "reject", onclick: () => decide("reject") }, "Reject (r)"),
      el("button", { type: "button", class: "primary", onclick: () => decide("correct", readFields(form)) }, "Save correction")));
  }
  return card;
}

function sentence(fact) {
  const text = fact.sentence, at = text.indexOf(fact.text);
  if (at < 0 || !fact.text) return text;
  const span = document.createElement("span");
  span.append(text.slice(0, at), el("mark", {}, fact.text), text.slice(at + fact.text.length));
  return span;
}

function select(id) {
  const fact = report().facts.find((f) => f.id === id);
  if (!fact) return;
  ui.fact = id;
  ui.page = fact.page;
  render();
}

function step(delta) {
  const facts = visible();
  if (!facts.length) return;
  const at = facts.findIndex((f) => f.id === ui.fact);
  const next = at < 0 ? (delta > 0 ? 0 : facts.length - 1) : Math.min(Math.max(at + delta, 0), facts.length - 1);
  select(facts[next].id);
}

async function decide(action, fields) {
  if (!ui.fact) return;
  const fact = report().facts.find((f) => f.id === ui.fact);
  const moveOn = action !== "correct";
  if (action === "accept" && fact?.review?.action === "correct") {
    // Accepting a corrected fact confirms the correction, not the extractor's reading.
    action = "correct";
    fields = fact.review.fields;
  }
  const order = visible().map((f) => f.id);
  const at = order.indexOf(ui.fact);
  try {
    await api("/api/decide", { doc: ui.doc, fact_id: ui.fact, action, fields: fields || {} });
    await load();
  } catch (err) { $("hint").textContent = err.message; return; }
  if (!moveOn) return;
  // On to the next fact of the list as it was (a filter may have taken this one out).
  const now = new Set(visible().map((f) => f.id));
  const next = order.slice(at + 1).find((id) => now.has(id));
  if (next) select(next);
}

function openAdd(found) {
  const form = $("add-form");
  ui.draft = found;
  $("add-text").textContent = found.text;
  const values = { unit: "count", qualifier: "exact", kind: "level", ...found.suggestion };
  $("add-fields").replaceChildren(...fieldInputs(values, "add"));
  form.hidden = false;
  form.elements.value.focus();
}

$("add-form").addEventListener("submit", async (e) => {
  e.preventDefault();
  const fields = { ...readFields(e.target), page: ui.page, text: ui.draft.text };
  if (ui.draft.bbox) fields.bbox = ui.draft.bbox;
  try {
    const made = await api("/api/decide", { doc: ui.doc, action: "add", fields });
    e.target.hidden = true;
    ui.adding = false;
    ui.fact = made.fact_id;
    await load();
  } catch (err) { $("hint").textContent = err.message; }
});
$("add-cancel").addEventListener("click", () => { $("add-form").hidden = true; render(); });
$("add-mode").addEventListener("click", () => { ui.adding = !ui.adding; render(); });
$("prev-page").addEventListener("click", () => { ui.page -= 1; render(); });
$("next-page").addEventListener("click", () => { ui.page += 1; render(); });
$("report").addEventListener("change", (e) => {
  ui.doc = Number(e.target.value); ui.page = 1; ui.fact = null;
  e.target.blur(); // the keys go to the page again
  renderReports(); render(); step(1);
});
for (const id of ["f-low", "f-noconcept", "f-conflict", "f-todo"]) $(id).addEventListener("change", render);

document.addEventListener("keydown", (e) => {
  if (e.target.closest("input:not([type=checkbox]), select, textarea") || e.ctrlKey || e.metaKey || e.altKey) return;
  const keys = { a: () => decide("accept"), r: () => decide("reject"), j: () => step(1), n: () => step(1), k: () => step(-1) };
  if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
});

load(false).then(() => step(1)).catch((err) => { $("page").textContent = err.message; });
