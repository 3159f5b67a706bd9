import type { ImportOutcome } from '../lib/protocol';
import { itemRef } from '../lib/annotation/item-ref';
import { shanghaiDateTimeOf } from '../lib/annotation/shanghai-time';
import { CHANGED_FIELDS } from '../lib/transfer/changed-fields';
import { itemLabel, numbers, t } from '../utils/i18n';

/** The kinds of change, in order; each worded import.kind.<kind>. */
const KINDS = ['new', 'updated', 'unchanged', 'conflict'] as const;
/** The kinds whose item keys are listed per notice. */
const LISTED = ['new', 'updated', 'conflict'] as const;

const itemNumbers = (list: string[], count: number) => (count > list.length ? t('import.someOf', count, { items: numbers(list.map(itemLabel)) }) : numbers(list.map(itemLabel)));

/** What an import will change (or changed): counts by kind, per notice, and the conflicting notes (popup). */
export function ImportPreviewPanel({ outcome }: { outcome: ImportOutcome }) {
  return (
    <div class="preview">
      <p class="muted">{t('import.exportedAt', { at: shanghaiDateTimeOf(outcome.exportedAt) })}</p>
      <dl class="kinds">
        {KINDS.map((kind) => (
          <div key={kind} class={`kind k-${kind}`}>
            <dt>{t(`import.kind.${kind}`)}</dt>
            <dd data-kind={kind}>{outcome.counts[kind]}</dd>
          </div>
        ))}
      </dl>
      <ul class="preview-notices">
        {outcome.notices.map((n) => (
          <li key={n.key}>
            {/* A notice without a 文号 is named by its title: its key is a long URL. */}
            <b>{n.docNo ?? n.title}</b>
            {n.isNew && <span class="badge">{t('import.newNotice')}</span>}
            {n.docNo && <div class="title">{n.title}</div>}
            {LISTED.map(
              (kind) =>
                n.itemKeys[kind].length > 0 && (
                  <div key={kind}>{t('import.kindItems', { kind: t(`import.kind.${kind}`), items: itemNumbers(n.itemKeys[kind], n.counts[kind]) })}</div>
                ),
            )}
            {/* What the updates change, so that 更新 5 says whether it is statuses or colleagues' notes. */}
            {n.changed && (
              <ul class="changed" data-testid="import-changed">
                {CHANGED_FIELDS.map(
                  (f) =>
                    n.changed![f] && (
                      <li key={f} data-field={f} class={f === 'noteCleared' ? 'cleared' : undefined}>
                        {t('import.kindItems', { kind: t(`import.changed.${f}`), items: numbers(n.changed![f]!.map(itemLabel)) })}
                      </li>
                    ),
                )}
              </ul>
            )}
          </li>
        ))}
      </ul>
      {outcome.conflicts.length > 0 && (
        <div class="conflicts">
          <p>{t('import.conflictsIntro')}</p>
          <ul>
            {outcome.conflicts.map((c) => (
              <li key={itemRef(c.noticeKey, c.itemKey)}>
                <b>{t('import.conflictItem', { notice: c.docNo ?? c.noticeKey, itemKey: itemLabel(c.itemKey) })}</b>
                <div class="side">
                  <span class="who">{t('import.local')}</span>
                  <span class="text">{c.local}</span>
                </div>
                <div class="side">
                  <span class="who">{t('import.imported')}</span>
                  <span class="text">{c.imported}</span>
                </div>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
