import { useMutation } from '@tanstack/react-query';
import { App, Button, Input, Modal, Select, Space, Tag, Tooltip } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { useSession } from '../session/use-session.ts';
import { actionLabel, actionTextLabel } from './subsidy-labels.ts';

/** The steps a bureau takes on a subsidy or reward application in its queue. */
export type QueueAction = 'pass' | 'reject' | 'approve' | 'pay' | 'clawBack';

/** The queue's state filter (全部状态 when cleared); `labelOf` names each state. */
export function QueueStateFilter(props: {
  states: readonly string[];
  value: string | undefined;
  labelOf: (state: string) => string;
  onChange: (state: string | undefined) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space style={{ marginBottom: 16 }}>
      <Select<string>
        allowClear
        value={props.value ?? null}
        placeholder={t('subsidies.allStates')}
        style={{ width: 160 }}
        options={props.states.map((s) => ({ value: s, label: props.labelOf(s) }))}
        onChange={(v) => props.onChange(v)}
      />
    </Space>
  );
}

/**
 * A queue row's action buttons (reject and claw back shown as dangerous). Maker-checker: a user who reviewed the
 * application may not approve it (the server refuses with SUBSIDY_MAKER_CHECKER_VIOLATION), so in place of the approve
 * button they read 需由其他用户审批 (why, on hover), instead of a button that only fails or one that silently is not there.
 */
export function QueueActionButtons(props: {
  actions: readonly QueueAction[];
  /** Who reviewed the application (district and city reviewers; null where no one has yet). */
  reviewerUserIds: readonly (string | null)[];
  onAction: (action: QueueAction) => void;
}) {
  const { t } = useTranslation();
  const userId = useSession().data?.user.id;
  const reviewedByMe = userId !== undefined && props.reviewerUserIds.includes(userId);
  return (
    <Space size={4} wrap>
      {props.actions.map((action) =>
        action === 'approve' && reviewedByMe ? (
          <Tooltip key={action} title={t('subsidies.approveByAnotherHelp')}>
            <Tag data-testid="approve-by-another">{t('subsidies.approveByAnother')}</Tag>
          </Tooltip>
        ) : (
          <Button
            key={action}
            size="small"
            danger={action === 'reject' || action === 'clawBack'}
            onClick={() => props.onAction(action)}
          >
            {actionLabel(action, t)}
          </Button>
        ),
      )}
    </Space>
  );
}

/** The bureau's steps on one kind of application (subsidy or reward): the same calls on different paths. */
export interface QueueStepApi {
  review(
    id: string,
    body: { decision: 'pass' | 'reject'; note?: string; expectedVersion: number },
  ): Promise<unknown>;
  approve(id: string, expectedVersion: number): Promise<unknown>;
  pay(id: string, body: { reference: string; expectedVersion: number }): Promise<unknown>;
  clawBack(id: string, body: { reason: string; expectedVersion: number }): Promise<unknown>;
}

/** One step on an application; reject, pay and claw back ask for a reason or the payment reference. */
export function QueueActionModal(props: {
  api: QueueStepApi;
  application: {
    id: string;
    version: number;
    applicationNumber: string;
    schemeNameZh: string;
    requestedYuan: string;
  };
  /** Who applied: the enterprise or the institution. */
  applicantName: string;
  action: QueueAction;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const { id, version } = props.application;
  const needsText = props.action !== 'pass' && props.action !== 'approve';
  const mutation = useMutation({
    mutationFn: () => {
      switch (props.action) {
        case 'pass':
          return props.api.review(id, { decision: 'pass', expectedVersion: version });
        case 'reject':
          return props.api.review(id, { decision: 'reject', note: text.trim(), expectedVersion: version });
        case 'approve':
          return props.api.approve(id, version);
        case 'pay':
          return props.api.pay(id, { reference: text.trim(), expectedVersion: version });
        case 'clawBack':
          return props.api.clawBack(id, { reason: text.trim(), expectedVersion: version });
      }
    },
    onSuccess: () => {
      void message.success(t('subsidies.done'));
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={`${actionLabel(props.action, t)}：${props.application.applicationNumber}`}
      okText={t('common.confirm')}
      cancelText={t('common.cancel')}
      okButtonProps={{ disabled: needsText && text.trim() === '' }}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <p>
        {props.applicantName} · {props.application.schemeNameZh} ·{' '}
        {formatMoney(props.application.requestedYuan)}
      </p>
      {needsText && (
        <Input.TextArea
          rows={3}
          maxLength={props.action === 'pay' ? 100 : 1000}
          placeholder={actionTextLabel(props.action, t)}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
      )}
    </Modal>
  );
}
