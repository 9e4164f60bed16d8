// A tiny static file server for the built site, mounted under a sub-path the
// way GitHub Pages serves a project site (https://user.github.io/<repo>/).
// Loopback only, on a free port chosen by the OS; no dependencies.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves `root` at `http://127.0.0.1:<port><basePath>`.
 * @param {{ root: string, basePath: string }} options basePath starts and ends with '/'.
 * @returns {Promise<{ origin: string, siteUrl: string, close: () => Promise<void> }>}
 */
export async function startStaticServer({ root, basePath }) {
  const rootDir = resolve(root);
  const server = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://127.0.0.1');
    // GitHub Pages redirects the bare project path to the one with a slash.
    if (pathname === basePath.slice(0, -1)) {
      response.writeHead(301, { Location: basePath }).end();
      return;
    }
    if (!pathname.startsWith(basePath)) {
      response.writeHead(404).end('outside the site');
      return;
    }
    let relative = decodeURIComponent(pathname.slice(basePath.length));
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = normalize(join(rootDir, relative));
    if (!file.startsWith(rootDir + sep)) {
      response.writeHead(403).end();
      return;
    }
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
      response.writeHead(200, { 'Content-Type': type, 'Cache-Control': 'no-store' }).end(body);
    } catch {
      response.writeHead(404).end('not found');
    }
  });
  await new Promise((ready, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ready);
  });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    siteUrl: origin + basePath,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
