import { ProjectAcceptSchema, ProjectStartSchema, ReasonBodySchema } from '@ronghe/schema';
import type { ActionForm } from '../../../lib/DetailPage.tsx';
import type { ProjectAction } from './labels.tsx';

// What each workflow action asks before it runs. 报告完成 has its own form (numbers); the rest are a date or a reason.


export const ACTION_FORMS: Record<Exclude<ProjectAction, 'complete'>, ActionForm> = {
  start: {
    fields: [{ name: 'onDate', label: '开始日期', kind: 'date', schema: ProjectStartSchema.shape.onDate }],
    intro: '开始实施后，认领单位按节点填报进度，联合体督办。',
  },
  accept: {
    fields: [
      { name: 'note', label: '验收意见', kind: 'textarea', required: true, placeholder: '如：经联合体验收，项目达到预期目标', schema: ProjectAcceptSchema.shape.note },
      { name: 'onDate', label: '验收日期', kind: 'date', schema: ProjectAcceptSchema.shape.onDate },
    ],
    intro: '验收通过后，项目交付的数量计入所关联需求的已满足数量。',
  },
  return: {
    fields: [{ name: 'reason', label: '退回原因', kind: 'textarea', required: true, placeholder: '写明需要整改的问题', schema: ReasonBodySchema.shape.reason }],
  },
  cancel: {
    fields: [{ name: 'reason', label: '取消原因', kind: 'textarea', required: true, schema: ReasonBodySchema.shape.reason }],
    intro: '取消后，项目占用的需求和资源数量将释放，可重新对接。',
  },
};
