// The SPARQL editor: YASGUI, fixed to this server's endpoint, asking nothing of any other host.
(function () {
  "use strict";

  var endpoint = new URL("/reelgraph/sparql", location.origin).href;
  var idBase = document.querySelector('meta[name="reelgraph-id-base"]').content;

  // YASQE's "class" and "property" completers ask lov.linkeddata.es; keep the local ones
  // (variables, and prefixes from the bundled list). Yasgui.defaults.yasqe is this same object, and
  // YASGUI merges arrays index by index, so the list is replaced here rather than in the config below.
  Yasgui.Yasqe.defaults.autocompleters = ["variables", "prefixes"];

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: { endpoint: endpoint, method: "POST" },
    copyEndpointOnNewTab: true,
    // The endpoint field (hidden by reelgraph.css) offers this server only, not DBpedia and Wikidata.
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: endpoint }]; } },
    // A shared link (#query=...) keeps its query but never its endpoint.
    populateFromUrl: function (fromUrl) {
      fromUrl.requestConfig.endpoint = endpoint;
      return fromUrl;
    },
    // No corsProxy: YASGUI then never probes the endpoint with an extra request.
    corsProxy: undefined,
    // Each visit starts with one fresh tab (no tabs or endpoints restored from localStorage).
    persistenceId: null,
    yasqe: { prefixCcApi: null, persistenceId: null },
    yasr: { persistenceId: null }
  });

  // IRIs of this graph link to this server's Linked Data pages, not to their public base: rewrite the
  // links whenever YASR draws a table (first draw, paging, sorting, a new query).
  function linkLocally(root) {
    root.querySelectorAll("a[href]").forEach(function (a) {
      var href = a.getAttribute("href");
      if (href.indexOf(idBase) === 0) {
        a.setAttribute("href", "/id/" + href.substring(idBase.length));
        a.removeAttribute("target");
      }
    });
  }
  new MutationObserver(function () { linkLocally(yasgui.rootEl); })
    .observe(yasgui.rootEl, { childList: true, subtree: true });

  var menu = document.getElementById("example-queries");
  var description = document.getElementById("example-description");
  var examples = {};

  // Choosing an example puts its text into the editor of the current tab; the user then runs it.
  menu.addEventListener("change", function () {
    var example = examples[menu.value];
    description.textContent = example ? example.description : "";
    if (!example)
      return;
    var tab = yasgui.getTab();
    tab.setName(example.name);
    tab.getYasqe().setValue(example.query);
  });

  fetch("/ui/queries.json")
    .then(function (response) {
      if (!response.ok)
        throw new Error("GET /ui/queries.json answered " + response.status);
      return response.json();
    })
    .then(function (list) {
      list.forEach(function (example) {
        examples[example.name] = example;
        var option = document.createElement("option");
        option.value = example.name;
        option.textContent = example.name + " \u2014 " + example.summary;
        option.title = example.description;
        menu.appendChild(option);
      });
      menu.dataset.loaded = "true";
    })
    .catch(function (error) {
      description.textContent = "Could not load the example queries: " + error.message;
    });

  // For tests and the console.
  window.reelgraphYasgui = yasgui;
})();
