import { ArrowLeftOutlined, EditOutlined, ReloadOutlined } from '@ant-design/icons';
import { Button, Result, Space, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { PromptModal, type PromptField } from './PromptModal.tsx';
import { useChoiceParam } from './useChoiceParam.ts';
import type { LoadError } from './useVersioned.ts';

// The parts a detail page with a workflow (an alliance, a project) shares.

/** What a workflow step asks before it runs: a date, a reason, a reply. */
export interface ActionForm {
  fields: PromptField[];
  intro?: string;
}

/** The tab shown, kept in the URL (`?tab=`); a change also drops the parameters in `clears` (an open document). */
export function useTabParam<K extends string>(tabs: readonly K[], fallback: K, clears: readonly string[] = []): [K, (next: string) => void] {
  return useChoiceParam('tab', tabs, fallback, { clears, replace: true });
}

/** Before the item is read: a spinner, or why it could not be (不存在, no right to see it…) with the way back to its list. */
export function DetailPending({ error, noun, backTo, backText }: { error: LoadError | null; noun: string; backTo: string; backText: string }) {
  if (!error) return <Spin spinning style={{ width: '100%', marginTop: 80 }} />;
  return (
    <Result
      status={error.status === 404 ? '404' : error.status === 403 ? '403' : 'error'}
      title={error.status === 404 ? `${noun}不存在` : `无法加载${noun}`}
      subTitle={error.text}
      extra={<Link to={backTo}>{backText}</Link>}
    />
  );
}

/** The header's left: back to the list, then the item's name and tags. */
export function DetailTitle({ backTo, backText, children }: { backTo: string; backText: string; children: ReactNode }) {
  return (
    <Space wrap>
      <Link to={backTo} aria-label={backText}>
        <ArrowLeftOutlined />
      </Link>
      {children}
    </Space>
  );
}

interface WorkflowButtonsProps<A extends string> {
  loading: boolean;
  onReload(): void;
  /** 编辑 shows when set. */
  onEdit?: () => void;
  /** The workflow steps the item allows now, in order. */
  actions: readonly A[];
  labels: Record<A, string>;
  /** Steps that end or undo something: shown as danger buttons. */
  dangerous: ReadonlySet<A>;
  onAction(action: A): void;
  /** Links between 刷新 and 编辑 (备案记录). */
  children?: ReactNode;
}

/** The header's right: 刷新, 编辑, and a button per workflow step the item allows. */
export function WorkflowButtons<A extends string>({ loading, onReload, onEdit, actions, labels, dangerous, onAction, children }: WorkflowButtonsProps<A>) {
  return (
    <Space wrap data-testid="workflow-actions">
      <Button type="text" icon={<ReloadOutlined />} aria-label="刷新" onClick={onReload} loading={loading} />
      {children}
      {onEdit && (
        <Button icon={<EditOutlined />} onClick={onEdit}>
          编辑
        </Button>
      )}
      {actions.map((x) => (
        <Button key={x} type={dangerous.has(x) ? 'default' : 'primary'} danger={dangerous.has(x)} onClick={() => onAction(x)}>
          {labels[x]}
        </Button>
      ))}
    </Space>
  );
}

interface WorkflowPromptProps<A extends string> {
  /** The step asked about; null when none is. */
  action: A | null;
  /** Its questions; null for a step with a form of its own. */
  form: ActionForm | null;
  labels: Record<A, string>;
  dangerous: ReadonlySet<A>;
  /** The item's name, in the title (开始实施：…). */
  itemName: string;
  /** Runs the step with the answers given (unanswered ones left out); throws to show the problem. */
  onRun(action: A, body: Record<string, string>): Promise<void>;
  onClose(): void;
}

/** The questions of one workflow step, then the step. Inputs get ids `action-<step>_<field>`. */
export function WorkflowPrompt<A extends string>({ action, form, labels, dangerous, itemName, onRun, onClose }: WorkflowPromptProps<A>) {
  return (
    <PromptModal
      open={form !== null}
      title={action ? `${labels[action]}：${itemName}` : ''}
      okText={action ? labels[action] : '确定'}
      danger={action ? dangerous.has(action) : false}
      intro={form?.intro}
      formName={action ? `action-${action}` : 'action'}
      fields={form?.fields ?? []}
      onSubmit={async (values) => {
        if (action) await onRun(action, Object.fromEntries(Object.entries(values).filter((e): e is [string, string] => e[1] !== undefined)));
      }}
      onClose={onClose}
    />
  );
}
