import type { Fixture, RouteCase } from './route-cases.ts';
import { invalid, omit, unknownKey, type BadCase } from './refusals.ts';
import { freshYear, makeOpenAssessment, makeScheme } from './assessment-factories.ts';

// Issue 12, lane assess: one request per route of indicator schemes and the annual
// assessment. A write that changes state makes its own fresh object (a draft scheme,
// an open assessment for a year of its own), so every role's request starts alike.

const A = (f: Fixture, rest: string) => `/api/t/${f.tenant}/assessment${rest}`;
/** The scheme / assessment the last case built (the audit suite names it as the changed object). */
export const lastBuiltScheme = { id: '' };
export const lastBuiltAssessment = { id: '' };

const INDICATORS = [
  { name: '联席会议制度落实', kind: 'computed', metric: 'meetings_held', weight: 40, maxScore: 10 },
  { name: '工作实绩', kind: 'scored', weight: 30, maxScore: 100 },
  { name: '组织评定', kind: 'rated', raterGroup: 'committee', weight: 30, maxScore: 100 },
];
const schemeBody = { level: 'county', year: 2026, name: '2026年度党建联合体考核指标', indicators: INDICATORS };
const updateBody = { name: '2026年度党建联合体考核指标（修订）', thresholds: { excellent: 9000, good: 8000, fair: 6000 }, indicators: INDICATORS };
// With a caller (role matrix, audit), a fresh object each time; without one (isolation, bad input), the fixture's, writing nothing.
const draft = async (f: Fixture, caller?: { id: string }) => {
  if (!caller) return f.assessmentDraft;
  const s = await makeScheme(f.tenant, 'draft');
  lastBuiltScheme.id = s.id;
  return s;
};
const open = async (f: Fixture, caller?: { id: string }, scored = false) => {
  if (!caller) return f.assessment;
  const a = await makeOpenAssessment(f.tenant, f.alliance.alliance.id, f.parent.id, scored);
  lastBuiltAssessment.id = a.id;
  return a;
};
const indicatorsBad: Record<string, BadCase> = {
  weights: [(ok) => ({ ...ok, indicators: INDICATORS.map((i, n) => (n === 0 ? { ...i, weight: 35 } : i)) }), invalid('indicators')],
  noMetric: [(ok) => ({ ...ok, indicators: [{ name: '活动', kind: 'computed', weight: 100, maxScore: 10 }] }), invalid('indicators.0.metric')],
  badKind: [(ok) => ({ ...ok, indicators: [{ name: '活动', kind: 'guess', weight: 100, maxScore: 10 }] }), invalid('indicators.0.kind')],
  empty: [(ok) => ({ ...ok, indicators: [] }), invalid('indicators')],
};

export const ASSESSMENT_CASES: Record<string, RouteCase> = {
  'GET /api/t/{tenant}/assessment/schemes': { build: (f) => ({ method: 'GET', path: A(f, '/schemes?year=2026') }) },
  'POST /api/t/{tenant}/assessment/schemes': {
    build: (f) => ({ method: 'POST', path: A(f, '/schemes'), body: schemeBody }),
    bad: {
      ...indicatorsBad,
      noName: [(ok) => omit(ok, 'name'), invalid('name')],
      badLevel: [(ok) => ({ ...ok, level: 'street' }), invalid('level')],
      badYear: [(ok) => ({ ...ok, year: 1999 }), invalid('year')],
      unknown: [(ok) => ({ ...ok, status: 'published' }), unknownKey('status')],
    },
  },
  'POST /api/t/{tenant}/assessment/schemes/default': {
    build: (f) => ({ method: 'POST', path: A(f, '/schemes/default'), body: { year: 2026 } }),
    bad: { badYear: [() => ({ year: 'next' }), invalid('year')], missing: [() => ({}), invalid('year')], unknown: [(ok) => ({ ...ok, level: 'city' }), unknownKey('level')] },
  },
  'GET /api/t/{tenant}/assessment/schemes/{id}': { build: (f) => ({ method: 'GET', path: A(f, `/schemes/${f.assessmentScheme.id}`) }) },
  'PUT /api/t/{tenant}/assessment/schemes/{id}': {
    build: async (f, caller) => ({ method: 'PUT', path: A(f, `/schemes/${(await draft(f, caller)).id}`), body: updateBody }),
    bad: {
      ...indicatorsBad,
      thresholds: [(ok) => ({ ...ok, thresholds: { excellent: 8000, good: 9000, fair: 6000 } }), invalid('thresholds.good')],
      noThresholds: [(ok) => omit(ok, 'thresholds'), invalid('thresholds')],
      unknown: [(ok) => ({ ...ok, status: 'draft' }), unknownKey('status')],
    },
  },
  'POST /api/t/{tenant}/assessment/schemes/{id}/publish': { build: async (f, caller) => ({ method: 'POST', path: A(f, `/schemes/${(await draft(f, caller)).id}/publish`) }) },
  'POST /api/t/{tenant}/assessment/schemes/{id}/copy': {
    build: (f) => ({ method: 'POST', path: A(f, `/schemes/${f.assessmentScheme.id}/copy`), body: { year: 2027 } }),
    bad: { badYear: [() => ({ year: 20270 }), invalid('year')], unknown: [(ok) => ({ ...ok, name: '新' }), unknownKey('name')] },
  },
  'GET /api/t/{tenant}/assessment/assessments': { build: (f) => ({ method: 'GET', path: A(f, '/assessments?year=2026&status=open') }) },
  'POST /api/t/{tenant}/assessment/assessments': {
    build: async (f, caller) => ({ method: 'POST', path: A(f, '/assessments'), body: { allianceId: f.alliance.alliance.id, schemeId: caller ? (await makeScheme(f.tenant, 'published', freshYear())).id : f.assessmentScheme.id } }),
    bad: {
      noAlliance: [(ok) => omit(ok, 'allianceId'), invalid('allianceId')],
      unknownAlliance: [(ok) => ({ ...ok, allianceId: 'aln_00000000000000000000000000' }), invalid('allianceId')],
      noScheme: [(ok) => omit(ok, 'schemeId'), invalid('schemeId')],
      unknown: [(ok) => ({ ...ok, year: 2026 }), unknownKey('year')],
    },
  },
  'GET /api/t/{tenant}/assessment/assessments/export': { build: (f) => ({ method: 'GET', path: A(f, '/assessments/export?year=2026') }) },
  'GET /api/t/{tenant}/assessment/assessments/{id}': { build: (f) => ({ method: 'GET', path: A(f, `/assessments/${f.assessment.id}`) }) },
  'POST /api/t/{tenant}/assessment/assessments/{id}/refresh': { build: async (f, caller) => ({ method: 'POST', path: A(f, `/assessments/${(await open(f, caller)).id}/refresh`) }) },
  'PUT /api/t/{tenant}/assessment/assessments/{id}/scores/{indicatorId}': {
    build: async (f, caller) => {
      const a = await open(f, caller);
      return { method: 'PUT', path: A(f, `/assessments/${a.id}/scores/${a.scoredId}`), body: { raw: 8500, note: '实地查看台账' } };
    },
    bad: {
      negative: [(ok) => ({ ...ok, raw: -1 }), invalid('raw')],
      fractional: [(ok) => ({ ...ok, raw: 85.5 }), invalid('raw')],
      overMax: [(ok) => ({ ...ok, raw: 10001 }), invalid('raw')],
      missing: [(ok) => omit(ok, 'raw'), invalid('raw')],
      unknown: [(ok) => ({ ...ok, weight: 50 }), unknownKey('weight')],
    },
  },
  'POST /api/t/{tenant}/assessment/assessments/{id}/finalize': { build: async (f, caller) => ({ method: 'POST', path: A(f, `/assessments/${(await open(f, caller, true)).id}/finalize`) }) },
};
