import { access } from 'node:fs/promises';
import { join } from 'node:path';

// A site generator is obvious from a file only it keeps at the site root.
const MARKERS: { preset: string; all: string[][] }[] = [
  { preset: 'docusaurus', all: [['docusaurus.config.js', 'docusaurus.config.ts', 'docusaurus.config.mjs', 'docusaurus.config.cjs']] },
  { preset: 'vitepress', all: [['.vitepress/config.js', '.vitepress/config.ts', '.vitepress/config.mjs', '.vitepress/config.mts']] },
  { preset: 'dumi', all: [['.dumirc.ts', '.dumirc.js']] },
  { preset: 'hugo', all: [['hugo.toml', 'hugo.yaml', 'hugo.json']] },
  { preset: 'hexo', all: [['_config.yml'], ['scaffolds']] },
  { preset: 'jekyll', all: [['_config.yml'], ['Gemfile']] },
];

/**
 * The site preset obvious from the working folder (`docusaurus.config.js`, `.vitepress/config.*`,
 * `hugo.toml`, a Hexo or Jekyll `_config.yml`), or undefined. Used only when the config names none.
 */
export async function detectSiteDialect(cwd: string): Promise<string | undefined> {
  for (const { preset, all } of MARKERS) {
    let found = true;
    for (const anyOf of all) {
      if (!(await anyExists(cwd, anyOf))) {
        found = false;
        break;
      }
    }
    if (found) return preset;
  }
  return undefined;
}

/** The dialects a site without a configured `dialect` is read in: the detected preset, or none. */
export async function siteDialects(cwd: string): Promise<string[]> {
  const detected = await detectSiteDialect(cwd);
  return detected ? [detected] : [];
}

async function anyExists(cwd: string, names: readonly string[]): Promise<boolean> {
  for (const name of names) {
    try {
      await access(join(cwd, name));
      return true;
    } catch {
      // Not there: try the next name.
    }
  }
  return false;
}
