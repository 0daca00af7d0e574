(function () {
  if (window.__zoneLabels) { return; }
  var GAP = 6, EDGE = 4;
  function rect(el, box) {
    var r = el.getBoundingClientRect();
    if (!r.width || !r.height) { return null; }
    return {l: r.left - box.left, t: r.top - box.top, r: r.right - box.left,
            b: r.bottom - box.top};
  }
  function hits(a, list) {
    for (var i = 0; i < list.length; i++) {
      var b = list[i];
      if (a.l < b.r && a.r > b.l && a.t < b.b && a.b > b.t) { return true; }
    }
    return false;
  }
  function shift(dir, w, h) {
    if (dir === "top") { return [-w / 2, -h - GAP]; }
    if (dir === "bottom") { return [-w / 2, GAP]; }
    if (dir === "right") { return [GAP, -h / 2]; }
    if (dir === "left") { return [-w - GAP, -h / 2]; }
    return [-w / 2, -h / 2];
  }
  function place(map) {
    var root = map.getContainer(), box = root.getBoundingClientRect();
    var labels = Array.prototype.slice.call(root.querySelectorAll(".zone-label[data-cands]"));
    labels.sort(function (a, b) { return (+a.dataset.rank) - (+b.dataset.rank); });
    labels.forEach(function (el) { el.style.visibility = "hidden"; });
    var blockers = [];
    root.querySelectorAll(
      ".town-label, path.town-dot, .stl-dot, .leaflet-control, .region-label"
    ).forEach(function (el) {
      var r = rect(el, box);
      if (r) { blockers.push(r); }
    });
    var placed = [];
    labels.forEach(function (el) {
      var at = map.latLngToContainerPoint(JSON.parse(el.dataset.at));
      var cands = JSON.parse(el.dataset.cands), done = false;
      var tries = [];
      [0, 1, 2].forEach(function (tier) {
        ["full", "short"].forEach(function (form) { tries.push([tier, form]); });
      });
      tries.some(function (attempt) {
        var form = attempt[1];
        el.classList.toggle("short", form === "short");
        var w = el.offsetWidth, h = el.offsetHeight;
        return cands.some(function (c) {
          if (c[3] !== attempt[0]) { return false; }
          var p = map.latLngToContainerPoint([c[0], c[1]]), d = shift(c[2], w, h);
          var x = p.x + d[0], y = p.y + d[1];
          var r = {l: x, t: y, r: x + w, b: y + h};
          if (r.l < EDGE || r.t < EDGE || r.r > box.width - EDGE || r.b > box.height - EDGE) {
            return false;
          }
          if (hits(r, blockers) || hits(r, placed)) { return false; }
          el.style.transform = "translate(" + (x - at.x) + "px," + (y - at.y) + "px)";
          el.style.visibility = "visible";
          placed.push(r);
          done = true;
          return true;
        });
      });
      el.dataset.placed = done ? "yes" : "no";
    });
    root.dataset.labelsPlaced = String((+root.dataset.labelsPlaced || 0) + 1);
    delete root.dataset.labelsPending;
  }
  window.__zoneLabels = function (map) {
    if (map.__zoneLabelsOn) { map.__zoneLabelsAgain(); return; }
    var frame = 0;
    map.__zoneLabelsAgain = function () {
      map.getContainer().dataset.labelsPending = "1";
      if (frame) { cancelAnimationFrame(frame); }
      frame = requestAnimationFrame(function () {
        frame = requestAnimationFrame(function () { frame = 0; place(map); });
      });
    };
    map.__zoneLabelsOn = true;
    map.on("zoomend moveend resize layeradd layerremove", map.__zoneLabelsAgain);
    var root = map.getContainer();
    // The legend folding or unfolding, or the frame changing size, moves what a label
    // must keep clear of: place again.
    root.addEventListener("toggle", map.__zoneLabelsAgain, true);
    if (window.ResizeObserver) {
      new ResizeObserver(map.__zoneLabelsAgain).observe(root);
    }
    map.__zoneLabelsAgain();
  };
})();
