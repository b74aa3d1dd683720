// Shows the snapshot the preview server sends: the pages as pictures, problems over them.
// Every text from the server is set as text, never as HTML: problems quote the inputs.
"use strict";

const $ = (id) => document.getElementById(id);
let shownVersion = -1;

function item(location, message) {
  const li = document.createElement("li");
  if (location) {
    const code = document.createElement("code");
    code.textContent = location;
    li.append(code, ": ");
  }
  li.append(message);
  return li;
}

function plural(count, word) {
  return `${count} ${word}${count === 1 ? "" : "s"}`;
}

function showProblems(state) {
  const errors = state.problems.filter((p) => p.severity === "error");
  $("problems").hidden = state.problems.length === 0;
  $("problems-title").textContent = errors.length
    ? `${plural(errors.length, "problem")} in the inputs`
    : "Warnings";
  $("problem-list").replaceChildren(...state.problems.map((p) => item(p.location, p.message)));
  $("warnings").hidden = state.warnings.length === 0;
  $("warnings-title").textContent = plural(state.warnings.length, "warning");
  $("warning-list").replaceChildren(...state.warnings.map((w) => item("", w)));
  document.body.classList.toggle("stale", state.problems.length > 0);
}

function showStatus(state) {
  const status = $("status");
  status.className = state.rendering ? "rendering" : state.problems.length ? "failed" : "";
  const pages = plural(state.pages.length, "page");
  if (state.rendering) {
    status.textContent = state.pages.length ? `Updating… (${pages} shown)` : "Rendering…";
  } else if (state.problems.length) {
    status.textContent = state.pages.length
      ? `Not updated: fix the inputs (${pages} of the last good render shown)`
      : "Nothing rendered yet: fix the inputs";
  } else {
    const when = state.rendered_at ? new Date(state.rendered_at * 1000).toLocaleTimeString() : "";
    const took = state.seconds === null ? "" : `, ${state.seconds.toFixed(1)} s`;
    status.textContent = `${pages}, drawn ${when}${took}`;
  }
}

function pageFigure(page) {
  const figure = document.createElement("figure");
  figure.className = "page";
  const img = document.createElement("img");
  const number = document.createElement("span");
  number.className = "page-number";
  const text = document.createElement("div");
  text.className = "page-text";
  figure.append(img, text, number);
  return figure;
}

function showPages(state) {
  const main = $("pages");
  while (main.children.length > state.pages.length) main.lastElementChild.remove();
  while (main.children.length < state.pages.length) main.append(pageFigure());
  state.pages.forEach((page, index) => {
    const figure = main.children[index];
    const img = figure.querySelector("img");
    figure.id = `page-${page.number}`;
    figure.style.width = `min(${page.width}px, 100%)`;
    figure.querySelector(".page-number").textContent = page.number;
    if (img.getAttribute("src") !== page.src) {
      img.width = page.width;
      img.height = page.height;
      img.alt = `Page ${page.number}`;
      img.src = page.src;
      figure.querySelector(".page-text").textContent = page.text;
    }
    figure.classList.toggle("changed", shownVersion >= 0 && state.changed.includes(page.number));
  });
  revealFirstChange(state);
}

function revealFirstChange(state) {
  // Bring the first changed page into view, unless one of the changed pages is in view.
  if (shownVersion < 0 || !state.changed.length || state.changed.length === state.pages.length) {
    return;
  }
  const figures = state.changed.map((n) => $(`page-${n}`)).filter(Boolean);
  const visible = figures.some((f) => {
    const box = f.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight;
  });
  if (!visible && figures.length) figures[0].scrollIntoView({ block: "start" });
}

function show(state) {
  if (state.version <= shownVersion) return;
  document.title = `${state.title || state.client} – preview`;
  $("title").textContent = state.title || state.client;
  showProblems(state);
  showStatus(state);
  showPages(state);
  shownVersion = state.version;
  document.body.dataset.version = state.version;
}

const events = new EventSource("/events");
let restarted = false;
events.onmessage = (message) => {
  if (restarted) shownVersion = -1; // a preview started again counts its versions anew
  restarted = false;
  show(JSON.parse(message.data));
};
events.onerror = () => {
  restarted = true;
  $("status").className = "failed";
  $("status").textContent = "The preview has stopped; waiting for it to start again…";
};
