/** A label in Chinese first, English beside it (smaller, marked lang="en" for screen readers). */
export function ZhEn({ zh, en }: { zh: string; en: string }) {
  return (
    <>
      {zh}
      <span class="en" lang="en">
        {en}
      </span>
    </>
  );
}

/** The same as plain text, for attributes (aria-label, title). */
export const zhEn = (zh: string, en: string) => `${zh} ${en}`;
