import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { ProblemAlert } from './ProblemAlert.tsx';
import type { FormSave } from './useFormSave.ts';

interface Props {
  open: boolean;
  title: ReactNode;
  /** The save button; 保存 unless the write has a name of its own (提交认领, 保存计划). */
  okText?: string;
  width?: number;
  /** From useFormSave: the spinner on the save button and the problem above the form. */
  state: FormSave;
  onOk(): void;
  onCancel(): void;
  children: ReactNode;
}

/**
 * A modal around a form that saves: 取消 and the save button, the last problem right above the
 * buttons (where the eye is after pressing 保存, however long the form), and no closing by a
 * stray click outside.
 */
export function FormModal({ open, title, okText = '保存', width, state, onOk, onCancel, children }: Props) {
  return (
    <Modal
      open={open}
      title={title}
      width={width}
      okText={okText}
      cancelText="取消"
      onOk={onOk}
      confirmLoading={state.saving}
      onCancel={onCancel}
      destroyOnHidden
      mask={{ closable: false }}
      footer={(buttons) => (
        <>
          <ProblemAlert problem={state.problem} />
          {buttons}
        </>
      )}
    >
      {children}
    </Modal>
  );
}
