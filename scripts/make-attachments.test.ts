import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';
import { ATTACHMENTS_DIR, buildAttachments } from './make-attachments';

it('the attachment fixtures on disk are what npm run fixtures writes, byte for byte', async () => {
  const built = await buildAttachments();
  expect(readdirSync(ATTACHMENTS_DIR).sort()).toEqual([...built.keys()].sort());
  for (const [name, bytes] of built) expect(readFileSync(resolve(ATTACHMENTS_DIR, name)).equals(bytes), name).toBe(true);
});
