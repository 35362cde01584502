// connmonitor's page: one host's graphs of the last 3 and 24 hours, its routes and its scans.
"use strict";

const id = new URLSearchParams(location.search).get("id");
/** The first graph: the last 30 minutes of the 3 hours' 20-second steps. */
const RECENT_POINTS = 90;

/** The last {@code count} steps of a series. */
function lastPoints(series, count) {
  const from = Math.max(0, series.bursts.length - count);
  const part = { startMs: series.startMs + from * series.stepMs, stepMs: series.stepMs };
  for (const key of ["lo", "q1", "median", "q3", "hi", "loss", "bursts"]) {
    part[key] = series[key].slice(from);
  }
  return part;
}

const refresh = serialised(async () => {
  const answer = await fetch("/view/host.json?id=" + encodeURIComponent(id));
  if (answer.status === 404 || answer.status === 400) {
    document.getElementById("missing").hidden = false;
    document.querySelectorAll(".panel, .legend, .cards").forEach((node) => (node.hidden = true));
    return;
  }
  if (!answer.ok) {
    throw new Error("host.json: " + answer.status);
  }
  render(await answer.json());
});

function render(host) {
  document.title = host.name + " \u2013 connmonitor";
  document.getElementById("name").textContent = host.name;
  document.getElementById("addr").textContent = (host.addr !== host.name ? host.addr : "")
    + (host.vantage ? " from " + host.vantage : "");
  document.getElementById("labels").replaceChildren(...labelChips(host.labels));
  const card = (label, value, cls) => el("div", { class: "card " + (cls || "") }, el("div", { class: "label" }, label),
    el("div", { class: "value" }, value));
  const loss = card("Loss, 5 min", formatLoss(host.lossPct), "loss-card");
  if (host.lossPct !== null) {
    loss.querySelector(".value").style.color = lossColour(host.lossPct);
  }
  document.getElementById("cards").replaceChildren(loss,
    card("Median, 5 min", formatMs(host.medianMs), "median-card"),
    card("Spread, 5 min", formatMs(host.spreadMs)),
    card("Route changes", String(host.routeChanges), "changes-card"),
    card("Last record", formatAgo(host.updatedMs, host.now)));
  const changes = host.routes.filter((r) => r.change).map((r) => r.atMs);
  const recent = document.getElementById("recent");
  const fine = document.getElementById("fine");
  const coarse = document.getElementById("coarse");
  if (host.fine) {
    smokeGraph(recent, lastPoints(host.fine, RECENT_POINTS), changes, 5);
    smokeGraph(fine, host.fine, changes, 30);
    smokeGraph(coarse, host.coarse, changes, 180);
  } else {
    recent.replaceChildren(el("p", { class: "empty" }, "This host is not pinged."));
    fine.replaceChildren();
    coarse.replaceChildren();
  }
  renderRoutes(host);
  renderScans(host);
  document.body.dataset.updated = String(host.now);
}

function renderRoutes(host) {
  const container = document.getElementById("routes");
  if (host.routes.length === 0) {
    container.replaceChildren(el("p", { class: "sub" }, "No trace yet (the host's trace= option starts them)."));
    return;
  }
  const rows = host.routes.slice().reverse().map((route) => el("tr", { class: "route" },
    el("td", { class: "num" }, formatTime(route.atMs, true)),
    el("td", {}, route.change ? el("span", { class: "changed" }, "changed") : el("span", { class: "sub" }, "first")),
    el("td", { class: "hops" }, route.hops.map((hop, i) => hop
      ? el("span", {}, `${i + 1} ${hop.addr} `, el("span", { class: "sub" }, formatMs(hop.rttMs)))
      : el("span", { class: "silent" }, `${i + 1} *`)))));
  container.replaceChildren(el("table", {},
    el("thead", {}, el("tr", {}, el("th", {}, "Time"), el("th", {}, ""), el("th", {}, "Hops"))),
    el("tbody", {}, rows)));
}

function renderScans(host) {
  const container = document.getElementById("scans");
  if (host.scans.length === 0) {
    container.replaceChildren(el("p", { class: "sub" }, "No scan yet (the host's scan= option starts them)."));
    return;
  }
  const http = (answer) => answer
    ? el("span", {}, el("span", { class: "badge up" }, answer.code), " " + answer.server + " ",
      el("span", { class: "sub" }, formatMs(answer.rttMs)))
    : el("span", { class: "badge down" }, "none");
  const mysql = (answer) => answer
    ? el("span", {}, el("span", { class: "badge up" }, "up"), " " + answer.version + " ",
      el("span", { class: "sub" }, formatMs(answer.rttMs)))
    : el("span", { class: "badge down" }, "none");
  const rows = host.scans.slice().reverse().map((scan) => el("tr", { class: "scan" },
    el("td", { class: "num" }, formatTime(scan.atMs, true)),
    el("td", {}, http(scan.http)), el("td", {}, http(scan.https)), el("td", {}, mysql(scan.mysql))));
  container.replaceChildren(el("table", {},
    el("thead", {}, el("tr", {}, el("th", {}, "Time"), el("th", {}, "HTTP"), el("th", {}, "HTTPS"),
      el("th", {}, "MySQL"))),
    el("tbody", {}, rows)));
}

lossLegend(document.getElementById("legend"));
refresh();
followLive("/view/events?id=" + encodeURIComponent(id), refresh);
window.addEventListener("resize", () => refresh());
