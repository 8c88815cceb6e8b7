import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Form, Input, Modal, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { dispositionApi } from './disposition-api.ts';
import {
  dispositionPathLabel,
  dispositionStatusColor,
  dispositionStatusLabel,
  riskRoleLabel,
} from './disposition-labels.ts';

const OPENABLE = new Set(['non_performing', 'compensating']);

/**
 * 处置 panel of the case page: the disposition's status and fixed ratios with a link to it, or, for the bank clerk
 * of a defaulted case, 启动处置; after closing, 录入回收 (clerk) or 核销 (approver) move the ledger case.
 */
export function DispositionCasePanel(props: { caseId: string; caseState: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useSession();
  const queryClient = useQueryClient();
  const [opening, setOpening] = useState(false);
  const [form] = Form.useForm<{ appraisedValueYuan?: string; note?: string }>();
  const readable = hasPermission(session.data, 'disposition.read');
  const query = useQuery({
    queryKey: ['dispositions', 'case', props.caseId],
    queryFn: () => dispositionApi.ofCase(props.caseId),
    enabled: readable,
  });
  const done = async () => {
    await queryClient.invalidateQueries({ queryKey: ['dispositions'] });
    props.onChanged();
  };
  const open = useMutation({
    mutationFn: (v: { appraisedValueYuan?: string; note?: string }) =>
      dispositionApi.open(props.caseId, {
        ...(v.appraisedValueYuan?.trim() ? { appraisedValueYuan: v.appraisedValueYuan.trim() } : {}),
        ...(v.note?.trim() ? { note: v.note.trim() } : {}),
      }),
    onSuccess: async () => {
      void message.success(t('dispositions.openedDone'));
      setOpening(false);
      await done();
    },
  });
  const finish = useMutation({
    mutationFn: (step: 'recovery' | 'writeOff') =>
      step === 'recovery'
        ? dispositionApi.recordRecovery(props.caseId)
        : dispositionApi.writeOff(props.caseId),
    onSuccess: done,
  });
  if (!readable) return null;
  const d = query.data?.disposition ?? null;
  const canOpen =
    d === null && OPENABLE.has(props.caseState) && hasPermission(session.data, 'disposition.manage');
  if (d === null && !canOpen) return null;
  return (
    <Card title={t('dispositions.panelTitle')} style={{ marginTop: 16 }}>
      {query.error !== null && <ProblemAlert error={query.error} onRetry={() => void query.refetch()} />}
      {d === null ? (
        <Space orientation="vertical">
          <Typography.Text type="secondary">{t('dispositions.openHelp')}</Typography.Text>
          <Button type="primary" onClick={() => setOpening(true)}>
            {t('dispositions.open')}
          </Button>
        </Space>
      ) : (
        <>
          <Descriptions size="small" column={{ xs: 1, md: 3 }}>
            <Descriptions.Item label={t('dispositions.status')}>
              <Tag color={dispositionStatusColor(d.status)}>{dispositionStatusLabel(d.status, t)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('dispositions.path')}>
              {dispositionPathLabel(d.path, t)}
            </Descriptions.Item>
            <Descriptions.Item label={t('dispositions.proceeds')}>
              {formatMoney(d.proceedsYuan)}
            </Descriptions.Item>
            <Descriptions.Item label={t('dispositions.ratiosTitle')} span={3}>
              {d.distribution
                .map((s) => `${riskRoleLabel(s.role, t)} ${(s.weightBps / 100).toFixed(2)}%`)
                .join(' · ')}
            </Descriptions.Item>
          </Descriptions>
          <Space wrap>
            <Link to={`/dispositions/${encodeURIComponent(d.id)}`}>{t('dispositions.viewDetail')}</Link>
            {d.status === 'closed' &&
              props.caseState === 'disposing' &&
              hasPermission(session.data, 'case.default_workout') && (
                <Button loading={finish.isPending} onClick={() => finish.mutate('recovery')}>
                  {t('dispositions.recordRecovery')}
                </Button>
              )}
            {d.status === 'closed' &&
              props.caseState === 'disposing' &&
              hasPermission(session.data, 'case.write_off') && (
                <Button danger loading={finish.isPending} onClick={() => finish.mutate('writeOff')}>
                  {t('dispositions.writeOff')}
                </Button>
              )}
          </Space>
          {finish.error !== null && <ProblemAlert error={finish.error} />}
        </>
      )}
      <Modal
        open={opening}
        title={t('dispositions.open')}
        okText={t('dispositions.submit')}
        confirmLoading={open.isPending}
        onOk={() => void form.validateFields().then((v) => open.mutate(v))}
        onCancel={() => setOpening(false)}
      >
        <Typography.Paragraph type="secondary">{t('dispositions.openRatiosHelp')}</Typography.Paragraph>
        <Form form={form} layout="vertical">
          <Form.Item
            name="appraisedValueYuan"
            label={t('dispositions.appraised')}
            rules={[{ pattern: /^\d+(\.\d{1,2})?$/ }]}
          >
            <Input addonAfter="元" />
          </Form.Item>
          <Form.Item name="note" label={t('dispositions.note')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        </Form>
        {open.error !== null && <ProblemAlert error={open.error} />}
      </Modal>
    </Card>
  );
}
