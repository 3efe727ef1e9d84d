import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { SearchResponse } from '../../../lib/search/query-schema';

/** Text the island shows, translated on the server (the island ships no dictionary). */
export interface InstantSearchLabels {
  label: string;
  hint: string;
  submit: string;
  listLabel: string;
  loading: string;
  none: string;
  /** "{count} results available…", with `{count}` filled in the browser. */
  countOne: string;
  countOther: string;
  /** "See all results for “{query}”". */
  all: string;
  types: Record<string, string>;
}

interface Props {
  initialQuery: string;
  labels: InstantSearchLabels;
  action?: string;
  apiPath?: string;
  debounceMs?: number;
}

interface Suggestion {
  id: string;
  url: string;
  title: string;
  type: string;
}

const minQueryLength = 2;
const maxSuggestions = 6;

/**
 * The search form of /search with instant results as you type. Rendered on
 * the server as a plain GET form (works without JavaScript); once hydrated,
 * the field becomes an ARIA 1.2 combobox: results appear in a listbox after a
 * short pause, the arrow keys move through them, Enter opens the chosen one
 * (or submits the form when none is chosen), Escape closes the list.
 */
export default function InstantSearch({
  initialQuery,
  labels,
  action = '/search',
  apiPath = '/api/search',
  debounceMs = 200,
}: Props) {
  const baseId = useId();
  const inputId = `${baseId}-input`;
  const listId = `${baseId}-list`;
  const hintId = `${baseId}-hint`;
  const [query, setQuery] = useState(initialQuery);
  const [suggestions, setSuggestions] = useState<Suggestion[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [status, setStatus] = useState('');
  const [touched, setTouched] = useState(false);
  const controller = useRef<AbortController | null>(null);

  useEffect(() => {
    if (!touched) return;
    const trimmed = query.trim();
    if (trimmed.length < minQueryLength) {
      controller.current?.abort();
      setSuggestions([]);
      setOpen(false);
      setStatus('');
      return;
    }
    const timer = window.setTimeout(async () => {
      controller.current?.abort();
      const current = new AbortController();
      controller.current = current;
      setStatus(labels.loading);
      try {
        const url = `${apiPath}?${new URLSearchParams({ q: trimmed, pageSize: String(maxSuggestions) })}`;
        const response = await fetch(url, {
          signal: current.signal,
          headers: { accept: 'application/json' },
        });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        const body = (await response.json()) as SearchResponse;
        const next = body.hits.map((hit) => ({
          id: hit.id,
          url: hit.url,
          title: hit.code ? `${hit.code}: ${hit.title}` : hit.title,
          type: labels.types[hit.type] ?? hit.type,
        }));
        setSuggestions(next);
        setActive(-1);
        setOpen(true);
        const template = next.length === 1 ? labels.countOne : labels.countOther;
        setStatus(
          next.length === 0 ? labels.none : template.replace('{count}', String(next.length)),
        );
      } catch (error) {
        if ((error as Error).name !== 'AbortError') {
          setSuggestions([]);
          setOpen(false);
          setStatus('');
        }
      }
    }, debounceMs);
    return () => window.clearTimeout(timer);
  }, [query, touched, apiPath, debounceMs, labels]);

  // The last option is "See all results", which submits the search.
  const optionCount = open ? suggestions.length + 1 : 0;
  const optionId = (index: number) => `${baseId}-option-${index}`;
  const allHref = `${action}?${new URLSearchParams({ q: query.trim() })}`;

  function go(index: number) {
    const target = index < suggestions.length ? suggestions[index]!.url : allHref;
    window.location.assign(target);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (!open && suggestions.length > 0) {
        event.preventDefault();
        setOpen(true);
        setActive(event.key === 'ArrowDown' ? 0 : suggestions.length);
        return;
      }
      if (optionCount === 0) return;
      event.preventDefault();
      setActive((current) =>
        event.key === 'ArrowDown'
          ? (current + 1) % optionCount
          : current <= 0
            ? optionCount - 1
            : current - 1,
      );
    } else if (event.key === 'Enter' && open && active >= 0) {
      event.preventDefault();
      go(active);
    } else if (event.key === 'Escape') {
      if (open) {
        event.preventDefault();
        setOpen(false);
        setActive(-1);
      } else {
        setQuery('');
      }
    }
  }

  return (
    <form
      role="search"
      method="get"
      action={action}
      className="max-w-2xl"
      aria-label={labels.label}
    >
      <label htmlFor={inputId} className="field-label text-lg">
        {labels.label}
      </label>
      <span id={hintId} className="field-hint">
        {labels.hint}
      </span>
      <div className="relative mt-2 flex flex-wrap gap-2">
        <input
          id={inputId}
          type="search"
          name="q"
          value={query}
          maxLength={200}
          autoComplete="off"
          spellCheck={false}
          role="combobox"
          aria-autocomplete="list"
          aria-expanded={open}
          aria-controls={listId}
          aria-describedby={hintId}
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          onChange={(event) => {
            setTouched(true);
            setQuery(event.target.value);
          }}
          onKeyDown={onKeyDown}
          onBlur={() => window.setTimeout(() => setOpen(false), 150)}
          onFocus={() => setOpen(suggestions.length > 0 && query.trim().length >= minQueryLength)}
          className="min-h-12 flex-1 rounded-md border border-gray-500 bg-white px-4 py-2 text-lg"
        />
        <button type="submit" className="button-primary min-h-12 px-6 text-lg">
          {labels.submit}
        </button>
        <ul
          id={listId}
          role="listbox"
          aria-label={labels.listLabel}
          hidden={!open}
          className="absolute top-full right-0 left-0 z-20 mt-1 max-h-96 overflow-auto rounded-md border border-line bg-white py-1 shadow-lg"
        >
          {suggestions.map((suggestion, index) => (
            <li
              key={suggestion.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              onMouseDown={(event) => {
                event.preventDefault();
                go(index);
              }}
              className={`flex cursor-pointer flex-col px-4 py-2 ${index === active ? 'bg-primary-50 outline-2 outline-primary-700' : ''}`}
            >
              <span className="text-sm text-muted">{suggestion.type}</span>
              <span className="font-semibold text-primary-700">{suggestion.title}</span>
            </li>
          ))}
          <li
            id={optionId(suggestions.length)}
            role="option"
            aria-selected={active === suggestions.length}
            onMouseDown={(event) => {
              event.preventDefault();
              go(suggestions.length);
            }}
            className={`cursor-pointer border-t border-line px-4 py-2 ${active === suggestions.length ? 'bg-primary-50 outline-2 outline-primary-700' : ''}`}
          >
            {labels.all.replace('{query}', query.trim())}
          </li>
        </ul>
      </div>
      <p className="sr-only" role="status" aria-live="polite">
        {status}
      </p>
    </form>
  );
}
