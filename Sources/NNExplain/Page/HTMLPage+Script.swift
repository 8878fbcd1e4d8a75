/// The page's script, written for this page and kept small: it reads the address (`#w-3-1-2`,
/// `#w-3-1-2-s-1`, `#w-3-1-2-avg`, `#b-2-1`, `#n-2-1`), shows the one view it names, lights the
/// derivation's path on the diagram and keeps the address in step with every click, key and sample
/// chosen. It computes no mathematics: the views are all in the page, the blocks they repeat written
/// once as templates (``SharedFragments``) that it copies into a view before showing it. The path follows the roles
/// ``Diagram`` documents: the chosen edge; the edges of layer l+1 out of node j (the terms of the sum);
/// every edge of the layers above (the rest of the chain rule's way to the output).
extension HTMLPage {
    static let script = #"""
        "use strict";
        (function () {
          var views = document.querySelectorAll("article.view");
          var placeholder = document.querySelector(".placeholder");
          var current = null;

          // "#w-3-1-2-s-1" -> {key: "w-3-1-2", scope: "s-1"}; sample 0 when no scope is given.
          function parse(hash) {
            var m = /^#?((?:w-\d+-\d+-\d+)|(?:[bn]-\d+-\d+))(?:-(s-\d+|avg))?$/.exec(hash);
            return m ? { key: m[1], scope: m[2] || "s-0" } : null;
          }
          function address(choice) { return "#" + choice.key + (choice.scope === "s-0" ? "" : "-" + choice.scope); }

          function roleOf(mark, chosen) {
            var l = +mark.dataset.layer, j = +mark.dataset.j, k = +mark.dataset.k;
            var isNode = mark.classList.contains("node-mark");
            if (chosen.kind === "n") return isNode && l === chosen.l && j === chosen.j ? "chosen" : null;
            if (isNode) {
              if (l === chosen.l && j === chosen.j) return "chosen";
              if (chosen.kind === "w" && l === chosen.l - 1 && j === chosen.k) return "chosen";
            } else {
              if (chosen.kind === "w" && l === chosen.l && j === chosen.j && k === chosen.k) return "chosen";
              if (l === chosen.l + 1 && k === chosen.j) return "sum";
            }
            if (l === chosen.l + 1) return isNode ? "sum" : null;
            return l > chosen.l + 1 ? "upstream" : null;
          }

          function light(key) {
            var parts = key.split("-");
            var chosen = { kind: parts[0], l: +parts[1], j: +parts[2], k: +parts[3] };
            document.querySelectorAll(".mark").forEach(function (mark) {
              mark.classList.remove("lit-chosen", "lit-sum", "lit-upstream");
              var role = roleOf(mark, chosen);
              if (role) mark.classList.add("lit-" + role);
            });
          }

          function showSample(scope) {
            var sample = scope.indexOf("s-") === 0 ? scope.slice(2) : "0";
            document.querySelectorAll(".diagram").forEach(function (d) { d.hidden = d.dataset.sample !== sample; });
            document.querySelectorAll("input[name=scope]").forEach(function (r) { r.checked = r.value === scope; });
          }

          // Puts in place of each placeholder div (data-t="N") inside root a copy of template t-N, itself filled in.
          function fill(root) {
            root.querySelectorAll("div[data-t]").forEach(function (slot) {
              var copy = document.getElementById("t-" + slot.dataset.t).content.cloneNode(true);
              fill(copy);
              slot.replaceWith(copy);
            });
          }

          // Shows the view the choice names; false when the page holds no such view.
          function show(choice) {
            var view = document.getElementById("v-" + choice.key + "-" + choice.scope);
            if (!view) return false;
            fill(view);
            views.forEach(function (v) { v.hidden = v !== view; });
            placeholder.hidden = true;
            current = choice;
            showSample(choice.scope);
            light(choice.key);
            return true;
          }

          function choose(choice) {
            if (document.getElementById("v-" + choice.key + "-" + choice.scope)) location.hash = address(choice);
          }

          function fromAddress() {
            var choice = parse(location.hash);
            if (choice && !show(choice) && choice.scope === "avg") show({ key: choice.key, scope: "s-0" });
          }

          function scope() {
            var checked = document.querySelector("input[name=scope]:checked");
            return checked ? checked.value : "s-0";
          }

          document.querySelectorAll(".mark").forEach(function (mark) {
            if (!mark.hasAttribute("tabindex")) return;
            var open = function () {
              var wanted = { key: mark.dataset.key, scope: scope() };
              // A node's forward computation is per sample; with the average chosen it shows sample 0.
              if (!document.getElementById("v-" + wanted.key + "-" + wanted.scope)) wanted.scope = "s-0";
              choose(wanted);
            };
            mark.addEventListener("click", open);
            mark.addEventListener("keydown", function (event) {
              if (event.key === "Enter" || event.key === " ") { event.preventDefault(); open(); }
            });
          });
          document.querySelectorAll("input[name=scope]").forEach(function (radio) {
            radio.addEventListener("change", function () {
              if (current) choose({ key: current.key, scope: radio.value }); else showSample(radio.value);
            });
          });
          window.addEventListener("hashchange", fromAddress);
          fromAddress();
        })();
        """#
}
