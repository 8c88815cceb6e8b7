import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Spin,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { ConfirmDistributionModal } from './confirm-distribution-modal.tsx';
import { dispositionApi, type DispositionDetail } from './disposition-api.ts';
import {
  assetOutcomeLabel,
  dispositionCostKinds,
  dispositionCostLabel,
  dispositionPathLabel,
  dispositionPaths,
  dispositionProceedsKinds,
  dispositionProceedsLabel,
  dispositionStatusColor,
  dispositionStatusLabel,
  dispositionStepLabel,
  riskRoleLabel,
} from './disposition-labels.ts';

type Step = 'path' | 'cost' | 'proceeds' | 'close' | null;
type FormValues = Record<string, string | boolean | undefined>;

const text = (v: unknown) => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);

/** One dialog for each clerk step: path, cost, proceeds (with bids), closing. */
function StepModal(props: {
  step: Exclude<Step, null>;
  disposition: DispositionDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const id = props.disposition.id;
  const mutation = useMutation({
    mutationFn: async (v: FormValues) => {
      switch (props.step) {
        case 'path':
          return dispositionApi.choosePath(id, {
            path: v['path'] as 'auction',
            ...(text(v['counterpartyName']) ? { counterpartyName: text(v['counterpartyName'])! } : {}),
            ...(text(v['controlledAccount']) ? { controlledAccount: text(v['controlledAccount'])! } : {}),
            ...(text(v['note']) ? { note: text(v['note'])! } : {}),
            start: v['start'] === true,
          });
        case 'cost':
          return dispositionApi.recordCost(id, {
            kind: v['kind'] as 'evaluation',
            amountYuan: text(v['amountYuan']) ?? '',
            ...(text(v['note']) ? { note: text(v['note'])! } : {}),
          });
        case 'proceeds': {
          const bids = (text(v['bids']) ?? '')
            .split('\n')
            .map((line) => line.trim().split(/[,，\s]+/))
            .filter((parts) => parts.length >= 2)
            .map((parts) => ({ bidder: parts.slice(0, -1).join(' '), amountYuan: parts[parts.length - 1]! }));
          return dispositionApi.recordProceeds(id, {
            kind: v['kind'] as 'auction',
            amountYuan: text(v['amountYuan']) ?? '',
            reference: text(v['reference']) ?? '',
            ...(text(v['payerName']) ? { payerName: text(v['payerName'])! } : {}),
            ...(bids.length > 0 ? { bids } : {}),
          });
        }
        case 'close':
          return dispositionApi.close(id, {
            assetOutcome: v['assetOutcome'] as 'transferred',
            ...(text(v['buyerName']) && v['assetOutcome'] === 'transferred'
              ? { buyerName: text(v['buyerName'])! }
              : {}),
            ...(text(v['note']) ? { note: text(v['note'])! } : {}),
          });
      }
    },
    onSuccess: async () => {
      void message.success(t('dispositions.saved'));
      await queryClient.invalidateQueries({ queryKey: ['dispositions'] });
      props.onClose();
    },
  });
  const amount = (
    <Form.Item
      name="amountYuan"
      label={t('dispositions.amount')}
      rules={[{ required: true, pattern: /^\d+(\.\d{1,2})?$/ }]}
    >
      <Input addonAfter="元" />
    </Form.Item>
  );
  return (
    <Modal
      open
      title={dispositionStepLabel(props.step, t)}
      okText={t('dispositions.submit')}
      confirmLoading={mutation.isPending}
      onOk={() => void form.validateFields().then((v) => mutation.mutate(v))}
      onCancel={props.onClose}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          start: true,
          assetOutcome: props.disposition.path === 'reverse_licence' ? 'released' : 'transferred',
        }}
      >
        {props.step === 'path' && (
          <>
            <Form.Item name="path" label={t('dispositions.path')} rules={[{ required: true }]}>
              <Select
                options={dispositionPaths.map((p) => ({ value: p, label: dispositionPathLabel(p, t) }))}
              />
            </Form.Item>
            <Form.Item name="counterpartyName" label={t('dispositions.counterparty')}>
              <Input />
            </Form.Item>
            <Form.Item name="controlledAccount" label={t('dispositions.controlledAccount')}>
              <Input />
            </Form.Item>
            <Form.Item name="note" label={t('dispositions.note')}>
              <Input.TextArea rows={2} placeholder={t('dispositions.pathNotePlaceholder')} />
            </Form.Item>
            <Form.Item
              name="start"
              label={t('dispositions.startNow')}
              valuePropName="checked"
              extra={t('dispositions.startNowHelp')}
            >
              <Switch />
            </Form.Item>
          </>
        )}
        {props.step === 'cost' && (
          <>
            <Form.Item name="kind" label={t('dispositions.costKindLabel')} rules={[{ required: true }]}>
              <Select
                options={dispositionCostKinds.map((k) => ({ value: k, label: dispositionCostLabel(k, t) }))}
              />
            </Form.Item>
            {amount}
            <Form.Item name="note" label={t('dispositions.note')}>
              <Input />
            </Form.Item>
          </>
        )}
        {props.step === 'proceeds' && (
          <>
            <Form.Item name="kind" label={t('dispositions.proceedsKindLabel')} rules={[{ required: true }]}>
              <Select
                options={dispositionProceedsKinds.map((k) => ({
                  value: k,
                  label: dispositionProceedsLabel(k, t),
                }))}
              />
            </Form.Item>
            {amount}
            <Form.Item name="reference" label={t('dispositions.reference')} rules={[{ required: true }]}>
              <Input />
            </Form.Item>
            <Form.Item name="payerName" label={t('dispositions.payerName')}>
              <Input />
            </Form.Item>
            <Form.Item name="bids" label={t('dispositions.bids')} extra={t('dispositions.bidsHelp')}>
              <Input.TextArea rows={3} />
            </Form.Item>
          </>
        )}
        {props.step === 'close' && (
          <>
            <Typography.Paragraph type="secondary">{t('dispositions.closeHelp')}</Typography.Paragraph>
            <Form.Item
              name="assetOutcome"
              label={t('dispositions.assetOutcome')}
              rules={[{ required: true }]}
            >
              <Select
                options={['transferred', 'released'].map((o) => ({
                  value: o,
                  label: assetOutcomeLabel(o, t),
                }))}
              />
            </Form.Item>
            <Form.Item noStyle dependencies={['assetOutcome']}>
              {() =>
                form.getFieldValue('assetOutcome') === 'transferred' && (
                  <Form.Item
                    name="buyerName"
                    label={t('dispositions.buyerName')}
                    extra={t('dispositions.buyerNameHelp')}
                  >
                    <Input maxLength={200} />
                  </Form.Item>
                )
              }
            </Form.Item>
            <Form.Item name="note" label={t('dispositions.note')}>
              <Input />
            </Form.Item>
          </>
        )}
      </Form>
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
    </Modal>
  );
}

/**
 * 处置详情 (issue 8 item 5): the ratios fixed before disposal, costs, proceeds, distribution rounds and the plan of
 * the next one; the clerk's steps (path, cost, proceeds, closing) and the approver's distribution approval, confirmed
 * on the round's net and shares.
 */
export function DispositionDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const { message } = App.useApp();
  const session = useSession();
  const queryClient = useQueryClient();
  const [step, setStep] = useState<Step>(null);
  const [confirmingDistribution, setConfirmingDistribution] = useState(false);
  const detail = useQuery({
    queryKey: ['dispositions', 'detail', id],
    queryFn: () => dispositionApi.get(id),
  });
  const distribute = useMutation({
    mutationFn: () => dispositionApi.distribute(id),
    onSuccess: async () => {
      void message.success(t('dispositions.distributedDone'));
      await queryClient.invalidateQueries({ queryKey: ['dispositions'] });
    },
  });
  if (detail.isLoading) return <Spin />;
  if (detail.error !== null || detail.data === undefined)
    return <ProblemAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  const d = detail.data;
  const canManage = hasPermission(session.data, 'disposition.manage') && d.status !== 'closed';
  const canDistribute =
    hasPermission(session.data, 'disposition.distribute') && d.status === 'proceeds_received';
  const plan = d.pendingDistribution ?? null;
  return (
    <>
      <PageHeader
        title={`${t('dispositions.detailTitle')} ${d.caseNumber}`}
        subtitle={d.enterpriseName}
        extra={
          <Space wrap>
            {canManage && (
              <>
                <Button onClick={() => setStep('path')}>{t('dispositions.step.path')}</Button>
                <Button onClick={() => setStep('cost')}>{t('dispositions.step.cost')}</Button>
                <Button onClick={() => setStep('proceeds')}>{t('dispositions.step.proceeds')}</Button>
                {d.status === 'distributed' && (
                  <Button type="primary" onClick={() => setStep('close')}>
                    {t('dispositions.step.close')}
                  </Button>
                )}
              </>
            )}
            {canDistribute && (
              <Button
                type="primary"
                disabled={plan === null}
                loading={distribute.isPending}
                onClick={() => setConfirmingDistribution(true)}
              >
                {t('dispositions.approveDistribution')}
              </Button>
            )}
          </Space>
        }
      />
      {distribute.error !== null && <ProblemAlert error={distribute.error} />}
      <Card style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 3 }} size="small">
          <Descriptions.Item label={t('dispositions.case')}>
            <Link to={`/cases/${encodeURIComponent(d.caseId)}`}>{d.caseNumber}</Link>
          </Descriptions.Item>
          <Descriptions.Item label={t('dispositions.status')}>
            <Tag color={dispositionStatusColor(d.status)}>{dispositionStatusLabel(d.status, t)}</Tag>
          </Descriptions.Item>
          <Descriptions.Item label={t('dispositions.path')}>
            {dispositionPathLabel(d.path, t)}
          </Descriptions.Item>
          <Descriptions.Item label={t('dispositions.counterparty')}>
            {d.counterpartyName ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('dispositions.controlledAccount')}>
            {d.controlledAccount ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('dispositions.appraised')}>
            {formatMoney(d.appraisedValueYuan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('dispositions.proceeds')}>
            {formatMoney(d.proceedsYuan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('dispositions.costs')}>{formatMoney(d.costsYuan)}</Descriptions.Item>
          <Descriptions.Item label={t('dispositions.distributed')}>
            {formatMoney(d.distributedYuan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('dispositions.registrationCancelled')}>
            {d.registrationCancelled ? t('dispositions.yes') : t('dispositions.no')}
          </Descriptions.Item>
          <Descriptions.Item label={t('dispositions.openedDate')}>{d.openedDate}</Descriptions.Item>
          <Descriptions.Item label={t('dispositions.closedDate')}>{d.closedDate ?? '—'}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card
        title={t('dispositions.ratiosTitle')}
        extra={t('dispositions.ratiosFixedHelp')}
        style={{ marginBottom: 16 }}
      >
        <Table
          size="small"
          rowKey="partyId"
          pagination={false}
          dataSource={d.distribution}
          columns={[
            { title: t('dispositions.role'), key: 'role', render: (_, s) => riskRoleLabel(s.role, t) },
            { title: t('dispositions.party'), dataIndex: 'partyName', key: 'party' },
            {
              title: t('dispositions.ratio'),
              key: 'w',
              align: 'right',
              render: (_, s) => `${(s.weightBps / 100).toFixed(2)}%`,
            },
            {
              title: t('dispositions.nextShare'),
              key: 'next',
              align: 'right',
              render: (_, s) =>
                formatMoney(plan?.shares.find((p) => p.partyId === s.partyId)?.amountYuan ?? null),
            },
          ]}
        />
        {plan !== null && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            {t('dispositions.planSummary')}：{formatMoney(plan.proceedsYuan)} −{' '}
            {formatMoney(plan.costsPaidYuan)} = {formatMoney(plan.netProceedsYuan)}
          </Typography.Paragraph>
        )}
      </Card>
      <Card title={t('dispositions.costsTitle')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.costs}
          locale={{ emptyText: t('dispositions.noCosts') }}
          columns={[
            {
              title: t('dispositions.costKindLabel'),
              key: 'k',
              render: (_, c) => dispositionCostLabel(c.kind, t),
            },
            {
              title: t('dispositions.amount'),
              key: 'a',
              align: 'right',
              render: (_, c) => formatMoney(c.amountYuan),
            },
            {
              title: t('dispositions.paid'),
              key: 'p',
              align: 'right',
              render: (_, c) => formatMoney(c.paidYuan),
            },
            { title: t('dispositions.date'), dataIndex: 'incurredDate', key: 'd' },
            { title: t('dispositions.note'), dataIndex: 'note', key: 'n' },
          ]}
        />
      </Card>
      <Card title={t('dispositions.proceedsTitle')} style={{ marginBottom: 16 }}>
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={d.proceeds}
          locale={{ emptyText: t('dispositions.noProceeds') }}
          columns={[
            {
              title: t('dispositions.proceedsKindLabel'),
              key: 'k',
              render: (_, p) => dispositionProceedsLabel(p.kind, t),
            },
            {
              title: t('dispositions.amount'),
              key: 'a',
              align: 'right',
              render: (_, p) => formatMoney(p.amountYuan),
            },
            { title: t('dispositions.reference'), dataIndex: 'reference', key: 'r' },
            { title: t('dispositions.payerName'), dataIndex: 'payerName', key: 'payer' },
            { title: t('dispositions.date'), dataIndex: 'receivedDate', key: 'd' },
            {
              title: t('dispositions.distributed'),
              key: 'x',
              render: (_, p) => (p.distributed ? t('dispositions.yes') : t('dispositions.no')),
            },
          ]}
        />
      </Card>
      <Card title={t('dispositions.roundsTitle')}>
        {d.distributions.length === 0 ? (
          <Typography.Text type="secondary">{t('dispositions.noRounds')}</Typography.Text>
        ) : (
          d.distributions.map((round) => (
            <div key={round.id} style={{ marginBottom: 16 }}>
              <Typography.Text strong>
                {t('dispositions.roundNumber', { sequence: round.sequence })} · {round.distributedDate} ·{' '}
                {formatMoney(round.proceedsYuan)} − {formatMoney(round.costsPaidYuan)} ={' '}
                {formatMoney(round.netProceedsYuan)}
              </Typography.Text>
              <Table
                size="small"
                rowKey={(s) => `${s.role}-${s.organisationId}`}
                pagination={false}
                dataSource={round.shares}
                columns={[
                  { title: t('dispositions.role'), key: 'role', render: (_, s) => riskRoleLabel(s.role, t) },
                  { title: t('dispositions.party'), dataIndex: 'organisationName', key: 'o' },
                  {
                    title: t('dispositions.amount'),
                    key: 'a',
                    align: 'right',
                    render: (_, s) => formatMoney(s.amountYuan),
                  },
                  {
                    title: t('dispositions.claim'),
                    key: 'c',
                    render: (_, s) =>
                      s.claimId === null ? (
                        '—'
                      ) : (
                        <Link to={`/risk-claims/${encodeURIComponent(s.claimId)}`}>
                          {t('dispositions.viewClaim')}
                        </Link>
                      ),
                  },
                ]}
              />
            </div>
          ))
        )}
      </Card>
      {step !== null && <StepModal step={step} disposition={d} onClose={() => setStep(null)} />}
      {confirmingDistribution && plan !== null && (
        <ConfirmDistributionModal
          disposition={d}
          plan={plan}
          loading={distribute.isPending}
          onClose={() => setConfirmingDistribution(false)}
          onConfirm={() =>
            distribute.mutate(undefined, { onSettled: () => setConfirmingDistribution(false) })
          }
        />
      )}
    </>
  );
}
