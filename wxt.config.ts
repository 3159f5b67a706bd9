import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { siteOrigins } from './lib/notice/sites';

// Explicit imports only: auto-imports hide where things come from.
export default defineConfig({
  imports: false,
  // UI text: locales/<lang>.yml, written to _locales/ with typed keys (utils/i18n.ts).
  modules: ['@wxt-dev/i18n/module'],
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    // Each permission and why: README "Permissions".
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'activeTab', 'scripting'],
    // The editor frame is the only page a web page may frame, only on the sites duban runs on
    // (lib/notice/sites.ts), and only under a per-session URL (use_dynamic_url), so a page cannot
    // probe for duban.
    web_accessible_resources: [{ resources: ['editor.html'], matches: siteOrigins(), use_dynamic_url: true }],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'",
    },
  },
});
