// The matching engine inside workerd, for bench/matching.ts. Time does not
// advance inside a Worker during pure CPU work (Date.now() and
// performance.now() are frozen as a Spectre mitigation), so this worker only
// does the work; the node caller times the requests and reads workerd's
// memory from /proc.
import { assign, greedyAssign } from '../packages/matching/src/index.ts';
import { generateCounty, type CountyInstance } from './matching-data.ts';

let instance: CountyInstance | null = null;

export default {
  async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url);
    switch (url.pathname) {
      case '/healthz':
      case '/noop':
        return Response.json({ ok: true });
      case '/generate': {
        instance = generateCounty({ needs: Number(url.searchParams.get('needs')), resources: Number(url.searchParams.get('resources')) });
        return Response.json({ needs: instance.needs.length, resources: instance.resources.length });
      }
      case '/assign':
      case '/greedy': {
        if (!instance) return new Response('call /generate first', { status: 409 });
        const { needs, resources, options } = instance;
        const r = url.pathname === '/assign' ? assign(needs, resources, options) : greedyAssign(needs, resources, options);
        return Response.json({
          unitsServed: r.unitsServed,
          weightedServed: r.weightedServed,
          totalCost: r.totalCost,
          allocations: r.allocations.length,
          stats: 'stats' in r ? r.stats : null,
        });
      }
      default:
        return new Response('not found', { status: 404 });
    }
  },
};
