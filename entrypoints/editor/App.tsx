import { useEffect, useRef, useState } from 'preact/hooks';
import { HistoryTimeline } from '../../components/HistoryTimeline';
import { ItemEditor } from '../../components/ItemEditor';
import { OrphanNotes } from '../../components/OrphanNotes';
import type { ItemStore } from '../../lib/annotation/item-store';
import type { HistoryView } from '../../lib/annotation/history';
import { timeProgress } from '../../lib/annotation/schedule';
import { shanghaiDayOf } from '../../lib/annotation/shanghai-time';
import type { EditorContext, EditorTarget } from '../../lib/protocol';
import { itemLabel, t } from '../../utils/i18n';
import type { EditorConnection } from './connect';

/** History is read again once saves settle. */
const HISTORY_DELAY = 400;

/** duban's one editor frame on a notice page: the item the page asked for, or the orphaned notes. */
export function App({ connection }: { connection: EditorConnection }) {
  const [attached, setAttached] = useState<{ context: EditorContext; store: ItemStore }>();
  const [failed, setFailed] = useState<string>();
  const [target, setTarget] = useState<EditorTarget>();
  const [, redraw] = useState(0);
  const [history, setHistory] = useState<HistoryView[] | null>(null);
  // One more each time the page shows an item: the same item shown again reads its history again.
  const [shows, setShows] = useState(0);
  const root = useRef<HTMLDivElement>(null);
  const shown = useRef<EditorTarget | undefined>(undefined);

  useEffect(() => {
    connection.ready.then(setAttached, (e: Error) => setFailed(e.message));
    // The field to start in: the note (Shift+Tab reaches status, progress and the day).
    const focusFirst = () => {
      const r = root.current;
      (r?.querySelector<HTMLElement>('textarea') ?? r?.querySelector<HTMLElement>('button.close'))?.focus();
    };
    let pending = false;
    connection.onShow(async (t) => {
      // The page's light or dark, as its rows have it (style.css [data-scheme]).
      if (t.dark !== undefined) document.documentElement.dataset.scheme = t.dark ? 'dark' : 'light';
      shown.current = t;
      setTarget(t);
      setHistory(null);
      setShows((n) => n + 1);
      pending = true;
      // Drawn before the answer goes back, so the page focuses a frame that is ready for keys.
      // (Not requestAnimationFrame: the frame is not rendered while hidden, and it waits for this.)
      await new Promise((r) => setTimeout(r, 0));
      if (document.hasFocus()) focusFirst();
    });
    // A hidden frame cannot focus a field: it does so when the page gives it the keyboard. Given it
    // back (the page hid the frame to print), the field the keyboard was in takes it again.
    let last: HTMLElement | undefined;
    const onFocusIn = (e: FocusEvent) => {
      if (e.target instanceof HTMLElement && root.current?.contains(e.target)) last = e.target;
    };
    const onFocus = () => {
      if (pending || (document.activeElement === document.body && !last?.isConnected)) focusFirst();
      else if (document.activeElement === document.body) last!.focus();
      pending = false;
    };
    addEventListener('focusin', onFocusIn);
    addEventListener('focus', onFocus);
    return () => {
      removeEventListener('focusin', onFocusIn);
      removeEventListener('focus', onFocus);
    };
  }, []);

  const itemKey = target && 'itemKey' in target ? target.itemKey : undefined;
  useEffect(() => {
    if (!attached || itemKey === undefined) return;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      void connection.loadHistory(itemKey).then((r) => {
        if (shown.current && 'itemKey' in shown.current && shown.current.itemKey === itemKey && r.ok) setHistory(r.value);
      });
    load();
    const off = attached.store.subscribe(itemKey, () => {
      redraw((n) => n + 1);
      clearTimeout(timer);
      timer = setTimeout(load, HISTORY_DELAY);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [attached, itemKey, shows]);

  const close = () => {
    attached?.store.flush();
    void connection.close();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      close();
    } else if (e.key === 'Tab' && root.current && cycleFocus(root.current, e.shiftKey)) {
      e.preventDefault();
    }
  };

  if (failed) return <p class="error" role="alert">{t('editor.failed')}</p>;
  if (!attached || !target) return <p class="muted">{t('common.loading')}</p>;
  const { context, store } = attached;
  const today = shanghaiDayOf(Date.now());
  return (
    <div class="editor" ref={root} onKeyDown={onKeyDown}>
      <header>
        <h1>{itemKey !== undefined ? t('row.item', { itemKey: itemLabel(itemKey) }) : t('editor.orphans')}</h1>
        <button type="button" class="close" aria-label={t('editor.close')} title={t('editor.close')} onClick={close}>
          ×
        </button>
      </header>
      {itemKey !== undefined ? (
        <>
          {/* Keyed by the item: what one item's fields held (a refused progress) is not the next one's. */}
          <ItemEditor
            key={itemKey}
            view={store.view(itemKey)}
            today={today}
            expected={context.year ? timeProgress(today, context.year) : undefined}
            onEdit={(fields) => store.edit(itemKey, fields)}
            onLeave={() => store.flush()}
            onNoteFocus={() => store.beginNote(itemKey)}
            onNoteLeave={() => store.endNote(itemKey)}
            onResolveCopy={(id, action) => void connection.resolveCopy(itemKey, id, action)}
          />
          <details class="history" onToggle={(e) => connection.sizeFor((e.currentTarget as HTMLDetailsElement).open)}>
            <summary>{t('editor.history')}</summary>
            <HistoryTimeline entries={history} />
          </details>
        </>
      ) : (
        <OrphanNotes orphans={store.stored().filter((a) => !context.items.some((i) => i.key === a.itemKey))} texts={context.orphanTexts} />
      )}
    </div>
  );
}

const FOCUSABLE = 'button, input, select, textarea, summary, a[href], [tabindex]:not([tabindex="-1"])';

/**
 * The editor is a dialog: Tab past its last control comes back to its first (Shift+Tab the other
 * way), rather than leaving for the page behind, where Escape no longer closes it. Answers whether
 * it moved the focus.
 */
function cycleFocus(root: HTMLElement, back: boolean): boolean {
  const all = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0);
  if (!all.length) return false;
  const edge = back ? all[0] : all[all.length - 1];
  if (document.activeElement !== edge && document.activeElement !== document.body) return false;
  (back ? all[all.length - 1] : all[0]).focus();
  return true;
}
