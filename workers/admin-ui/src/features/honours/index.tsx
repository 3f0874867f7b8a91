import { StarOutlined } from '@ant-design/icons';
import type { Feature } from '../../layout/feature.ts';
import { lazyPage } from '../../lib/lazy-page.ts';

const HonoursPage = lazyPage(() => import('./HonoursPage.tsx'));

/**
 * 荣誉与示范 (issue 12, seed 004): 党支部标准化规范化 (申请 → 四评考评 → 验收), 最强党支部 with each rule checked,
 * 示范点, and who may be proposed for party honours.
 */
export const honours = {
  pages: [{ path: 'honours', element: <HonoursPage /> }],
  menu: {
    honours: { key: 'honours', icon: <StarOutlined />, label: '荣誉与示范', action: 'honour.read' },
  },
} satisfies Feature;
