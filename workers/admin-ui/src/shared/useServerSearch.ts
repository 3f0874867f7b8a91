import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorText } from '../api/client.ts';
import { narrowWhileTyping } from './narrow-while-typing.ts';

const DEBOUNCE_MS = 300;

export interface ServerSearch<T> {
  /** The options to show: the last answer, narrowed to what is typed while the next one is awaited. */
  options: T[];
  /** From the keystroke until its answer is in: the select shows its spinner. */
  loading: boolean;
  /** Why the last search failed, in words for the person. */
  error: string | null;
  /** Whether any answer is at hand (an empty one included). */
  answered: boolean;
  /** The select's onSearch: asks the server once typing pauses. */
  onSearch(q: string): void;
  /** Asks the server at once (opening the list). */
  search(q: string): void;
  /** Forgets the list: what it was found with has changed. */
  clear(): void;
}

interface State<T> {
  options: T[];
  answeredFor: string | null;
  typed: string;
  busy: boolean;
  error: string | null;
}

/**
 * The options of a select whose choices live on the server (organizations, alliances, people):
 * searched by what is typed, debounced, and only the latest search's answer kept.
 */
export function useServerSearch<T extends { label: string }>(find: (q: string | undefined) => Promise<T[]>): ServerSearch<T> {
  const [state, setState] = useState<State<T>>({ options: [], answeredFor: null, typed: '', busy: false, error: null });
  const seq = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The latest finder: its tenant and filters are those of the render that typed.
  const finder = useRef(find);
  finder.current = find;

  const stopWaiting = () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
  };
  // No typed text waits for its search, and no answer on its way will be kept.
  const dropPending = () => {
    stopWaiting();
    seq.current++;
  };

  const search = useCallback(async (q: string) => {
    stopWaiting();
    const mine = ++seq.current;
    setState((s) => ({ ...s, typed: q, busy: true, error: null }));
    try {
      const options = await finder.current(q.trim() || undefined);
      if (mine !== seq.current) return; // a newer search superseded this one
      setState((s) => ({ ...s, options, answeredFor: q, busy: false }));
    } catch (err) {
      if (mine !== seq.current) return;
      setState((s) => ({ ...s, options: [], answeredFor: q, busy: false, error: errorText(err) }));
    }
  }, []);

  const onSearch = useCallback(
    (q: string) => {
      dropPending(); // an answer still on its way is for older text
      setState((s) => ({ ...s, typed: q, busy: true }));
      timer.current = setTimeout(() => void search(q), DEBOUNCE_MS);
    },
    [search],
  );

  const clear = useCallback(() => {
    dropPending();
    setState({ options: [], answeredFor: null, typed: '', busy: false, error: null });
  }, []);

  useEffect(() => dropPending, []);

  const searchNow = useCallback((q: string) => void search(q), [search]);

  // Before any answer the list is empty: there is nothing to narrow.
  const options = useMemo(() => narrowWhileTyping(state.options, state.typed, state.answeredFor ?? ''), [state.options, state.typed, state.answeredFor]);
  return {
    options,
    loading: state.busy,
    error: state.error,
    answered: state.answeredFor !== null,
    onSearch,
    search: searchNow,
    clear,
  };
}
