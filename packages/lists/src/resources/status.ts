import { type Resource, type ResourceStatus } from '@ronghe/schema';

export function resourceStatusOf(r: Pick<Resource, 'status' | 'capacity' | 'allocatedQty'>): ResourceStatus {
  if (r.status === 'withdrawn') return 'withdrawn';
  return r.allocatedQty >= r.capacity ? 'exhausted' : 'available';
}
