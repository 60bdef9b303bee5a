// cvgen serve's page: follows the server's state (server-sent events on /events) and shows it
// in place: the web page's document is swapped inside its frame, the PDF's page images one by
// one once decoded, so nothing flashes and both keep their scroll position. Nothing here
// fetches from anywhere but this server (its Content-Security-Policy says so too), and no
// text from the CV is ever parsed as markup in this page (textContent only).
"use strict";

const byId = (id) => document.getElementById(id);
const frame = byId("cv");
const shown = { html: null, pages: [], offers: "" };
let latest = null;
let drawing = false;

function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function count(n, noun) {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}

function setStatus(kind, text) {
  const status = byId("status");
  status.dataset.kind = kind;
  status.textContent = text;
}

// States may come faster than they can be drawn: draw the newest, one at a time.
function receive(state) {
  latest = state;
  if (!drawing) draw();
}

async function draw() {
  drawing = true;
  while (latest) {
    const state = latest;
    latest = null;
    try {
      await show(state);
    } catch (error) {
      setStatus("error", `This page could not show the preview: ${error}`);
    }
  }
  drawing = false;
}

async function show(state) {
  showChoices(state.offers, state.choice);
  showProblems(state.problems);
  const asText = state.choice.view !== "cv" && state.text !== null;
  document.body.dataset.view = asText ? "text" : "cv";
  if (asText) {
    byId("text").textContent = state.text;
  } else if (state.html && state.html !== shown.html) {
    await showHtml(state.html);
  }
  await showPages(state.pages, state.pdf, state.note);
  const failed = state.problems.some((p) => p.severity === "error");
  document.body.dataset.empty = String(failed && !shown.html && !asText);
  showStatus(state);
  document.body.dataset.version = String(state.version);
}

// --- the web page --------------------------------------------------------------------------

function loadFrame(url) {
  return new Promise((resolve) => {
    frame.addEventListener("load", resolve, { once: true });
    frame.src = url;
  });
}

async function showHtml(url) {
  const doc = frame.contentDocument;
  if (!shown.html || !doc || !doc.body) {
    await loadFrame(url);
    openLinksOutside(frame.contentDocument);
  } else {
    const response = await fetch(url);
    if (!response.ok) return; // replaced meanwhile: a newer state follows
    // Parsed by the frame's own parser: the new document is the frame's, under its policy.
    const parser = new frame.contentWindow.DOMParser();
    const fresh = parser.parseFromString(await response.text(), "text/html");
    openLinksOutside(fresh); // before the comparison: unchanged links compare equal
    swapDocument(doc, fresh);
  }
  shown.html = url;
  document.body.dataset.html = url;
}

// The new page in place of the old, in one task: no reload, no flash. Only what changed is
// replaced (a section, an entry): the rest keeps its nodes, and the browser its layout of them.
function swapDocument(doc, fresh) {
  const view = frame.contentWindow;
  const [x, y] = [view.scrollX, view.scrollY];
  morph(doc.documentElement, fresh.documentElement, MORPH_DEPTH);
  view.scrollTo(x, y);
}

const MORPH_DEPTH = 6; // html, body, article, section, entry list, entry

function morph(old, fresh, depth) {
  for (const { name } of [...old.attributes]) {
    if (!fresh.hasAttribute(name)) old.removeAttribute(name);
  }
  for (const { name, value } of [...fresh.attributes]) {
    if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  }
  const [before, after] = [[...old.childNodes], [...fresh.childNodes]];
  const alike =
    before.length === after.length && before.every((n, i) => n.nodeName === after[i].nodeName);
  const doc = old.ownerDocument;
  if (!alike || depth === 0) {
    old.replaceChildren(...after.map((node) => doc.importNode(node, true)));
    return;
  }
  before.forEach((node, i) => {
    if (node.isEqualNode(after[i])) return;
    if (node.nodeType === Node.ELEMENT_NODE) morph(node, after[i], depth - 1);
    else node.replaceWith(doc.importNode(after[i], true));
  });
}

// A link in the CV opens in a new tab, and the preview stays.
function openLinksOutside(doc) {
  if (!doc) return;
  for (const link of doc.querySelectorAll("a[href]")) {
    if (!link.getAttribute("href").startsWith("#")) {
      link.target = "_blank";
      link.rel = "noopener noreferrer";
    }
  }
}

// --- the PDF -------------------------------------------------------------------------------

function overlaps(element, box) {
  const [a, b] = [element.getBoundingClientRect(), box.getBoundingClientRect()];
  return a.bottom > b.top && a.top < b.bottom;
}

function decoded(url) {
  const image = new Image();
  image.src = url;
  return image.decode().catch(() => null);
}

async function showPages(urls, pdf, note) {
  const link = byId("pdf-link");
  link.hidden = !pdf;
  if (pdf) link.href = pdf;
  document.body.dataset.pdf = pdf || "";
  byId("pdf-note").hidden = !note;
  byId("pdf-note").textContent = note;
  if (urls.length === shown.pages.length && urls.every((url, i) => url === shown.pages[i])) {
    return;
  }
  // The new pages in view are decoded before they replace the old: no blank page flashes.
  const box = byId("pages");
  const inView = (i) => !box.children[i] || overlaps(box.children[i], box);
  const fresh = urls.filter((url, i) => url !== shown.pages[i] && inView(i));
  await Promise.all(fresh.map(decoded));
  urls.forEach((url, i) => {
    let page = box.children[i];
    if (!page) {
      page = element("img", "page");
      page.alt = `Page ${i + 1} of the PDF`;
      box.append(page);
    }
    if (page.getAttribute("src") !== url) page.src = url;
  });
  while (box.children.length > urls.length) box.lastElementChild.remove();
  shown.pages = urls;
  document.body.dataset.pages = urls.join(" ");
  showPageNumber();
}

function showPageNumber() {
  const box = byId("pages");
  const pages = [...box.children];
  const line = box.scrollTop + box.clientHeight / 3;
  const index = Math.max(0, pages.findIndex((p) => p.offsetTop + p.offsetHeight > line));
  byId("page-of").textContent = pages.length ? `Page ${index + 1} of ${pages.length}` : "";
}

// --- problems and status -------------------------------------------------------------------

function problemItem(problem) {
  const item = element("li", `problem ${problem.severity}`);
  const where = element("p", "where");
  where.append(element("span", "badge", problem.severity));
  if (problem.file) {
    const place = problem.line ? `${problem.file}:${problem.line}` : problem.file;
    where.append(element("code", "file", place));
  }
  if (problem.field) where.append(element("code", "field", problem.field));
  item.append(where, element("p", "message", problem.message));
  if (problem.quote.length) {
    const quote = element("pre", "quote");
    for (const line of problem.quote) {
      const row = element(line.here ? "mark" : "span", "line");
      row.append(element("span", "number", String(line.number)), line.text || " ");
      quote.append(row);
    }
    item.append(quote);
  }
  return item;
}

function showProblems(problems) {
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const section = byId("problems");
  section.hidden = problems.length === 0;
  section.dataset.kind = errors ? "error" : "warning";
  byId("problem-list").replaceChildren(...problems.map(problemItem));
  const listed = [errors && count(errors, "error"), warnings && count(warnings, "warning")];
  const title = listed.filter(Boolean).join(" and ");
  const kept = shown.html || shown.pages.length ? "the preview below is the last good one" : "";
  byId("problems-title").textContent = errors && kept ? `${title}: ${kept}` : title;
}

function showStatus(state) {
  const errors = state.problems.some((p) => p.severity === "error");
  const seconds = Object.entries(state.seconds)
    .map(([what, s]) => `${{ html: "web page", pdf: "PDF" }[what] || what} ${s.toFixed(2)} s`)
    .join(", ");
  if (state.building && !state.typesetting) setStatus("building", "Updating…");
  else if (state.typesetting) setStatus("building", "Typesetting the PDF…");
  else if (errors) setStatus("error", "Errors: see above");
  else setStatus("ok", `Up to date ${new Date().toLocaleTimeString()} · ${seconds}`);
}

// --- the switcher --------------------------------------------------------------------------

function defaultLabel(name, offers) {
  if (name === "variant") return "All (no variant)";
  return `cv.yaml: ${offers.defaults[name]}`;
}

function showChoices(offers, choice) {
  const form = byId("choices");
  form.hidden = !offers;
  if (!offers) return;
  const key = JSON.stringify(offers);
  for (const select of form.querySelectorAll("select")) {
    if (key !== shown.offers) {
      const options = select.name === "view" ? [] : [["", defaultLabel(select.name, offers)]];
      options.push(...offers[select.name]);
      select.replaceChildren(...options.map(([value, label]) => new Option(label, value)));
      select.closest("label").hidden = select.name === "variant" && !offers.variant.length;
    }
    select.value = choice[select.name] ?? "";
  }
  shown.offers = key;
}

async function choose() {
  const selects = [...byId("choices").querySelectorAll("select")];
  const choice = Object.fromEntries(selects.map((s) => [s.name, s.value || null]));
  const response = await fetch("/choice", {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(choice),
  });
  if (!response.ok) setStatus("error", await response.text());
}

// --- start ---------------------------------------------------------------------------------

function showPane(name) {
  document.body.dataset.pane = name;
  for (const button of document.querySelectorAll(".tabs button")) {
    button.setAttribute("aria-pressed", String(button.dataset.show === name));
  }
}

function connect() {
  const events = new EventSource("/events");
  events.addEventListener("state", (event) => receive(JSON.parse(event.data)));
  events.addEventListener("error", () => setStatus("offline", "Reconnecting to cvgen serve…"));
}

byId("choices").addEventListener("change", choose);
byId("pages").addEventListener("scroll", showPageNumber, { passive: true });
for (const button of document.querySelectorAll(".tabs button")) {
  button.addEventListener("click", () => showPane(button.dataset.show));
}
connect();
