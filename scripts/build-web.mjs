#!/usr/bin/env node
// Bundles the front-end into www/dist/: main.js (the page: app shell, Lit, the API), one chunk per
// view under chunks/ (loaded when the view is first opened, with ECharts in a shared chunk),
// worker.js (module worker that loads pkg/portrait.js, one file), index.html (with an inline
// icon), CSS and the wasm module copied from pkg/. Everything is same-origin; nothing is fetched
// from another origin at run time.
//
//   node scripts/build-web.mjs            production build (minified, with source maps)
//   node scripts/build-web.mjs --dev      readable output
import * as esbuild from 'esbuild';
import { copyFile, mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const www = path.join(root, 'www');
const dist = path.join(www, 'dist');
const pkg = path.join(root, 'pkg');
const dev = process.argv.includes('--dev');

async function exists(p) {
  try {
    await stat(p);
    return true;
  } catch {
    return false;
  }
}

for (const f of ['portrait.js', 'portrait_bg.wasm']) {
  if (!(await exists(path.join(pkg, f)))) {
    console.error(
      `build-web: pkg/${f} is missing. Build the wasm first:\n` +
        '  cargo build --release --target wasm32-unknown-unknown --lib\n' +
        '  wasm-bindgen --target web --out-dir pkg target/wasm32-unknown-unknown/release/portrait.wasm\n' +
        '(or run `make build`).',
    );
    process.exit(1);
  }
}

await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

const started = performance.now();
const common = {
  absWorkingDir: root,
  outdir: dist,
  bundle: true,
  format: 'esm',
  target: ['es2022', 'chrome111', 'firefox113', 'safari16.4'],
  platform: 'browser',
  minify: !dev,
  sourcemap: dev ? 'inline' : 'linked',
  legalComments: 'linked',
  charset: 'utf8',
  metafile: true,
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};
// the page: views split into chunks, each fetched (same origin) when first opened
const page = await esbuild.build({
  ...common,
  entryPoints: { main: 'www/main.ts' },
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
});
// the worker: one file (the tail worker starts from the same script and fetches nothing else)
const worker = await esbuild.build({ ...common, entryPoints: { worker: 'www/worker/worker.ts' }, splitting: false });
const result = { metafile: { outputs: { ...page.metafile.outputs, ...worker.metafile.outputs } } };

await Promise.all([
  copyFile(path.join(www, 'index.html'), path.join(dist, 'index.html')),
  copyFile(path.join(www, 'tokens.css'), path.join(dist, 'tokens.css')),
  copyFile(path.join(www, 'app.css'), path.join(dist, 'app.css')),
  copyFile(path.join(pkg, 'portrait_bg.wasm'), path.join(dist, 'portrait_bg.wasm')),
]);

const sizes = [];
for (const [file, info] of Object.entries(result.metafile.outputs)) {
  if (file.endsWith('.js')) sizes.push(`${path.relative(dist, path.join(root, file))} ${(info.bytes / 1024).toFixed(0)} KiB`);
}
const wasm = await stat(path.join(dist, 'portrait_bg.wasm'));
sizes.push(`portrait_bg.wasm ${(wasm.size / 1024).toFixed(0)} KiB`);
console.log(`build-web: www/dist in ${(performance.now() - started).toFixed(0)} ms (${sizes.join(', ')})`);
