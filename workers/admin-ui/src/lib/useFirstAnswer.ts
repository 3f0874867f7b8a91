import { useEffect, useState } from 'react';
import { firstAnswer } from '../api/client.ts';

/** A page's first read, as it stood when the page was first drawn. */
export interface FirstAnswer<T> {
  /** The read's value, when it had been answered ahead (docs/adr/0031); the page draws it at once. */
  readonly value: T | undefined;
  /**
   * True once, when the page was drawn with the answer and its mount effect is about to load the
   * same read: that load is skipped. After the mount's effects, every load asks the server.
   */
  taken(): boolean;
}

/**
 * The answer to `read` (the page's own first call) if it was started before the page was drawn
 * and has arrived: the page's state starts from it, so the page is drawn once, with its data,
 * instead of empty and then again once its effect has asked (api/client.ts `firstAnswer`).
 */
export function useFirstAnswer<T>(read: () => Promise<T>): FirstAnswer<T> {
  const [[first, found]] = useState(() => {
    const found = firstAnswer(read);
    let unused = found !== undefined;
    const first: FirstAnswer<T> = {
      value: found?.value,
      taken: () => {
        const was = unused;
        unused = false;
        return was;
      },
    };
    return [first, found] as const;
  });
  useEffect(() => {
    // The draw that used the answer is on screen: the answer is spent (not at the draw, which React may
    // throw away and repeat; the repeat then found it gone and asked the server again).
    found?.use();
    // Runs after every effect of the mount (the page's own load among them), before any later load.
    queueMicrotask(() => void first.taken());
  }, [first, found]);
  return first;
}
