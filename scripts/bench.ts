/**
 * npm run bench [-- --json] [-- --only parse,overlay,floor,nonnotice,ledger,viewer,...]
 * Prints the medians of duban's speed goals; with --json, one JSON object on stdout.
 */
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { benchEditor } from './bench/editor';
import { benchFloor } from './bench/floor';
import { benchOverlay } from './bench/overlay';
import { benchLedger } from './bench/ledger';
import { benchLoad } from './bench/load';
import { benchNonNotice } from './bench/nonnotice';
import { benchOverview } from './bench/overview';
import { benchParse } from './bench/parse';
import { benchTransfer } from './bench/transfer';
import { benchViewer } from './bench/viewer';

const { values } = parseArgs({ options: { json: { type: 'boolean' }, only: { type: 'string' } } });
const only = values.only?.split(',');
const want = (name: string) => !only || only.includes(name);
const seedPage = fileURLToPath(new URL('../seeds/gongshu-2024-2.html', import.meta.url));
// The seed in its old table layout (the same 156 items), at its own address.
const tablePage = fileURLToPath(new URL('../tests/fixtures/notices/gongshu-2024-2-table.html', import.meta.url));
const tableUrl = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841065.html';

const GOALS: Record<string, string> = {
  parse_ms: '≤ 5 ms (Node)',
  parse_ratio: '≤ 3 × text walk',
  lists_parse_ms: 'richer reading (readNotice), items anchored, of the seed (Node)',
  lists_textwalk_ms: 'text walk of the seed, same rounds',
  lists_parse_ratio: '≤ 3 × text walk (median of paired rounds)',
  lists_table_parse_ms: 'richer reading, items anchored, of the seed\'s table layout (Node)',
  lists_table_textwalk_ms: 'text walk of the table layout, same rounds',
  lists_table_parse_ratio: '≤ 3 × text walk (median of paired rounds)',
  lines_ratio: 'the seed\'s lines alone (extract-text.ts, no word read) over its text walk: the floor under parse_ratio',
  lines_table_ratio: 'the same on the table layout: the floor under parse_table_ratio',
  overlay_ready_ms: '≤ 50 ms (Chromium)',
  probe_ready_ms: 'the same from the probe\'s start, a page where the notice opened before (the browser runs the notice script), issue 12: ≤ 50 ms',
  overlay_ready_table_ms: 'overlay_ready_ms on the seed\'s table layout, loads alternating: ≤ 50 ms',
  probe_ready_table_ms: 'probe_ready_ms on the seed\'s table layout: ≤ 50 ms',
  probe_ready_cold_ms: 'probe_ready_ms with duban\'s worker stopped before each load (it starts again for the probe)',
  probe_ready_first_ms: 'a first visit: the probe\'s verdict, the background\'s injection, then the rows (worker woken afresh)',
  probe_ready_first_table_ms: 'the same on the seed\'s table layout',
  overlay_ready_first_ms: 'a first visit, from the notice script\'s start (the page read, not known again)',
  overlay_ready_first_table_ms: 'the same on the seed\'s table layout',
  overlay_ready_changed_ms: 'a page known again whose words outside the notice changed since the last visit (a news column), from the notice script\'s start: signed, found changed, the reader loaded, the page read',
  overlay_all_rendered_ms: 'rows off screen, drawn in idle time',
  floor_script_ms: 'a bare extension: a script holding the notice script\'s text, none of it run, starts this much after the one before it',
  floor_layout_ms: 'a bare extension: the seed page\'s first layout, forced at document_idle (where the rows in view are)',
  floor_message_ms: 'a bare extension: a small message to a worker that answers at once, at page load',
  floor_notice_message_ms: 'the same carrying the seed\'s notice as the notice script sends it',
  content_script_kb: '≤ 60 KB minified',
  reader_script_kb: 'the page reader (reader.js), loaded before the notice script where a page is read: a first visit, a changed page',
  nonnotice_ms: '≤ 1 ms, probe start → verdict on a 2,000-link portal (Chromium)',
  nonnotice_main_ms: 'the same from the probe\'s main function',
  nonnotice_marker_ms: 'the data-duban="none" test hook, written after the verdict in idle time',
  nonnotice_kb: '≤ 10 KB, the probe script minified',
  editor_ready_ms: '≤ 100 ms, click → the editor frame takes keys (warm)',
  overlay_memory_mb: '≤ 20 MB, page + duban frames minus the bare page',
  export_10k_ms: '≤ 500 ms (Node)',
  import_10k_ms: '≤ 1000 ms (Node)',
  popup_summary_compute_ms: 'background compute per opening (Node)',
  popup_summary_ms: '≤ 100 ms (Chromium, first render)',
  popup_summary_cold_ms: 'the same, background woken first',
  popup_empty_ms: 'the same popup, empty database, same run',
  popup_summary_ratio: '≤ 1.3 (popup_summary_ms / popup_empty_ms)',
  popup_kb: 'the popup page\'s script and the chunks it preloads (minified): the spreadsheet library loads on demand, not in it',
  overview_render_ms: '≤ 200 ms (Chromium, first screen)',
  overview_filter_ms: '≤ 50 ms (Chromium)',
  load_overlay_ready_ms: '≤ 50 ms with a 10 MB database',
  load_popup_render_ms: 'popup first render, 10 MB database',
  load_popup_render_cold_ms: 'the same, background woken first',
  load_overview_render_ms: '≤ 200 ms with a 10 MB database',
  load_overview_filter_ms: '≤ 50 ms with a 10 MB database',
  xlsx_export_10k_ms: '≤ 1,500 ms, 导出台账 clicked → the .xlsx downloaded, 10,000 rows (Chromium, overview)',
  xlsx_import_10k_ms: '≤ 2,000 ms, an edited 10,000-row ledger chosen → its preview shown (Chromium, popup)',
  xlsx_apply_10k_ms: 'that preview applied: 导入 clicked → done (Chromium, popup); issue 13: as fast as json_apply_10k_ms',
  json_apply_10k_ms: 'the same edits as a duban JSON file: 导入 clicked → done, same run',
  viewer_ready_docx_ms: '≤ 1,000 ms, click → every item of a 150-item docx table overlaid in the viewer (Chromium)',
  viewer_ready_pdf_ms: '≤ 2,500 ms, click → every item of a 20-page text PDF overlaid in the viewer (Chromium)',
};

async function main() {
  // The Chromium benchmarks load the built extension.
  if (!existsSync(new URL('../.output/chrome-mv3/manifest.json', import.meta.url))) {
    execSync('npx wxt build', { stdio: 'ignore' });
  }
  const results: Record<string, number> = {};
  if (want('parse')) Object.assign(results, benchParse(seedPage, tablePage, tableUrl));
  if (want('overlay')) Object.assign(results, await benchOverlay());
  if (want('floor')) Object.assign(results, await benchFloor());
  if (want('nonnotice')) Object.assign(results, await benchNonNotice());
  if (want('editor')) Object.assign(results, await benchEditor());
  if (want('transfer')) Object.assign(results, await benchTransfer());
  if (want('overview')) Object.assign(results, await benchOverview());
  if (want('load')) Object.assign(results, await benchLoad());
  if (want('ledger')) Object.assign(results, await benchLedger());
  if (want('viewer')) Object.assign(results, await benchViewer());
  if (values.json) {
    process.stdout.write(JSON.stringify(results) + '\n');
    return;
  }
  for (const [name, value] of Object.entries(results)) {
    console.log(`${name.padEnd(26)} ${String(value).padStart(10)}   ${GOALS[name] ? `goal ${GOALS[name]}` : ''}`);
  }
}

await main();
