/* reelgraph article page: link highlighted evidence and the fact list both ways.
   Hovering a fact (or its evidence) lights up the other; clicking evidence selects its
   facts and updates the address (?fact=ID#fact-ID).  Without JS the page still works:
   every fact is a link that the server renders with its span selected. */
(function () {
  "use strict";
  var text = document.querySelector(".article-text");
  var list = document.querySelector(".factlist");
  if (!text || !list) { return; }

  function idsOf(el) {
    return (el.getAttribute("data-facts") || "").split(" ").filter(Boolean);
  }
  function marksFor(id) {
    return Array.prototype.filter.call(text.querySelectorAll("mark.ev"), function (m) {
      return idsOf(m).indexOf(id) >= 0;
    });
  }
  function itemFor(id) { return list.querySelector('li[data-fact="' + CSS.escape(id) + '"]'); }
  function setClass(els, cls, on) {
    els.forEach(function (el) { if (el) { el.classList.toggle(cls, on); } });
  }
  function hover(ids, on) {
    ids.forEach(function (id) {
      setClass(marksFor(id), "hover", on);
      setClass([itemFor(id)], "hover", on);
    });
  }
  function select(ids) {
    setClass(Array.prototype.slice.call(document.querySelectorAll(".sel")), "sel", false);
    ids.forEach(function (id) {
      setClass(marksFor(id), "sel", true);
      setClass([itemFor(id)], "sel", true);
    });
    var first = itemFor(ids[0]);
    if (first && first.scrollIntoView) { first.scrollIntoView({ block: "nearest" }); }
    if (ids.length && window.history && history.replaceState) {
      var url = new URL(window.location.href);
      url.searchParams.set("fact", ids[0]);
      url.hash = "fact-" + ids[0];
      history.replaceState(null, "", url.toString());
    }
  }

  text.addEventListener("mouseover", function (e) {
    var m = e.target.closest("mark.ev"); if (m) { hover(idsOf(m), true); }
  });
  text.addEventListener("mouseout", function (e) {
    var m = e.target.closest("mark.ev"); if (m) { hover(idsOf(m), false); }
  });
  text.addEventListener("click", function (e) {
    var m = e.target.closest("mark.ev"); if (m) { select(idsOf(m)); }
  });
  list.addEventListener("mouseover", function (e) {
    var li = e.target.closest("li[data-fact]"); if (li) { hover([li.getAttribute("data-fact")], true); }
  });
  list.addEventListener("mouseout", function (e) {
    var li = e.target.closest("li[data-fact]"); if (li) { hover([li.getAttribute("data-fact")], false); }
  });
  list.addEventListener("click", function (e) {
    var a = e.target.closest("a.factlink");
    if (!a) { return; }
    var id = a.closest("li[data-fact]").getAttribute("data-fact");
    e.preventDefault();
    select([id]);
    var anchor = document.getElementById("fact-" + id);
    if (anchor) { anchor.scrollIntoView({ block: "center" }); }
  });
})();
