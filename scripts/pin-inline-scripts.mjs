// Tightens the Content-Security-Policy of a built page: replaces
// 'unsafe-inline' in script-src with the SHA-256 hash of each inline script
// the page actually has (Trunk writes one to start the wasm app). The dev
// server keeps 'unsafe-inline' because its live-reload script changes.
//
// Usage: node scripts/pin-inline-scripts.mjs dist/index.html
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';

const file = process.argv[2];
if (!file) {
  console.error('usage: pin-inline-scripts.mjs <index.html>');
  process.exit(2);
}
const html = readFileSync(file, 'utf8');
const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)]
  .map((match) => match[1])
  .filter((body) => body.trim() !== '');
const hashes = inlineScripts.map(
  (body) => `'sha256-${createHash('sha256').update(body, 'utf8').digest('base64')}'`,
);

const cspMeta = /(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")/;
if (!cspMeta.test(html)) {
  console.error(`${file}: no Content-Security-Policy meta tag to tighten`);
  process.exit(1);
}
const pinned = html.replace(cspMeta, (_, open, policy, close) => {
  const tightened = policy.replace(/\s*'unsafe-inline'/, hashes.length ? ` ${hashes.join(' ')}` : '');
  return open + tightened + close;
});
writeFileSync(file, pinned);
console.log(`${file}: pinned ${hashes.length} inline script(s) in the CSP`);
