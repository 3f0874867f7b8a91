import type { ResourceView } from '../../../api/list-endpoints.ts';

/**
 * A resource's 可用期 as words. The same as ResourceDrawer's `availability`, kept apart from the drawer
 * (antd) so that 资源清单, drawn without antd (src/light/, docs/adr/0031), can show it in its table.
 */
export function availability(r: Pick<ResourceView, 'availableFrom' | 'availableTo'>): string {
  if (!r.availableFrom && !r.availableTo) return '长期';
  return `${r.availableFrom ?? '即日起'} 至 ${r.availableTo ?? '长期'}`;
}
