import type { ItemAnnotation } from '../lib/annotation/model';
import { itemLabel, statusText, t } from '../utils/i18n';

const PREVIEW = 80;

/** Saved annotations whose item the page no longer has: listed, never dropped. */
export function OrphanNotes({ orphans }: { orphans: readonly ItemAnnotation[] }) {
  return (
    <section class="orphans">
      <p class="hint">{t('bar.orphansHint')}</p>
      <ul>
        {orphans.map((a) => (
          <li key={a.itemKey}>
            <b>#{itemLabel(a.itemKey)}</b> <span class={`tag s-${a.status}`}>{statusText(a.status)}</span>
            {a.followUp && <span class="tag">{a.followUp}</span>}
            {a.note && <span class="text">{a.note.length > PREVIEW ? `${a.note.slice(0, PREVIEW)}…` : a.note}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
