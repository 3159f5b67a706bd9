import type { ImportOutcome } from '../lib/protocol';
import { itemKey } from '../lib/annotation/item-key';
import { shanghaiDateTimeOf } from '../lib/annotation/shanghai-time';
import { ZhEn } from './ZhEn';

const KINDS = [
  { kind: 'new', zh: '新增', en: 'New' },
  { kind: 'updated', zh: '更新', en: 'Updated' },
  { kind: 'unchanged', zh: '不变', en: 'Unchanged' },
  { kind: 'conflict', zh: '冲突（两边都保留）', en: 'Conflicts (both kept)' },
] as const;

const numbers = (list: number[], count: number) => list.join('、') + (count > list.length ? ` …（共 ${count}）` : '');

/** What an import will change (or changed): counts by kind, per notice, and the conflicting notes (popup). */
export function ImportPreviewPanel({ outcome }: { outcome: ImportOutcome }) {
  return (
    <div class="preview">
      <p class="muted">
        <ZhEn zh={`文件导出于 ${shanghaiDateTimeOf(outcome.exportedAt)}`} en="Exported at (Shanghai time)" />
      </p>
      <dl class="kinds">
        {KINDS.map((k) => (
          <div key={k.kind} class={`kind k-${k.kind}`}>
            <dt>
              <ZhEn zh={k.zh} en={k.en} />
            </dt>
            <dd data-kind={k.kind}>{outcome.counts[k.kind]}</dd>
          </div>
        ))}
      </dl>
      <ul class="preview-notices">
        {outcome.notices.map((n) => (
          <li key={n.key}>
            <b>{n.docNo ?? n.key}</b>
            {n.isNew && (
              <span class="badge">
                <ZhEn zh="新通知" en="new notice" />
              </span>
            )}
            <div class="title">{n.title}</div>
            {n.itemNos.new.length > 0 && <div>新增 New: {numbers(n.itemNos.new, n.counts.new)}</div>}
            {n.itemNos.updated.length > 0 && <div>更新 Updated: {numbers(n.itemNos.updated, n.counts.updated)}</div>}
            {n.itemNos.conflict.length > 0 && <div>冲突 Conflicts: {numbers(n.itemNos.conflict, n.counts.conflict)}</div>}
          </li>
        ))}
      </ul>
      {outcome.conflicts.length > 0 && (
        <div class="conflicts">
          <p>
            <ZhEn zh="两边都改过这些备注，导入后两段文字都会保留并标注：" en="Both sides changed these notes; both texts are kept, marked:" />
          </p>
          <ul>
            {outcome.conflicts.map((c) => (
              <li key={itemKey(c.noticeKey, c.itemNo)}>
                <b>
                  {c.docNo ?? c.noticeKey} 第 {c.itemNo} 项
                </b>
                <div class="side">
                  <span class="who">本地 local</span>
                  <span class="text">{c.local}</span>
                </div>
                <div class="side">
                  <span class="who">导入 imported</span>
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
