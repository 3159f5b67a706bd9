import { zipSync } from 'fflate';
import { expect, it } from 'vitest';
import { openZip } from './zip';

it('inflates an entry no further than its header declares: a header that lies gets a cut entry, not a bomb', () => {
  const z = zipSync({ 'word/document.xml': new Uint8Array(5_000_000) }, { level: 9 });
  const dv = new DataView(z.buffer);
  // The entry's uncompressed size, in its local header and in the central directory, made 1,000.
  dv.setUint32(22, 1000, true);
  for (let i = z.length - 22; i >= 0; i--) {
    if (dv.getUint32(i, true) === 0x02014b50) {
      dv.setUint32(i + 24, 1000, true);
      break;
    }
  }
  expect(openZip(z, () => true)['word/document.xml'].length).toBe(1000);
});
