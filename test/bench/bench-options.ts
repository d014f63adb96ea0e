/** What `npm run bench -- [--only <name>] [--quick]` asked for. */
export interface BenchOptions {
  /** Run only the benchmark of this name (`align`, `cli`, `perf`, ...). */
  only: string | undefined;
  /** Smaller documents (×10 instead of ×100) and fewer runs: the performance goals in minutes. */
  quick: boolean;
}

/** Reads the benchmark options from the command line. */
export function benchOptions(argv: readonly string[] = process.argv.slice(2)): BenchOptions {
  const at = argv.indexOf('--only');
  const inline = argv.find((arg) => arg.startsWith('--only='));
  const only = inline !== undefined ? inline.slice('--only='.length) : at >= 0 ? argv[at + 1] : undefined;
  return { only, quick: argv.includes('--quick') };
}

/** The benchmarks selected by `--only` (all of them without it); an unknown name is an error. */
export function selectBenchmarks<T extends { name: string }>(benchmarks: readonly T[], options: BenchOptions = benchOptions()): T[] {
  if (options.only === undefined) return [...benchmarks];
  const chosen = benchmarks.filter((benchmark) => benchmark.name === options.only);
  if (chosen.length === 0) throw new Error(`no benchmark "${options.only}"; there are: ${benchmarks.map((b) => b.name).join(', ')}`);
  return chosen;
}
