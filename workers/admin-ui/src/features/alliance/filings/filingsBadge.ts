// The sidebar's unread count and the inbox page live apart; an acknowledgement
// (or a decision that files something) tells the sidebar to count again.

const EVENT = 'ronghe:filings-changed';

export function filingsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onFilingsChanged(fn: () => void): () => void {
  window.addEventListener(EVENT, fn);
  return () => window.removeEventListener(EVENT, fn);
}
