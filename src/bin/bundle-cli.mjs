// Bundles the command line (dist/bin/bitext.js) so that starting it reads a handful of files,
// not some 280 modules: each command and each adapter is its own chunk, loaded when used.
// The library (dist/index.js) stays as tsc writes it.
import { chmodSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

/**
 * Two dependencies load at start what they rarely need: fdir requires its own copy of picomatch
 * from node_modules (CommonJS, several files) though the bundle holds it, and commander loads
 * child_process (with net, stream, dgram) for subcommand executables bitext never uses. Each
 * edit must match exactly, so a dependency update that changes the text fails the build loudly.
 */
const startupEdits = {
  name: 'startup-edits',
  setup(build) {
    const edit = (filter, from, to, prefix = '') =>
      build.onLoad({ filter }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        if (!text.includes(from)) throw new Error(`bundle-cli: ${args.path} no longer contains the text to edit; update src/bin/bundle-cli.mjs`);
        return { contents: prefix + text.replace(from, to), loader: 'js' };
      });
    edit(/[\\/]fdir[\\/]dist[\\/]index\.mjs$/, '__require.resolve("picomatch");\n\tpm = __require("picomatch");', 'pm = __bitextPicomatch;', 'import __bitextPicomatch from "picomatch";\n');
    edit(/[\\/]commander[\\/]lib[\\/]command\.js$/, "const childProcess = require('node:child_process');", "const childProcess = { spawn: (...args) => require('node:child_process').spawn(...args) };");
  },
};

rmSync('dist/bin/chunks', { recursive: true, force: true });
await build({
  entryPoints: ['src/bin/bitext.ts'],
  outdir: 'dist/bin',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [startupEdits],
  // CommonJS dependencies (commander, yaml, write-file-atomic) use require, __filename and __dirname.
  banner: {
    js: [
      "import { createRequire as __bitextCreateRequire } from 'node:module';",
      "import { fileURLToPath as __bitextFileURLToPath } from 'node:url';",
      'const require = __bitextCreateRequire(import.meta.url);',
      'const __filename = __bitextFileURLToPath(import.meta.url);',
      "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
    ].join(' '),
  },
});
chmodSync('dist/bin/bitext.js', 0o755);
