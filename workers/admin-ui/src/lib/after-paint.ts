import { useEffect, useState } from 'react';

/**
 * Runs `run` once the browser has painted the next frame: a frame, then a task. What a page loads
 * this way (antd's islands, ECharts) starts after the page's data is on screen, so its download and
 * compilation never stand between a navigation and that first paint (docs/adr/0031). Returns a
 * function that cancels it, for an effect's cleanup.
 */
export function afterPaint(run: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    timer = setTimeout(run, 0);
  });
  return () => {
    cancelAnimationFrame(frame);
    if (timer !== undefined) clearTimeout(timer);
  };
}

/**
 * Whether a piece loaded on demand (lib/preloadable.tsx) may be drawn now: at once when its code has
 * already run, else once the page has been painted and its code has then arrived and run. Until
 * then the caller draws a stand-in of the same size. `onFailure` hears a download that failed.
 */
export function useLoadedAfterPaint(piece: { loaded(): boolean; preload(): Promise<unknown> }, onFailure: (err: unknown) => void): boolean {
  const [loaded, setLoaded] = useState(piece.loaded);
  useEffect(() => {
    if (loaded) return;
    let gone = false;
    const cancel = afterPaint(() => void piece.preload().then(() => !gone && setLoaded(true), onFailure));
    return () => {
      gone = true;
      cancel();
    };
  }, [loaded, piece, onFailure]);
  return loaded;
}
