// Link findings and their spans: hovering one lights up the other; clicking a span jumps to its finding.
(function () {
  "use strict";
  function spansOf(id) {
    return Array.prototype.filter.call(document.querySelectorAll(".hit[data-findings]"), function (el) {
      return el.getAttribute("data-findings").split(" ").indexOf(id) >= 0;
    });
  }
  function light(id, on) {
    spansOf(id).forEach(function (el) { el.classList.toggle("active", on); });
    var card = document.getElementById(id);
    if (card) card.classList.toggle("active", on);
  }
  document.querySelectorAll(".finding[data-finding]").forEach(function (card) {
    var id = card.getAttribute("data-finding");
    card.addEventListener("mouseenter", function () { light(id, true); });
    card.addEventListener("mouseleave", function () { light(id, false); });
  });
  document.querySelectorAll(".hit[data-findings]").forEach(function (el) {
    var id = el.getAttribute("data-findings").split(" ")[0];
    el.addEventListener("mouseenter", function () { light(id, true); });
    el.addEventListener("mouseleave", function () { light(id, false); });
    el.addEventListener("click", function () {
      var card = document.getElementById(id);
      if (card) card.scrollIntoView({ behavior: "smooth", block: "center" });
    });
  });
  document.body.setAttribute("data-ready", "1");
})();
