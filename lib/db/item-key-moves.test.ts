// Notes follow their items when a notice's items take other keys: a newer reading of the same page
// (unnumbered leader lines that now head sections: 1/1 becomes 一、1.), or an accepted revision
// that renumbered them. Through the background's router on fake-indexeddb, as the pages ask.
import { parseHTML } from 'linkedom';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createService } from '../../entrypoints/background/router';
import { createReminderEngine, itemNotificationId, type ReminderPorts } from '../../entrypoints/background/reminder-engine';
import { itemUrl, snoozeDay } from '../followup/reminders';
import { itemFingerprint } from '../notice/from-reading';
import { noticeKey } from '../notice/notice-key';
import { recogniseNotice } from '../notice/recognise';
import type { Notice, NoticeItem } from '../notice/types';
import { deriveDigests } from '../summary/digests';
import { buildTransferFile, serializeTransferFile } from '../transfer/export-json';
import { dispose, freshDb } from '../transfer/test/fixtures';
import type { DubanDatabase } from './database';
import { readSnapshot } from './transfer-store';

const T0 = Date.UTC(2025, 2, 1);
const URL_ = 'https://www.example-county.gov.cn/art/2024/3/7/art_1_7.html';
const WANG = '王丹县长牵头重点工作';
const CAO = '曹惠明常务副县长牵头重点工作';

/** The page as this build reads it: each leader line heads a section, items keyed 一、1. … 二、2. */
function page(): Notice {
  const item = (n: number, text: string, unit: string) => `<p>${n}．${text}</p><p>责任单位：${unit}</p>`;
  const html = `<html><head><meta name="ArticleTitle" content="某县人民政府办公室关于印发2024年政府工作报告重点工作责任分解的通知"></head><body><div id="zoom">
    <p><strong>${WANG}</strong></p>${item(1, '全县生产总值增长7%。', '县发改局')}${item(2, '严控一般性支出。', '县财政局')}
    <p><strong>${CAO}</strong></p>${item(1, '坚持集体学法。', '县司法局')}${item(2, '深化亩均论英雄改革。', '县经信局')}</div></body></html>`;
  const r = recogniseNotice(parseHTML(html).document as unknown as Document, { url: URL_ });
  if (!r.ok) throw new Error(r.reason);
  return r.notice;
}

const OLD_KEYS = ['1/1', '1/2', '2/1', '2/2'];
const NEW_KEYS = ['一、1.', '一、2.', '二、1.', '二、2.'];

/** The same page as an older build read it: two lists numbered from 1, no sections nor leaders. */
function olderReading(): Notice {
  const p = page();
  return {
    ...p,
    sections: [WANG, CAO].map((heading, i) => ({ ordinal: i + 1, leader: heading, heading })),
    items: p.items.map(({ leaders: _l, ...item }, i) => ({ ...item, key: OLD_KEYS[i], section: i < 2 ? 1 : 2 })),
  };
}

let db: DubanDatabase;
let clock = T0;
let replaced = 0;
const service = () => createService(db, () => clock, { onRecordsReplaced: () => replaced++ });
const KEY = noticeKey(page());

function must<T>(r: { ok: true; value: T } | { ok: false; error: string }): T {
  if (!r.ok) throw new Error(r.error);
  return r.value;
}
const open = async (notice: Notice) => {
  clock += 1000;
  return must(await service().handle('openNotice', notice));
};
const save = async (itemKey: string, fields: { note?: string; followUp?: string; status?: 'in_progress' }) => {
  clock += 1000;
  const fingerprint = (await db.notices.get(KEY))!.items.find((i) => i.key === itemKey)?.fingerprint ?? '';
  return must(await service().handle('saveAnnotation', { noticeKey: KEY, itemKey, fingerprint, ...fields }));
};
const notes = async (key = KEY) => Object.fromEntries((await db.annotations.where('noticeKey').equals(key).toArray()).map((a) => [a.itemKey, a.note]));
const history = async (itemKey: string, key = KEY) =>
  must(await service().handle('getItemHistory', { noticeKey: key, itemKey })).map((e) => [e.field, e.toText ?? e.to]);

/** A colleague's file, exported by a build that read the page as olderReading, with a note on its item `index`. */
async function colleagueFile(index: number, note: string): Promise<string> {
  const colleague = await freshDb('item-key-moves-colleague');
  try {
    const { key, fingerprint } = olderReading().items[index];
    await createService(colleague, () => clock).handle('openNotice', olderReading());
    must(await createService(colleague, () => clock).handle('saveAnnotation', { noticeKey: KEY, itemKey: key, fingerprint, note }));
    return serializeTransferFile(buildTransferFile(await readSnapshot(colleague), clock).file);
  } finally {
    await dispose(colleague);
  }
}

/** The browser's side of the reminders, doing nothing but what a test gives. */
const reminderPorts = (given: Partial<ReminderPorts>): ReminderPorts => ({
  getAlarms: async () => [],
  createAlarm: async () => {},
  clearAlarm: async () => {},
  notify: async () => {},
  clearNotification: async () => {},
  setBadge: async () => {},
  openUrl: async () => {},
  overviewUrl: (q) => q,
  ...given,
});

/** The digests as stored equal those derived from the tables. */
async function expectDigestsInStep() {
  const derived = deriveDigests(await db.notices.toArray(), await db.annotations.toArray());
  expect(await db.noticeDigests.toArray()).toEqual(derived.notices);
  expect(await db.annotationDigests.toArray()).toEqual(derived.annotations);
  expect(await db.summaryDigests.toArray()).toEqual(derived.summaries);
}

/** Keys of the notice's annotations that name no item of its stored text: what OrphanNotes lists. */
async function orphans(key = KEY) {
  const items = new Set((await db.notices.get(key))!.items.map((i) => i.key));
  return (await db.annotations.where('noticeKey').equals(key).toArray()).map((a) => a.itemKey).filter((k) => !items.has(k));
}

beforeEach(async () => {
  db = await freshDb('item-key-moves');
  clock = T0;
  replaced = 0;
});
afterEach(() => dispose(db));

describe('a notice read again by a newer reading: same items, same texts, other keys', () => {
  it('is no revision: the record takes the page’s keys and the notes, their history and the popup follow', async () => {
    await open(olderReading());
    await save('1/1', { note: '已完成一季度目标', status: 'in_progress' });
    await save('2/1', { note: '已召开学法会', followUp: '2025-02-20' });

    const answer = await open(page());

    expect(answer.revision).toBeNull();
    expect(answer.annotations.map((a) => [a.itemKey, a.note])).toEqual([['一、1.', '已完成一季度目标'], ['二、1.', '已召开学法会']]);
    const record = (await db.notices.get(KEY))!;
    expect(record.items.map((i) => i.key)).toEqual(NEW_KEYS);
    expect(record.items[0].leaders).toEqual(['王丹']);
    expect(record.revisions).toBeUndefined();
    expect(await notes()).toEqual({ '一、1.': '已完成一季度目标', '二、1.': '已召开学法会' });
    expect(await orphans()).toEqual([]);
    expect(await history('一、1.')).toEqual([['created', undefined], ['status', 'in_progress'], ['note', '已完成一季度目标']]);
    expect(await history('1/1')).toEqual([]);
    await expectDigestsInStep();
    const popup = must(await service().handle('getPopupSummary', {}));
    expect(popup.notices[0].overdue.entries.map((e) => e.itemKey)).toEqual(['二、1.']);
    // Pages open at the notice, and the reminders, hear that its annotations moved.
    expect(replaced).toBe(1);
  });

  it('is seen again as stored afterwards: no second move, no revision', async () => {
    await open(olderReading());
    await save('1/2', { note: '支出压减10%' });
    await open(page());
    const again = await open(page());
    expect(again.revision).toBeNull();
    expect(again.annotations.map((a) => a.itemKey)).toEqual(['一、2.']);
    expect(replaced).toBe(1);
  });

  it('drops the revision a visit kept for the same text before notes followed keys', async () => {
    await open(olderReading());
    await save('1/1', { note: '甲' });
    const p = page();
    const { sourceUrl: _u, docNo: _d, issuer: _i, ...text } = p;
    await db.notices.update(KEY, { revisions: [{ ...text, id: 1, origin: 'page', url: URL_, firstSeenAt: clock, lastSeenAt: clock }], revisionSeq: 2 });

    expect((await open(p)).revision).toBeNull();
    expect((await db.notices.get(KEY))!.revisions).toBeUndefined();
    expect(await notes()).toEqual({ '一、1.': '甲' });
  });

  it('does not remind again of a follow-up day it reminded of under the old key', async () => {
    const shown: string[] = [];
    const reminders = createReminderEngine({ db, ports: reminderPorts({ notify: async (id) => void shown.push(id) }), now: () => clock });
    await open(olderReading());
    await save('2/2', { followUp: '2025-02-20' });
    expect(await reminders.onAlarm('duban-followup:due')).toHaveLength(1);
    await open(page());
    expect(Object.keys(await notes())).toEqual(['二、2.']);
    expect(await reminders.onAlarm('duban-followup:due')).toEqual([]);
    expect(shown).toHaveLength(1);
  });

  it('opens, snoozes and closes the item of a reminder shown under its old key, by its new one', async () => {
    const opened: string[] = [];
    const reminders = createReminderEngine({ db, ports: reminderPorts({ openUrl: async (url) => void opened.push(url) }), now: () => clock });
    await open(olderReading());
    await save('2/2', { followUp: '2025-02-20' });
    // On screen before the page was read again: it names 2/2.
    const id = itemNotificationId(KEY, '2/2');
    await open(page());
    await reminders.onNotificationClicked(id);
    expect(opened).toEqual([itemUrl(URL_, '二、2.')]);
    await reminders.onButtonClicked(id, 0);
    expect((await db.annotations.get([KEY, '二、2.']))?.followUp).toBe(snoozeDay('tomorrow', clock));
    expect(await db.annotations.get([KEY, '2/2'])).toBeUndefined();
  });

  it('moves the notes of an import with the restore point: the import still undoes', async () => {
    const text = await colleagueFile(2, '同事的批注');
    await open(olderReading());
    must(await service().handle('applyImport', { text, fileName: 'colleague.json' }));
    expect(Object.keys(await notes())).toEqual(['2/1']);

    await open(page());
    expect(Object.keys(await notes())).toEqual(['二、1.']);
    const point = must(await service().handle('getLastImport', {}))!;
    must(await service().handle('undoLastImport', { id: point.id }));
    expect(await notes()).toEqual({});
    await expectDigestsInStep();
  });

  it('writes over no note already under a new key: that one and the note it would meet both stay', async () => {
    await open(olderReading());
    await save('1/1', { note: '旧键的批注' });
    await save('1/2', { note: '第二项' });
    // A note left under 一、1. by an earlier text of the notice (an orphan until now).
    clock += 1000;
    must(await service().handle('saveAnnotation', { noticeKey: KEY, itemKey: '一、1.', fingerprint: 'other', note: '早先的批注' }));

    const answer = await open(page());
    expect(answer.revision).toBeNull();
    expect(await notes()).toEqual({ '1/1': '旧键的批注', '一、1.': '早先的批注', '一、2.': '第二项' });
    expect(await orphans()).toEqual(['1/1']);
    await expectDigestsInStep();
  });
});

describe('notes left orphaned before they followed their items', () => {
  /** What accepting the re-keyed page did before: the record took the new keys, the notes stayed under the old. */
  async function acceptedByAnEarlierBuild() {
    const record = (await db.notices.get(KEY))!;
    const p = page();
    await db.notices.put({ ...record, sections: p.sections, items: p.items });
  }

  it('go back to the one item holding their text at the next visit, with their history', async () => {
    await open(olderReading());
    await save('1/1', { note: '已完成一季度目标', status: 'in_progress' });
    await save('2/2', { note: '改革方案已报审' });
    await acceptedByAnEarlierBuild();
    expect(await orphans()).toEqual(['1/1', '2/2']);

    const answer = await open(page());

    expect(answer.annotations.map((a) => [a.itemKey, a.note])).toEqual([['一、1.', '已完成一季度目标'], ['二、2.', '改革方案已报审']]);
    expect(await orphans()).toEqual([]);
    expect(await history('一、1.')).toEqual([['created', undefined], ['status', 'in_progress'], ['note', '已完成一季度目标']]);
    expect(await history('1/1')).toEqual([]);
    await expectDigestsInStep();
    expect(replaced).toBe(1);
    // Once back, nothing moves on the visits after.
    await open(page());
    expect(replaced).toBe(1);
  });

  it('of a colleague’s file read by an earlier build go to their items when the page is first seen', async () => {
    const text = await colleagueFile(3, '同事的批注');
    // This profile knows the notice from the file alone, then opens its page.
    must(await service().handle('applyImport', { text, fileName: 'colleague.json' }));
    const answer = await open(page());
    expect(answer.revision).toBeNull();
    expect(answer.annotations.map((a) => [a.itemKey, a.note])).toEqual([['二、2.', '同事的批注']]);
    expect(await orphans()).toEqual([]);
    await expectDigestsInStep();
  });

  it('stay orphans when the item holding their text has a note of its own', async () => {
    await open(olderReading());
    await save('1/1', { note: '旧键的批注' });
    await acceptedByAnEarlierBuild();
    await save('一、1.', { note: '新键的批注' });

    await open(page());
    expect(await notes()).toEqual({ '1/1': '旧键的批注', '一、1.': '新键的批注' });
    expect(await orphans()).toEqual(['1/1']);
    expect(replaced).toBe(0);
  });
});

/** A notice of items 1–6 on one list, keyed by number, texts as given. */
function numbered(texts: readonly string[]): Notice {
  const items: NoticeItem[] = texts.map((text, i) => ({
    key: String(i + 1),
    number: i + 1,
    text,
    section: 1,
    units: [{ name: '县发改局', lead: true }],
    fingerprint: itemFingerprint(text),
  }));
  return { docNo: '某政办发〔2025〕1号', title: '关于印发2025年重点工作责任分解的通知', year: 2025, sourceUrl: 'https://www.example-county.gov.cn/art/2025/1/1/art_9.html', sections: [{ ordinal: 1, leader: '王丹县长', heading: '' }], items, gaps: [] };
}

describe('an accepted revision that renumbered items', () => {
  const TEXTS = ['甲项工作', '乙项工作', '丙项工作', '丁项工作', '戊项工作', '己项工作'];
  const N_KEY = noticeKey(numbered(TEXTS));
  const saveIn = async (itemKey: string, note: string) => {
    clock += 1000;
    const fingerprint = (await db.notices.get(N_KEY))!.items.find((i) => i.key === itemKey)?.fingerprint ?? '';
    return must(await service().handle('saveAnnotation', { noticeKey: N_KEY, itemKey, fingerprint, note }));
  };
  const accept = async (notice: Notice) => {
    const { revision } = await open(notice);
    replaced = 0;
    return must(await service().handle('acceptNoticeRevision', { noticeKey: N_KEY, revisionId: revision!.id }));
  };

  it('moves each note with its item’s text: a new item 5, the old 5 and 6 now 6 and 7', async () => {
    await open(numbered(TEXTS));
    await saveIn('4', '丁的批注');
    await saveIn('5', '戊的批注');
    await saveIn('6', '己的批注');
    await accept(numbered([...TEXTS.slice(0, 4), '新增项工作', ...TEXTS.slice(4)]));

    expect(await notes(N_KEY)).toEqual({ '4': '丁的批注', '6': '戊的批注', '7': '己的批注' });
    expect(await orphans(N_KEY)).toEqual([]);
    expect(await history('7', N_KEY)).toEqual([['created', undefined], ['note', '己的批注']]);
    expect(await history('5', N_KEY)).toEqual([]);
    await expectDigestsInStep();
    expect(replaced).toBe(1);
  });

  it('leaves a note written on the page’s text, while it is a revision not yet accepted, on its key', async () => {
    await open(numbered(TEXTS));
    const revised = numbered([...TEXTS.slice(0, 4), '新增项工作', ...TEXTS.slice(4)]);
    expect((await open(revised)).revision).not.toBeNull();
    // Item 7 of the page (己项工作) is item 6 of the stored text: the note stays on the page's 7.
    clock += 1000;
    must(await service().handle('saveAnnotation', { noticeKey: N_KEY, itemKey: '7', fingerprint: revised.items[6].fingerprint, note: '己的批注' }));
    const again = await open(revised);
    expect(again.annotations.map((a) => [a.itemKey, a.note])).toEqual([['7', '己的批注']]);
    expect(await notes(N_KEY)).toEqual({ '7': '己的批注' });
  });

  it('leaves a note whose item’s text changed where it is', async () => {
    await open(numbered(TEXTS));
    await saveIn('2', '乙的批注');
    await accept(numbered(['新增项工作', '甲项工作', '乙项工作（修订）', ...TEXTS.slice(2)]));
    expect(await notes(N_KEY)).toEqual({ '2': '乙的批注' });
  });

  it('writes over no note of the item now under the new key: the old note stays, an orphan', async () => {
    await open(numbered(TEXTS));
    await saveIn('5', '戊的批注');
    await saveIn('6', '原6的批注');
    // The old 6 is reworded (its note stays on 6), and the old 5 is now 6: its note cannot go there.
    await accept(numbered([...TEXTS.slice(0, 4), '新增项工作', '戊项工作', '己项工作（修订）']));

    expect(await notes(N_KEY)).toEqual({ '5': '戊的批注', '6': '原6的批注' });
    await expectDigestsInStep();
    expect(replaced).toBe(0);
  });
});
