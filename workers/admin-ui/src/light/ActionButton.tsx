import type { ReactNode } from 'react';
import { antIsland } from '../lib/ant-island.tsx';
import { refusal } from '../lib/refusal.ts';
import { Button } from './Button.tsx';
import { useTenant } from '../tenant.tsx';

// The reason for a refusal shows in antd's Tooltip, which loads once the page is on screen.
const RefusedButton = antIsland(() => import('../lib/ActionButton.tsx').then((m) => m.ActionButton));

interface Props {
  /** The server action the click attempts (packages/identity/src/access.ts). */
  action: string;
  /** The deed as a verb phrase for the tooltip: 新建项目 → “党员无权新建项目”. */
  what: string;
  type?: 'default' | 'primary';
  icon?: ReactNode;
  onClick?: () => void;
  children: ReactNode;
}

/**
 * lib/ActionButton for a page drawn without antd: a button the user may press is light;
 * one the server would refuse is ActionButton itself (disabled, its reason on hover), an island.
 */
export function ActionButton({ action, what, type, icon, onClick, children }: Props) {
  const { tenant } = useTenant();
  if (refusal(tenant, action, what) === undefined) {
    return (
      <Button type={type} icon={icon} onClick={onClick}>
        {children}
      </Button>
    );
  }
  return (
    <RefusedButton
      action={action}
      what={what}
      type={type}
      icon={icon}
      onClick={onClick}
      // ActionButton's look without its tooltip or its test id: what finds the refusal waits for the reason.
      placeholder={
        <span style={{ display: 'inline-block', cursor: 'not-allowed' }}>
          <Button type={type} icon={icon} disabled style={{ pointerEvents: 'none' }}>
            {children}
          </Button>
        </span>
      }
    >
      {children}
    </RefusedButton>
  );
}
