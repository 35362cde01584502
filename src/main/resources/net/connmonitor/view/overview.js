// connmonitor's page: the overview of every host, one page of rows at a time, sorted and filtered by the monitor.
"use strict";

const state = (() => {
  const params = new URLSearchParams(location.search);
  return {
    q: params.get("q") || "",
    sort: params.get("sort") || "name",
    order: params.get("order") || "asc",
    offset: Number(params.get("offset")) || 0,
    limit: 100,
  };
})();

let last = null;
let fetchStarted = 0;
let fetchTook = 0;

function query() {
  const params = new URLSearchParams({ sort: state.sort, order: state.order, offset: state.offset,
    limit: state.limit });
  if (state.q) {
    params.set("q", state.q);
  }
  return params;
}

const refresh = serialised(async () => {
  fetchStarted = performance.now();
  const answer = await fetch("/view/hosts.json?" + query());
  if (!answer.ok) {
    throw new Error("hosts.json: " + answer.status);
  }
  last = await answer.json();
  fetchTook = performance.now() - fetchStarted;
  render(last);
});

/**
 * A live update refetches the rows, at most once a second and once per ten times the last fetch took: sorting ten
 * thousand hosts by a figure costs the monitor a tenth of a second, which an open page must not ask for every second.
 */
let waiting = null;
function liveUpdate() {
  if (waiting !== null) {
    return;
  }
  const wait = Math.max(0, fetchStarted + Math.max(1000, 10 * fetchTook) - performance.now());
  waiting = setTimeout(() => {
    waiting = null;
    refresh();
  }, wait);
}

function render(data) {
  const rows = data.rows.map((host) => row(host, data.now));
  document.querySelector("#hosts tbody").replaceChildren(...rows);
  document.getElementById("count").textContent = data.total.toLocaleString("en")
    + (data.total === 1 ? " host" : " hosts");
  document.getElementById("empty").hidden = data.matched > 0;
  document.getElementById("empty").textContent = data.total === 0 ? "No host has reported yet."
    : "No host matches the filter.";
  const first = data.matched === 0 ? 0 : data.offset + 1;
  const end = Math.min(data.matched, data.offset + data.limit);
  document.getElementById("range").textContent = `${first.toLocaleString("en")}\u2013${end.toLocaleString("en")}`
    + ` of ${data.matched.toLocaleString("en")}`;
  document.getElementById("previous").disabled = data.offset === 0;
  document.getElementById("next").disabled = end >= data.matched;
  for (const th of document.querySelectorAll("th[data-sort]")) {
    th.classList.toggle("sorted", th.dataset.sort === state.sort);
    th.classList.toggle("desc", th.dataset.sort === state.sort && state.order === "desc");
  }
  document.body.dataset.updated = String(data.now);
}

function row(host, nowMs) {
  const link = el("a", { class: "host-name", href: "/host?id=" + host.id }, host.name);
  const name = el("td", {}, link, host.addr !== host.name ? el("div", { class: "sub" }, host.addr) : null,
    host.vantage ? el("div", { class: "sub vantage" }, "from " + host.vantage) : null,
    labelChips(host.labels).length ? el("div", {}, labelChips(host.labels)) : null);
  const route = el("td", {}, host.routeChanges
    ? [el("div", {}, host.routeChanges + (host.routeChanges === 1 ? " change" : " changes")),
      el("div", { class: "sub" }, formatAgo(host.lastChangeMs, nowMs))]
    : el("span", { class: "sub" }, "no change"));
  const scan = el("td", { class: "scan" }, host.scan
    ? ["http", "https", "mysql"].map((s) => el("span", { class: "badge " + (host.scan[s] ? "up" : "down"),
      title: s + (host.scan[s] ? " answered" : " did not answer") + " the scan " + formatAgo(host.scan.atMs, nowMs) },
    s === "mysql" ? "MySQL" : s.toUpperCase()))
    : el("span", { class: "sub" }, "\u2013"));
  return el("tr", { "data-host": host.name, "data-addr": host.addr, "data-id": host.id },
    name,
    el("td", { class: "num loss-cell" }, lossPill(host.lossPct)),
    el("td", { class: "num median" }, formatMs(host.medianMs)),
    el("td", { class: "num spread" }, formatMs(host.spreadMs)),
    el("td", {}, sparkline(host.spark)),
    route,
    scan);
}

function changed() {
  const params = query();
  params.delete("limit");
  if (state.offset === 0) {
    params.delete("offset");
  }
  history.replaceState(null, "", "/?" + params);
  refresh();
}

document.getElementById("filter").value = state.q;
let typing = null;
document.getElementById("filter").addEventListener("input", (event) => {
  clearTimeout(typing);
  typing = setTimeout(() => {
    state.q = event.target.value.trim();
    state.offset = 0;
    changed();
  }, 200);
});
for (const th of document.querySelectorAll("th[data-sort]")) {
  th.addEventListener("click", () => {
    if (state.sort === th.dataset.sort) {
      state.order = state.order === "asc" ? "desc" : "asc";
    } else {
      state.sort = th.dataset.sort;
      // Names read best A to Z; figures worst first.
      state.order = th.dataset.sort === "name" ? "asc" : "desc";
    }
    state.offset = 0;
    changed();
  });
}
document.getElementById("previous").addEventListener("click", () => {
  state.offset = Math.max(0, state.offset - state.limit);
  changed();
});
document.getElementById("next").addEventListener("click", () => {
  state.offset += state.limit;
  changed();
});

refresh();
followLive("/view/events", liveUpdate);
