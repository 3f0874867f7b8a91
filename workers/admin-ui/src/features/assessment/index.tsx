import { FundOutlined, ProfileOutlined, TrophyOutlined } from '@ant-design/icons';
import { inCounty, type Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';

const SchemesPage = lazyPage(() => import('./SchemesPage.tsx'));
const AssessmentsPage = lazyPage(() => import('./AssessmentsPage.tsx'));
const AssessmentPage = lazyPage(() => import('./AssessmentPage.tsx'));

/** 考核评价 (issue 12): 指标体系, 年度考核 and each alliance's assessment page. */
export const assessment = {
  pages: [
    { path: 'assessment/schemes', element: <SchemesPage /> },
    { path: 'assessment/assessments', element: <AssessmentsPage /> },
    { path: 'assessment/assessments/:id', element: <AssessmentPage /> },
  ],
  menu: {
    group: { key: 'assessment-group', icon: <TrophyOutlined />, label: '考核评价' },
    schemes: { key: 'assessment/schemes', icon: <ProfileOutlined />, label: '指标体系', action: 'assessment.read', shownIn: inCounty },
    assessments: { key: 'assessment/assessments', icon: <FundOutlined />, label: '年度考核', action: 'assessment.read', shownIn: inCounty },
  },
} satisfies Feature;
