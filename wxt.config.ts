import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { governmentMatches } from './lib/notice/government';
import { fileHostMatches } from './lib/notice/sites';
import { pageWordsPlugin } from './scripts/page-words';
import { readerDigest } from './scripts/reader-digest';

// Explicit imports only: auto-imports hide where things come from.
export default defineConfig({
  imports: false,
  // UI text: locales/<lang>.yml, written to _locales/ with typed keys (utils/i18n.ts).
  modules: ['@wxt-dev/i18n/module'],
  // The notice script's own words come from the same catalogues (scripts/page-words.ts).
  // Which reader the build carries (scripts/reader-digest.ts): pages kept by another are read again.
  vite: () => ({
    plugins: [preact(), pageWordsPlugin(join(import.meta.dirname, 'locales'))],
    define: { __DUBAN_READER__: JSON.stringify(readerDigest(join(import.meta.dirname, 'lib/notice'))) },
  }),
  hooks: {
    // pdf.js's CMaps (packed bcmap files) into the extension, for the document viewer
    // (entrypoints/viewer/pdf.ts): Chinese PDFs whose fonts use predefined CMaps read with them.
    'build:publicAssets': (_wxt, files) => {
      const dir = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'cmaps');
      for (const name of readdirSync(dir)) if (name.endsWith('.bcmap')) files.push({ absoluteSrc: join(dir, name), relativeDest: `pdfjs/cmaps/${name}` });
    },
  },
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Each permission and why: README "Permissions".
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'activeTab', 'scripting'],
    // Loading the notice script into a government page the probe found likely (the probe's own
    // matches, lib/notice/government.ts); any other page only when the user asks (activeTab).
    // The object-storage hosts attachment links redirect to: the document viewer fetches files there.
    host_permissions: [...governmentMatches(), ...fileHostMatches()],
    // The probe (entrypoints/probe.ts, a plain script: WXT's content-script start-up would cost
    // every government page more than the probe itself) on every government page.
    content_scripts: [{ matches: governmentMatches(), js: ['probe.js'], run_at: 'document_idle' }],
    // The user asks for the page in front to be recognised (as the popup's 识别本页 button does).
    commands: {
      'recognise-page': { suggested_key: { default: 'Alt+Shift+D' }, description: '__MSG_commandRecognise__' },
    },
    // The editor frame is the only page a web page may frame, and only under a per-session URL
    // (use_dynamic_url), so a page cannot probe for duban. Overlays can show on any page the user
    // asks about (activeTab covers any http(s) page), so any web page may frame it.
    web_accessible_resources: [{ resources: ['editor.html'], matches: ['*://*/*'], use_dynamic_url: true }],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'",
    },
  },
});
