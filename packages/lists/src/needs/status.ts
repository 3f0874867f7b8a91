import { type Need, type NeedStatus } from '@ronghe/schema';

/** The status a need's quantities imply (closed and cancelled are decisions and stay). */
export function needStatusOf(n: Pick<Need, 'status' | 'quantity' | 'committedQty' | 'inDeliveryQty' | 'fulfilledQty'>): NeedStatus {
  if (n.status === 'closed' || n.status === 'cancelled') return n.status;
  if (n.fulfilledQty >= n.quantity) return 'met';
  if (n.committedQty + n.inDeliveryQty + n.fulfilledQty > 0) return 'partly_met';
  return 'open';
}

export const remainingOf = (n: Pick<Need, 'quantity' | 'committedQty' | 'inDeliveryQty' | 'fulfilledQty'>) => n.quantity - n.committedQty - n.inDeliveryQty - n.fulfilledQty;
