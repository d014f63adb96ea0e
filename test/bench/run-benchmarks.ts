import { benchAlign } from './align-benchmark.js';
import { benchCli } from './cli-benchmark.js';
import { benchSentenceAlign } from './sentence-align-benchmark.js';
import { benchSite } from './site-benchmark.js';
import { benchRender } from './render-benchmark.js';
import { selectBenchmarks } from './bench-options.js';
import { benchPerfGoals } from './perf-goals.js';

/** One benchmark: a name for the table and a function returning its timed rows. */
interface Benchmark {
  name: string;
  run: () => Promise<{ name: string; ms: number; detail: string }[]>;
}

// Add new benchmarks here; each returns rows for the one table printed below.
const benchmarks: Benchmark[] = [
  { name: 'align', run: benchAlign },
  { name: 'cli', run: benchCli },
  { name: 'sentence-align', run: benchSentenceAlign },
  { name: 'site', run: benchSite },
  { name: 'render', run: benchRender },
  { name: 'perf', run: benchPerfGoals },
];

const rows: { name: string; ms: number; detail: string }[] = [];
for (const benchmark of selectBenchmarks(benchmarks)) {
  process.stderr.write(`running ${benchmark.name}...\n`);
  rows.push(...(await benchmark.run()));
}
const nameWidth = Math.max(4, ...rows.map((r) => r.name.length));
const msWidth = 10;
console.log(`${'case'.padEnd(nameWidth)}  ${'median ms'.padStart(msWidth)}  detail`);
console.log(`${'-'.repeat(nameWidth)}  ${'-'.repeat(msWidth)}  ${'-'.repeat(6)}`);
for (const row of rows) {
  console.log(`${row.name.padEnd(nameWidth)}  ${row.ms.toFixed(1).padStart(msWidth)}  ${row.detail}`);
}
