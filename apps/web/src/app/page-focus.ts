/** How long a page may take to show its heading (its data loading) before focus stays on the main region. */
export const HEADING_WAIT_MS = 5000;

function focusTarget(element: HTMLElement): void {
  // A heading is not focusable by itself; -1 keeps it out of the Tab order.
  if (!element.hasAttribute('tabindex')) {
    element.setAttribute('tabindex', '-1');
  }
  element.focus();
}

/**
 * After a navigation, screen readers and keyboard users would otherwise be left on `<body>` or on the link they
 * followed, now gone. Moves focus to the new page's main heading, or to the main region while the page loads its data
 * and then to its heading once it appears, unless the user has moved on meanwhile. Returns a function that stops
 * waiting for the heading (called when another navigation starts).
 */
export function focusPageHeading(main: HTMLElement, waitMs = HEADING_WAIT_MS): () => void {
  const active = document.activeElement;
  if (active && active !== main && main.contains(active)) {
    // The new page placed the focus itself (a field to fill, a confirmation): it knows better.
    return () => undefined;
  }
  const heading = main.querySelector<HTMLElement>('h1');
  if (heading) {
    focusTarget(heading);
    return () => undefined;
  }
  main.focus();
  const observer = new MutationObserver(() => {
    const late = main.querySelector<HTMLElement>('h1');
    if (late) {
      stop();
      if (document.activeElement === main) {
        focusTarget(late);
      }
    }
  });
  const timer = setTimeout(() => stop(), waitMs);
  function stop(): void {
    observer.disconnect();
    clearTimeout(timer);
  }
  observer.observe(main, { childList: true, subtree: true });
  return stop;
}

/** The path of a URL, without its query, matrix parameters or fragment. */
export function pathOf(url: string): string {
  return url.split(/[?#;]/)[0];
}
