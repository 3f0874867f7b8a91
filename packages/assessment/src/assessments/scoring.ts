import type { AssessmentGrade, GradeThresholds } from '@ronghe/schema';

// The arithmetic of the annual assessment, exact on integers (no floating point):
//  - a raw score is kept in hundredths of a raw point on the indicator's own scale;
//  - a ratio-based raw score is ratio × max, rounded half up to the hundredth;
//  - the total (hundredths of the 100-point total) is Σ raw_i / max_i × weight_i,
//    summed EXACTLY as a fraction and rounded half up to the hundredth once, at
//    the end — so the indicators' own roundings never add up to a wrong total;
//  - the grade is the best whose threshold the total reaches (≥).

/** `num / den × max`, in hundredths, half up. `den = 0` → `whenEmpty` (hundredths). */
export function ratioRaw(num: number, den: number, max: number, whenEmpty = 0): number {
  if (den <= 0) return whenEmpty;
  const n = Math.min(num, den);
  return Math.floor((2 * n * max * 100 + den) / (2 * den));
}

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? a : gcd(b, a % b));

/** Σ raw/max × weight, in hundredths of a point of 100, rounded half up once. */
export function totalScore(lines: ReadonlyArray<{ raw: number; maxScore: number; weight: number }>): number {
  // Each line is raw × weight / (max × 100) points = raw × weight / max hundredths.
  let num = 0n;
  let den = 1n;
  for (const l of lines) {
    const d = BigInt(l.maxScore);
    const n = BigInt(Math.min(l.raw, l.maxScore * 100)) * BigInt(l.weight);
    const lcm = (den / gcd(den, d)) * d;
    num = num * (lcm / den) + n * (lcm / d);
    den = lcm;
  }
  return Number((2n * num + den) / (2n * den));
}

/** One indicator's share of the total, in hundredths, half up (shown beside it; the total is summed exactly, not from these). */
export function weightedLine(raw: number, maxScore: number, weight: number): number {
  return totalScore([{ raw, maxScore, weight }]);
}

export function gradeOf(score: number, t: GradeThresholds): AssessmentGrade {
  if (score >= t.excellent) return 'excellent';
  if (score >= t.good) return 'good';
  if (score >= t.fair) return 'fair';
  return 'poor';
}

/** Hundredths as “7.5” / “90” for people. */
export function points(hundredths: number): string {
  return (hundredths / 100).toFixed(2).replace(/\.?0+$/, '');
}
