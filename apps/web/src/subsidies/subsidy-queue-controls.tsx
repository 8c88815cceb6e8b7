import { Button, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { actionLabel } from './subsidy-labels.ts';

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

/** A queue row's action buttons (reject and claw back shown as dangerous). */
export function QueueActionButtons(props: {
  actions: readonly QueueAction[];
  onAction: (action: QueueAction) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space size={4} wrap>
      {props.actions.map((action) => (
        <Button
          key={action}
          size="small"
          danger={action === 'reject' || action === 'clawBack'}
          onClick={() => props.onAction(action)}
        >
          {actionLabel(action, t)}
        </Button>
      ))}
    </Space>
  );
}
