// Runs the workshop's engine (the CLI's importers and validation, compiled to WebAssembly) away
// from the page, so a national export never freezes it. Answers each { job, file, settings } with
// progress messages, then the report (JSON) or a failure message.

import init, { examine } from "./__WORKSHOP_GLUE__";

const ready = init({ module_or_path: new URL("./__WORKSHOP_WASM__", import.meta.url) });

function read(job, file) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => postMessage({ job, type: "progress", stage: "reading", done: e.loaded, total: e.total });
    reader.onload = () => resolve(new Uint8Array(reader.result));
    reader.onerror = () => reject(new Error("read"));
    reader.readAsArrayBuffer(file);
  });
}

async function handle({ job, file, settings }) {
  let bytes;
  try {
    bytes = await read(job, file);
  } catch {
    return postMessage({ job, type: "failed", message: "The browser could not read this file. If it is on a network drive or in a cloud folder, copy it to this computer first and try again." });
  }
  try {
    await ready;
  } catch {
    return postMessage({ job, type: "failed", message: "The workshop could not start in this browser. Please reload the page to try again." });
  }
  postMessage({ job, type: "progress", stage: "importing" });
  let last = 0;
  const progress = (done, total) => {
    const now = performance.now();
    if (now - last < 100 && done < total) return;
    last = now;
    postMessage({ job, type: "progress", stage: "checking", done, total });
  };
  try {
    const [report, catalogue] = examine(bytes, file.name, settings, progress);
    // A Blob passes to the page without copying or decoding tens of MB on its thread.
    const blob = catalogue && new Blob([catalogue], { type: "application/json" });
    postMessage({ job, type: "report", report, catalogue: blob });
  } catch (error) {
    console.error("clinic-compare workshop:", error);
    postMessage({ job, type: "failed", message: "The workshop hit a problem it could not get past while reading this file. Nothing was sent anywhere. Please reload the page and try again; if it happens again, the file may be damaged." });
  }
}

onmessage = (event) => handle(event.data);
