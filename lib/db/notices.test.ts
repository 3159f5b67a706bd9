import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { forgedNoticeHtml } from '../../tests/fixtures/forged-notice';
import { recogniseNotice } from '../notice/recognise';
import { MAX_NOTICE_URLS } from '../notice/notice-url';
import type { Notice } from '../notice/types';
import type { OpenedNotice, Result } from '../protocol';
import { dispose, freshDb, SEED_DOC_NO, SEED_KEY, SEED_URL, seedNotice, syntheticNotice } from '../transfer/test/fixtures';
import type { DubanDatabase } from './database';
import { deriveDigests } from '../summary/digests';
import { MAX_REVISIONS, type NoticeRecord } from '../notice/notice-record';
import { createService } from '../../entrypoints/background/router';

const HTTP_URL = SEED_URL.replace('https:', 'http:');
const FORGED_URL = 'http://www.gongshu.gov.cn/art/2024/3/8/art_1229290402_9999999.html';
const T0 = Date.UTC(2025, 2, 1);

function forgedNotice(url = FORGED_URL): Notice {
  const r = recogniseNotice(parseHTML(forgedNoticeHtml()).document as unknown as Document, { url });
  if (!r.ok) throw new Error(r.reason);
  return r.notice;
}

let db: DubanDatabase;
let clock = T0;
const service = () => createService(db, () => clock);
const open = async (notice: Notice) => {
  clock += 1000;
  return must(await service().handle('openNotice', notice));
};
const stored = async (key = SEED_KEY) => (await db.notices.get(key))!;

function must<T>(r: Result<T>): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

/** The digests as stored equal those derived from the tables. */
async function expectDigestsInStep() {
  const derived = deriveDigests(await db.notices.toArray(), await db.annotations.toArray());
  expect(await db.noticeDigests.toArray()).toEqual(derived.notices);
  expect(await db.summaryDigests.toArray()).toEqual(derived.summaries);
}

beforeEach(async () => {
  db = await freshDb('notices');
  clock = T0;
});
afterEach(() => dispose(db));

describe('a page that shows another text for a known notice', () => {
  it('does not replace the stored 156 items: the forged text is kept as a revision, and the page is told which items differ', async () => {
    const seed = seedNotice();
    const forged = forgedNotice();
    expect(forged.docNo).toBe(SEED_DOC_NO);
    await open(seed);
    const answer: OpenedNotice = await open(forged);

    const record = await stored();
    expect(record.items).toEqual(seed.items);
    expect(record.title).toBe(seed.title);
    expect(record.sourceUrl).toBe(SEED_URL);
    expect(record.revisions).toHaveLength(1);
    expect(record.revisions![0]).toMatchObject({ id: answer.revision!.id, origin: 'page', url: FORGED_URL, items: forged.items });
    // Items 1–3 read otherwise; 4–156 are missing from the forged page.
    expect(answer.revision!.differs).toEqual(seed.items.map((i) => i.key));
    await expectDigestsInStep();
  });

  it('leaves the overview, the CSV export and the popup on the stored text', async () => {
    const seed = seedNotice();
    const forged = forgedNotice();
    await open(seed);
    const h = service().handle;
    must(await h('saveAnnotation', { noticeKey: SEED_KEY, itemKey: '1', fingerprint: seed.items[0].fingerprint, note: '真实批注', followUp: '2025-02-20' }));
    await open(forged);

    const overview = must(await h('getOverview', {}));
    expect(overview.items.find((i) => i.itemKey === '1')).toMatchObject({ text: seed.items[0].text, note: '真实批注' });
    const csv = must(await h('exportAnnotations', { format: 'csv' })).text;
    expect(csv).toContain(seed.items[0].text.slice(0, 30));
    expect(csv.split('\n').length).toBeGreaterThan(156);
    for (const item of forged.items) {
      expect(csv).not.toContain(item.text);
      expect(JSON.stringify(overview)).not.toContain(item.text);
    }
    const popup = must(await h('getPopupSummary', {}));
    expect(popup.notices[0]).toMatchObject({ key: SEED_KEY, total: 156, url: SEED_URL });
    expect(popup.notices[0].overdue.entries[0]).toMatchObject({ itemKey: '1', text: `${seed.items[0].text.slice(0, 60)}…` });
    expect(JSON.stringify(popup)).not.toContain(forged.items[0].text.slice(0, 10));
  });

  it('keeps one revision per text, the latest MAX_REVISIONS, with ids never reused', async () => {
    await open(seedNotice());
    const first = await open(forgedNotice());
    const again = await open(forgedNotice('https://www.gongshu.gov.cn/art/2024/3/9/art_2.html'));
    expect(again.revision!.id).toBe(first.revision!.id);
    expect((await stored()).revisions).toHaveLength(1);
    expect((await stored()).revisions![0]).toMatchObject({ url: 'https://www.gongshu.gov.cn/art/2024/3/9/art_2.html', lastSeenAt: clock });

    const ids = [first.revision!.id];
    for (let n = 0; n < MAX_REVISIONS + 2; n++) {
      const variant = forgedNotice();
      variant.items = variant.items.map((i) => (i.key === '2' ? { ...i, text: `${i.text}${n}`, fingerprint: `fp-${n}` } : i));
      ids.push((await open(variant)).revision!.id);
    }
    expect(new Set(ids).size).toBe(ids.length);
    const kept = (await stored()).revisions!;
    expect(kept.map((r) => r.id)).toEqual(ids.slice(-MAX_REVISIONS));
    expect((await stored()).items).toHaveLength(156);
  });

  it('shows the same text again as no revision at all', async () => {
    await open(seedNotice());
    const again = await open(seedNotice(`${SEED_URL}?from=wx#duban-item-3`));
    expect(again.revision).toBeNull();
    expect((await stored()).revisions).toBeUndefined();
    expect((await stored()).urls).toEqual([SEED_URL]);
  });
});

describe('the notice’s URLs', () => {
  it('an http page never replaces the https link', async () => {
    await open(seedNotice());
    await open(seedNotice(HTTP_URL));
    expect((await stored()).sourceUrl).toBe(SEED_URL);
    expect((await stored()).urls).toEqual([SEED_URL, HTTP_URL]);
  });

  it('an https page with the stored text replaces an http link; one with another text does not', async () => {
    await open(seedNotice(HTTP_URL));
    await open(forgedNotice('https://www.gongshu.gov.cn/art/2024/3/8/forged.html'));
    expect((await stored()).sourceUrl).toBe(HTTP_URL);
    await open(seedNotice());
    expect((await stored()).sourceUrl).toBe(SEED_URL);
  });

  it('writes nothing when a page at one of its known URLs shows it as stored, in whichever order its URLs come', async () => {
    const other = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841066.html';
    await open(seedNotice());
    await open(seedNotice(other));
    const writes = () => db.tableWrites.get('notices') ?? 0;
    const before = writes();
    // A reader going back and forth between two links of the notice, within the hour.
    for (let n = 0; n < 4; n++) {
      expect(await open(seedNotice())).toMatchObject({ noticeKey: SEED_KEY, revision: null });
      expect(await open(seedNotice(other))).toMatchObject({ noticeKey: SEED_KEY, revision: null });
    }
    expect(writes()).toBe(before);
    expect(new Set((await stored()).urls)).toEqual(new Set([SEED_URL, other]));
    // A link not seen before is written at once.
    await open(seedNotice(`${SEED_URL}?articleId=7`));
    expect(writes()).toBeGreaterThan(before);
    expect((await stored()).urls).toContain(`${SEED_URL}?articleId=7`);
  });

  it('keeps at most MAX_NOTICE_URLS, dropping queries that name no article', async () => {
    await open(seedNotice());
    for (let n = 0; n < 11; n++) await open(seedNotice(`${SEED_URL}?from=share&n=${n}`));
    expect((await stored()).urls).toEqual([SEED_URL]);
    for (let n = 0; n < MAX_NOTICE_URLS + 5; n++) await open(seedNotice(`${SEED_URL}?articleId=${n}`));
    const urls = (await stored()).urls;
    expect(urls).toHaveLength(MAX_NOTICE_URLS);
    expect(urls).toContain(SEED_URL);
    expect(urls.at(-1)).toBe(`${SEED_URL}?articleId=${MAX_NOTICE_URLS + 4}`);
    expect((await stored()).sourceUrl).toBe(SEED_URL);
    await expectDigestsInStep();
  });
});

describe('accepting a revision', () => {
  it('makes it the notice’s text and keeps the old text as a revision that can be taken back', async () => {
    const seed = seedNotice();
    const forged = forgedNotice();
    await open(seed);
    const { revision } = await open(forged);
    clock += 1000;
    const after = must(await service().handle('acceptNoticeRevision', { noticeKey: SEED_KEY, revisionId: revision!.id }));

    const record = await stored();
    expect(record.items).toEqual(forged.items);
    // The accepted text came from an http page: the link stays https.
    expect(record.sourceUrl).toBe(SEED_URL);
    expect(record.revisions).toHaveLength(1);
    const old = record.revisions![0];
    expect(old).toMatchObject({ origin: 'replaced', url: SEED_URL, items: seed.items, title: seed.title });
    expect(old.id).not.toBe(revision!.id);
    expect(after?.revisions).toEqual([expect.objectContaining({ id: old.id, origin: 'replaced', itemCount: 156, differs: seed.items.map((i) => i.key) })]);
    await expectDigestsInStep();

    // The real page now reads as the kept revision; accepting it brings the 156 items back.
    const reopened = await open(seed);
    expect(reopened.revision?.id).toBe(old.id);
    expect((await stored()).revisions![0].origin).toBe('page');
    must(await service().handle('acceptNoticeRevision', { noticeKey: SEED_KEY, revisionId: old.id }));
    expect((await stored()).items).toEqual(seed.items);
    expect((await open(seed)).revision).toBeNull();
    await expectDigestsInStep();
  });

  it('refuses an unknown revision or notice and writes nothing', async () => {
    await open(seedNotice());
    await open(forgedNotice());
    const before = await stored();
    for (const req of [{ noticeKey: SEED_KEY, revisionId: 99 }, { noticeKey: 'no such notice', revisionId: 1 }]) {
      const r = await service().handle('acceptNoticeRevision', req);
      expect(r.ok).toBe(false);
    }
    expect(await stored()).toEqual(before);
  });

  it('lists every notice with revisions for duban’s pages', async () => {
    await open(seedNotice());
    await open(syntheticNotice(1, 4));
    expect(must(await service().handle('getNoticeRevisions', {}))).toEqual([]);
    const { revision } = await open(forgedNotice());
    const list = must(await service().handle('getNoticeRevisions', {}));
    expect(list).toEqual([
      {
        noticeKey: SEED_KEY,
        docNo: SEED_DOC_NO,
        title: seedNotice().title,
        sourceUrl: SEED_URL,
        itemCount: 156,
        revisions: [expect.objectContaining({ id: revision!.id, origin: 'page', url: FORGED_URL, itemCount: 3, differs: seedNotice().items.map((i) => i.key) })],
      },
    ]);
  });
});

describe('a notice known only from an imported file', () => {
  async function importedRecord(items: Notice['items']) {
    const record = { key: SEED_KEY, docNo: SEED_DOC_NO, title: 't', sourceUrl: HTTP_URL, sections: [], items, gaps: [], urls: [HTTP_URL], firstSeenAt: T0, lastSeenAt: T0, importedOnly: true, itemCount: 156 };
    await db.notices.put(record as NoticeRecord);
  }

  it('is completed by a page that agrees with the file’s items', async () => {
    const seed = seedNotice();
    await importedRecord([seed.items[4]]);
    expect((await open(seed)).revision).toBeNull();
    const record = await stored();
    expect(record.items).toEqual(seed.items);
    expect(record.sourceUrl).toBe(SEED_URL);
    expect('importedOnly' in record).toBe(false);
  });

  it('keeps the file’s text when a page disagrees with it', async () => {
    const seed = seedNotice();
    await importedRecord([seed.items[0]]);
    const { revision } = await open(forgedNotice());
    expect(revision?.differs).toEqual(['1']);
    expect((await stored()).items).toEqual([seed.items[0]]);
  });
});

describe('a copy off government sites (issue 12, Identity)', () => {
  const COPY_URL = 'https://news.example.com/2024/gongshu-zerenfenjie.html';
  const OTHER_GOV_URL = 'https://www.hangzhou.gov.cn/art/2024/3/7/art_1229290402_4246130.html';
  const note = async (key: string) => must(await service().handle('saveAnnotation', { noticeKey: key, itemKey: '3', fingerprint: seedNotice().items[2].fingerprint, note: '原件上的备注' }));

  it('that is a notice duban knows (its 文号 and issuer) shows that notice’s annotations and changes nothing in it', async () => {
    await open(seedNotice());
    await note(SEED_KEY);
    const before = await stored();
    const copy = await open(seedNotice(COPY_URL));
    expect(copy.noticeKey).toBe(SEED_KEY);
    expect(copy.annotations.map((a) => a.note)).toEqual(['原件上的备注']);
    expect(copy.revision).toBeNull();
    // Its URL is no link of the notice; no record of its own.
    expect(await stored()).toEqual(before);
    expect(await db.notices.count()).toBe(1);
  });

  it('with other items says which differ, and its text is no revision of the notice', async () => {
    await open(seedNotice());
    const before = await stored();
    const copy = await open(forgedNotice(COPY_URL));
    expect(copy.noticeKey).toBe(SEED_KEY);
    expect(copy.revision?.differs.length).toBeGreaterThan(0);
    expect(await stored()).toEqual(before);
  });

  it('naming another issuer, or of a notice duban does not know, is a notice of its own', async () => {
    await open(seedNotice());
    await note(SEED_KEY);
    const elsewhere = await open({ ...seedNotice(COPY_URL), issuer: '某某县人民政府办公室' });
    expect(elsewhere.noticeKey).not.toBe(SEED_KEY);
    expect(elsewhere.annotations).toEqual([]);
    const unknown = await open({ ...syntheticNotice(5), sourceUrl: COPY_URL });
    expect(unknown.noticeKey).toBe('拱政办发〔2025〕5号@news.example.com');
  });

  it('never joins one of two notices with its 文号 when its issuer does not single one out', async () => {
    await open(seedNotice());
    // Another government site's page with the same 文号, naming no issuer.
    await open({ ...seedNotice(OTHER_GOV_URL), issuer: undefined });
    const { issuer: _named, ...unnamedCopy } = seedNotice(COPY_URL);
    expect((await open(unnamedCopy)).noticeKey).toBe('拱政办发〔2024〕2号@news.example.com');
    // Naming its issuer, it is the seed's: the other notice names none.
    expect((await open(seedNotice(COPY_URL))).noticeKey).toBe(SEED_KEY);
  });
});

describe('a copy off government sites of a notice without a 文号', () => {
  const COPY_URL = 'https://news.example.com/2024/gongshu-zerenfenjie.html';
  const OTHER_GOV_URL = 'https://www.hangzhou.gov.cn/art/2024/3/7/art_1229290402_4246130.html';
  const unnumbered = (url: string): Notice => {
    const { docNo: _d, ...notice } = seedNotice(url);
    return notice;
  };
  const note = async (key: string) =>
    must(await service().handle('saveAnnotation', { noticeKey: key, itemKey: '3', fingerprint: seedNotice().items[2].fingerprint, note: '原件上的备注' }));

  it('that has its title, issuer and items shows that notice’s annotations and changes nothing in it', async () => {
    const official = await open(unnumbered(SEED_URL));
    await note(official.noticeKey);
    const before = await stored(official.noticeKey);
    const copy = await open(unnumbered(COPY_URL));
    expect(copy.noticeKey).toBe(official.noticeKey);
    expect(copy.annotations.map((a) => a.note)).toEqual(['原件上的备注']);
    expect(copy.revision).toBeNull();
    expect(await stored(official.noticeKey)).toEqual(before);
    expect(await db.notices.count()).toBe(1);
  });

  it('with one item changed still is that notice, and says which item differs', async () => {
    const official = await open(unnumbered(SEED_URL));
    const changed = unnumbered(COPY_URL);
    changed.items = changed.items.map((i) => (i.key === '5' ? { ...i, text: `${i.text}（转载时改写）` } : i));
    const copy = await open(changed);
    expect(copy.noticeKey).toBe(official.noticeKey);
    expect(copy.revision?.differs).toEqual(['5']);
  });

  it('with another title, another issuer or other items is a notice of its own', async () => {
    const official = await open(unnumbered(SEED_URL));
    await note(official.noticeKey);
    const retitled = await open({ ...unnumbered(COPY_URL), title: '另一份通知' });
    expect(retitled.noticeKey).not.toBe(official.noticeKey);
    expect(retitled.annotations).toEqual([]);
    const elsewhere = await open({ ...unnumbered(`${COPY_URL}?b`), issuer: '某某县人民政府办公室' });
    expect(elsewhere.noticeKey).not.toBe(official.noticeKey);
    const few = unnumbered(`${COPY_URL}?c`);
    few.items = few.items.slice(0, 20);
    expect((await open(few)).noticeKey).not.toBe(official.noticeKey);
  });

  it('never joins one of two such notices', async () => {
    const first = await open(unnumbered(SEED_URL));
    const second = await open(unnumbered(OTHER_GOV_URL));
    expect(second.noticeKey).not.toBe(first.noticeKey);
    const copy = await open(unnumbered(COPY_URL));
    expect([first.noticeKey, second.noticeKey]).not.toContain(copy.noticeKey);
  });
});

describe('a notice seen again as stored', () => {
  it('is answered as stored, and when it was last seen is written at most once an hour', async () => {
    const seed = seedNotice();
    await open(seed);
    const first = await stored();
    clock += 10 * 60 * 1000;
    const again = await open(seed);
    expect(again.revision).toBeNull();
    expect(await stored()).toEqual(first);
    clock += 60 * 60 * 1000;
    await open(seed);
    expect((await stored()).lastSeenAt).toBe(clock);
    await expectDigestsInStep();
  });

  it('still keeps a new address of the notice at once', async () => {
    const seed = seedNotice();
    await open(seed);
    const other = 'https://www.gongshu.gov.cn/art/2024/3/7/art_1229138302_1841099.html';
    await open({ ...seed, sourceUrl: other });
    expect((await stored()).urls).toContain(other);
  });
});
