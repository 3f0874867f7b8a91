import type { RouteCase } from './route-cases.ts';
import { invalid, omit, unknownKey } from './refusals.ts';

/** Signed webhooks (issue 14, ADR 0028): the fixture's endpoint and its failed delivery (webhook-factories.ts). */
export const WEBHOOK_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/webhooks/endpoints': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/webhooks/endpoints` }) },
  'POST /api/t/{tenant}/webhooks/endpoints': {
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/webhooks/endpoints`, body: { url: 'https://hooks.example.com/ronghe', description: '社区小程序后台', eventTypes: ['need.created', 'project.accepted'] } }),
    bad: {
      unknown: [(ok) => ({ ...ok, secret: 'mine' }), unknownKey('secret')],
      notHttps: [(ok) => ({ ...ok, url: 'ftp://hooks.example.com/x' }), invalid('url')],
      notUrl: [(ok) => ({ ...ok, url: '不是网址' }), invalid('url')],
      missing: [(ok) => omit(ok, 'eventTypes'), invalid('eventTypes')],
      empty: [(ok) => ({ ...ok, eventTypes: [] }), invalid('eventTypes')],
      wrongEnum: [(ok) => ({ ...ok, eventTypes: ['person.created'] }), invalid('eventTypes.0')],
      tooLong: [(ok) => ({ ...ok, description: '长'.repeat(201) }), invalid('description')],
    },
  },
  'PATCH /api/t/{tenant}/webhooks/endpoints/{id}': {
    build: (f) => ({ method: 'PATCH', path: `/api/t/${f.tenant}/webhooks/endpoints/${f.webhook.endpointId}`, headers: { 'if-match': '"v1"' }, body: { description: '改为街道后台', eventTypes: ['activity.created', 'activity.updated'] } }),
    bad: {
      unknown: [(ok) => ({ ...ok, consecutiveFailures: 0 }), unknownKey('consecutiveFailures')],
      wrongEnum: [(ok) => ({ ...ok, status: 'paused' }), invalid('status')],
      wrongType: [(ok) => ({ ...ok, eventTypes: 'activity.created' }), invalid('eventTypes')],
    },
  },
  'POST /api/t/{tenant}/webhooks/endpoints/{id}/rotate-secret': {
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/webhooks/endpoints/${f.webhook.endpointId}/rotate-secret`, headers: { 'if-match': '"v1"' } }),
  },
  'GET /api/t/{tenant}/webhooks/deliveries': { build: (f) => ({ method: 'GET', path: `/api/t/${f.tenant}/webhooks/deliveries?status=failed` }) },
  'POST /api/t/{tenant}/webhooks/deliveries/{id}/replay': {
    build: (f) => ({ method: 'POST', path: `/api/t/${f.tenant}/webhooks/deliveries/${f.webhook.deliveryId}/replay` }),
  },
};
