import { describe, expect, it } from 'vitest';
import { ACTION_LABELS } from '../../../workers/admin-ui/src/features/audit/labels.ts';
import { ACTION_EVENTS, EVENTS, isEvent } from './events.ts';
import { retryDelaySeconds } from './consume.ts';
import { OUTBOX_AFTER_AUDIT_SQL } from './outbox.ts';

// The catalogue's own rules (ADR 0012). Which event each write emits is checked
// against the running app in test/api/audit-every-write.test.ts.
describe('the event catalogue', () => {
  it('maps every audited action the audit page names to an event or a stated reason for none', () => {
    expect(Object.keys(ACTION_LABELS).filter((a) => !(a in ACTION_EVENTS))).toEqual([]);
    expect(Object.keys(ACTION_EVENTS).filter((a) => !(a in ACTION_LABELS))).toEqual([]);
  });

  it('declares no personal field: no phone, name, contact, address, id card or password material', () => {
    const personal = /phone|mobile|name|contact|address|idcard|id_card|email|password|salt|hash|secret|token|body|note|reason|content/i;
    const fields = EVENTS.flatMap((e) => Object.keys(e.data.shape).map((k) => `${e.type}.${k}`));
    expect(fields.length).toBeGreaterThan(100);
    expect(fields.filter((f) => personal.test(f.split('.').pop()!))).toEqual([]);
  });

  it('gives every event a dotted type, a version and a source for each payload field', () => {
    for (const e of EVENTS) {
      expect(e.type).toMatch(/^[a-z_]+\.[a-z_]+$/);
      expect(e.version).toBeGreaterThanOrEqual(1);
      expect(Object.keys(e.from).sort()).toEqual(Object.keys(e.data.shape).sort());
    }
    // Each type once: two actions may share an event (an import creates like a form), never two definitions.
    const defs = Object.values(ACTION_EVENTS).filter(isEvent);
    const byType = new Map<string, unknown>();
    for (const d of defs) {
      if (byType.has(d.type)) expect(byType.get(d.type)).toBe(d);
      byType.set(d.type, d);
    }
  });

  it('writes every event with one statement well under D1\'s 100 KB per statement', () => {
    // The outbox statement carries the whole catalogue (one mapping row and one payload branch per
    // event): it grows with every capability. Half the limit is the point to split it (e.g. one
    // statement per capability's actions) before D1 refuses every write at once.
    const bytes = new TextEncoder().encode(OUTBOX_AFTER_AUDIT_SQL).length;
    expect(bytes).toBeGreaterThan(EVENTS.length * 100);
    expect(bytes).toBeLessThan(50 * 1024);
  });

  it('retries with doubling backoff from 10 s, capped at 10 minutes', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(retryDelaySeconds)).toEqual([10, 20, 40, 80, 160, 320, 600, 600]);
  });
});
