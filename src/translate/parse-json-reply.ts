import { TranslatorError } from './translator.js';

/**
 * A model's reply as translations keyed by id. Tolerates what models add around JSON (a code
 * fence, a sentence before it); anything that is not an object of strings is a `bad-response`,
 * so the core asks again. Numbers are accepted as text: a segment `2024` may come back as 2024.
 */
export function parseJsonReply(content: string | null | undefined): { id: string; text: string }[] {
  const raw = (content ?? '').trim();
  if (raw === '') throw new TranslatorError('the reply was empty', { kind: 'bad-response' });
  const parsed = parseLenient(raw);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new TranslatorError(`the reply is not a JSON object of translations: ${preview(raw)}`, { kind: 'bad-response' });
  }
  const translations: { id: string; text: string }[] = [];
  for (const [id, value] of Object.entries(parsed)) {
    if (typeof value === 'string') translations.push({ id, text: value });
    else if (typeof value === 'number') translations.push({ id, text: String(value) });
    else throw new TranslatorError(`the reply's value for "${id}" is not a string`, { kind: 'bad-response' });
  }
  return translations;
}

function parseLenient(raw: string): unknown {
  const attempts = [raw];
  const fenced = /```(?:json)?\s*\n?([\s\S]*?)```/i.exec(raw)?.[1];
  if (fenced) attempts.push(fenced.trim());
  const first = raw.indexOf('{');
  const last = raw.lastIndexOf('}');
  if (first >= 0 && last > first) attempts.push(raw.slice(first, last + 1));
  for (const text of attempts) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      // try the next reading
    }
  }
  throw new TranslatorError(`the reply is not valid JSON: ${preview(raw)}`, { kind: 'bad-response' });
}

function preview(text: string): string {
  return text.length > 120 ? `${JSON.stringify(text.slice(0, 120))}…` : JSON.stringify(text);
}
