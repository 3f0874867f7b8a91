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
