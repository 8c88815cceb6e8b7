import { Modal } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ProblemItem } from '../api/api-types.ts';
import { ProblemAlert } from './problem-alert.tsx';

interface CreateModalProps {
  readonly open: boolean;
  readonly title: string;
  readonly pending: boolean;
  /** The last failed submission, shown above the form with the problems no field could take. */
  readonly error: unknown;
  readonly unplacedProblems: readonly ProblemItem[];
  readonly onSubmit: () => void;
  readonly onCancel: () => void;
  readonly children: ReactNode;
}

/** A "create" dialog: the form, its Create / Cancel buttons, and the server's answer when it refused. */
export function CreateModal(props: CreateModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      open={props.open}
      title={props.title}
      okText={t('common.create')}
      cancelText={t('common.cancel')}
      confirmLoading={props.pending}
      onOk={props.onSubmit}
      onCancel={props.onCancel}
      destroyOnHidden
      width={560}
    >
      {props.error !== null && props.error !== undefined && (
        <div style={{ marginBottom: 16 }}>
          <ProblemAlert error={props.error} problems={props.unplacedProblems} />
        </div>
      )}
      {props.children}
    </Modal>
  );
}
