// connmonitor's page: SmokePing-style graphs drawn as SVG, and the overview's small graphs.
"use strict";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    node.setAttribute(name, value);
  }
  return node;
}

/** A round step at or above {@code value}: 1, 2 or 5 times a power of ten. */
function niceStep(value) {
  const power = Math.pow(10, Math.floor(Math.log10(value)));
  for (const step of [1, 2, 5]) {
    if (value <= step * power) {
      return step * power;
    }
  }
  return 10 * power;
}

/**
 * The RTT axis: room for the quartiles everywhere, not for the odd spike (cut at the top), in round steps.
 *
 * @return the step between grid lines and the top, a whole number of steps
 */
function rttAxis(series) {
  const q3 = series.q3.filter((v) => v !== null).sort((a, b) => a - b);
  const hi = series.hi.filter((v) => v !== null);
  if (q3.length === 0) {
    return { step: 0.25, top: 1 };
  }
  const typical = q3[Math.floor(0.95 * (q3.length - 1))];
  const wanted = Math.max(Math.min(Math.max(...hi), typical * 2.5), typical * 1.2, 1e-4);
  const step = niceStep(wanted / 4);
  return { step: step, top: step * Math.ceil(wanted / step - 1e-9) };
}

/**
 * Draws one smoke graph into {@code container}: per bucket the spread of its round trips as smoke (lowest to
 * highest light, quartiles dark), the median as a line coloured by loss, a red bar on top where every request was
 * lost, and the route changes as dashed lines.
 *
 * @param series      a series of the host's JSON (startMs, stepMs, lo, q1, median, q3, hi, loss, bursts)
 * @param changes     times of route changes, in ms
 * @param tickMinutes the time axis's step
 */
function smokeGraph(container, series, changes, tickMinutes) {
  const width = Math.max(600, container.clientWidth || 1000);
  const height = 240;
  const left = 64;
  const right = 14;
  const top = 12;
  const bottom = 26;
  const plotWidth = width - left - right;
  const plotHeight = height - top - bottom;
  const root = svg("svg", { viewBox: `0 0 ${width} ${height}`, width: width, height: height, role: "img" });
  const points = series.bursts.length;
  const startMs = series.startMs;
  const endMs = startMs + points * series.stepMs;
  const x = (ms) => left + ((ms - startMs) / (endMs - startMs)) * plotWidth;
  const axis = rttAxis(series);
  const topMs = axis.top;
  const y = (ms) => top + plotHeight - (Math.min(ms, topMs) / topMs) * plotHeight;

  for (let i = 0; i * axis.step <= topMs + 1e-12; i++) {
    const value = i * axis.step;
    root.append(svg("line", { class: "grid", x1: left, x2: width - right, y1: y(value), y2: y(value) }));
    const label = svg("text", { x: left - 8, y: y(value) + 4, "text-anchor": "end" });
    label.textContent = i === 0 ? "0" : formatMs(value);
    root.append(label);
  }
  const tickMs = tickMinutes * 60000;
  for (let t = Math.ceil(startMs / tickMs) * tickMs; t <= endMs; t += tickMs) {
    root.append(svg("line", { class: "grid", x1: x(t), x2: x(t), y1: top, y2: top + plotHeight }));
    const label = svg("text", { x: x(t), y: height - 8, "text-anchor": "middle" });
    label.textContent = formatTime(t, false);
    root.append(label);
  }

  const step = plotWidth / points;
  const smoke = svg("g", { class: "smoke" });
  const lines = svg("g", { class: "median" });
  const lost = svg("g", { class: "lost" });
  let drawn = 0;
  let previous = null;
  for (let i = 0; i < points; i++) {
    if (!series.bursts[i]) {
      previous = null;
      continue;
    }
    const x0 = left + i * step;
    const colour = lossColour(series.loss[i]);
    if (series.median[i] === null) {
      lost.append(svg("rect", { x: x0, y: top, width: Math.max(step, 1), height: 6, fill: lossColour(100) }));
      previous = null;
      continue;
    }
    drawn++;
    smoke.append(svg("rect", { x: x0, width: Math.max(step, 0.8), y: y(series.hi[i]),
      height: Math.max(0.5, y(series.lo[i]) - y(series.hi[i])), fill: "#c9ccd3", "fill-opacity": 0.55 }));
    smoke.append(svg("rect", { x: x0, width: Math.max(step, 0.8), y: y(series.q3[i]),
      height: Math.max(0.5, y(series.q1[i]) - y(series.q3[i])), fill: "#8e94a0", "fill-opacity": 0.6 }));
    const ym = y(series.median[i]);
    if (previous !== null) {
      lines.append(svg("line", { x1: x0, x2: x0, y1: previous, y2: ym, stroke: colour, "stroke-width": 2 }));
    }
    lines.append(svg("line", { x1: x0, x2: x0 + step, y1: ym, y2: ym, stroke: colour, "stroke-width": 2,
      "stroke-linecap": "square", "data-loss": series.loss[i] }));
    previous = ym;
  }
  root.append(smoke, lines, lost);

  for (const ms of changes) {
    if (ms < startMs || ms > endMs) {
      continue;
    }
    const marker = svg("g", { class: "route-marker" });
    marker.append(svg("line", { class: "route-change", x1: x(ms), x2: x(ms), y1: top, y2: top + plotHeight }));
    marker.append(svg("path", { class: "route-flag", d: `M${x(ms)},${top} l6,3 l-6,3 z` }));
    const title = svg("title", {});
    title.textContent = "route changed at " + formatTime(ms, true);
    marker.append(title);
    root.append(marker);
  }
  root.append(svg("line", { class: "axis", x1: left, x2: width - right, y1: top + plotHeight, y2: top + plotHeight }));
  if (drawn === 0) {
    const text = svg("text", { class: "nodata", x: left + plotWidth / 2, y: top + plotHeight / 2,
      "text-anchor": "middle" });
    text.textContent = series.bursts.some((b) => b) ? "every request lost" : "no ping in this period";
    root.append(text);
  }
  container.replaceChildren(root);
}

/** The overview's small graph: the median of each bucket, coloured by loss; lost buckets as red ticks. */
function sparkline(spark) {
  const width = 150;
  const height = 30;
  const root = svg("svg", { class: "spark", width: width, height: height, viewBox: `0 0 ${width} ${height}` });
  if (!spark) {
    return root;
  }
  const values = spark.median.filter((v) => v !== null);
  const most = values.length ? Math.max(...values) * 1.15 : 1;
  const step = width / spark.median.length;
  const y = (ms) => height - 3 - (ms / most) * (height - 6);
  let previous = null;
  spark.median.forEach((ms, i) => {
    if (ms === null) {
      if (spark.loss[i] !== null) {
        root.append(svg("rect", { x: i * step, y: 0, width: Math.max(step, 1), height: 4, fill: lossColour(100) }));
      }
      previous = null;
      return;
    }
    const colour = lossColour(spark.loss[i]);
    if (previous !== null) {
      root.append(svg("line", { x1: i * step, x2: i * step, y1: previous, y2: y(ms), stroke: colour,
        "stroke-width": 1.5 }));
    }
    root.append(svg("line", { x1: i * step, x2: (i + 1) * step, y1: y(ms), y2: y(ms), stroke: colour,
      "stroke-width": 1.5 }));
    previous = y(ms);
  });
  return root;
}

/** The colours of the median lines, for a legend under the graphs. */
function lossLegend(container) {
  const items = [el("span", {}, el("i", { class: "smoke" }), "round trips: lowest\u2013highest, quartiles darker")];
  for (const [, colour, text] of LOSS_STEPS) {
    const swatch = el("i", {});
    swatch.style.background = colour;
    items.push(el("span", {}, swatch, "median, loss " + text));
  }
  items.push(el("span", {}, el("i", { class: "route" }), "route change"));
  container.replaceChildren(...items);
}
