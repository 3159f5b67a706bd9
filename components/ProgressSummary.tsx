import type { ExportFormat } from '../lib/protocol';
import type { NoticeSummary } from '../lib/summary/summary';
import { ExportButtons } from './ExportButtons';
import { PopupDetails } from './PopupDetails';
import { PopupItemList } from './PopupItemList';
import { ProgressGroups } from './ProgressGroups';
import { StatusLegend } from './StatusLegend';
import { StatusStackBar } from './StatusStackBar';
import { ZhEn } from './ZhEn';

interface Props {
  notice: NoticeSummary;
  busy: boolean;
  onOpen: (href: string) => void;
  onExport: (format: ExportFormat, noticeKeys: string[]) => void;
  onOverview: () => void;
}

const days = (n: number) => (n < 0 ? `逾期 ${-n} 天 ${-n}d overdue` : n === 0 ? '今天 today' : `${n} 天后 in ${n}d`);
const total = (c: { entries: unknown[]; more: number }) => c.entries.length + c.more;

/** One annotated notice at a glance (popup): status bar, follow-ups, 序时进度, sections, units. */
export function ProgressSummary({ notice: n, busy, onOpen, onExport, onOverview }: Props) {
  const id = `notice-${n.key.replace(/[^\w-]/g, (c) => c.charCodeAt(0).toString(36))}`;
  return (
    <section class={`notice${n.current ? ' current' : ''}${n.compact ? ' compact' : ''}`} aria-labelledby={id} data-notice-key={n.key}>
      <header>
        <h2 id={id}>
          {n.current && (
            <span class="badge">
              <ZhEn zh="当前页" en="This tab" />
            </span>
          )}
          {n.docNo ?? n.key}
        </h2>
        <p class="title" title={n.title}>
          {n.title}
        </p>
      </header>
      <StatusStackBar counts={n.counts} total={n.total} label={n.docNo ?? n.key} />
      <p class="count-line">
        <ZhEn zh={`已批注 ${n.annotated} / ${n.total} 项`} en={`${n.annotated} of ${n.total} items annotated`} />
      </p>
      <StatusLegend counts={n.counts} />
      {n.importedOnly && (
        <p class="hint" data-testid="imported-only">
          <ZhEn
            zh={`此通知来自导入的文件，仅含已批注的事项${n.importedOnly.itemCount ? `（全文 ${n.importedOnly.itemCount} 项）` : ''}；打开通知页面后显示全部事项。`}
            en="Known from an imported file: only its annotated items until you open the notice."
          />
        </p>
      )}

      {n.compact ? (
        <p class="compact-line">
          <ZhEn
            zh={`逾期 ${total(n.overdue)} · 7 日内 ${total(n.coming)} · 落后序时 ${total(n.behind)}`}
            en={`${total(n.overdue)} overdue · ${total(n.coming)} coming · ${total(n.behind)} behind`}
          />{' '}
          <button type="button" class="link" onClick={onOverview}>
            <ZhEn zh="在总览中查看" en="See in Overview" />
          </button>
        </p>
      ) : (
        <>
          {total(n.overdue) > 0 && (
            <PopupDetails open class="urgent" summary={<ZhEn zh={`逾期跟进（${total(n.overdue)}）`} en="Overdue follow-ups" />}>
              {() => <PopupItemList list={n.overdue} onOpen={onOpen} detail={(e) => `${e.followUp} · ${days(e.days)}`} />}
            </PopupDetails>
          )}
          {total(n.coming) > 0 && (
            <PopupDetails open={n.current} summary={<ZhEn zh={`7 日内跟进（${total(n.coming)}）`} en="Follow-ups in the next 7 days" />}>
              {() => <PopupItemList list={n.coming} onOpen={onOpen} detail={(e) => `${e.followUp} · ${days(e.days)}`} />}
            </PopupDetails>
          )}
          {total(n.behind) > 0 && (
            <PopupDetails
              open={n.current}
              summary={<ZhEn zh={`落后于序时进度（${total(n.behind)}）`} en={`Behind schedule (序时 ${n.expected}%)`} />}
            >
              {() => (
                <PopupItemList
                  list={n.behind}
                  onOpen={onOpen}
                  detail={(e) => (
                    <span class={`grade g-${e.grade}`}>
                      {e.progress}% / 序时 {Math.round(e.expected)}% · {e.grade === 'behind' ? '落后 Behind' : '略低 Slightly behind'}
                    </span>
                  )}
                />
              )}
            </PopupDetails>
          )}
          <PopupDetails summary={<ZhEn zh={`按牵头领导（${n.sections.length}）`} en="By lead official" />}>
            {() => <ProgressGroups groups={n.sections} caption="按牵头领导 By lead official" />}
          </PopupDetails>
          <PopupDetails summary={<ZhEn zh={`按牵头单位（${n.units.length}）`} en="By lead unit" />}>
            {() => <ProgressGroups groups={n.units} caption="按牵头单位 By lead unit" />}
          </PopupDetails>
        </>
      )}
      <ExportButtons busy={busy} scope={n.docNo ?? n.key} onExport={(format) => onExport(format, [n.key])} />
    </section>
  );
}
