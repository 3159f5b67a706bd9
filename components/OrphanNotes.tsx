import type { ItemAnnotation } from '../lib/annotation/model';
import { itemLabel, statusText, t } from '../utils/i18n';

const PREVIEW = 80;
const clip = (s: string) => (s.length > PREVIEW ? `${s.slice(0, PREVIEW)}…` : s);

/** Saved annotations whose item the page no longer has: listed, never dropped. */
export function OrphanNotes({ orphans, texts = {} }: { orphans: readonly ItemAnnotation[]; texts?: Readonly<Record<string, string>> }) {
  return (
    <section class="orphans">
      <p class="hint">{t('bar.orphansHint')}</p>
      <ul>
        {orphans.map((a) => (
          <li key={a.itemKey}>
            <b>#{itemLabel(a.itemKey)}</b> <span class={`tag s-${a.status}`}>{statusText(a.status)}</span>
            {a.followUp && <span class="tag">{a.followUp}</span>}
            {texts[a.itemKey] && <p class="item-text">{clip(texts[a.itemKey])}</p>}
            {a.note && <span class="text">{clip(a.note)}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}
