import { Input } from 'antd';

/** 冲正理由, the field inside 冲正's confirmation: loaded when 冲正 is first clicked, 积分 itself draws without antd. */
export function CompensateReason({ onChange }: { onChange: (reason: string) => void }) {
  return <Input.TextArea aria-label="冲正理由" placeholder="冲正理由（必填）" maxLength={200} onChange={(ev) => onChange(ev.target.value)} />;
}
