import { env } from 'cloudflare:workers';
import type { AllianceDetail, DocumentView, Organization } from '@ronghe/schema';
import { findTenant } from '@ronghe/tenancy';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeAlliance, TINY_PDF, type MadeAlliance } from '../../../../../../test/support/alliance-factories.ts';
import { call, makeOrg, makeUser, type TestUser } from '../../../../../../test/support/factories.ts';
import { bindings } from '../../../../../../test/support/worker.ts';

// 盖章扫描件 (issue 10 §3 Documents, ADR 0017): a stamped scan of an alliance
// document is kept in R2, with its SHA-256 and size, sniffed from its first
// bytes, and downloaded by whoever may read the document.
const T = 'balinyou';
const OTHER = 'linxi';

// Hashes computed once outside the app (Node's crypto.createHash('sha256') over these bytes).
const PDF_SHA = 'a8ea9f63d81e0927b1935af65c5c4ae12be654d6d1d57907772491a65a562aa5';
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
const PNG_SHA = '02a3e298f1533f62558c58e4c70edcab9af5a50d62d925fd5390942020fb0fb8';
const JPG = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 0x10, 0x4a, 0x46, 0x49, 0x46, 0]);
const JPG_SHA = '23e5c96c789570b1a740a7463526bb846d97506642e12a6a5e6b9b3b7a90cd5f';
// A Windows program: "MZ" header, whatever its name says.
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00, 0x04, 0x00, 0x00, 0x00, 0xff, 0xff]);

let lead: TestUser;
let member: TestUser;
let foreignAdmin: TestUser;
let made: MadeAlliance;
let street: Organization;

const P = (rest = '', a = made) => `/api/t/${T}/alliances/${a.alliance.id}${rest}`;
const docPath = (docId: string, rest = '') => P(`/documents/${docId}${rest}`);

async function docOf(docId: string, token = lead.token): Promise<DocumentView> {
  const res = await call('GET', docPath(docId), { token });
  expect(res.status).toBe(200);
  return (await res.json()) as DocumentView;
}

function upload(docId: string, bytes: Uint8Array, type: string, version: number, opts: { token?: string; fileName?: string } = {}) {
  const q = opts.fileName ? `?fileName=${encodeURIComponent(opts.fileName)}` : '';
  return call('PUT', docPath(docId, `/original${q}`), { token: opts.token ?? lead.token, rawBody: bytes, headers: { 'content-type': type, 'if-match': `"v${version}"` } });
}

async function problem(res: Response, status: number, code: string) {
  const text = await res.text();
  expect(res.status, text).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const p = JSON.parse(text) as { code: string; detail: string; errors?: Array<{ path: string; message: string }> };
  expect(p.code).toBe(code);
  expect(p.detail).toMatch(/[\u4e00-\u9fa5]/);
  return p;
}

/** A fresh draft document of the fixture alliance, version 1. */
async function newDoc(): Promise<string> {
  const res = await call('POST', P('/documents'), { token: lead.token, body: { kind: 'other', title: '联席会议纪要（盖章件）', content: '会议研究了社区养老服务事项。' } });
  expect(res.status, await res.clone().text()).toBe(201);
  return ((await res.json()) as { id: string }).id;
}

beforeAll(async () => {
  street = await makeOrg(T, { kind: '党工委', domain: '街道' });
  const community = await makeOrg(T, { parent: street, kind: '党委', domain: '社区' });
  made = await makeAlliance(T, { lead: community, committee: street, status: 'active' });
  lead = await makeUser([{ tenant: T, role: 'alliance_admin', scopeOrgId: community.id }], { displayName: '包书记' });
  member = await makeUser([{ tenant: T, role: 'member' }]);
  foreignAdmin = await makeUser([{ tenant: OTHER, role: 'county_admin' }]);
});

describe('attaching a stamped original', () => {
  it('accepts a PDF, records its SHA-256, size and type, and keeps it under the county’s own key', async () => {
    const docId = await newDoc();
    const res = await upload(docId, TINY_PDF, 'application/pdf', 1, { fileName: '联席会议纪要.pdf' });
    expect(res.status, await res.clone().text()).toBe(200);
    expect(res.headers.get('etag')).toBe('"v2"');
    const d = (await res.json()) as DocumentView;
    expect(d.original).toMatchObject({ sha256: PDF_SHA, size: 48, contentType: 'application/pdf', fileName: '联席会议纪要.pdf', uploadedByName: '包书记' });
    expect(d.version).toBe(2);
    // The object lives under the tenant's prefix and its content address.
    const obj = await (env as unknown as { DOCUMENTS: R2Bucket }).DOCUMENTS.head(`${T}/alliance-documents/${docId}/${PDF_SHA}`);
    expect(obj?.size).toBe(48);
    // The alliance detail lists it too.
    const detail = (await (await call('GET', P(), { token: member.token })).json()) as AllianceDetail;
    expect(detail.documents.find((x) => x.id === docId)?.original?.sha256).toBe(PDF_SHA);
  });

  it('accepts a PNG and a JPG with their own hashes', async () => {
    const pngDoc = await newDoc();
    const png = (await (await upload(pngDoc, PNG, 'image/png', 1)).json()) as DocumentView;
    expect(png.original).toMatchObject({ sha256: PNG_SHA, size: 16, contentType: 'image/png' });
    const jpgDoc = await newDoc();
    const jpg = (await (await upload(jpgDoc, JPG, 'image/jpeg', 1)).json()) as DocumentView;
    expect(jpg.original).toMatchObject({ sha256: JPG_SHA, size: 11, contentType: 'image/jpeg' });
  });

  it('refuses an .exe renamed .pdf (415), and keeps the document as it was', async () => {
    const docId = await newDoc();
    const p = await problem(await upload(docId, EXE, 'application/pdf', 1, { fileName: '章程.pdf' }), 415, 'unsupported_media_type');
    expect(p.detail).toContain('PDF、PNG 或 JPG');
    const d = await docOf(docId);
    expect(d.original).toBeNull();
    expect(d.version).toBe(1);
  });

  it('refuses a PNG declared as a PDF (422 naming the content type)', async () => {
    const docId = await newDoc();
    const p = await problem(await upload(docId, PNG, 'application/pdf', 1), 422, 'validation_failed');
    expect(p.errors).toEqual([{ path: 'header.content-type', message: '文件声明为 PDF，内容实为 PNG' }]);
    expect((await docOf(docId)).original).toBeNull();
  });

  it('refuses a declared type other than PDF/PNG/JPG (415) and an empty file (422)', async () => {
    const docId = await newDoc();
    await problem(await upload(docId, TINY_PDF, 'application/msword', 1), 415, 'unsupported_media_type');
    await problem(await upload(docId, new Uint8Array(0), 'application/pdf', 1), 422, 'validation_failed');
  });

  it('refuses a file over 20 MB with 413 and accepts one of exactly 20 MB', async () => {
    const docId = await newDoc();
    const big = new Uint8Array(20 * 1024 * 1024 + 1);
    big.set(TINY_PDF);
    // The edge's own 20 MB ceiling (the same as this route's limit) may answer first; either way 413.
    await problem(await upload(docId, big, 'application/pdf', 1), 413, 'payload_too_large');
    expect((await docOf(docId)).original).toBeNull();
    const res = await upload(docId, big.subarray(0, 20 * 1024 * 1024), 'application/pdf', 1);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as DocumentView).original?.size).toBe(20 * 1024 * 1024);
  });

  it('replacing needs the current version and is audited with the hash it replaced', async () => {
    const docId = await newDoc();
    expect((await upload(docId, TINY_PDF, 'application/pdf', 1)).status).toBe(200);
    await problem(await upload(docId, PNG, 'image/png', 1), 412, 'precondition_failed');
    const res = await upload(docId, PNG, 'image/png', 2);
    expect(res.status, await res.clone().text()).toBe(200);
    expect(((await res.json()) as DocumentView).original?.sha256).toBe(PNG_SHA);
    const db = bindings[findTenant(T)!.binding]!;
    const audits = (
      await db.prepare("SELECT before, after FROM audit_log WHERE entity_id = ? AND action = 'alliance.document_original_upload' ORDER BY rowid").bind(docId).all<{ before: string; after: string }>()
    ).results;
    expect(audits.map((a) => [JSON.parse(a.before).original?.sha256 ?? null, JSON.parse(a.after).original.sha256])).toEqual([
      [null, PDF_SHA],
      [PDF_SHA, PNG_SHA],
    ]);
    const events = (await db.prepare("SELECT data FROM outbox WHERE aggregate_id = ? AND type = 'alliance.document_original_uploaded' ORDER BY rowid").bind(docId).all<{ data: string }>()).results;
    expect(events.map((e) => JSON.parse(e.data))).toEqual([
      { documentId: docId, allianceId: made.alliance.id, sha256: PDF_SHA, size: 48, mediaType: 'application/pdf', replacedSha256: null },
      { documentId: docId, allianceId: made.alliance.id, sha256: PNG_SHA, size: 16, mediaType: 'image/png', replacedSha256: PDF_SHA },
    ]);
  });

  it('a reader without the right to manage the alliance cannot upload (403)', async () => {
    const docId = await newDoc();
    await problem(await upload(docId, TINY_PDF, 'application/pdf', 1, { token: member.token }), 403, 'forbidden');
  });
});

describe('downloading the original', () => {
  it('gives any reader of the document the same bytes, type, name and hash', async () => {
    const docId = await newDoc();
    expect((await upload(docId, TINY_PDF, 'application/pdf', 1, { fileName: '章程盖章件.pdf' })).status).toBe(200);
    const res = await call('GET', docPath(docId, '/original'), { token: member.token });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('章程盖章件.pdf')}`);
    expect(res.headers.get('repr-digest')).toBe(`sha-256=:${btoa(String.fromCharCode(...PDF_SHA.match(/../g)!.map((h) => parseInt(h, 16))))}:`);
    expect(new Uint8Array(await res.arrayBuffer())).toEqual(TINY_PDF);
  });

  it('a document without an original answers 404', async () => {
    const docId = await newDoc();
    await problem(await call('GET', docPath(docId, '/original'), { token: member.token }), 404, 'not_found');
  });

  it('another county never reads it: not through this county (403) nor through its own (404)', async () => {
    const docId = await newDoc();
    expect((await upload(docId, TINY_PDF, 'application/pdf', 1)).status).toBe(200);
    const here = await call('GET', docPath(docId, '/original'), { token: foreignAdmin.token });
    expect([403, 404]).toContain(here.status);
    const there = await call('GET', `/api/t/${OTHER}/alliances/${made.alliance.id}/documents/${docId}/original`, { token: foreignAdmin.token });
    await problem(there, 404, 'not_found');
  });
});
