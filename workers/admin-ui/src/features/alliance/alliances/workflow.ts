import { TRANSITION_BODIES, type AllianceAction } from '@ronghe/schema';
import type { ActionForm } from '../../../lib/DetailPage.tsx';
import type { PromptField } from '../../../lib/PromptModal.tsx';

// What each workflow action asks before it runs (seed 000 §7–8): a written
// reply for the committee's decisions, a reason for anything that sets an
// alliance back, the founding meeting's date for 组建.

const shape = <A extends AllianceAction>(a: A) => TRANSITION_BODIES[a].shape as Record<string, PromptField['schema']>;

const onDate = (a: AllianceAction, label: string): PromptField => ({ name: 'onDate', label, kind: 'date', schema: shape(a).onDate });
const reason = (a: AllianceAction, label: string, required = true, placeholder?: string): PromptField => ({
  name: 'reason',
  label,
  kind: 'textarea',
  required,
  placeholder,
  schema: shape(a).reason,
});
const reply = (a: 'approve' | 'reject', placeholder: string): PromptField[] => [
  { name: 'replyTitle', label: '批复标题', kind: 'text', placeholder: '可不填，缺省按联合体名称生成', schema: shape(a).replyTitle },
  { name: 'replyText', label: '批复内容', kind: 'textarea', required: true, rows: 6, placeholder, schema: shape(a).replyText },
];


export const ACTION_FORMS: Record<AllianceAction, ActionForm> = {
  apply: {
    fields: [onDate('apply', '申请日期')],
    intro: '提交后申请书和成员名单将报上级党(工)委审批，审批期间不能修改。',
  },
  withdraw: { fields: [reason('withdraw', '撤回原因'), onDate('withdraw', '撤回日期')] },
  approve: {
    fields: [...reply('approve', '如：经研究，同意组建……'), onDate('approve', '批复日期')],
    intro: '批准后批复将作为文书存档，并向旗县区委组织部和市委组织部备案。',
  },
  reject: { fields: [...reply('reject', '写明不予批准的理由和修改意见'), onDate('reject', '批复日期')] },
  revise: { fields: [reason('revise', '修改说明', false, '可不填')] },
  establish: {
    fields: [{ name: 'foundedOn', label: '成立大会日期', kind: 'date', required: true, schema: shape('establish').foundedOn }],
    intro: '确认组建前须召开成立大会，通过章程，各成员单位签署共建协议，并组建议事机构。',
  },
  start: { fields: [onDate('start', '开始运行日期')] },
  rectify: { fields: [reason('rectify', '整顿原因', true, '如：年度考核结果为较差'), onDate('rectify', '决定日期')] },
  restore: { fields: [reason('restore', '整顿情况说明'), onDate('restore', '决定日期')] },
  dissolve: { fields: [reason('dissolve', '撤销原因'), onDate('dissolve', '决定日期')], intro: '撤销后联合体不能再恢复，请谨慎操作。' },
};
