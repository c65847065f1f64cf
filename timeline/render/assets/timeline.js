/* Visual timeline: a zoomable, pannable canvas with one lane per actor.
 * Written by hand (no library) so the page is one self-contained file that
 * fetches nothing; canvas rather than one DOM node per event keeps 10,000
 * events smooth. Every piece of event text reaches the page through
 * textContent or canvas fillText, never innerHTML, because it comes from the web.
 */
(function () {
  "use strict";
  var DAY_MS = 86400000;
  var LANE_H = 30, AXIS_H = 36, LABEL_W = 200, POINT_R = 5, BAR_H = 12;
  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

  var root = document.getElementById("timeline");
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var events = data.events, lanes = data.lanes, types = data.types;
  var canvas = root.querySelector("canvas");
  var ctx = canvas.getContext("2d");
  var tip = root.querySelector(".tl-tooltip");
  var live = root.querySelector(".tl-live");
  var hiddenTypes = {};

  /* Markers: one per (event, lane); per lane sorted by start day. */
  var laneMarkers = lanes.map(function () { return []; });
  var laneMaxSpan = lanes.map(function () { return 0; });
  var minDay = Infinity, maxDay = -Infinity;
  events.forEach(function (ev, i) {
    if (ev.s === null) { return; }
    minDay = Math.min(minDay, ev.s);
    maxDay = Math.max(maxDay, ev.e + 1);
    ev.l.forEach(function (lane) {
      laneMarkers[lane].push(i);
      laneMaxSpan[lane] = Math.max(laneMaxSpan[lane], ev.e - ev.s + 1);
    });
  });
  laneMarkers.forEach(function (list) {
    list.sort(function (a, b) { return events[a].s - events[b].s || events[a].e - events[b].e; });
  });
  if (minDay === Infinity) { minDay = 0; maxDay = 1; }
  var pad = Math.max(2, (maxDay - minDay) * 0.03);
  var home = { start: minDay - pad, end: maxDay + pad };
  var view = { start: home.start, end: home.end };
  var drawnStamp = new Uint32Array(events.length);
  var frame = 0, pending = false, focus = null, pinned = false, cssWidth = 0;

  function plotWidth() { return Math.max(50, cssWidth - LABEL_W); }
  function xOf(day) { return LABEL_W + (day - view.start) / (view.end - view.start) * plotWidth(); }
  function dayOf(x) { return view.start + (x - LABEL_W) / plotWidth() * (view.end - view.start); }
  function laneTop(lane) { return AXIS_H + lane * LANE_H; }

  function resize() {
    var ratio = window.devicePixelRatio || 1;
    cssWidth = canvas.parentNode.clientWidth || 800;
    var cssHeight = AXIS_H + Math.max(1, lanes.length) * LANE_H + 8;
    canvas.style.height = cssHeight + "px";
    canvas.width = Math.round(cssWidth * ratio);
    canvas.height = Math.round(cssHeight * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    schedule();
  }

  function schedule() {
    if (!pending) { pending = true; window.requestAnimationFrame(draw); }
  }

  /* First marker in a lane that may still be visible at `day`: spans can start
     up to laneMaxSpan days before it, so search from there (binary search). */
  function firstFrom(lane, day) {
    var list = laneMarkers[lane], lo = 0, hi = list.length, from = day - laneMaxSpan[lane];
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (events[list[mid]].s < from) { lo = mid + 1; } else { hi = mid; }
    }
    return lo;
  }

  function isSpan(ev) { return ev.e > ev.s || ev.g !== "day"; }

  function utc(day) { return new Date(day * DAY_MS); }
  function dayFromDate(d) { return Math.floor(d.getTime() / DAY_MS); }

  /* Axis ticks: the coarsest calendar unit that leaves ~90px between labels. */
  function ticks() {
    var pxPerDay = plotWidth() / (view.end - view.start);
    var out = [], d, day;
    var first = utc(Math.floor(view.start)), last = view.end;
    if (pxPerDay * 1 >= 60 || pxPerDay * 7 >= 90) {
      var step = pxPerDay >= 60 ? 1 : 7;
      day = Math.floor(view.start);
      if (step === 7) { day -= (utc(day).getUTCDay() + 6) % 7; } /* ISO weeks start on Monday */
      for (; day <= last; day += step) {
        d = utc(day);
        out.push([day, d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + (d.getUTCDate() <= step ? " " + d.getUTCFullYear() : "")]);
      }
      return out;
    }
    var months = [1, 3, 6, 12, 24, 60, 120, 600, 1200].filter(function (m) { return pxPerDay * 30.4 * m >= 90; })[0] || 1200;
    var y = first.getUTCFullYear(), m = 0;
    if (months < 12) { m = Math.floor(first.getUTCMonth() / months) * months; }
    else { y = Math.floor(y / (months / 12)) * (months / 12); }
    for (var guard = 0; guard < 2000; guard++) {
      d = new Date(Date.UTC(y, m, 1));
      day = dayFromDate(d);
      if (day > last) { break; }
      out.push([day, months < 12 ? MONTHS[m] + " " + y : String(y)]);
      m += months;
      y += Math.floor(m / 12);
      m %= 12;
    }
    return out;
  }

  function draw() {
    pending = false;
    frame += 1;
    var width = cssWidth, height = canvas.height / (window.devicePixelRatio || 1);
    ctx.clearRect(0, 0, width, height);
    ctx.font = "12px system-ui, sans-serif";
    ctx.textBaseline = "middle";
    /* lanes */
    lanes.forEach(function (name, lane) {
      ctx.fillStyle = lane % 2 ? "#ffffff" : "#f5f7fa";
      ctx.fillRect(0, laneTop(lane), width, LANE_H);
    });
    /* axis */
    ctx.strokeStyle = "#d7dce3";
    ctx.fillStyle = "#5b6675";
    ctx.textAlign = "left";
    ticks().forEach(function (tick) {
      var x = Math.round(xOf(tick[0])) + 0.5;
      if (x < LABEL_W || x + ctx.measureText(tick[1]).width + 4 > width) { return; }
      ctx.beginPath();
      ctx.moveTo(x, AXIS_H - 8);
      ctx.lineTo(x, height);
      ctx.stroke();
      ctx.fillText(tick[1], x + 3, AXIS_H / 2);
    });
    /* events */
    var drawn = 0, lastX, lastColor;
    ctx.save();
    ctx.beginPath();
    ctx.rect(LABEL_W, 0, width - LABEL_W, height);
    ctx.clip();
    /* Two passes per lane: spans (week, month, year dates) underneath, then
       day points on top, so a coarse date never hides a precise one. */
    for (var lane = 0; lane < lanes.length; lane++) {
      var list = laneMarkers[lane], mid = laneTop(lane) + LANE_H / 2, from = firstFrom(lane, view.start);
      for (var pass = 0; pass < 2; pass++) {
        lastX = -1; lastColor = "";
        for (var k = from; k < list.length; k++) {
          var i = list[k], ev = events[i];
          if (ev.s > view.end) { break; }
          if (ev.e + 1 < view.start || hiddenTypes[ev.t]) { continue; }
          var span = isSpan(ev);
          if (span !== (pass === 0)) { continue; }
          if (drawnStamp[i] !== frame) { drawnStamp[i] = frame; drawn += 1; }
          var color = types[ev.t].color, x0 = xOf(ev.s);
          if (span) {
            var x1 = Math.max(xOf(ev.e + 1), x0 + 6);
            ctx.globalAlpha = 0.4;
            ctx.fillStyle = color;
            ctx.fillRect(x0, mid - BAR_H / 2, x1 - x0, BAR_H);
            ctx.globalAlpha = 1;
            ctx.strokeStyle = color;
            ctx.strokeRect(x0 + 0.5, mid - BAR_H / 2 + 0.5, x1 - x0 - 1, BAR_H - 1);
          } else {
            var x = xOf(ev.s + 0.5), px = Math.round(x);
            /* many events on one pixel: one dot shows them all */
            if (px === lastX && color === lastColor) { continue; }
            lastX = px; lastColor = color;
            ctx.fillStyle = color;
            ctx.beginPath();
            ctx.arc(x, mid, POINT_R, 0, 2 * Math.PI);
            ctx.fill();
          }
        }
      }
    }
    if (focus) {
      var fe = events[focus.i], fx0 = xOf(fe.s), fx1 = Math.max(xOf(fe.e + 1), fx0 + 6);
      var fmid = laneTop(focus.lane) + LANE_H / 2;
      ctx.strokeStyle = "#0b5fff";
      ctx.lineWidth = 2.5;
      ctx.beginPath();
      if (isSpan(fe)) { ctx.rect(fx0 - 3, fmid - BAR_H / 2 - 3, fx1 - fx0 + 6, BAR_H + 6); }
      else { ctx.arc(xOf(fe.s + 0.5), fmid, POINT_R + 4, 0, 2 * Math.PI); }
      ctx.stroke();
      ctx.lineWidth = 1;
    }
    ctx.restore();
    /* lane labels over a solid gutter */
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, AXIS_H, LABEL_W, height - AXIS_H);
    ctx.strokeStyle = "#d7dce3";
    ctx.beginPath();
    ctx.moveTo(LABEL_W + 0.5, 0);
    ctx.lineTo(LABEL_W + 0.5, height);
    ctx.moveTo(0, AXIS_H + 0.5);
    ctx.lineTo(width, AXIS_H + 0.5);
    ctx.stroke();
    ctx.textAlign = "left";
    lanes.forEach(function (name, lane) {
      ctx.fillStyle = "#1d2430";
      var count = " (" + laneMarkers[lane].length + ")";
      ctx.fillText(clip(name, LABEL_W - 16 - ctx.measureText(count).width) + count, 8, laneTop(lane) + LANE_H / 2);
    });
    root.setAttribute("data-drawn-count", String(drawn));
    if (focus && tip.hidden === false) { placeTip(); }
  }

  function clip(text, maxWidth) {
    if (ctx.measureText(text).width <= maxWidth) { return text; }
    while (text.length > 1 && ctx.measureText(text + "…").width > maxWidth) { text = text.slice(0, -1); }
    return text + "…";
  }

  /* ---- hit testing ---- */
  function hit(x, y) {
    var lane = Math.floor((y - AXIS_H) / LANE_H);
    if (lane < 0 || lane >= lanes.length || x < LABEL_W) { return null; }
    var slack = (view.end - view.start) / plotWidth() * (POINT_R + 2);
    var day = dayOf(x), list = laneMarkers[lane], best = null, bestDist = Infinity;
    for (var k = firstFrom(lane, day - slack); k < list.length; k++) {
      var i = list[k], ev = events[i];
      if (ev.s > day + slack) { break; }
      if (hiddenTypes[ev.t] || ev.e + 1 + slack < day) { continue; }
      /* points win over spans: the smaller target is the one meant */
      var dist = Math.abs((ev.s + ev.e + 1) / 2 - day) + (ev.e - ev.s);
      if (dist < bestDist) { best = { i: i, lane: lane }; bestDist = dist; }
    }
    return best;
  }

  /* ---- tooltip ---- */
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) { node.textContent = text; }
    if (cls) { node.className = cls; }
    return node;
  }

  function safeUrl(url) { return /^https?:\/\//i.test(url || "") ? url : null; }

  function showTip(target) {
    var ev = events[target.i];
    tip.textContent = "";
    tip.appendChild(el("h2", ev.h || ev.m));
    tip.appendChild(el("p", ev.d + " · " + ev.m, "tl-date"));
    if (ev.a) { tip.appendChild(el("p", ev.a)); }
    if (ev.p) { tip.appendChild(el("p", ev.p)); }
    var p = el("p", ev.n + (ev.n === 1 ? " source" : " sources"));
    tip.appendChild(p);
    if (ev.src.length) {
      var ul = el("ul");
      ev.src.forEach(function (source) {
        var li = el("li"), url = safeUrl(source[0]);
        if (url) {
          var a = el("a", source[1] || url);
          a.href = url;
          a.target = "_blank";
          a.rel = "noopener noreferrer";
          li.appendChild(a);
        } else {
          li.textContent = source[1] || source[0];
        }
        ul.appendChild(li);
      });
      tip.appendChild(ul);
    }
    tip.hidden = false;
    placeTip();
  }

  function placeTip() {
    var ev = events[focus.i];
    var x = Math.min(Math.max(xOf(ev.s + 0.5), LABEL_W), cssWidth);
    var y = laneTop(focus.lane) + LANE_H;
    var left = Math.min(x + 8, cssWidth - tip.offsetWidth - 4);
    tip.style.left = Math.max(4, left) + "px";
    tip.style.top = (y + 4) + "px";
  }

  function setFocus(target, announce) {
    focus = target;
    if (!target) {
      tip.hidden = true;
      tip.setAttribute("data-pinned", "0");
      pinned = false;
    } else {
      showTip(target);
      if (announce) {
        var ev = events[target.i];
        live.textContent = ev.d + ", " + lanes[target.lane] + ": " + (ev.h || ev.m) + ", " + ev.n + " sources";
      }
    }
    schedule();
  }

  /* Keep a keyboard-focused event on screen. */
  function reveal(i) {
    var ev = events[i], span = view.end - view.start;
    if (ev.s < view.start || ev.e + 1 > view.end) {
      var centre = (ev.s + ev.e + 1) / 2;
      view.start = centre - span / 2;
      view.end = centre + span / 2;
    }
  }

  /* ---- zoom and pan ---- */
  function zoom(factor, atX) {
    var anchor = dayOf(atX === undefined ? LABEL_W + plotWidth() / 2 : atX);
    var span = Math.min(Math.max((view.end - view.start) * factor, 1), (home.end - home.start) * 50 + 3650);
    var share = (anchor - view.start) / (view.end - view.start);
    view.start = anchor - share * span;
    view.end = view.start + span;
    schedule();
  }

  function pan(fraction) {
    var shift = (view.end - view.start) * fraction;
    view.start += shift;
    view.end += shift;
    schedule();
  }

  function reset() {
    view.start = home.start;
    view.end = home.end;
    setFocus(null);
  }

  var drag = null;
  canvas.addEventListener("wheel", function (e) {
    e.preventDefault();
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY)) { pan(e.deltaX / plotWidth()); return; }
    zoom(Math.pow(1.0015, e.deltaY), e.offsetX);
  }, { passive: false });
  canvas.addEventListener("pointerdown", function (e) {
    drag = { x: e.clientX, start: view.start, end: view.end, moved: false };
    canvas.setPointerCapture(e.pointerId);
  });
  canvas.addEventListener("pointermove", function (e) {
    if (drag) {
      var dx = e.clientX - drag.x;
      if (Math.abs(dx) > 3) { drag.moved = true; canvas.classList.add("tl-dragging"); }
      var shift = dx / plotWidth() * (drag.end - drag.start);
      view.start = drag.start - shift;
      view.end = drag.end - shift;
      schedule();
      return;
    }
    if (pinned) { return; }
    var target = hit(e.offsetX, e.offsetY);
    if (!target) { if (focus) { setFocus(null); } return; }
    if (!focus || focus.i !== target.i || focus.lane !== target.lane) { setFocus(target, false); }
  });
  canvas.addEventListener("pointerup", function (e) {
    var moved = drag && drag.moved;
    drag = null;
    canvas.classList.remove("tl-dragging");
    if (moved) { return; }
    var target = hit(e.offsetX, e.offsetY);
    setFocus(target, true);
    if (target) { pinned = true; tip.setAttribute("data-pinned", "1"); }
  });
  canvas.addEventListener("pointerleave", function () { if (!pinned && !drag) { setFocus(null); } });

  /* Keyboard: arrows walk events (left/right in time, up/down across lanes). */
  function neighbour(lane, fromDay, direction) {
    var list = laneMarkers[lane];
    var best = null;
    for (var k = 0; k < list.length; k++) {
      var ev = events[list[k]];
      if (hiddenTypes[ev.t]) { continue; }
      if (direction === 0) {
        if (best === null || Math.abs(ev.s - fromDay) < Math.abs(events[best].s - fromDay)) { best = list[k]; }
      } else if (direction > 0 && ev.s > fromDay) { return list[k]; }
      else if (direction < 0 && ev.s < fromDay) { best = list[k]; }
    }
    return best;
  }

  function indexIn(lane, i) { return laneMarkers[lane].indexOf(i); }

  canvas.addEventListener("keydown", function (e) {
    var key = e.key, handled = true;
    if (key === "+" || key === "=") { zoom(0.7); }
    else if (key === "-" || key === "_") { zoom(1 / 0.7); }
    else if (key === "0" || key === "Home") { reset(); }
    else if (key === "Escape") { setFocus(null); }
    else if (key === "Enter" && focus) {
      pinned = true;
      tip.setAttribute("data-pinned", "1");
      var link = tip.querySelector("a");
      if (link) { link.focus(); }
    }
    else if ((key === "ArrowLeft" || key === "ArrowRight") && e.shiftKey) { pan(key === "ArrowLeft" ? -0.2 : 0.2); }
    else if (key === "ArrowLeft" || key === "ArrowRight" || key === "ArrowUp" || key === "ArrowDown") {
      var dir = key === "ArrowRight" ? 1 : key === "ArrowLeft" ? -1 : 0;
      var lane = focus ? focus.lane : 0, i = null;
      if (!focus) {
        for (lane = 0; lane < lanes.length && i === null; lane++) { i = neighbour(lane, (view.start + view.end) / 2, 0); }
        lane -= 1;
      } else if (dir !== 0) {
        var list = laneMarkers[lane], k = indexIn(lane, focus.i) + dir;
        while (k >= 0 && k < list.length && hiddenTypes[events[list[k]].t]) { k += dir; }
        i = k >= 0 && k < list.length ? list[k] : focus.i;
      } else {
        var step = key === "ArrowDown" ? 1 : -1, from = events[focus.i].s;
        for (var next = lane + step; next >= 0 && next < lanes.length; next += step) {
          i = neighbour(next, from, 0);
          if (i !== null) { lane = next; break; }
        }
        if (i === null) { i = focus.i; }
      }
      if (i !== null) { reveal(i); setFocus({ i: i, lane: lane }, true); }
    } else { handled = false; }
    if (handled) { e.preventDefault(); }
  });
  tip.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { setFocus(null); canvas.focus(); }
  });

  root.querySelector("[data-action=zoom-in]").addEventListener("click", function () { zoom(0.7); });
  root.querySelector("[data-action=zoom-out]").addEventListener("click", function () { zoom(1 / 0.7); });
  root.querySelector("[data-action=reset]").addEventListener("click", reset);

  /* ---- legend: colour by type, each a toggle ---- */
  var legend = root.querySelector(".tl-legend");
  types.forEach(function (type, t) {
    var li = el("li"), button = el("button");
    button.type = "button";
    button.setAttribute("aria-pressed", "true");
    var swatch = el("span", undefined, "tl-swatch");
    swatch.style.background = type.color;
    button.appendChild(swatch);
    button.appendChild(document.createTextNode(type.name + " (" + type.count + ")"));
    button.addEventListener("click", function () {
      hiddenTypes[t] = !hiddenTypes[t];
      button.setAttribute("aria-pressed", hiddenTypes[t] ? "false" : "true");
      if (focus && hiddenTypes[events[focus.i].t]) { setFocus(null); }
      schedule();
    });
    li.appendChild(button);
    legend.appendChild(li);
  });

  /* ---- undated events: listed, not placed on the axis ---- */
  var undated = events.filter(function (ev) { return ev.s === null; });
  var section = root.querySelector(".tl-undated");
  if (undated.length) {
    section.hidden = false;
    section.querySelector("summary").textContent = undated.length + " undated event" + (undated.length === 1 ? "" : "s") + " (not on the axis)";
    var list = section.querySelector("ul"), shown = Math.min(undated.length, 500);
    for (var u = 0; u < shown; u++) {
      var ev = undated[u];
      list.appendChild(el("li", ev.m + " — " + (ev.a ? ev.a + ": " : "") + (ev.h || "")));
    }
    if (undated.length > shown) { list.appendChild(el("li", "… and " + (undated.length - shown) + " more")); }
  }

  window.addEventListener("resize", resize);
  resize();
  draw();
  /* Interactive now: handlers are attached and the first frame is drawn. */
  root.setAttribute("data-ready", "1");
  root.setAttribute("data-interactive-ms", String(Math.round(performance.now())));
  window.timeline = {
    drawnCount: function () { return Number(root.getAttribute("data-drawn-count")); },
    view: view,
    zoom: zoom,
    pan: pan,
    reset: reset
  };
})();
