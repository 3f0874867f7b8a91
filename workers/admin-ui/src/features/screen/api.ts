import { ROLLUP_PATHS, type CityRollup, type CountyRollup } from '@ronghe/schema';
import { get } from '../../api/client.ts';

// The 数据大屏 reads the rollup's two GETs (schema/rollup-view.ts): the whole city for the city's roles, its own county for a county's.
export type { CityRollup, CountyRollup };

export const screenApi = {
  city: (signal?: AbortSignal) => get<CityRollup>(ROLLUP_PATHS.city, undefined, signal),
  county: (tenant: string, signal?: AbortSignal) => get<CountyRollup>(ROLLUP_PATHS.own(tenant), undefined, signal),
};
