// The chronology view: a franchise's story order (with why each film is placed there) beside its release
// order, from /api/franchises/{slug}/chronology. Every text goes in as textContent, never as markup.
(function () {
  "use strict";

  var idBase = document.querySelector('meta[name="reelgraph-id-base"]').content;
  var select = document.getElementById("franchise");
  var status = document.getElementById("chronology-status");
  var orders = document.getElementById("orders");
  var storyList = document.getElementById("story-order");
  var releaseList = document.getElementById("release-order");
  var RELATIONS = { setAfter: "set after", setBefore: "set before" };
  var shown = null; // the slug asked for last; answers for an earlier choice are dropped

  function element(tag, text, className) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null)
      e.textContent = text;
    if (className)
      e.className = className;
    return e;
  }

  // A link to this server's page for an IRI under the id base; plain text for any other IRI.
  function filmLink(iri, title) {
    if (!iri || iri.indexOf(idBase) !== 0)
      return element("span", title || iri);
    var a = element("a", title || iri);
    a.href = "/id/" + iri.substring(idBase.length);
    return a;
  }

  // "data/john-wick" for https://w3id.org/reelgraph/graph/data/john-wick; the whole IRI on hover.
  function source(edge) {
    var name = element("code", edge.graph.replace(/^.*\/graph\//, ""), "source");
    name.title = edge.graph;
    return name;
  }

  function reason(because) {
    var li = element("li");
    li.appendChild(document.createTextNode((RELATIONS[because.relation] || because.relation) + " "));
    li.appendChild(filmLink(because.film, because.title));
    li.appendChild(document.createTextNode(", stated by "));
    because.statedBy.forEach(function (edge, i) {
      if (i > 0)
        li.appendChild(document.createTextNode(", "));
      li.appendChild(source(edge));
      if (edge.quote)
        li.appendChild(element("q", edge.quote, "quote"));
      if (edge.confidence < 1)
        li.appendChild(element("span", " (confidence " + edge.confidence + ")", "confidence"));
    });
    return li;
  }

  function entry(e, withReasons) {
    var li = element("li");
    li.dataset.slug = e.slug;
    li.appendChild(filmLink(e.id, e.title));
    if (e.released)
      li.appendChild(element("span", " " + e.released, "released"));
    if (withReasons) {
      li.appendChild(element("span", e.placement === "stated" ? "placed by statements" : "placed by release date",
        "placement " + e.placement));
      if (e.because && e.because.length) {
        var reasons = element("ul", null, "because");
        e.because.forEach(function (b) { reasons.appendChild(reason(b)); });
        li.appendChild(reasons);
      }
    }
    return li;
  }

  // The answer's JSON, or an Error with the problem document's detail (a 409 names the cycle).
  function getJson(path) {
    return fetch(path, { headers: { Accept: "application/json" } }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (!response.ok)
          throw new Error(body.detail || (path + " answered " + response.status));
        return body;
      });
    });
  }

  function chronology(slug, order) {
    return getJson("/api/franchises/" + encodeURIComponent(slug) + "/chronology?order=" + order);
  }

  function show(slug) {
    shown = slug;
    delete orders.dataset.franchise;
    storyList.replaceChildren();
    releaseList.replaceChildren();
    if (!slug) {
      status.textContent = "";
      return;
    }
    status.textContent = "Loading\u2026";
    Promise.all([chronology(slug, "story"), chronology(slug, "release")])
      .then(function (answers) {
        if (shown !== slug)
          return;
        answers[0].entries.forEach(function (e) { storyList.appendChild(entry(e, true)); });
        answers[1].entries.forEach(function (e) { releaseList.appendChild(entry(e, false)); });
        status.textContent = answers[0].franchise.title + ": " + answers[0].entries.length + " films";
        orders.dataset.franchise = slug;
      })
      .catch(function (error) {
        if (shown === slug)
          status.textContent = error.message;
      });
  }

  // #chronology/john-wick opens that franchise.
  function slugFromHash() {
    var match = /^#chronology\/([a-z0-9-]+)$/.exec(location.hash);
    return match ? match[1] : null;
  }

  select.addEventListener("change", function () {
    // replaceState fires no hashchange, so YASGUI does not read this hash as a shared query.
    history.replaceState(null, "", select.value ? "#chronology/" + select.value : "#chronology");
    show(select.value);
  });
  window.addEventListener("hashchange", function () {
    var slug = slugFromHash();
    if (slug && slug !== select.value) {
      select.value = slug;
      show(slug);
    }
  });

  getJson("/api/franchises")
    .then(function (franchises) {
      franchises.forEach(function (f) {
        var option = element("option", f.title + " (" + f.films + " films)");
        option.value = f.slug;
        select.appendChild(option);
      });
      select.dataset.loaded = "true";
      var slug = slugFromHash();
      if (slug) {
        select.value = slug;
        show(slug);
        document.getElementById("chronology").scrollIntoView();
      }
    })
    .catch(function (error) {
      status.textContent = "Could not load the franchises: " + error.message;
    });
})();
