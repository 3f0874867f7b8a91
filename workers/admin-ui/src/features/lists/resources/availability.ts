import type { ResourceView } from '../../../api/list-endpoints.ts';

/** A resource's 可用期 as words: in 资源清单's rows (drawn without antd, src/light/) and in its drawer. */
export function availability(r: Pick<ResourceView, 'availableFrom' | 'availableTo'>): string {
  if (!r.availableFrom && !r.availableTo) return '长期';
  return `${r.availableFrom ?? '即日起'} 至 ${r.availableTo ?? '长期'}`;
}
