import { forwardRef, type KeyboardEvent, type ReactNode } from 'react';

interface ToolbarButtonProps {
  /** The visible text, which is also the accessible name (WCAG 2.5.3, label in name). */
  children: ReactNode;
  onActivate: () => void;
  /** A toggle (Bold, Heading level 2): its pressed state, kept in sync with the selection. */
  pressed?: boolean;
  /** A button that opens a panel (Link, Image): whether the panel is open, and its id. */
  expanded?: boolean;
  controls?: string;
  /** Not available now (Undo with nothing to undo). Stays focusable, as the toolbar pattern asks. */
  unavailable?: boolean;
  /** Roving tabindex: only the toolbar's current button is in the Tab order. */
  current: boolean;
  onFocus: () => void;
  onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => void;
  className?: string;
}

/**
 * One button of the editor's toolbar (WAI-ARIA APG toolbar pattern): one Tab
 * stop for the whole toolbar (`current`), `aria-pressed` for toggles,
 * `aria-expanded` for panel openers, `aria-disabled` (not `disabled`) so the
 * arrow keys still reach it. A mouse press does not take the focus from the
 * text (`preventDefault` on mousedown): the command then runs on the
 * selection the author sees, with its stored marks, at once.
 */
export const ToolbarButton = forwardRef<HTMLButtonElement, ToolbarButtonProps>(
  function ToolbarButton(
    {
      children,
      onActivate,
      pressed,
      expanded,
      controls,
      unavailable,
      current,
      onFocus,
      onKeyDown,
      className,
    },
    ref,
  ) {
    return (
      <button
        ref={ref}
        type="button"
        tabIndex={current ? 0 : -1}
        aria-pressed={pressed}
        aria-expanded={expanded}
        aria-controls={expanded ? controls : undefined}
        aria-disabled={unavailable ? 'true' : undefined}
        onMouseDown={(event) => event.preventDefault()}
        onClick={() => {
          if (!unavailable) onActivate();
        }}
        onFocus={onFocus}
        onKeyDown={onKeyDown}
        className={`inline-flex min-h-9 items-center justify-center rounded border px-2 text-sm ${
          pressed || expanded
            ? 'border-primary-700 bg-primary-50 text-primary-900'
            : 'border-transparent text-ink hover:border-line'
        } ${unavailable ? 'cursor-not-allowed text-muted' : ''} ${className ?? ''}`}
      >
        {children}
      </button>
    );
  },
);
