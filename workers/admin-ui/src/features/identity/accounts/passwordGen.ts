// An initial password the administrator reads out or sends to the new user:
// no look-alike characters (0/O, 1/l/I), one of every class so the rules hold.
const CLASSES = ['abcdefghijkmnpqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '@#$%&*+=?'];

function randomIndex(n: number): number {
  const buf = new Uint32Array(1);
  crypto.getRandomValues(buf);
  return buf[0]! % n;
}

export function generatePassword(length = 12): string {
  const all = CLASSES.join('');
  const chars = CLASSES.map((c) => c[randomIndex(c.length)]!);
  while (chars.length < length) chars.push(all[randomIndex(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomIndex(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
