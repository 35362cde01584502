// connmonitor's page: formatting shared by the overview and the host page.
"use strict";

const LOSS_STEPS = [
  [0, "#1a9850", "0"],
  [2, "#2b83ba", "\u2264 2 %"],
  [5, "#5e3c99", "\u2264 5 %"],
  [10, "#b2368a", "\u2264 10 %"],
  [25, "#e66101", "\u2264 25 %"],
  [100, "#d7191c", "> 25 %"],
];

/** The colour of a loss percentage, as the median lines and the loss pills show it. */
function lossColour(pct) {
  for (const [most, colour] of LOSS_STEPS) {
    if (pct <= most) {
      return colour;
    }
  }
  return LOSS_STEPS[LOSS_STEPS.length - 1][1];
}

/** A round trip in milliseconds, in the unit that reads best. */
function formatMs(ms) {
  if (ms === null || ms === undefined) {
    return "\u2013";
  }
  // Three significant digits at most, trailing zeros dropped.
  const short = (value) => String(Number(value.toPrecision(value >= 10 ? 3 : 2)));
  if (ms < 1) {
    return short(ms * 1000) + " \u00b5s";
  }
  if (ms < 1000) {
    return short(ms) + " ms";
  }
  return short(ms / 1000) + " s";
}

function formatLoss(pct) {
  if (pct === null || pct === undefined) {
    return "\u2013";
  }
  return (pct === 0 || pct >= 10 ? pct.toFixed(0) : pct.toFixed(1)) + " %";
}

/** How long ago {@code ms} was, from {@code nowMs}. */
function formatAgo(ms, nowMs) {
  if (!ms) {
    return "never";
  }
  const s = Math.max(0, Math.round((nowMs - ms) / 1000));
  if (s < 60) {
    return s + " s ago";
  }
  if (s < 3600) {
    return Math.floor(s / 60) + " min ago";
  }
  if (s < 86400) {
    return Math.floor(s / 3600) + " h " + Math.floor((s % 3600) / 60) + " min ago";
  }
  return Math.floor(s / 86400) + " d ago";
}

function formatTime(ms, seconds) {
  const d = new Date(ms);
  const two = (n) => String(n).padStart(2, "0");
  return two(d.getHours()) + ":" + two(d.getMinutes()) + (seconds ? ":" + two(d.getSeconds()) : "");
}

/** An element with attributes and children (strings become text, never markup). */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined && value !== false) {
      node.setAttribute(name, value === true ? "" : value);
    }
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

function labelChips(labels) {
  return Object.entries(labels || {}).map(([key, value]) => el("span", { class: "chip" }, key + ":" + value));
}

function lossPill(pct) {
  const pill = el("span", { class: "loss" }, formatLoss(pct));
  pill.style.background = pct === null || pct === undefined ? "#9ca3af" : lossColour(pct);
  return pill;
}

/**
 * Listens to the page's live feed: calls {@code refresh} at each update, shows the state in the header's
 * indicator. The browser reconnects by itself after a lost connection.
 */
function followLive(url, refresh) {
  const indicator = document.getElementById("live");
  const source = new EventSource(url);
  source.onopen = () => {
    indicator.textContent = "live";
    indicator.classList.add("on");
  };
  source.onerror = () => {
    indicator.textContent = "reconnecting";
    indicator.classList.remove("on");
  };
  source.addEventListener("update", () => refresh());
  return source;
}

/** Runs {@code load} now; a call while one runs is run once after it, never twice at once. */
function serialised(load) {
  let running = null;
  let again = false;
  const run = () => {
    if (running) {
      again = true;
      return running;
    }
    running = Promise.resolve(load()).catch((e) => console.error(e)).finally(() => {
      running = null;
      if (again) {
        again = false;
        run();
      }
    });
    return running;
  };
  return run;
}
