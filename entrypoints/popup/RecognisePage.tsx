import { useState } from 'preact/hooks';
import { sayFailure, t } from '../../utils/i18n';
import { sendMessage } from '../../utils/messaging';
import { activeTabId } from './browser';

/**
 * 识别本页: the user asks duban to recognise the page in the tab the popup was opened over (the
 * click on the toolbar button granted duban that tab: activeTab). Says what was found; a page that
 * is not a notice is said so.
 */
export function RecognisePage(p: { onRecognised: () => void }) {
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState<{ ok: boolean; text: string }>();

  const ask = async () => {
    const tabId = await activeTabId();
    if (tabId === undefined) return setSaid({ ok: false, text: t('recognise.cannot') });
    setBusy(true);
    try {
      const r = await sendMessage('recognisePage', { tabId });
      if (!r.ok) setSaid({ ok: false, text: sayFailure(r) });
      else if (r.value.verdict === 'none') setSaid({ ok: false, text: t('recognise.notNotice') });
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
    </section>
  );
}
