import { useState } from 'preact/hooks';
import { refusalMessage } from '../../lib/notice/refusal-message';
import { say, sayFailure, t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import type { AttachmentRequest } from '../../lib/attachment/viewer-link';
import { activeTabId, openAttachment } from './browser';

/**
 * 识别本页: the user asks duban to recognise the page in the tab the popup was opened over (the
 * click on the toolbar button granted duban that tab: activeTab). Says what was found; a page that
 * is not a notice is said so; a cover page, whose list is in its attachments, lists them, each
 * opened in duban's document viewer; a report on the tasks' progress (a 督查 bulletin, a 完成情况
 * table) is said to be one, and a page of numbered points naming no units says how many it has.
 */
export function RecognisePage(p: { onRecognised: () => void }) {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ ok: boolean; text: string }>();
  const [attachments, setAttachments] = useState<AttachmentRequest[]>([]);

  const ask = async () => {
    const tabId = await activeTabId();
    if (tabId === undefined) return setSaid({ ok: false, text: t('recognise.cannot') });
    setBusy(true);
    try {
      const r = await sendMessage('recognisePage', { tabId });
      setAttachments(r.ok && r.value.verdict === 'cover' ? (r.value.attachments ?? []) : []);
      if (!r.ok) setSaid({ ok: false, text: sayFailure(r) });
      else if (r.value.verdict === 'none') setSaid({ ok: false, text: say(refusalMessage(r.value)) });
      else if (r.value.verdict === 'cover') setSaid({ ok: true, text: t('recogniseCover.found', r.value.attachments?.length ?? 0) });
      else {
        setSaid({ ok: true, text: r.value.copy ? t('recognise.foundCopy') : t('recognise.found') });
        p.onRecognised();
      }
    } catch (e) {
      setSaid({ ok: false, text: String(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="recognise">
      <button type="button" data-action="recognise" disabled={busy} title={t('popup.recogniseHint')} onClick={() => void ask()}>
        {t('popup.recognise')}
      </button>
      {said && (
        <p class={said.ok ? 'muted' : 'error'} role={said.ok ? 'status' : 'alert'} data-testid="recognise-status">
          {said.text}
        </p>
      )}
      {attachments.length > 0 && (
        <ul class="attachments" data-testid="recognise-attachments">
          {attachments.map((a) => (
            <li key={a.url}>
              <button type="button" data-action="open-attachment" title={t('attachment.openTitle')} onClick={() => void openAttachment(a)}>
                {t('attachment.open')}
              </button>{' '}
              {a.title}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
