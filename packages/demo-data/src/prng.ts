// Everything in the demo data derives from a seed string through these two
// functions, so the same seed always yields byte-identical output and a row's
// attributes depend only on its own key, not on the order rows are generated.

/** 128 bits from a string: four 32-bit FNV-1a lanes with distinct offsets, each avalanche-mixed. */
export function hash128(input: string): [number, number, number, number] {
  const lanes = [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x68e31da4];
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    for (let l = 0; l < 4; l++) lanes[l] = Math.imul(lanes[l]! ^ (c + l), 0x01000193);
  }
  return lanes.map((h, l) => {
    // murmur3's finalizer: FNV alone leaves the low bits of short keys poorly mixed.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b + l * 2);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    return h >>> 0;
  }) as [number, number, number, number];
}

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** Picks by relative weight: `weighted([['a', 3], ['b', 1]])`. */
  weighted<T>(entries: readonly (readonly [T, number])[]): T;
  /** 32 random bits as bytes, for ids. */
  bytes(n: number): Uint8Array;
  shuffle<T>(items: readonly T[]): T[];
}

/** sfc32: small, fast, and passes PractRand far beyond what demo data needs. */
export function rngFrom(seed: string): Rng {
  let [a, b, c, d] = hash128(seed);
  const next32 = (): number => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    d = (d + 1) | 0;
    const r = (t + d) | 0;
    c = (c + r) | 0;
    return r >>> 0;
  };
  // The first outputs still correlate with the hash; discard them.
  for (let i = 0; i < 12; i++) next32();
  const next = () => next32() / 4294967296;
  const rng: Rng = {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => items[Math.floor(next() * items.length)]!,
    weighted: (entries) => {
      const total = entries.reduce((s, [, w]) => s + w, 0);
      let x = next() * total;
      for (const [v, w] of entries) {
        x -= w;
        if (x < 0) return v;
      }
      return entries[entries.length - 1]![0];
    },
    bytes: (n) => {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i += 4) {
        const v = next32();
        for (let k = 0; k < 4 && i + k < n; k++) out[i + k] = (v >>> (k * 8)) & 0xff;
      }
      return out;
    },
    shuffle: (items) => {
      const out = [...items];
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [out[i], out[j]] = [out[j]!, out[i]!];
      }
      return out;
    },
  };
  return rng;
}

// Same layout as @ronghe/core's ulid(): 10 chars of ms time, 16 of randomness,
// Crockford base32 in lower case, so demo ids sort and validate like real ones.
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** The id prefixes of @ronghe/core's newId() that demo rows use. */
export type DemoIdPrefix =
  | 'org' | 'usr' | 'grt' | 'aln' | 'alm' | 'ags' | 'adc' | 'aev' | 'adj' | 'fil' | 'rrt' | 'rds'
  | 'ned' | 'res' | 'mrj' | 'prj' | 'alc' | 'pms' | 'pcl' | 'pnt' | 'aud'
  // issue 11: organizational-life records, joint meetings, their decisions
  | 'olr' | 'mtg' | 'mdc'
  // 报到领岗 (issue 11): posts, post claims, service logs
  | 'pst' | 'pcm' | 'svc'
  // 双报到 (issue 11): org pairings, member reports, report records.
  | 'opr' | 'mrp' | 'rrc'
  // Issue 11, activities lane.
  | 'act' | 'qpl' | 'chk';

export function stableId(prefix: DemoIdPrefix, seed: string, key: string, at: number): string {
  let time = '';
  let t = at;
  for (let i = 0; i < 10; i++) {
    time = ALPHABET[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const bytes = rngFrom(`${seed}\u0000id\u0000${key}`).bytes(16);
  let rand = '';
  for (let i = 0; i < 16; i++) rand += ALPHABET[bytes[i]! % 32];
  return `${prefix}_${time}${rand}`;
}
