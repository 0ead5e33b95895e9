/// The interactive map's script, ours and small: it keeps in the SVG only the features true on
/// the chosen day, moves the date with the slider, the play button, the key-date buttons and the
/// URL hash, opens a feature's properties on click or keyboard focus, and zooms and pans by
/// rewriting the SVG's viewBox. It fetches nothing.
enum MapScript {
    static let source = #"""
    (function () {
      "use strict";
      var DAY = 86400000;
      var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
        "November", "December"];
      var WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
      var byId = function (id) { return document.getElementById(id); };
      var config = JSON.parse(byId("map-config").textContent);
      var properties = JSON.parse(byId("map-properties").textContent);
      var svg = byId("map"), slider = byId("day"), words = byId("date-words"), situation = byId("situation");
      var playButton = byId("play"), popup = byId("popup"), stage = svg.parentNode;

      // Days as whole numbers since 1970-01-01, in UTC so no time zone moves a date.
      function parse(text) {
        var m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text || "");
        if (!m) return null;
        var d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
        return d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3] ? Math.round(d.getTime() / DAY) : null;
      }
      function iso(n) { return new Date(n * DAY).toISOString().slice(0, 10); }
      function long(n) {
        var d = new Date(n * DAY);
        return WEEKDAYS[d.getUTCDay()] + " " + d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear();
      }
      function short(n) { var d = new Date(n * DAY); return d.getUTCDate() + " " + MONTHS[d.getUTCMonth()] + " " + d.getUTCFullYear(); }

      var start = parse(config.start), end = parse(config.end), current = start;
      // The four layers, then the route labels, which come and go with their routes.
      var labels = svg.querySelector("g.labels");
      var groups = Array.prototype.slice.call(svg.querySelectorAll("g.layer")).concat(labels ? [labels] : []);
      var features = groups.map(function (g) {
        return Array.prototype.map.call(g.querySelectorAll(".feature, .label"), function (el) {
          var from = parse(el.getAttribute("data-from")), until = parse(el.getAttribute("data-until"));
          return { el: el, from: from === null ? -Infinity : from, until: until === null ? Infinity : until };
        });
      });
      var keyButtons = Array.prototype.slice.call(document.querySelectorAll(".key-dates button"));

      function titleOf(el) { var t = el.querySelector("title"); return t ? t.textContent : ""; }

      function describe(n) {
        var text = [];
        var span = config.encircled.filter(function (s) {
          return parse(s.from) <= n && (s.until === null || n < parse(s.until));
        })[0];
        text.push(span ? "Encircled since " + short(parse(span.from)) + " (day " + (n - parse(span.from) + 1) + ")."
          : "Not encircled.");
        var focus = features[1] ? features[1].filter(function (f) {
          return f.from <= n && n < f.until && properties[+f.el.getAttribute("data-i")].focus === true;
        })[0] : null;
        text.push(focus ? "Pocket holding the focus point: " + titleOf(focus.el) + "."
          : "No " + config.besieged + " pocket holds the focus point.");
        return text.join(" ");
      }

      function writeHash(text) {
        if (location.hash === "#" + text) return;
        try { history.replaceState(null, "", "#" + text); } catch (e) { location.replace("#" + text); }
      }

      function show(n, fromHash) {
        n = Math.max(start, Math.min(end, n));
        current = n;
        groups.forEach(function (g, i) {
          while (g.firstChild) g.removeChild(g.firstChild);
          features[i].forEach(function (f) { if (f.from <= n && n < f.until) g.appendChild(f.el); });
        });
        svg.setAttribute("data-date", iso(n));
        slider.value = String(n - start);
        slider.setAttribute("aria-valuetext", long(n));
        words.textContent = long(n) + " · day " + (n - start + 1) + " of " + (end - start + 1);
        situation.textContent = describe(n);
        keyButtons.forEach(function (b) {
          if (parse(b.getAttribute("data-day")) === n) b.setAttribute("aria-current", "date");
          else b.removeAttribute("aria-current");
        });
        closePopup();
        if (!fromHash) writeHash(iso(n));
      }

      // Playing: a day every 150 ms, from the start again when at the end.
      var timer = null;
      function stop() {
        if (timer !== null) clearInterval(timer);
        timer = null;
        playButton.textContent = "▶ Play";
        playButton.setAttribute("aria-pressed", "false");
      }
      playButton.addEventListener("click", function () {
        if (timer !== null) { stop(); return; }
        if (current >= end) show(start);
        playButton.textContent = "❚❚ Pause";
        playButton.setAttribute("aria-pressed", "true");
        timer = setInterval(function () { if (current >= end) stop(); else show(current + 1); }, 150);
      });
      slider.addEventListener("input", function () { stop(); show(start + Number(slider.value)); });
      keyButtons.forEach(function (b) {
        b.addEventListener("click", function () { stop(); show(parse(b.getAttribute("data-day"))); });
      });
      window.addEventListener("hashchange", function () {
        var n = parse(location.hash.slice(1));
        if (n !== null && n !== current) show(n, true);
      });

      // Popups: every feature under the pointer, topmost first; the focused one from the keyboard.
      function cell(value) {
        if (value === null || value === undefined) return "—";
        if (Array.isArray(value)) return value.map(cell).join(", ");
        if (typeof value === "object") return JSON.stringify(value);
        return String(value);
      }
      function openPopup(els, x, y) {
        var body = popup.querySelector(".body");
        while (body.firstChild) body.removeChild(body.firstChild);
        els.forEach(function (el) {
          var h = document.createElement("h3");
          h.textContent = titleOf(el);
          body.appendChild(h);
          var table = document.createElement("table"), p = properties[+el.getAttribute("data-i")] || {};
          Object.keys(p).forEach(function (key) {
            var row = table.insertRow(), th = document.createElement("th");
            th.textContent = key;
            row.appendChild(th);
            row.insertCell().textContent = cell(p[key]);
          });
          body.appendChild(table);
        });
        popup.hidden = false;
        var box = stage.getBoundingClientRect();
        var left = Math.min(Math.max(4, x - box.left + 12), box.width - popup.offsetWidth - 4);
        var top = Math.min(Math.max(4, y - box.top + 12), box.height - popup.offsetHeight - 4);
        popup.style.left = Math.max(4, left) + "px";
        popup.style.top = Math.max(4, top) + "px";
        popup.scrollTop = 0;
      }
      function closePopup() { popup.hidden = true; }
      popup.querySelector(".close").addEventListener("click", closePopup);
      document.addEventListener("keydown", function (e) { if (e.key === "Escape") closePopup(); });
      svg.addEventListener("focusin", function (e) {
        if (!e.target.classList || !e.target.classList.contains("feature") || pointerDown) return;
        var r = e.target.getBoundingClientRect();
        openPopup([e.target], r.left + r.width / 2, r.top + r.height / 2);
      });

      // Zoom and pan: the viewBox, from the wheel, a drag and the buttons.
      var home = svg.getAttribute("viewBox").split(" ").map(Number), view = home.slice();
      function setView(v) {
        view = v;
        svg.setAttribute("viewBox", v.map(function (x) { return x.toFixed(1); }).join(" "));
        // Labels stay 13 px on screen at any zoom.
        if (labels) labels.setAttribute("font-size", (13 * unitsPerPixel()).toFixed(2));
      }
      function unitsPerPixel() {
        var r = svg.getBoundingClientRect();
        return Math.max(view[2] / r.width, view[3] / r.height);
      }
      function toMap(x, y) {
        var r = svg.getBoundingClientRect(), k = unitsPerPixel();
        return [view[0] + view[2] / 2 + (x - r.left - r.width / 2) * k, view[1] + view[3] / 2 + (y - r.top - r.height / 2) * k];
      }
      function zoom(factor, at) {
        var w = Math.min(Math.max(view[2] * factor, home[2] / 50), config.whole[2] * 4);
        var f = w / view[2];
        setView([at[0] - (at[0] - view[0]) * f, at[1] - (at[1] - view[1]) * f, view[2] * f, view[3] * f]);
      }
      function centre() { return [view[0] + view[2] / 2, view[1] + view[3] / 2]; }
      svg.addEventListener("wheel", function (e) {
        e.preventDefault();
        zoom(Math.exp(Math.max(-1, Math.min(1, e.deltaY / 300))), toMap(e.clientX, e.clientY));
      }, { passive: false });
      byId("zoom-in").addEventListener("click", function () { zoom(0.5, centre()); });
      byId("zoom-out").addEventListener("click", function () { zoom(2, centre()); });
      byId("zoom-siege").addEventListener("click", function () { setView(home.slice()); });
      byId("zoom-whole").addEventListener("click", function () { setView(config.whole.slice()); });

      var pointerDown = null, dragged = false;
      svg.addEventListener("pointerdown", function (e) { pointerDown = [e.clientX, e.clientY]; dragged = false; });
      svg.addEventListener("pointermove", function (e) {
        if (!pointerDown) return;
        var dx = e.clientX - pointerDown[0], dy = e.clientY - pointerDown[1];
        if (!dragged && Math.abs(dx) + Math.abs(dy) < 4) return;
        if (!dragged) { dragged = true; svg.setPointerCapture(e.pointerId); closePopup(); }
        var k = unitsPerPixel();
        setView([view[0] - dx * k, view[1] - dy * k, view[2], view[3]]);
        pointerDown = [e.clientX, e.clientY];
      });
      function release() { pointerDown = null; }
      svg.addEventListener("pointerup", release);
      svg.addEventListener("pointercancel", release);
      svg.addEventListener("click", function (e) {
        if (dragged) { dragged = false; return; }
        var hit = document.elementsFromPoint(e.clientX, e.clientY).filter(function (el) {
          return el.classList && el.classList.contains("feature");
        });
        if (hit.length) openPopup(hit, e.clientX, e.clientY); else closePopup();
      });

      setView(home.slice());
      var asked = parse(location.hash.slice(1));
      show(asked === null ? start : asked, asked !== null && asked >= start && asked <= end);
    })();
    """#
}
