import { useEffect, useRef, useState } from 'preact/hooks';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** Typing a date fires a change per digit: save once the typing pauses, or on Enter or leaving. */
const SETTLE_MS = 1000;

export interface FollowUpInputProps {
  /** YYYY-MM-DD or none. */
  value?: string;
  label: string;
  /** A new day, or null to clear it. */
  onCommit(day: string | null): void;
  class?: string;
  id?: string;
}

/** The follow-up day as a native date field. */
export function FollowUpInput({ value, label, onCommit, class: cls, id }: FollowUpInputProps) {
  const [draft, setDraft] = useState(value ?? '');
  const committed = useRef(value ?? '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // The latest draft and commit, for the unmount below (a virtualised row can scroll away mid-edit).
  const latest = useRef({ draft, commit: (_v: string) => {} });
  useEffect(() => {
    setDraft(value ?? '');
    committed.current = value ?? '';
  }, [value]);
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      latest.current.commit(latest.current.draft);
    },
    [],
  );

  const commit = (v: string) => {
    clearTimeout(timer.current);
    if (v === committed.current || (v !== '' && !DAY.test(v))) return;
    committed.current = v;
    onCommit(v || null);
  };
  latest.current = { draft, commit };
  return (
    <input
      type="date"
      id={id}
      class={cls}
      value={draft}
      aria-label={label}
      onInput={(e) => {
        const v = e.currentTarget.value;
        setDraft(v);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => commit(v), SETTLE_MS);
      }}
      onBlur={() => commit(draft)}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(draft);
      }}
    />
  );
}
