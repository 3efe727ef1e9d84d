import type { ReactNode } from 'react';

interface ToolbarButtonProps {
  label: string;
  onClick: () => void;
  pressed?: boolean;
  disabled?: boolean;
  children: ReactNode;
}

/** A toolbar button: text label for screen readers, aria-pressed for toggles, 24px+ target. */
export function ToolbarButton({ label, onClick, pressed, disabled, children }: ToolbarButtonProps) {
  return (
    <button
      type="button"
      title={label}
      aria-label={label}
      aria-pressed={pressed}
      disabled={disabled}
      onClick={onClick}
      className={`inline-flex min-h-9 min-w-9 items-center justify-center rounded border px-2 text-sm font-semibold ${
        pressed
          ? 'border-primary-700 bg-primary-50 text-primary-900'
          : 'border-transparent text-ink hover:border-line'
      } disabled:opacity-50`}
    >
      {children}
    </button>
  );
}
