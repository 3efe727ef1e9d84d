/**
 * Where the focus goes in a horizontal toolbar for a key (WAI-ARIA APG
 * toolbar pattern): Right and Left move to the next and previous button,
 * wrapping around; Home and End go to the first and last. Null for any other
 * key, which the toolbar leaves alone (Tab leaves the toolbar). Pure, so it
 * is tested without a browser.
 */
export function nextToolbarIndex(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
