import type { WebhookDeliveryView, WebhookEndpointView } from '@ronghe/schema';
import { api, get } from '../../api/client.ts';

/** A receiver of the county's events (ADR 0028); its secret is never returned after creation. */
export type WebhookEndpoint = WebhookEndpointView;
/** One event sent to one endpoint, with every attempt. */
export type WebhookDelivery = WebhookDeliveryView;

const t = (tenant: string, path: string) => `/t/${encodeURIComponent(tenant)}${path}`;
const ifMatch = (version: number) => ({ 'if-match': `"v${version}"` });

export const webhookApi = {
  endpoints: (tenant: string) => get<{ items: WebhookEndpoint[] }>(t(tenant, '/webhooks/endpoints')).then((r) => r.items),
  create: (tenant: string, body: { url: string; description: string; eventTypes: string[] }) =>
    api<WebhookEndpoint & { secret: string }>('POST', t(tenant, '/webhooks/endpoints'), { json: body }).then((r) => r.data),
  update: (tenant: string, e: WebhookEndpoint, body: Partial<Pick<WebhookEndpoint, 'url' | 'description' | 'eventTypes' | 'status'>>) =>
    api<WebhookEndpoint>('PATCH', t(tenant, `/webhooks/endpoints/${encodeURIComponent(e.id)}`), { json: body, headers: ifMatch(e.version) }).then((r) => r.data),
  rotate: (tenant: string, e: WebhookEndpoint) =>
    api<WebhookEndpoint & { secret: string }>('POST', t(tenant, `/webhooks/endpoints/${encodeURIComponent(e.id)}/rotate-secret`), { headers: ifMatch(e.version) }).then((r) => r.data),
  deliveries: (tenant: string, query: { endpointId?: string; status?: string }) =>
    get<{ items: WebhookDelivery[] }>(t(tenant, '/webhooks/deliveries'), query).then((r) => r.items),
  replay: (tenant: string, id: string) => api<WebhookDelivery>('POST', t(tenant, `/webhooks/deliveries/${encodeURIComponent(id)}/replay`)).then((r) => r.data),
};
