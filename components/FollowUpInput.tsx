import { useEffect, useRef, useState } from 'preact/hooks';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A year typed digit by digit passes through 0002, 0020, 0202: a plausible day is saved as typed. */
const PLAUSIBLE = /^(19|20|21)\d\d-\d\d-\d\d$/;

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
  // The latest draft and commit, for the unmount below (a virtualised row can scroll away mid-edit).
  const latest = useRef({ draft, commit: (_v: string) => {} });
  // A part cleared to be typed again (the field then reads ''): half-typed, never "no day".
  const partial = useRef(false);
  useEffect(() => {
    setDraft(value ?? '');
    committed.current = value ?? '';
  }, [value]);
  useEffect(() => () => latest.current.commit(latest.current.draft), []);

  const commit = (v: string) => {
    if (partial.current || v === committed.current || (v !== '' && !DAY.test(v))) return;
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
      // A field without a day shows 年/月/日, which a printout leaves out (the overview's style.css).
      data-empty={draft === '' ? '' : undefined}
      aria-label={label}
      onInput={(e) => {
        const v = e.currentTarget.value;
        partial.current = e.currentTarget.validity.badInput;
        setDraft(v);
        if (v === '' || PLAUSIBLE.test(v)) commit(v);
      }}
      onBlur={(e) => {
        // Read as it is left: every part cleared one by one reads '' with no bad input, and may
        // come with no input event of its own (the field read '' already): that is clearing it.
        partial.current = e.currentTarget.validity.badInput;
        // Left half-typed: the field shows the stored day again.
        if (partial.current) {
          partial.current = false;
          setDraft(committed.current);
          return;
        }
        commit(e.currentTarget.value);
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit(draft);
      }}
      onKeyUp={(e) => {
        // The last part of a half-typed day cleared: the field reads '' as it did, with no bad input
        // now and no input event to say so. Every part cleared is no day.
        const el = e.currentTarget;
        if (partial.current && el.value === '' && !el.validity.badInput) {
          partial.current = false;
          setDraft('');
          commit('');
        }
      }}
    />
  );
}
