#!/usr/bin/env node
// Serves the static export in out/ the way a static host or CDN would: files as they are (text gzipped
// when the browser accepts it, as CloudFront's automatic compression and every static host do),
// a folder's index.html for a path ending in "/", and out/404.html for anything missing.
// PORT (default 3000) and HOST (default 127.0.0.1; set HOST=0.0.0.0 to reach it from other machines) pick where it listens.
import { createServer } from 'node:http';
import { createReadStream, readFileSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { extname, join, normalize, resolve } from 'node:path';

const root = resolve(process.argv[2] ?? 'out');
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? '127.0.0.1';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.webmanifest': 'application/manifest+json',
};

// Text a CDN compresses on the way out. Images and fonts are compressed already.
const COMPRESSIBLE = new Set(['.html', '.js', '.css', '.json', '.svg', '.txt', '.webmanifest']);
/** Gzipped bodies, kept per file and modification time: the export does not change while it is served. */
const gzipped = new Map();

function gzippedBody(file) {
  const key = `${file}:${statSync(file).mtimeMs}`;
  let body = gzipped.get(key);
  if (!body) {
    body = gzipSync(readFileSync(file), { level: 9 });
    gzipped.set(key, body);
  }
  return body;
}

function fileFor(urlPath) {
  const decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  const safe = normalize(decoded).replace(/^(\.\.[/\\])+/, '');
  let candidate = join(root, safe);
  if (!candidate.startsWith(root)) return null;
  try {
    if (statSync(candidate).isDirectory()) candidate = join(candidate, 'index.html');
    if (statSync(candidate).isFile()) return candidate;
  } catch {
    // Not found: try "path.html", as Next's export writes for routes without a trailing slash.
    try {
      if (statSync(`${candidate}.html`).isFile()) return `${candidate}.html`;
    } catch {
      return null;
    }
  }
  return null;
}

const server = createServer((req, res) => {
  let file = null;
  try {
    file = fileFor(req.url ?? '/');
  } catch {
    file = null;
  }
  const path = (req.url ?? '/').split('?')[0] ?? '/';
  // Routes are folders (trailingSlash): send /sandbox to /sandbox/ as a static host would.
  if (file && !path.endsWith('/') && file.endsWith('index.html')) {
    const query = (req.url ?? '').slice(path.length);
    res.writeHead(308, { Location: `${path}/${query}` });
    res.end();
    return;
  }
  const status = file ? 200 : 404;
  const target = file ?? join(root, '404.html');
  const type = TYPES[extname(target)] ?? 'application/octet-stream';
  const immutable = target.includes(`${join(root, '_next', 'static')}`);
  const headers = {
    'Content-Type': type,
    'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (COMPRESSIBLE.has(extname(target))) {
    headers.Vary = 'Accept-Encoding';
    if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
      let body;
      try {
        body = gzippedBody(target);
      } catch {
        body = null;
      }
      if (body) {
        res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': body.length });
        res.end(req.method === 'HEAD' ? undefined : body);
        return;
      }
    }
  }
  res.writeHead(status, headers);
  createReadStream(target)
    .on('error', () => res.end())
    .pipe(res);
});

server.listen(port, host, () => {
  console.log(`Roundtrip is being served from ${root} at http://${host === '0.0.0.0' ? 'localhost' : host}:${port}/`);
});
