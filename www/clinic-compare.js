/*
 * clinic-compare loader. Paste on any page:
 *   <script src="https://your.host/path/clinic-compare.js" defer></script>
 *   <clinic-compare catalogue="clinics.json"></clinic-compare>
 * Works as a classic script or as type="module". It defines <clinic-compare> (and window.ClinicCompare)
 * and nothing else; the widget itself (WebAssembly) downloads only when an element is on the page, from
 * the same folder as this file, so the whole folder can be copied anywhere.
 */
(function () {
  "use strict";
  if (!window.customElements || window.customElements.get("clinic-compare")) return;

  // Our own URL: document.currentScript for classic scripts; module scripts have none, so find our tag.
  var script = document.currentScript;
  if (!script) {
    var tags = document.querySelectorAll("script[src]");
    for (var i = 0; i < tags.length && !script; i++) {
      if (/clinic-compare(\.[\w-]+)?\.js([?#].*)?$/.test(tags[i].src)) script = tags[i];
    }
  }
  var base = new URL(".", script ? script.src : document.baseURI);
  // Content-hashed names, filled in by the build so the files can be cached for ever.
  var GLUE = "__CLINIC_COMPARE_GLUE__";
  var WASM = "__CLINIC_COMPARE_WASM__";
  // The glossary files (explanations of terms, cautions): this prefix, the language, ".json".
  var GLOSSARY = "__CLINIC_COMPARE_GLOSSARY__";
  // The place lookup (www/places.js), loaded by the widget only when a family types a place its
  // catalogue cannot resolve.
  var PLACES = "__CLINIC_COMPARE_PLACES__";
  function lookUpPlace(text, covered) {
    var lookup = import(new URL(PLACES, base).href).then(function (m) { return m.lookup(text, covered); });
    lookup.catch(function (error) { console.warn("clinic-compare: the place lookup failed:", error); });
    return lookup;
  }
  // The same list, in the same order, as config::ATTRIBUTES in the widget (a test there checks).
  var OBSERVED = ["catalogue", "lang", "units", "max-compare", "persist", "emergency-number",
    "country", "theme", "initial-filters", "timeout", "src"];

  var engine = null;
  function loadEngine() {
    if (!engine) {
      // The WebAssembly downloads alongside the glue that starts it, not after it.
      var wasm = fetch(new URL(WASM, base));
      wasm.catch(function () {}); // reported through the glue's start, below
      engine = import(new URL(GLUE, base).href).then(function (glue) {
        return glue.default({ module_or_path: wasm }).then(function () { return glue; });
      });
      engine.catch(function () { engine = null; }); // let a later element try again
    }
    return engine;
  }

  // The glossary for a language, as text: downloaded once per page, as soon as an element needs it
  // (beside the catalogue), and shared by every widget, which asks for it through this function,
  // waiting at most `seconds`.
  var glossaries = {};
  function glossary(language, seconds) {
    if (!glossaries[language]) {
      glossaries[language] = fetch(new URL(GLOSSARY + language + ".json", base)).then(function (response) {
        if (!response.ok) throw new Error("the server answered " + response.status);
        return response.text();
      });
      glossaries[language].catch(function () { glossaries[language] = null; }); // a later widget may retry
    }
    return Promise.race([glossaries[language], new Promise(function (_, reject) {
      setTimeout(reject, (seconds || 30) * 1000, new Error("no answer in time"));
    })]);
  }

  // The catalogue downloads while the widget's WebAssembly is still arriving and compiling, instead of
  // after it. The widget takes this request over (same address, same fetch defaults) when it mounts;
  // a failure here is reported by the widget, which owns the messages and the timeout.
  function prefetchCatalogue(element) {
    var attribute = element.hasAttribute("catalogue") ? "catalogue" : "src";
    var src = (element.getAttribute(attribute) || "").trim();
    if (!src || element.__clinicComparePrefetch || !window.fetch || !window.AbortController) return;
    var controller = new AbortController();
    var response = fetch(src, { signal: controller.signal });
    response.catch(function () {});
    element.__clinicComparePrefetch = { src: src, controller: controller, response: response };
  }

  // Something to read at once, where the widget will be, while its WebAssembly downloads and
  // compiles (a second or more on a slow phone connection). The widget replaces it when it mounts.
  function showPlaceholder(element) {
    if (element.shadowRoot) return;
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    status.style.cssText = "margin:0;padding:1em;font:inherit";
    status.textContent = "Loading the clinic finder\u2026";
    element.attachShadow({ mode: "open" }).appendChild(status);
  }

  function showLoadFailure(element, error) {
    console.error("clinic-compare: the widget could not start:", error);
    var root = element.shadowRoot || element.attachShadow({ mode: "open" });
    var box = document.createElement("p");
    box.setAttribute("role", "alert");
    box.textContent = "Sorry, the clinic finder could not start. Please reload the page to try again.";
    root.replaceChildren(box);
  }

  class ClinicCompareElement extends HTMLElement {
    static get observedAttributes() { return OBSERVED; }

    connectedCallback() {
      if (this._widget || this._starting) return;
      prefetchCatalogue(this);
      // Every locale reads the English file for now (en-GB and en-US differ only by respelling).
      this.__clinicCompareGlossary = glossary;
      if (window.fetch) glossary("en").catch(function () {}); // the widget reports a failure
      showPlaceholder(this);
      var element = this;
      this._starting = loadEngine().then(function (glue) {
        element._starting = null;
        if (element.isConnected && !element._widget) element._widget = glue.mount(element, lookUpPlace);
      }).catch(function (error) {
        element._starting = null;
        showLoadFailure(element, error);
      });
    }

    disconnectedCallback() {
      if (!this._widget) return;
      this._widget.unmount();
      this._widget.free();
      this._widget = null;
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (this._widget && oldValue !== newValue) this._widget.refresh();
    }
  }

  window.customElements.define("clinic-compare", ClinicCompareElement);

  // For sites built with frameworks: ClinicCompare.mount(containerOrElement, { catalogue: "…", lang: "en-US" }).
  // Options are the element's attributes in camelCase; true sets an empty attribute, false or null removes it.
  window.ClinicCompare = Object.freeze({
    mount: function (target, options) {
      var element = target.localName === "clinic-compare"
        ? target
        : target.appendChild(document.createElement("clinic-compare"));
      Object.keys(options || {}).forEach(function (key) {
        var name = key.replace(/[A-Z]/g, function (c) { return "-" + c.toLowerCase(); });
        var value = options[key];
        if (value === false || value === null || value === undefined) element.removeAttribute(name);
        else element.setAttribute(name, value === true ? "" : Array.isArray(value) ? value.join(",") : String(value));
      });
      return element;
    },
  });
})();
