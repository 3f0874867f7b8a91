import type { AssessmentListItem, AssessmentView, GradeCount, SchemeView } from '@ronghe/schema';
import { api, download, get, type Query } from '../../api/client.ts';

// 考核评价 (issue 12, lane assess): indicator schemes and the annual alliance assessment.

export type { AssessmentListItem, AssessmentView, GradeCount, SchemeView };
export interface AssessmentList {
  items: AssessmentListItem[];
  distribution: GradeCount[];
  open: number;
}
export interface IndicatorDraft {
  name: string;
  criteria?: string;
  kind: 'computed' | 'rated' | 'scored';
  metric?: string | null;
  raterGroup?: string | null;
  weight: number;
  maxScore: number;
}

const t = (tenant: string, path: string) => `/t/${tenant}/assessment${path}`;
const seg = encodeURIComponent;

export const assessmentApi = {
  schemes: (tenant: string, query: Query = {}) => get<{ items: SchemeView[] }>(t(tenant, '/schemes'), query),
  scheme: (tenant: string, id: string) => get<SchemeView>(t(tenant, `/schemes/${seg(id)}`)),
  createScheme: (tenant: string, body: { level: string; year: number; name: string; indicators: IndicatorDraft[] }) => api<SchemeView>('POST', t(tenant, '/schemes'), { json: body }).then((r) => r.data),
  createDefault: (tenant: string, year: number) => api<SchemeView>('POST', t(tenant, '/schemes/default'), { json: { year } }).then((r) => r.data),
  updateScheme: (tenant: string, id: string, body: { name: string; thresholds: SchemeView['thresholds']; indicators: IndicatorDraft[] }) =>
    api<SchemeView>('PUT', t(tenant, `/schemes/${seg(id)}`), { json: body }).then((r) => r.data),
  publish: (tenant: string, id: string) => api<SchemeView>('POST', t(tenant, `/schemes/${seg(id)}/publish`)).then((r) => r.data),
  copy: (tenant: string, id: string, year: number) => api<SchemeView>('POST', t(tenant, `/schemes/${seg(id)}/copy`), { json: { year } }).then((r) => r.data),
  list: (tenant: string, query: Query, signal?: AbortSignal) => get<AssessmentList>(t(tenant, '/assessments'), query, signal),
  exportYear: (tenant: string, year: number) => download(t(tenant, '/assessments/export'), { year }, `${year}年度党建联合体考核结果.xlsx`),
  open: (tenant: string, body: { allianceId: string; schemeId: string }) => api<AssessmentView>('POST', t(tenant, '/assessments'), { json: body }).then((r) => r.data),
  get: (tenant: string, id: string) => get<AssessmentView>(t(tenant, `/assessments/${seg(id)}`)),
  refresh: (tenant: string, id: string) => api<AssessmentView>('POST', t(tenant, `/assessments/${seg(id)}/refresh`)).then((r) => r.data),
  score: (tenant: string, id: string, indicatorId: string, body: { raw: number; note?: string }) =>
    api<AssessmentView>('PUT', t(tenant, `/assessments/${seg(id)}/scores/${seg(indicatorId)}`), { json: body }).then((r) => r.data),
  finalize: (tenant: string, id: string) => api<AssessmentView>('POST', t(tenant, `/assessments/${seg(id)}/finalize`)).then((r) => r.data),
};

/** Hundredths of a point as people read them: 7450 → “74.5”. */
export const pts = (h: number | null | undefined) => (h === null || h === undefined ? '—' : (h / 100).toFixed(2).replace(/\.?0+$/, ''));

/** Tag colours of the grades (best green, worst red). */
export const GRADE_COLOR: Record<string, string> = { excellent: 'green', good: 'blue', fair: 'orange', poor: 'red' };
