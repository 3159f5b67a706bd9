import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';

interface Props {
  summary: ComponentChildren;
  open?: boolean;
  class?: string;
  children: () => ComponentChildren;
}

/** A native <details> whose content is built only once opened: a popup with thousands of items opens fast. */
export function PopupDetails({ summary, open = false, class: className, children }: Props) {
  const [isOpen, setOpen] = useState(open);
  return (
    <details class={className} open={isOpen} onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}>
      <summary>{summary}</summary>
      {isOpen && children()}
    </details>
  );
}
