import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';

// Explicit imports only: auto-imports hide where things come from.
export default defineConfig({
  imports: false,
  vite: () => ({ plugins: [preact()] }),
  manifest: {
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: ['storage', 'unlimitedStorage', 'alarms', 'notifications', 'tabs'],
    content_security_policy: {
      extension_pages: "script-src 'self'; object-src 'self'; base-uri 'none'; form-action 'none'",
    },
  },
});
