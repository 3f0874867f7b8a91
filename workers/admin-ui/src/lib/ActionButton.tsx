import { Button, Tooltip, type ButtonProps } from 'antd';
import { useTenant } from '../tenant.tsx';
import { refusal } from './refusal.ts';

interface Props extends ButtonProps {
  /** The server action the click attempts (packages/identity/src/access.ts). */
  action: string;
  /** The deed as a verb phrase for the tooltip: 新建项目 → “党员无权新建项目”. */
  what: string;
}

/**
 * A button for a write the server may refuse: where the user's roles may not attempt `action`
 * here it stays in place, disabled, and says why on hover (issue 10 §3) instead of letting the
 * click end in 无权.
 */
export function ActionButton({ action, what, disabled, ...rest }: Props) {
  const { tenant } = useTenant();
  const reason = refusal(tenant, action, what);
  if (!reason) return <Button disabled={disabled} {...rest} />;
  return (
    <Tooltip title={reason}>
      {/* A disabled button swallows pointer events; the span carries the hover to the tooltip. */}
      <span style={{ display: 'inline-block', cursor: 'not-allowed' }} data-testid="refused-action">
        <Button disabled {...rest} style={{ ...rest.style, pointerEvents: 'none' }} />
      </span>
    </Tooltip>
  );
}
