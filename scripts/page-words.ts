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

/** Each locale's messages whose keys start with one of PAGE_WORD_PREFIXES. */
export async function pageWords(localesDir: string): Promise<PageWords> {
  const words: PageWords = {};
  for (const file of readdirSync(localesDir).filter((f) => f.endsWith('.yml')).sort()) {
    const messages = generateChromeMessages(await parseMessagesFile(join(localesDir, file)));
    const held: Record<string, string> = {};
    for (const [key, { message }] of Object.entries(messages)) {
      if (PAGE_WORD_PREFIXES.some((p) => key.startsWith(p))) held[key] = message;
    }
    words[file.replace(/\.yml$/, '')] = held;
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
      for (const file of readdirSync(localesDir)) if (file.endsWith('.yml')) this.addWatchFile(join(localesDir, file));
      return `export default ${JSON.stringify(await pageWords(localesDir))};`;
    },
  };
}
