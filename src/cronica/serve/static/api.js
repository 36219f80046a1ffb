/* Lists the endpoints of /openapi.json (text only, no HTML from the document). */
(function () {
  "use strict";
  function el(tag, text) { var n = document.createElement(tag); if (text !== undefined) n.textContent = text; return n; }
  fetch("/openapi.json").then(function (r) { return r.json(); }).then(function (spec) {
    var out = document.getElementById("paths");
    Object.keys(spec.paths).forEach(function (path) {
      Object.keys(spec.paths[path]).forEach(function (method) {
        var op = spec.paths[path][method], sec = el("section");
        sec.appendChild(el("h2", method.toUpperCase() + " " + path));
        if (op.summary) sec.appendChild(el("p", op.summary));
        var params = op.parameters || [];
        if (params.length) {
          var t = el("table"); t.className = "changes";
          var head = el("tr"); ["parameter", "in", "type", "description"].forEach(function (h) { head.appendChild(el("th", h)); });
          t.appendChild(head);
          params.forEach(function (p) {
            var s = p.schema || {}, ty = s.type || (s.anyOf || []).map(function (a) { return a.type || a.format; }).join(" | ");
            if (s.enum) ty += " (" + s.enum.join(", ") + ")";
            var tr = el("tr");
            [p.name + (p.required ? " *" : ""), p["in"], ty, p.description || ""].forEach(function (c) { tr.appendChild(el("td", c)); });
            t.appendChild(tr);
          });
          sec.appendChild(t);
        }
        out.appendChild(sec);
      });
    });
  });
})();
