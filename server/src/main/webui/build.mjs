// Bundles the UI into one script and one stylesheet, beside index.html, in the folder given as the
// first argument (the server module's Maven build passes its classes folder, so the assets end up
// in the jar). Nothing is fetched at run time: marked and DOMPurify are inside app.js.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const out = process.argv[2];
if (!out) {
  console.error('usage: node build.mjs <output folder>');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
await build({
  entryPoints: ['src/app.js', 'src/app.css'],
  outdir: out,
  bundle: true,
  minify: true,
  format: 'iife',
  target: ['es2020'],
  legalComments: 'eof', // the licences of marked and DOMPurify travel with their code
  logLevel: 'warning',
});
copyFileSync('src/index.html', join(out, 'index.html'));
console.log(`web UI built into ${out}`);
