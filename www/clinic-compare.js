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
  var OBSERVED = ["catalogue", "lang", "languages", "units", "max-compare", "persist", "emergency-number",
    "country", "theme", "initial-filters", "timeout", "src"];

  var engine = null;
  function loadEngine() {
    if (!engine) {
      addEventListener("error", function (event) { if (ourTrap(event.error)) crash(event.error); });
      addEventListener("unhandledrejection", function (event) { if (ourTrap(event.reason)) crash(event.reason); });
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
  function catalogueOf(element) {
    return (element.getAttribute(element.hasAttribute("catalogue") ? "catalogue" : "src") || "").trim();
  }
  function prefetchCatalogue(element) {
    var src = catalogueOf(element);
    if (!src || element.__clinicComparePrefetch || !window.fetch || !window.AbortController) return;
    var controller = new AbortController();
    var response = fetch(src, { signal: controller.signal });
    response.catch(function () {});
    element.__clinicComparePrefetch = { src: src, controller: controller, response: response };
  }

  // The element's language as the widget reads it (config.rs): the lang attribute, else the page's
  // <html lang>; "es" for Spanish, else "en" (en-GB and en-US share their files).
  function languageOf(element) {
    var lang = element.getAttribute("lang");
    if (lang === null) lang = document.documentElement.lang || "";
    return /^\s*es(-|\s*$)/i.test(lang) ? "es" : "en";
  }

  // Something to read at once, where the widget will be, while its WebAssembly downloads and
  // compiles (a second or more on a slow phone connection). The widget replaces it when it mounts.
  function showPlaceholder(element) {
    if (element.shadowRoot) return;
    var status = document.createElement("p");
    status.setAttribute("role", "status");
    status.style.cssText = "margin:0;padding:1em;font:inherit";
    status.textContent = languageOf(element) === "es" ? "Cargando el buscador de cl\u00ednicas\u2026" : "Loading the clinic finder\u2026";
    element.attachShadow({ mode: "open" }).appendChild(status);
  }

  function showLoadFailure(element, error) {
    if (error) console.error("clinic-compare: the widget could not start:", error);
    var root = element.shadowRoot || element.attachShadow({ mode: "open" });
    var box = document.createElement("p");
    box.setAttribute("role", "alert");
    box.textContent = languageOf(element) === "es"
      ? "Lo sentimos, el buscador de cl\u00ednicas no pudo empezar. Vuelva a cargar la p\u00e1gina para intentarlo de nuevo."
      : "Sorry, the clinic finder could not start. Please reload the page to try again.";
    root.replaceChildren(box);
  }

  // The crash fallback. A panic in the shipped widget aborts at once (docs/build.md): the
  // WebAssembly traps, a WebAssembly.RuntimeError reaches the page (from an event handler or a
  // task as an 'error', from a promise callback as an 'unhandledrejection'), and the one instance
  // every widget on the page shares is left in an unknown state. So nothing calls into it again:
  // each widget is replaced by the message its app left on its root (data-crash, in the widget's
  // language), built from text nodes only, with a link to the catalogue file when it is http(s).
  // A widget that had not rendered yet says it could not start. Other scripts' errors, other
  // WebAssembly modules' traps among them, are left alone: ours name our files in their stack.
  var started = []; // elements with a widget, or starting one
  var crashed = false;
  function ourTrap(error) {
    return !!window.WebAssembly && error instanceof WebAssembly.RuntimeError &&
      [WASM, GLUE].some(function (name) { return String(error.stack).indexOf(name) >= 0; });
  }
  function crash(error) {
    if (crashed) return;
    crashed = true;
    console.error("clinic-compare crashed:", error);
    started.forEach(showCrash);
  }
  function showCrash(element) {
    var root = element.shadowRoot;
    var texts = root && root.querySelector("[data-crash]");
    if (root && root.querySelector(".cc-crash")) return; // shown already, by a debug build's panic hook
    if (!texts) return showLoadFailure(element);
    var box = document.createElement("div");
    box.className = "cc-root cc-crash";
    box.setAttribute("role", "alert");
    box.textContent = texts.getAttribute("data-crash");
    try {
      var url = new URL(catalogueOf(element), document.baseURI);
      if (/^https?:$/.test(url.protocol)) {
        var link = box.appendChild(document.createElement("a"));
        link.href = url.href;
        link.textContent = texts.getAttribute("data-crash-link");
      }
    } catch (e) {} // no link to an address that is not one
    root.replaceChildren(box);
  }

  class ClinicCompareElement extends HTMLElement {
    static get observedAttributes() { return OBSERVED; }

    connectedCallback() {
      if (started.indexOf(this) < 0) started.push(this);
      if (this._widget || this._starting) return;
      if (crashed) return showCrash(this);
      prefetchCatalogue(this);
      // The language's file starts downloading now.
      this.__clinicCompareGlossary = glossary;
      if (window.fetch) glossary(languageOf(this)).catch(function () {}); // the widget reports a failure
      showPlaceholder(this);
      var element = this;
      this._starting = loadEngine().then(function (glue) {
        element._starting = null;
        // (After a crash the element shows its message already.)
        if (!crashed && element.isConnected && !element._widget) element._widget = glue.mount(element, lookUpPlace);
      }).catch(function (error) {
        element._starting = null;
        if (ourTrap(error)) crash(error);
        else showLoadFailure(element, error);
      });
    }

    disconnectedCallback() {
      started = started.filter(function (other) { return other !== this; }, this);
      if (!this._widget || crashed) return;
      this._widget.unmount();
      this._widget.free();
      this._widget = null;
    }

    attributeChangedCallback(name, oldValue, newValue) {
      if (this._widget && !crashed && oldValue !== newValue) this._widget.refresh();
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
