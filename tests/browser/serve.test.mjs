// scripts/serve.mjs: security headers on every response, correct MIME types, no way out of
// www/dist.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, test } from 'node:test';
import { requireBuild, startServer } from './helpers.mjs';

let server;

before(async () => {
  requireBuild();
  server = await startServer();
});

after(async () => {
  await server?.stop();
});

/** GET with the path sent exactly as given (no client-side normalisation). */
function get(rawPath) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: server.port, path: rawPath, method: 'GET' }, (res) => {
      res.resume();
      res.on('end', () => resolve(res));
    });
    req.on('error', reject);
    req.end();
  });
}

test('every response carries the security headers', async () => {
  for (const p of ['/', '/main.js', '/nope']) {
    const res = await get(p);
    const csp = res.headers['content-security-policy'];
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'/);
    assert.match(csp, /connect-src 'self'/);
    assert.match(csp, /frame-ancestors 'self'/);
    assert.doesNotMatch(csp, /https?:/, 'no other origin is allowed');
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.equal(res.headers['referrer-policy'], 'no-referrer');
    assert.equal(res.headers['cross-origin-opener-policy'], 'same-origin');
  }
});

test('files are served with their MIME types', async () => {
  assert.match((await get('/')).headers['content-type'], /^text\/html/);
  assert.match((await get('/main.js')).headers['content-type'], /^text\/javascript/);
  assert.match((await get('/worker.js')).headers['content-type'], /^text\/javascript/);
  assert.equal((await get('/portrait_bg.wasm')).headers['content-type'], 'application/wasm');
  assert.match((await get('/tokens.css')).headers['content-type'], /^text\/css/);
});

test('paths cannot leave www/dist', async () => {
  for (const p of ['/../package.json', '/../../package.json', '/..%2f..%2fpackage.json', '/%2e%2e/%2e%2e/Cargo.toml', '/%00']) {
    const res = await get(p);
    assert.ok(res.statusCode === 404 || res.statusCode === 400, `${p} -> ${res.statusCode}`);
  }
  assert.equal((await get('/index.html')).statusCode, 200);
});
