/**
 * npm run parse -- PAGE.html [--format json|csv] [--url URL] [--lists]
 * Prints the parsed notice with the same lib/ code the extension runs, on a Node DOM (linkedom).
 * With --lists, the richer reading (lib/notice/read-notice.ts): every list, item keys, units with
 * their roles, leaders and deadlines, in the page's own words; any breakdown notice, on any site.
 * A page that is not a breakdown notice exits 1 with a one-line reason. A page saved from a site
 * serving GBK or GB2312 is read in its charset; without --url, the address the browser noted as
 * it saved the page (`<!-- saved from url=… -->`) is the page's.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseHTML } from 'linkedom';
import { noticeToCsv, readingToCsv } from '../lib/notice/notice-csv';
import { decodePage, savedFromUrl } from '../lib/notice/page-source';
import { readNotice } from '../lib/notice/read-notice';
import { isRefusal } from '../lib/notice/reading';
import { recogniseNotice } from '../lib/notice/recognise';

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { format: { type: 'string', default: 'json' }, url: { type: 'string' }, lists: { type: 'boolean', default: false } },
  });
  const [file] = positionals;
  if (!file || (values.format !== 'json' && values.format !== 'csv')) {
    process.stderr.write('usage: npm run parse -- PAGE.html [--format json|csv] [--url URL] [--lists]\n');
    return 2;
  }
  let html: string;
  try {
    // In the charset the site served it in: many government sites serve GBK (lib/notice/page-source.ts).
    html = decodePage(readFileSync(file)).text;
  } catch (e) {
    process.stderr.write(`cannot read ${file}: ${(e as Error).message}\n`);
    return 2;
  }
  const { document } = parseHTML(html);
  // The page's own address, where the browser noted it as it saved the page: its notice is known by it.
  const url = values.url ?? savedFromUrl(html) ?? `file://${file}`;
  if (values.lists) {
    const reading = readNotice(document as unknown as Document, url);
    if (isRefusal(reading)) {
      process.stderr.write(`not a notice: ${reading.reason}\n`);
      return 1;
    }
    process.stdout.write(values.format === 'csv' ? readingToCsv(reading) : JSON.stringify(reading, null, 2) + '\n');
    return 0;
  }
  const result = recogniseNotice(document as unknown as Document, { url });
  if (!result.ok) {
    process.stderr.write(`not a notice: ${result.reason}\n`);
    return 1;
  }
  process.stdout.write(
    values.format === 'csv' ? noticeToCsv(result.notice) : JSON.stringify(result.notice, null, 2) + '\n',
  );
  return 0;
}

// `npm run parse -- page.html | head` closes the pipe early: that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = main();
