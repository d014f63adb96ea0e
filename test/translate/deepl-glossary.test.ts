import { describe, expect, it } from 'vitest';
import { startFakeDeepLServer, type DeepLBody } from '../helpers/fake-deepl-server.js';
import { bitext, tempProject } from '../helpers/temp-project.js';

const KEY = 'deepl-glossary-test-0123456789:fx';

describe('DeepL glossary without a pre-made id', () => {
  it('creates a DeepL glossary from the glossary file on first use, sends its id, and reuses it on the next run', async () => {
    const server = await startFakeDeepLServer(KEY);
    try {
      const dir = tempProject({
        'content/doc.md': '# 后训练\n\n我们讨论了后训练和泛化，这是一个足够长的段落。\n',
        'glossary.yaml': '- source: 后训练\n  target: post-training\n- source: 泛化\n  target: generalization\n- source: 没用到\n  target: unused\n',
        'bitext.config.json': JSON.stringify({ translatorOptions: { baseURL: server.url } }),
      });
      const env = { DEEPL_AUTH_KEY: KEY };
      const first = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'deepl', '--glossary', 'glossary.yaml', '--no-validate'], env);
      expect(first.code, first.stdout + first.stderr).toBe(0);
      expect(server.glossaries).toHaveLength(1);
      expect(server.glossaries[0]).toMatchObject({ source_lang: 'zh', target_lang: 'en', entries: { 后训练: 'post-training', 泛化: 'generalization' } });
      const translations = server.requests.filter((r) => r.path === '/v2/translate');
      expect(translations.length).toBeGreaterThan(0);
      for (const r of translations) expect((r.json as DeepLBody).glossary_id).toBe(server.glossaries[0]?.glossary_id);

      // A new paragraph with the same terms: the glossary is found by name, not created again.
      const { writeFile } = await import('../helpers/temp-project.js');
      writeFile(dir, 'content/doc.md', '# 后训练\n\n我们讨论了后训练和泛化，这是一个足够长的段落。\n\n后训练之后的泛化也是新的一段，足够长。\n');
      const second = await bitext(dir, ['translate', 'content/doc.md', '--translator', 'deepl', '--glossary', 'glossary.yaml', '--no-validate'], env);
      expect(second.code, second.stdout + second.stderr).toBe(0);
      expect(server.glossaries).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});
