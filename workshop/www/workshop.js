// The catalogue workshop page: hands the chosen file to the worker (worker.js, which runs the
// importers compiled to WebAssembly), shows its report, the preview widget and the download.
// Every text from the file is set with textContent: catalogue strings are never HTML.

const $ = (id) => document.getElementById(id);
// The largest file read, as in the engine (the catalogue loader's limit).
const MAX_BYTES = 64 * 1024 * 1024;

let worker = null;
let job = 0;
let current = null; // { file, started }
let urls = { preview: null, download: null };

function startWorker() {
  worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
  worker.onmessage = (event) => onMessage(event.data);
  worker.onerror = (event) => {
    event.preventDefault();
    failed("The workshop stopped while reading this file. Nothing was sent anywhere. Try again; if it happens again, the file may be damaged.");
  };
}

function settings() {
  return JSON.stringify({
    kind: $("kind").value,
    updated: $("updated").value || null,
    publisher: $("publisher").value || null,
    keep_non_opioid: $("keep-non-opioid").checked,
    keep_info: $("keep-info").checked,
  });
}

function examine(file) {
  current = { file, started: performance.now() };
  job += 1;
  $("results").hidden = true;
  if (file.size > MAX_BYTES) {
    return refuse(`The file is ${Math.ceil(file.size / 1048576)} MB, more than the 64 MB the workshop can read. A national FindTreatment.gov export is about 18 MB: check that this is the right file, or split the list into smaller files.`);
  }
  if (!worker) startWorker();
  showProgress(`Reading ${file.name}…`, null);
  worker.postMessage({ job, file, settings: settings() });
}

function onMessage(message) {
  if (message.job !== job) return; // an answer about a file since replaced
  if (message.type === "progress") {
    const { stage, done, total } = message;
    if (stage === "reading") showProgress(`Reading ${current.file.name}…`, total ? done / total : null);
    else if (stage === "importing") showProgress(`Reading the rows of ${current.file.name}…`, null);
    else showProgress(`Checking the clinics: ${done.toLocaleString("en-GB")} of ${total.toLocaleString("en-GB")}…`, total ? done / total : null);
  } else if (message.type === "report") {
    showReport(JSON.parse(message.report), message.catalogue);
  } else {
    failed(message.message);
  }
}

function showProgress(text, fraction) {
  if ($("progress").hidden) startClock();
  $("progress").hidden = false;
  const bar = $("progress-bar");
  if (fraction === null) bar.removeAttribute("value");
  else bar.value = fraction;
  $("progress-text").textContent = text;
}

// Seconds since the file was chosen, beside the bar (not announced: the status line says what is
// happening, and a screen reader would otherwise read out every tick).
let clock = null;
function startClock() {
  clearInterval(clock);
  $("elapsed").textContent = "";
  clock = setInterval(() => {
    if (current) $("elapsed").textContent = `${Math.round((performance.now() - current.started) / 1000)} s`;
  }, 1000);
}

function finish(text) {
  clearInterval(clock);
  $("progress").hidden = true;
  $("progress-text").textContent = text;
}

function refuse(message) {
  finish("");
  $("report").replaceChildren(alertBox(message));
  $("download-row").hidden = true;
  $("download-hint").hidden = true;
  $("preview-section").hidden = true;
  clearPreview();
  $("results").hidden = false;
}

function failed(message) {
  // A worker that failed may be in a broken state: the next file gets a fresh one.
  worker?.terminate();
  worker = null;
  refuse(message);
}

function alertBox(message) {
  const box = document.createElement("p");
  box.className = "problem-box";
  box.setAttribute("role", "alert");
  box.textContent = message;
  return box;
}

function el(tag, text, className) {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

const plural = (n, one, many) => `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

function showReport(report, catalogue) {
  const seconds = ((performance.now() - current.started) / 1000).toFixed(1);
  performance.measure("clinic-compare workshop: read, import and check", { start: current.started });
  if (report.refused) {
    refuse(report.refused);
    return;
  }
  const outcome = !report.made
    ? "no catalogue was made"
    : `${plural(report.clinics, "clinic", "clinics")} will show`;
  finish(`Finished reading ${current.file.name} in ${seconds} seconds: ${outcome}, ${plural(report.errors, "error", "errors")}.`);
  $("report").replaceChildren(...reportNodes(report));
  offerDownload(catalogue);
  showPreview(catalogue);
  $("results").hidden = false;
}

function reportNodes(report) {
  const nodes = [el("p", report.read_as)];
  const made = report.made;
  const headline = made
    ? `${plural(report.clinics, "clinic", "clinics")} will show.`
    : "No catalogue was made: fix the problems below, save the file, and choose it again.";
  nodes.push(el("p", headline, made ? "headline" : "headline headline-bad"));
  nodes.push(el("p", `${plural(report.errors, "error", "errors")}, ${plural(report.warnings, "warning", "warnings")}.`, "counts"));
  nodes.push(explainCounts(report, made));
  if (report.facts.length) nodes.push(list(report.facts));
  if (report.notes.length) nodes.push(...titled("Notes", list(report.notes)));
  if (report.groups.length) nodes.push(...problemNodes(report.groups));
  return nodes;
}

function explainCounts(report, made) {
  if (!made) return el("p", "An error is a problem that stops the file being used until it is fixed.", "hint");
  if (report.errors > 0) return el("p", "An error means that clinic is left out: the finder shows the others. A warning means the clinic shows, but one detail was left out or may be wrong.", "hint");
  if (report.warnings > 0) return el("p", "A warning means the clinic shows, but one detail was left out or may be wrong.", "hint");
  return el("p", "No problems found.", "hint");
}

function titled(title, node) {
  return [el("h3", title), node];
}

function list(items) {
  const ul = el("ul");
  for (const item of items) ul.append(el("li", item));
  return ul;
}

function problemNodes(groups) {
  const nodes = [el("h3", "Problems, by row or clinic")];
  for (const group of groups) {
    const section = el("div", undefined, "group");
    section.append(el("h4", group.title));
    const ul = el("ul", undefined, "problems");
    for (const p of group.problems) {
      const li = el("li");
      li.append(el("strong", p.severity === "error" ? "Error" : "Warning", `tag tag-${p.severity}`));
      if (p.field) li.append(" in ", el("code", p.field));
      li.append(": ", p.message);
      ul.append(li);
    }
    section.append(ul);
    nodes.push(section);
  }
  return nodes;
}

function replaceUrl(kind, blob) {
  if (urls[kind]) URL.revokeObjectURL(urls[kind]);
  urls[kind] = blob ? URL.createObjectURL(blob) : null;
  return urls[kind];
}

function offerDownload(catalogue) {
  const made = catalogue instanceof Blob;
  $("download-row").hidden = !made;
  $("download-hint").hidden = !made;
  const url = replaceUrl("download", made ? catalogue : null);
  if (made) $("download").href = url;
}

function clearPreview() {
  $("preview").replaceChildren();
  replaceUrl("preview", null);
}

// The real widget, reading the catalogue from a blob: address this page made (allowed by the
// page's connect-src), exactly as it reads clinics.json from a website.
function showPreview(catalogue) {
  if (!(catalogue instanceof Blob)) {
    $("preview-section").hidden = true;
    clearPreview();
    return;
  }
  const url = replaceUrl("preview", catalogue);
  $("preview-section").hidden = false;
  mountWidget(url);
}

function mountWidget(url) {
  const widget = document.createElement("clinic-compare");
  widget.setAttribute("catalogue", url);
  widget.setAttribute("lang", $("lang").value);
  if ($("country").value) widget.setAttribute("country", $("country").value);
  $("preview").replaceChildren(widget);
}

function onFiles(files) {
  if (files && files.length) examine(files[0]);
}

function wire() {
  $("file").addEventListener("change", () => onFiles($("file").files));
  const drop = $("drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => {
    e.preventDefault();
    drop.classList.remove("over");
    onFiles(e.dataTransfer.files);
  });
  for (const id of ["kind", "updated", "publisher", "keep-non-opioid", "keep-info"]) {
    $(id).addEventListener("change", () => current && examine(current.file));
  }
  for (const id of ["lang", "country"]) {
    $(id).addEventListener("change", () => urls.preview && mountWidget(urls.preview));
  }
  $("stop").addEventListener("click", () => {
    worker?.terminate();
    worker = null;
    job += 1;
    finish("Stopped. Choose a file to start again.");
  });
}

wire();
