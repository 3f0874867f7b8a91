// The sidebar's count of filings the city has not signed, and the inbox page, live apart; a signature tells the count to refresh.

const EVENT = 'ronghe:city-filings-changed';

export function cityFilingsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

export function onCityFilingsChanged(fn: () => void): () => void {
  window.addEventListener(EVENT, fn);
  return () => window.removeEventListener(EVENT, fn);
}
