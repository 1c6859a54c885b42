// A small static file server for the demo and the end-to-end tests: correct MIME types (.wasm as
// application/wasm), folders mounted at URL prefixes, 127.0.0.1 only.
//
//   node scripts/serve.mjs [--port 8000] [--root dist] [--mount /prefix/=folder ...]
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".wasm": "application/wasm",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".csv": "text/csv; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
  ".bin": "application/octet-stream",
};

/**
 * Starts a server. `mounts` maps URL prefixes ending in "/" to folders; `handler(req, res)` may answer
 * a request first (return true) to inject faults or special headers.
 */
export function serve({ mounts, port = 0, host = "127.0.0.1", handler, headers = () => ({}) }) {
  const table = Object.entries(mounts)
    .map(([prefix, dir]) => [prefix, resolve(dir)])
    .sort((a, b) => b[0].length - a[0].length);
  const server = createServer(async (req, res) => {
    try {
      if (handler && (await handler(req, res))) return;
      const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
      const mount = table.find(([prefix]) => path.startsWith(prefix));
      if (!mount) return notFound(res);
      const [prefix, dir] = mount;
      let file = normalize(join(dir, path.slice(prefix.length)));
      if (file !== dir && !file.startsWith(dir + sep)) return notFound(res);
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, "index.html");
      const body = await readFile(file).catch(() => null);
      if (!body) return notFound(res);
      const type = TYPES[extname(file)] || "application/octet-stream";
      // Hashed assets never change; everything else is revalidated.
      const cache = /\.[0-9a-f]{12}\.(js|wasm|txt|bin)$/.test(file) ? "public, max-age=31536000, immutable" : "no-cache";
      res.writeHead(200, { "content-type": type, "cache-control": cache, ...headers(path) });
      res.end(req.method === "HEAD" ? undefined : body);
    } catch (error) {
      res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    }
  });
  return new Promise((ok) => server.listen(port, host, () => ok(server)));
}

function notFound(res) {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
  res.end("Not found");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const mounts = {};
  let port = Number(process.env.PORT || 8000);
  for (let i = 0; i < args.length; i++) {
    if (args[i] === "--port") port = Number(args[++i]);
    else if (args[i] === "--root") mounts["/"] = args[++i];
    else if (args[i] === "--mount") {
      const [prefix, dir] = args[++i].split("=");
      mounts[prefix] = dir;
    }
  }
  if (!mounts["/"]) mounts["/"] = "dist";
  const server = await serve({ mounts, port });
  console.log(`clinic-compare demo: http://127.0.0.1:${server.address().port}/  (Ctrl-C to stop)`);
}
