import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { AuthorFilters } from '../../components/AuthorFilters';
import { AuthorForm } from '../../components/AuthorForm';
import { BatchImport } from '../../components/BatchImport';
import { authorDirectory, authorLabel, noteWriter } from '../../lib/annotation/author';
import { authorFacets, authorFilterActive, authorTest, EMPTY_AUTHOR_FILTER, type AuthorFilter } from '../../lib/followup/author-filter';
import { useAuthors } from '../../utils/use-author';
import { useBatchImport } from './use-batch-import';
import { MeetingReport } from '../../components/MeetingReport';
import { NoticeRevisionBanner } from '../../components/NoticeRevisionBanner';
import { OverviewDetails } from '../../components/OverviewDetails';
import { OverviewFilters } from '../../components/OverviewFilters';
import { filterWords, OverviewPrintHead, reportScope } from '../../components/OverviewPrintHead';
import { OverviewTable } from '../../components/OverviewTable';
import type { AnnotationPatch, ItemAnnotation } from '../../lib/annotation/model';
import type { HistoryView } from '../../lib/annotation/history';
import type { NoticeRevisions } from '../../lib/notice/notice-record';
import type { Result } from '../../lib/protocol';
import { itemRef } from '../../lib/annotation/item-ref';
import { keyOf } from '../../lib/notice/item-key';
import { shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import {
  deadlineOverdue,
  DEFAULT_SORT,
  EMPTY_FILTER,
  expandOverview,
  FOLLOW_UP_FILTERS,
  narrowRows,
  rowOverdue,
  sortRows,
  warmSearch,
  withAnnotation,
  type FollowUpFilter,
  type OverviewFilter,
  type OverviewRow,
  type OverviewSort,
  type SortKey,
} from '../../lib/followup/overview';
import { buildReport, type ReportGrouping } from '../../lib/followup/report';
import { reportMarkdown } from '../../components/report-text';
import { saveReportDocx } from './report-files';
import { aroundSlot, itemLabel, sayFailure, SLOT, t } from '../../utils/i18n';
import { exportLedger } from '../../utils/ledger-files';
import { sendMessage } from '../../utils/messaging';
import { askOverview, type OverviewAnswer } from './first-screen';

type Edit = Omit<AnnotationPatch, 'noticeKey' | 'itemKey' | 'fingerprint'>;

/** ?notice=KEY&item=N opens an item's details; ?followUp=due and ?q=… preset the filters. */
function initialFilter(params: URLSearchParams): OverviewFilter {
  const f = params.get('followUp') as FollowUpFilter | null;
  return {
    ...EMPTY_FILTER,
    followUp: f && (FOLLOW_UP_FILTERS as readonly string[]).includes(f) ? f : 'all',
    query: params.get('q') ?? '',
  };
}

function initialOpen(params: URLSearchParams): string | undefined {
  const notice = params.get('notice');
  const item = keyOf(params.get('item') ?? undefined);
  return notice && item !== undefined ? itemRef(notice, item) : undefined;
}

/** `firstScreen`: the first rows, asked for before the first render (see main.tsx). */
export function App({ firstScreen }: { firstScreen?: Promise<OverviewAnswer> }) {
  const params = useMemo(() => new URLSearchParams(location.search), []);
  const [rows, setRows] = useState<OverviewRow[] | null>(null);
  const [error, setError] = useState('');
  const [announce, setAnnounce] = useState('');
  // What a report action just did, said where the user looks (beside the buttons), not only to screen readers.
  const [done, setDone] = useState('');
  const say = (text: string) => {
    setAnnounce(text);
    setDone(text);
  };
  const [filter, setFilter] = useState<OverviewFilter>(() => initialFilter(params));
  const [sort, setSort] = useState<OverviewSort>(DEFAULT_SORT);
  const [active, setActive] = useState(0);
  const [openId, setOpenId] = useState<string | undefined>(() => initialOpen(params));
  const [history, setHistory] = useState<HistoryView[] | null>(null);
  const [view, setView] = useState<'table' | 'report'>('table');
  const [groupBy, setGroupBy] = useState<ReportGrouping>('leader');
  const [markdown, setMarkdown] = useState<string | null>(null);
  const [makingWord, setMakingWord] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);
  const scrollerRef = useRef<HTMLDivElement>(null);
  const openRef = useRef(openId);
  openRef.current = openId;
  const viewRef = useRef(view);
  viewRef.current = view;
  const reportButton = useRef<HTMLButtonElement>(null);
  const rendered = useRef(false);
  const complete = useRef(false);
  /** Rows in all; null until the whole answer has come (a first screen does not count them). */
  const [total, setTotal] = useState<number | null>(null);
  const [revisions, setRevisions] = useState<NoticeRevisions[]>([]);
  const [accepting, setAccepting] = useState(false);
  const [exporting, setExporting] = useState(false);
  const today = shanghaiDayOf(Date.now());
  // Who said what: the local author (first-time form), the directory, the 填报人 filters.
  const who = useAuthors();
  const [byAuthor, setByAuthor] = useState<AuthorFilter>(EMPTY_AUTHOR_FILTER);
  const directory = useMemo(() => authorDirectory(who.authors?.authors ?? []), [who.authors]);
  const batch = useBatchImport(async () => {
    await load();
    await who.reload();
  });

  /** Everything (10,000 rows take a moment to cross from the background). */
  async function load() {
    const res = await askOverview({});
    if (res.ok) {
      complete.current = true;
      setTotal(res.value.total);
      setRows(expandOverview(res.value));
    } else setError(t('overview.loadFailed', { detail: sayFailure(res) }));
  }

  /** Texts pages showed that differ from the stored ones: asked for after the rows, which come first. */
  async function loadRevisions() {
    const res = await sendMessage('getNoticeRevisions', {}).catch((e: Error) => ({ ok: false as const, error: e.message }));
    if (res.ok) setRevisions(res.value);
  }

  async function acceptRevision(noticeKey: string, revisionId: number) {
    setAccepting(true);
    const res = await sendMessage('acceptNoticeRevision', { noticeKey, revisionId }).catch((e: Error) => ({ ok: false as const, error: e.message }));
    setAccepting(false);
    if (!res.ok) {
      setError(sayFailure(res));
      return;
    }
    setError('');
    setAnnounce(t('overview.accepted'));
    // The items' texts changed: the rows are read again.
    await Promise.all([load(), loadRevisions()]);
  }

  async function loadHistory(row: Pick<OverviewRow, 'id' | 'noticeKey' | 'itemKey'>) {
    const res = await sendMessage('getItemHistory', { noticeKey: row.noticeKey, itemKey: row.itemKey }).catch(
      (e: Error) => ({ ok: false as const, error: e.message }),
    );
    if (openRef.current !== row.id) return;
    if (res.ok) setHistory(res.value);
    else setError(t('overview.historyFailed', { detail: sayFailure(res) }));
  }

  /** Every row, then the texts pages showed that differ: after the first screen, when there is one. */
  async function loadAll() {
    await load();
    await loadRevisions();
  }

  // At the first commit, not after the first paint: an answer already in shows in that paint.
  useLayoutEffect(() => {
    // The first screen (asked for before the first render, ./first-screen.ts), then everything
    // once it is painted (the effect below): asked sooner, the background's read of every row and
    // its 3 MB answer, cloned into this page, would compete with drawing the first rows.
    void (async () => {
      const head = await firstScreen;
      if (head?.ok && !complete.current) {
        setTotal(head.value.total);
        setRows(expandOverview(head.value));
      } else await loadAll();
    })();
  }, []);

  useEffect(() => {
    // Notes change on the notice pages too: coming back to this tab shows them.
    const onVisible = () => document.visibilityState === 'visible' && void load().then(loadRevisions);
    document.addEventListener('visibilitychange', onVisible);
    const onKey = (e: KeyboardEvent) => {
      const t = e.target as HTMLElement;
      if (e.key === '/' && !t.closest('input, textarea, select')) {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'Escape' && viewRef.current === 'report' && !e.defaultPrevented) {
        // Escape leaves the report as its 返回 button does; the keyboard goes back to 会议报告.
        setDone('');
        setView('table');
        requestAnimationFrame(() => reportButton.current?.focus());
      } else if (e.key === 'Escape' && openRef.current && !e.defaultPrevented) {
        closeDetailsRef.current();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('visibilitychange', onVisible);
      document.removeEventListener('keydown', onKey);
    };
  }, []);

  useEffect(() => {
    if (!rows) return;
    // The first frames with rows, and with all of them: the benchmark reads these marks.
    if (!rendered.current) {
      rendered.current = true;
      performance.mark('duban-overview-rendered');
      if (!complete.current) void loadAll();
    }
    if (complete.current && !performance.getEntriesByName('duban-overview-complete').length) {
      performance.mark('duban-overview-complete');
    }
    // Ready the search text while the user looks, so the first keystroke is as quick as the rest.
    const idle = requestIdleCallback(() => warmSearch(rows), { timeout: 2000 });
    return () => cancelIdleCallback(idle);
  }, [rows]);

  useEffect(() => {
    setHistory(null);
    const row = openId && rows?.find((r) => r.id === openId);
    if (row) void loadHistory(row);
  }, [openId, rows === null]);

  const sorted = useMemo(() => (rows ? sortRows(rows, sort, directory) : []), [rows, sort, directory]);
  // The rows shown, and each menu counting what choosing it would show under the other filters
  // (the notice menu lists every notice, the deadline filter stays while any row names one).
  const { rows: shown, facets } = useMemo(
    () => narrowRows(sorted, filter, today, authorTest(byAuthor, directory, who.authors?.me)),
    [sorted, filter, today, byAuthor, directory, who.authors],
  );
  const byAuthorFacets = useMemo(() => authorFacets(rows ?? [], directory, who.authors?.me), [rows, directory, who.authors?.me]);
  const overdue = useMemo(() => rows?.filter((r) => rowOverdue(r, today)).length ?? 0, [rows, today]);
  const pastDeadline = useMemo(() => rows?.filter((r) => deadlineOverdue(r, today)).length ?? 0, [rows, today]);
  // The filters as the printed table's head names them; a report of a filtered table says them
  // too, with how many of all the items it holds.
  const narrowed = {
    filter,
    byAuthor,
    noticeLabel: facets.notices.find((n) => n.key === filter.notice)?.label,
    authorLabel: authorLabel(byAuthorFacets.authors.find((a) => a.id === byAuthor.author)) || undefined,
    myUnit: who.authors?.me?.unit,
  };
  const scope = rows && shown.length < rows.length ? reportScope(filterWords(narrowed), shown.length, rows.length) : undefined;
  const report = useMemo(() => (view === 'report' ? buildReport(shown, groupBy, today, scope) : null), [view, shown, groupBy, today, scope]);
  const openRow = openId ? rows?.find((r) => r.id === openId) : undefined;

  async function save(row: OverviewRow, edit: Edit) {
    await send(row, { noticeKey: row.noticeKey, itemKey: row.itemKey, fingerprint: row.fingerprint, ...edit });
  }

  /** Appends a conflict copy to the note or dismisses it. */
  async function resolveCopy(row: OverviewRow, copyId: string, action: 'append' | 'dismiss'): Promise<Result<ItemAnnotation>> {
    const res = await sendMessage('resolveNoteCopy', { noticeKey: row.noticeKey, itemKey: row.itemKey, copyId, action }).catch((e: Error) => ({
      ok: false as const,
      error: e.message,
    }));
    if (res.ok) setRows((rs) => rs && rs.map((r) => (r.id === row.id ? withAnnotation(r, res.value) : r)));
    else setError(sayFailure(res));
    return res;
  }

  /** Sends one edit; a stored answer updates the row (and the open item's history). */
  async function send(row: OverviewRow, patch: AnnotationPatch): Promise<Result<ItemAnnotation>> {
    const res = await sendMessage('saveAnnotation', patch).catch((e: Error) => ({ ok: false as const, error: e.message }));
    if (!res.ok) {
      setError(sayFailure(res));
      return res;
    }
    setError('');
    setRows((rs) => rs && rs.map((r) => (r.id === row.id ? withAnnotation(r, res.value) : r)));
    setAnnounce(t('overview.saved', { itemKey: itemLabel(row.itemKey) }));
    if (openRef.current === row.id) void loadHistory(row);
    return res;
  }

  const changeFilter = (f: OverviewFilter) => {
    setFilter(f);
    setActive(0);
    if (scrollerRef.current) scrollerRef.current.scrollTop = 0;
  };
  const changeSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, dir: s.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' }));
  /** Closes the details panel (also on Escape anywhere) and gives the keyboard back to the table. */
  const closeDetails = () => {
    setOpenId(undefined);
    requestAnimationFrame(() => scrollerRef.current?.querySelector<HTMLElement>('tr[tabindex="0"]')?.focus());
  };
  const closeDetailsRef = useRef(closeDetails);
  closeDetailsRef.current = closeDetails;

  async function exportWord() {
    if (!report) return;
    setMakingWord(true);
    try {
      await saveReportDocx(report, Date.now());
      say(t('meetingReport.wordSaved'));
    } catch (e) {
      setError(t('meetingReport.wordFailed', { detail: (e as Error).message }));
    } finally {
      setMakingWord(false);
    }
  }

  /** The ledger of the chosen notice, else of every annotated one (the spreadsheet library loads now). */
  async function ledger() {
    setExporting(true);
    try {
      const r = await exportLedger(filter.notice ? [filter.notice] : undefined);
      if (r.ok) {
        setError('');
        say(t('ledger.exported', r.value.items, { file: r.value.filename }));
      } else setError(sayFailure(r));
    } catch (e) {
      setError(String(e));
    } finally {
      setExporting(false);
    }
  }

  async function copyMarkdown() {
    if (!report) return;
    const md = reportMarkdown(report);
    try {
      await navigator.clipboard.writeText(md);
      setMarkdown(null);
      say(t('overview.markdownCopied'));
    } catch {
      setMarkdown(md); // no clipboard access: show it to copy by hand
    }
  }

  const [countsBefore, countsAfter] = aroundSlot(t('overview.counts', total ?? 0, { shown: SLOT }));
  const counts = rows && (total === null ? (
    <p class="counts" aria-busy="true">{t('common.loading')}</p>
  ) : (
    <p class="counts">
      {countsBefore}
      <strong>{shown.length}</strong>
      {countsAfter}
      {/* Each count a button to its rows, as the notice bar's 逾期 is: pressed again, every row. */}
      {overdue > 0 && (
        <button type="button" class="tag overdue" aria-pressed={filter.followUp === 'overdue'}
          onClick={() => changeFilter({ ...filter, followUp: filter.followUp === 'overdue' ? 'all' : 'overdue' })}>
          {t('overview.overdueCount', overdue)}
        </button>
      )}
      {pastDeadline > 0 && (
        <button type="button" class="tag overdue" aria-pressed={filter.deadline === 'overdue'}
          onClick={() => changeFilter({ ...filter, deadline: filter.deadline === 'overdue' ? 'all' : 'overdue' })}>
          {t('overview.pastDeadlineCount', pastDeadline)}
        </button>
      )}
    </p>
  ));

  return (
    <div class={`page view-${view}`}>
      <header class="top no-print">
        <h1>
          {t('overview.title')}
        </h1>
        {counts}
        <div class="actions">
          {view === 'table' ? (
            <>
              <button type="button" ref={reportButton} disabled={!shown.length} onClick={() => { setDone(''); setView('report'); }}>
                {t('overview.report')}
              </button>
              <button type="button" data-action="export-ledger" disabled={!rows?.length || exporting} title={t('ledger.exportTitle')} onClick={() => void ledger()}>
                {exporting ? t('ledger.exporting') : t('ledger.export')}
              </button>
            </>
          ) : (
            <>
              <fieldset class="grouping">
                <legend class="sr-only">{t('overview.grouping')}</legend>
                {(['leader', 'leadUnit'] as const).map((g) => (
                  <label key={g}>
                    <input type="radio" name="groupBy" value={g} checked={groupBy === g} onChange={() => setGroupBy(g)} />
                    {t(`report.grouping.${g}`)}
                  </label>
                ))}
              </fieldset>
              <button type="button" onClick={() => window.print()}>
                {t('overview.print')}
              </button>
              <button type="button" onClick={() => void copyMarkdown()}>
                {t('overview.copyMarkdown')}
              </button>
              <button type="button" data-export="docx" disabled={makingWord} onClick={() => void exportWord()}>
                {t('meetingReport.word')}
              </button>
              <button type="button" class="quiet" onClick={() => { setDone(''); setView('table'); }}>
                {t('overview.back')}
              </button>
            </>
          )}
          {done && (
            <span class="done" data-testid="report-done" aria-hidden="true">
              ✓ {done}
            </span>
          )}
        </div>
      </header>
      <p class="sr-only" role="status" aria-live="polite">
        {announce}
      </p>
      <NoticeRevisionBanner notices={revisions} busy={accepting} onAccept={(key, id) => void acceptRevision(key, id)} />
      {error && (
        <p class="error no-print" role="alert">
          {error}
        </p>
      )}

      {who.authors && !who.authors.asked && (
        <AuthorForm onSave={who.save} onSkip={() => void who.skip()} idPrefix="overview-author" />
      )}
      {who.saved && who.authors?.asked && (
        <p class="author-saved no-print" role="status" data-testid="author-saved">
          {t('authors.form.saved', { who: who.saved })}
        </p>
      )}
      {view === 'table' && (
        <BatchImport
          state={batch.state}
          onChoose={(files) => void batch.choose(files)}
          onApply={() => void batch.apply()}
          onCancel={batch.cancel}
          onUndo={(id) => void batch.undo(id)}
        />
      )}

      {rows === null && !error && <p class="muted">{t('common.loading')}</p>}
      {rows?.length === 0 && <p class="empty">{t('overview.empty')}</p>}

      {rows && rows.length > 0 && view === 'table' && (
        <>
          <OverviewFilters
            filter={filter}
            facets={facets}
            onChange={changeFilter}
            searchRef={searchRef}
            othersActive={authorFilterActive(byAuthor)}
            onClear={() => setByAuthor(EMPTY_AUTHOR_FILTER)}
          >
            <AuthorFilters
              filter={byAuthor}
              facets={byAuthorFacets}
              me={who.authors?.me}
              onChange={(f) => {
                setByAuthor(f);
                setActive(0);
              }}
            />
          </OverviewFilters>
          <OverviewPrintHead
            {...narrowed}
            shown={shown.length}
            total={total ?? rows.length}
            today={today}
          />
          <main class={`body${openRow ? " with-details" : ""}`}>
            {shown.length ? (
              <OverviewTable
                rows={shown}
                today={today}
                sort={sort}
                onSort={changeSort}
                active={Math.min(active, shown.length - 1)}
                onActive={setActive}
                onOpen={(r) => setOpenId(r.id)}
                onStatus={(r, status) => void save(r, { status })}
                onFollowUp={(r, followUp) => void save(r, { followUp })}
                showNotice={facets.notices.length > 1}
                showDeadline={facets.deadlines > 0}
                authors={directory}
                openId={openId}
                scrollerRef={scrollerRef}
              />
            ) : (
              <p class="empty">{t('overview.noMatch')}</p>
            )}
            {openRow && (
              <OverviewDetails
                row={openRow}
                history={history}
                today={today}
                send={(patch) => send(openRow, patch)}
                resolveCopy={(copyId, action) => resolveCopy(openRow, copyId, action)}
                onClose={closeDetails}
                onOpenPage={(url) => void sendMessage('openPage', { url }).catch(() => {})}
                reportedBy={authorLabel(noteWriter(openRow, directory)) || undefined}
              />
            )}
          </main>
        </>
      )}

      {report && (
        <>
          {markdown !== null && (
            <div class="markdown no-print">
              <label for="markdown">
                {t('overview.copyByHand')}
              </label>
              <textarea id="markdown" readOnly rows={10} value={markdown} />
            </div>
          )}
          <MeetingReport report={report} />
        </>
      )}
    </div>
  );
}
