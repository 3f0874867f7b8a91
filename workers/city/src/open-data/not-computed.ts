import { emptyCountyFigures, type CityRollup } from '@ronghe/schema';
import { COUNTIES } from '@ronghe/tenancy';
import type { RollupLoader } from './routes.ts';

/**
 * The rollup before anything was computed: every county listed, none with
 * figures (so nothing reads as zero), the city's sums over no county. The
 * exports are mounted with this until the stored rollup (issue 13 § Rollup,
 * `readCityRollup`) is wired in its place in workers/edge.
 */
export const rollupNotYetComputed: RollupLoader = async () =>
  ({
    asOf: null,
    city: emptyCountyFigures(),
    cityTrend: [],
    counties: COUNTIES.map((c) => ({ slug: c.slug, code: c.code, name: c.name, asOf: null, stale: false, staleSince: null, figures: null, trend: [] })),
  }) satisfies CityRollup;
