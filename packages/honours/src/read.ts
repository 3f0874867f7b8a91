import type { Ctx } from '@ronghe/core';

// What other capabilities may read of the honours capability (ADR 0010).

/** A year's designation of a branch or an alliance (最强党支部 区级/市级, 示范点). */
export interface HonourRef {
  /** The organization (a branch) or the alliance designated. */
  subjectType: 'org' | 'alliance';
  subjectId: string;
  kind: 'strongest_county' | 'strongest_city' | 'demo_site_county' | 'demo_site_city';
  year: number;
}

/** The designations in force for `year` (lane honours implements; the interface is fixed for the rewards lane). */
export async function honoursOfYear(ctx: Ctx, year: number): Promise<HonourRef[]> {
  void ctx;
  void year;
  return [];
}
