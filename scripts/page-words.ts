/**
 * The notice script's words (utils/page-words.ts), built from locales/*.yml the way the build
 * makes their messages.json (@wxt-dev/i18n), as the module `virtual:duban-page-words`.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateChromeMessages, parseMessagesFile } from '@wxt-dev/i18n/build';
import type { Plugin } from 'vite';
import { PAGE_WORD_PREFIXES, type PageWords } from '../utils/page-words';

export const PAGE_WORDS_MODULE = 'virtual:duban-page-words';

/** The catalogues' files (locales/<locale>.yml), in name order. */
const catalogueFiles = (localesDir: string) => readdirSync(localesDir).filter((f) => f.endsWith('.yml')).sort();

/** Each locale's messages.json as the build makes it (@wxt-dev/i18n), by locale (zh_CN, en). */
export async function catalogueMessages(localesDir: string): Promise<Record<string, Record<string, { message: string }>>> {
  const out: Record<string, Record<string, { message: string }>> = {};
  for (const file of catalogueFiles(localesDir)) {
    out[file.replace(/\.yml$/, '')] = generateChromeMessages(await parseMessagesFile(join(localesDir, file)));
  }
  return out;
}

/** Each locale's messages whose keys start with one of PAGE_WORD_PREFIXES. */
export async function pageWords(localesDir: string): Promise<PageWords> {
  const words: PageWords = {};
  for (const [locale, messages] of Object.entries(await catalogueMessages(localesDir))) {
    const held: Record<string, string> = {};
    for (const [key, { message }] of Object.entries(messages)) {
      if (PAGE_WORD_PREFIXES.some((p) => key.startsWith(p))) held[key] = message;
    }
    words[locale] = held;
  }
  return words;
}

export function pageWordsPlugin(localesDir: string): Plugin {
  const resolved = `\0${PAGE_WORDS_MODULE}`;
  return {
    name: 'duban-page-words',
    resolveId: (id) => (id === PAGE_WORDS_MODULE ? resolved : undefined),
    async load(id) {
      if (id !== resolved) return undefined;
      for (const file of catalogueFiles(localesDir)) this.addWatchFile(join(localesDir, file));
      return `export default ${JSON.stringify(await pageWords(localesDir))};`;
    },
  };
}
