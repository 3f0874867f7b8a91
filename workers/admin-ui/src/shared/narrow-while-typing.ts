/**
 * What a server-searched select shows between a keystroke and the server's answer: the last answer,
 * narrowed to the names that contain what is typed now. Showing the old list as it was would let a
 * click land on an option that the answer then moves or removes; showing nothing would blink.
 * Once the answer for the typed text is in, it is shown as the server gave it (it may match on more
 * than the name).
 */
export function narrowWhileTyping<T extends { label: string }>(options: T[], typed: string, answeredFor: string): T[] {
  const q = typed.trim();
  if (q === '' || q === answeredFor.trim()) return options;
  return options.filter((o) => o.label.includes(q));
}
