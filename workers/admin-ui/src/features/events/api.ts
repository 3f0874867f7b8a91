import { api, get } from '../../api/client.ts';

/** A domain event a consumer could not process (ADR 0012): the envelope carries no personal data. */
export interface DeadLetter {
  id: string;
  eventId: string;
  eventType: string;
  consumer: string;
  error: string;
  payload: unknown;
  firstFailedAt: number;
  lastFailedAt: number;
  attempts: number;
  replayedAt: number | null;
  replayedBy: string | null;
}

const t = (tenant: string, path: string) => `/t/${encodeURIComponent(tenant)}${path}`;

export const deadLetterApi = {
  list: (tenant: string, state?: 'pending' | 'replayed') =>
    get<{ items: DeadLetter[] }>(t(tenant, '/events/dead-letters'), { state }).then((r) => r.items),
  replay: (tenant: string, id: string) =>
    api<DeadLetter>('POST', t(tenant, `/events/dead-letters/${encodeURIComponent(id)}/replay`)).then((r) => r.data),
};
