import type { ActivityDetail, ActivityPhotoList, ActivityPhotoView, ActivitySummary, QuotaPlanView } from '@ronghe/schema';
import { api, download, get, raw, type Query } from '../../api/client.ts';

// 联合体活动 (issue 11): activities, quota plans and compliance, and the member's phone pages.

export type { ActivityDetail, ActivityPhotoList, ActivityPhotoView, ActivitySummary, QuotaPlanView };
export interface ActivityPage {
  items: ActivitySummary[];
  total: number;
  page: number;
  limit: number;
}
export interface CompliancePage {
  year: number;
  asOf: string;
  counts: Record<'met' | 'open' | 'at_risk' | 'behind', number>;
  items: QuotaPlanView[];
  total: number;
  page: number;
  limit: number;
}
export interface CheckinResult {
  checkinId: string;
  duplicate: boolean;
  at: number;
  activity: { id: string; title: string; kindLabel: string; allianceName: string; activityDate: string; startTime: string; endTime: string; place: string };
}
export interface MyActivity {
  id: string;
  title: string;
  kindLabel: string;
  allianceName: string;
  activityDate: string;
  startTime: string;
  endTime: string;
  place: string;
  checkedInAt: number | null;
}

const t = (tenant: string, path: string) => `/t/${tenant}${path}`;
const seg = encodeURIComponent;

/** The type the upload declares: the browser's, else by extension (the server checks the bytes either way). */
function photoType(file: File): string {
  if (file.type) return file.type;
  const ext = file.name.toLowerCase().split('.').pop();
  return ext === 'png' ? 'image/png' : ext === 'jpg' || ext === 'jpeg' ? 'image/jpeg' : 'application/octet-stream';
}

export const activitiesApi = {
  list: (tenant: string, query: Query, signal?: AbortSignal) => get<ActivityPage>(t(tenant, '/activities'), query, signal),
  get: (tenant: string, id: string) => get<ActivityDetail>(t(tenant, `/activities/${seg(id)}`)),
  create: (tenant: string, input: Record<string, unknown>) => api<ActivityDetail>('POST', t(tenant, '/activities'), { json: input }).then((r) => r.data),
  update: (tenant: string, id: string, version: number, patch: Record<string, unknown>) =>
    api<ActivityDetail>('PATCH', t(tenant, `/activities/${seg(id)}`), { json: patch, headers: { 'if-match': `"v${version}"` } }).then((r) => r.data),
  plan: (tenant: string, allianceId: string, year: number) => get<QuotaPlanView>(t(tenant, `/activities/quota-plans/${seg(allianceId)}`), { year }),
  setPlan: (tenant: string, allianceId: string, body: { year: number; rows: Array<{ kind: string; period: string; required: number }> }) =>
    api<QuotaPlanView>('PUT', t(tenant, `/activities/quota-plans/${seg(allianceId)}`), { json: body }).then((r) => r.data),
  compliance: (tenant: string, query: Query, signal?: AbortSignal) => get<CompliancePage>(t(tenant, '/activities/compliance'), query, signal),
  exportCompliance: (tenant: string, query: Query) => download(t(tenant, '/activities/compliance/export'), query, '联合体活动考核.xlsx'),
  checkin: (tenant: string, body: { code: string; lat?: number; lng?: number }) => api<CheckinResult>('POST', t(tenant, '/my/checkins'), { json: body }).then((r) => r.data),
  photos: (tenant: string, id: string) => get<ActivityPhotoList>(t(tenant, `/activities/${seg(id)}/photos`)),
  uploadPhoto: (tenant: string, id: string, file: File) =>
    api<ActivityPhotoView>('POST', t(tenant, `/activities/${seg(id)}/photos`), { body: file, contentType: photoType(file), query: { fileName: file.name.slice(0, 200) } }).then((r) => r.data),
  /** The photo's bytes as a blob (the API wants the session's bearer token, so an <img src> cannot fetch it itself). */
  photoBlob: async (tenant: string, id: string, photoId: string) => (await raw('GET', t(tenant, `/activities/${seg(id)}/photos/${seg(photoId)}`), { headers: { accept: 'image/*' } })).blob(),
  removePhoto: (tenant: string, id: string, photoId: string) => api<ActivityPhotoList>('DELETE', t(tenant, `/activities/${seg(id)}/photos/${seg(photoId)}`)).then((r) => r.data),
  mine: (tenant: string) => get<{ upcoming: MyActivity[]; attended: MyActivity[] }>(t(tenant, '/my/activities')),
};

/** The member check-in page an activity's QR code opens (the short code rides along). */
export const checkinUrl = (tenant: string, code: string) => `${window.location.origin}/t/${tenant}/my/checkin?code=${encodeURIComponent(code)}`;
