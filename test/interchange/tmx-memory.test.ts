import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bitext, projectWithPost, readText, REPO, tempProject } from '../helpers/temp-project.js';
import { projectWithTranslatedPost } from './interchange-helpers.js';

const memoryEntries = (dir: string) => (JSON.parse(readText(dir, 'translations/.bitext/memory.json')) as { entries: { key: string; source: string; translation: string; origin: string }[] }).entries;

describe('bitext tm export|import --format tmx', () => {
  it("exports the memory as TMX 1.4b that seeds another project: the post then translates from it alone", async () => {
    const from = projectWithTranslatedPost();
    const exported = await bitext(from, ['tm', 'export', '--format', 'tmx', '--output', 'team.tmx']);
    expect(exported.code).toBe(0);
    const tmx = readText(from, 'team.tmx');
    const pairs = memoryEntries(from).filter((e) => e.key.startsWith('zh>en:'));
    expect(tmx).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">\n  <header creationtool="bitext" [^>]*srclang="zh"/);
    expect((tmx.match(/<tu>/g) ?? []).length).toBe(pairs.length);

    const to = projectWithPost();
    const imported = await bitext(to, ['tm', 'import', join(from, 'team.tmx'), '--format', 'tmx']);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain(`added ${pairs.length} translation(s) zh→en`);
    // No translator is reachable here: every segment must come from the imported memory.
    const translated = await bitext(to, ['translate', 'content/post.md', '--translator', 'command', '--command', 'exit 3']);
    expect(translated.code).toBe(0);
    expect(readText(to, 'translations/post.en.md')).toBe(readFileSync(join(REPO, 'translations', 'john-schulman-interview.en.md'), 'utf8'));
  });

  it("imports another tool's TMX: regional language codes, inline codes kept as their text, origin human", async () => {
    const dir = tempProject({
      'other.tmx': `<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6" segtype="sentence" o-tmf="OmegaT TMX" adminlang="EN-US" srclang="ZH-CN" datatype="plaintext"/>
<body>
<tu><tuv xml:lang="ZH-CN"><seg>运行 <ph x="1">\`npm test\`</ph> 即可。</seg></tuv><tuv xml:lang="EN-US"><seg>Just run <ph x="1">\`npm test\`</ph>.</seg></tuv></tu>
<tu><tuv xml:lang="ZH-CN"><seg>只有源文。</seg></tuv></tu>
</body></tmx>`,
    });
    const result = await bitext(dir, ['tm', 'import', 'other.tmx']);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('added 1 translation(s) zh→en from other.tmx (written by OmegaT)');
    expect(memoryEntries(dir)).toEqual([expect.objectContaining({ source: '运行 `npm test` 即可。', translation: 'Just run `npm test`.', origin: 'human' })]);
  });

  it('refuses a TMX without the language pair, naming the file, and writes nothing', async () => {
    const dir = tempProject({ 'de.tmx': '<tmx version="1.4"><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>Hallo</seg></tuv><tuv xml:lang="fr"><seg>Salut</seg></tuv></tu></body></tmx>' });
    const result = await bitext(dir, ['tm', 'import', 'de.tmx']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('de.tmx:1: no translation unit pairs zh with en');
    expect(() => readText(dir, 'translations/.bitext/memory.json')).toThrow();
  });
});
