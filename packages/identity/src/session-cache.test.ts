import { fixedClock, openDb } from '@ronghe/core';
import { describe, expect, it } from 'vitest';
import { call, makeOrg, makeUser } from '../../../test/support/factories.ts';
import { bindings } from '../../../test/support/worker.ts';
import { SESSION_CACHE_TTL_MS, SessionCache } from './session-cache.ts';
import { resolveSession } from './sessions.ts';

const T = 'linxi';

/** What another isolate (or an operator) does: the row changes, this isolate's cache is not told. */
async function revokeBehindTheCache(userId: string): Promise<void> {
  await bindings.DB_CONTROL!.prepare('UPDATE sessions SET revoked_at = ?1 WHERE user_id = ?2').bind(Date.now(), userId).run();
}

describe('the per-isolate session cache (ADR 0032)', () => {
  it('keeps a session revoked elsewhere working for less than the TTL, and refuses it once the TTL has passed', async () => {
    const u = await makeUser([{ tenant: T, role: 'member' }]);
    const clock = fixedClock(Date.now());
    const cache = new SessionCache();
    const deps = { db: openDb(bindings.DB_CONTROL!), clock, cache };
    expect((await resolveSession(deps, u.token))?.user.id).toBe(u.id);

    await revokeBehindTheCache(u.id);
    // Without the cache the revocation is seen at once.
    expect(await resolveSession({ db: deps.db, clock }, u.token)).toBeNull();
    // With it, within the TTL (5 s) the cached session still answers: this is the documented bound.
    clock.advance(SESSION_CACHE_TTL_MS - 1);
    expect((await resolveSession(deps, u.token))?.user.id).toBe(u.id);
    // At the TTL it asks the database again and the revoked session stops working.
    clock.advance(1);
    expect(await resolveSession(deps, u.token)).toBeNull();
    // And a refusal is not cached: it stays refused.
    expect(await resolveSession(deps, u.token)).toBeNull();
    expect(cache.size).toBe(0);
  });

  it('applies a role changed elsewhere after the TTL', async () => {
    const u = await makeUser([{ tenant: T, role: 'member' }]);
    const clock = fixedClock(Date.now());
    const deps = { db: openDb(bindings.DB_CONTROL!), clock, cache: new SessionCache() };
    expect((await resolveSession(deps, u.token))?.user.grants.map((g) => g.role)).toEqual(['member']);
    await bindings.DB_CONTROL!.prepare("UPDATE role_grants SET role = 'county_admin' WHERE user_id = ?").bind(u.id).run();
    clock.advance(1_000);
    expect((await resolveSession(deps, u.token))?.user.grants.map((g) => g.role)).toEqual(['member']);
    clock.advance(SESSION_CACHE_TTL_MS);
    expect((await resolveSession(deps, u.token))?.user.grants.map((g) => g.role)).toEqual(['county_admin']);
  });

  it('does not outlive the session itself: a cached session past its idle timeout is refused', async () => {
    const u = await makeUser([{ tenant: T, role: 'member' }]);
    const clock = fixedClock(Date.now());
    const deps = { db: openDb(bindings.DB_CONTROL!), clock, cache: new SessionCache(24 * 3_600_000) };
    expect(await resolveSession(deps, u.token)).not.toBeNull();
    // 2 h idle (ADR 0004): even a cache with a day's TTL lets it go.
    clock.advance(2 * 3_600_000 + 1);
    expect(await resolveSession(deps, u.token)).toBeNull();
  });

  it('does not store what a lookup read before a revocation in this isolate cleared the cache', async () => {
    const u = await makeUser([{ tenant: T, role: 'member' }]);
    const clock = fixedClock(Date.now());
    const cache = new SessionCache();
    const db = openDb(bindings.DB_CONTROL!);
    const session = await resolveSession({ db, clock }, u.token);
    const before = cache.generation;
    cache.clear();
    cache.set(session!, clock.now(), clock.now(), before);
    expect(cache.get(session!.tokenHash, clock.now(), 3_600_000)).toBeNull();
  });

  it('ends sessions at once when they are revoked through this isolate: logout, disabling, a role change', async () => {
    const admin = await makeUser([{ tenant: T, role: 'county_admin' }]);
    const org = await makeOrg(T);
    const [a, b, c] = [await makeUser([{ tenant: T, role: 'member' }]), await makeUser([{ tenant: T, role: 'member' }]), await makeUser([{ tenant: T, role: 'member' }])];
    // Each is served just before its revocation, so its session is cached (well within the TTL).
    const served = async (x: { token: string }) => expect((await call('GET', `/api/t/${T}/orgs?limit=1`, { token: x.token })).status).toBe(200);

    await served(a);
    expect((await call('POST', '/api/auth/logout', { token: a.token })).status).toBe(204);
    expect((await call('GET', `/api/t/${T}/orgs?limit=1`, { token: a.token })).status).toBe(401);

    await served(b);
    const off = await call('POST', `/api/t/${T}/accounts/${b.id}/status`, { token: admin.token, body: { status: 'disabled' }, headers: { 'if-match': '"v1"' } });
    expect(off.status).toBe(200);
    expect((await call('GET', `/api/t/${T}/orgs?limit=1`, { token: b.token })).status).toBe(401);

    await served(c);
    const regrant = await call('PUT', `/api/t/${T}/accounts/${c.id}/grants`, { token: admin.token, body: { grants: [{ role: 'org_liaison', scopeOrgId: org.id }] }, headers: { 'if-match': '"v1"' } });
    expect(regrant.status).toBe(200);
    expect((await call('GET', `/api/t/${T}/orgs?limit=1`, { token: c.token })).status).toBe(401);
  });
});
