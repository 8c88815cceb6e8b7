import { useMutation, useQuery } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Descriptions,
  Form,
  InputNumber,
  Modal,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiProblem } from '../api/api-problem.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { riskSharingApi, type CaseRiskSharing } from './risk-sharing-api.ts';
import { formatBps, lossBaseLabel, riskBaseLabel, riskRoleLabel } from './risk-sharing-labels.ts';

type Layer = NonNullable<CaseRiskSharing['agreement']>['layers'][number];

/** Percent from an input (two decimals) to basis points. */
const toBps = (pct: number | null): number | undefined => (pct === null ? undefined : Math.round(pct * 100));

/** 登记担保: the guarantor picks one of its products (re-guarantee included) and may price share and fee itself. */
function RecordGuaranteeModal(props: { caseId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [productId, setProductId] = useState<string>();
  const [coveragePct, setCoveragePct] = useState<number | null>(null);
  const [feePct, setFeePct] = useState<number | null>(null);
  const products = useQuery({
    queryKey: ['guarantee-products', 'own-active'],
    queryFn: () => riskSharingApi.guaranteeProducts({ active: true, pageSize: 100 }),
  });
  const mutation = useMutation({
    mutationFn: () => {
      const coverageShareBps = toBps(coveragePct);
      const feeRateBps = toBps(feePct);
      return riskSharingApi.recordGuarantee(props.caseId, {
        ...(productId === undefined ? {} : { productId }),
        ...(coverageShareBps === undefined ? {} : { coverageShareBps }),
        ...(feeRateBps === undefined ? {} : { feeRateBps }),
      });
    },
    onSuccess: () => {
      void message.success(t('riskSharing.guaranteeRecorded'));
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={t('riskSharing.recordGuarantee')}
      okText={t('riskSharing.record')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Typography.Paragraph type="secondary">{t('riskSharing.recordGuaranteeHint')}</Typography.Paragraph>
      <Form layout="vertical">
        <Form.Item label={t('riskSharing.product')}>
          <Select<string>
            allowClear
            loading={products.isPending}
            value={productId ?? null}
            placeholder={t('riskSharing.productPlaceholder')}
            options={(products.data?.items ?? []).map((p) => ({
              value: p.id,
              label: `${p.nameZh}（${formatBps(p.coverageShareBps)}，${t('riskSharing.feeRate')} ${formatBps(p.feeRateBps)}${
                p.reGuaranteeShareBps === null
                  ? ''
                  : `，${t('riskSharing.reGuarantee')} ${formatBps(p.reGuaranteeShareBps)}`
              }）`,
            }))}
            onChange={(v) => setProductId(v)}
          />
        </Form.Item>
        <Form.Item label={t('riskSharing.coverageSharePct')} extra={t('riskSharing.coverageShareHint')}>
          <InputNumber
            min={0}
            max={100}
            precision={2}
            value={coveragePct}
            onChange={setCoveragePct}
            style={{ width: 160 }}
            suffix="%"
          />
        </Form.Item>
        <Form.Item label={t('riskSharing.feeRatePct')}>
          <InputNumber
            min={0}
            max={20}
            precision={2}
            value={feePct}
            onChange={setFeePct}
            style={{ width: 160 }}
            suffix="%"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 登记保证保险: the insurer prices the policy of the loan (annual premium rate, share of the loss it bears). */
function RecordInsuranceModal(props: { caseId: string; onClose: () => void; onDone: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [premiumPct, setPremiumPct] = useState<number | null>(2);
  const [coveragePct, setCoveragePct] = useState<number | null>(60);
  const mutation = useMutation({
    mutationFn: () =>
      riskSharingApi.recordGuaranteeInsurance(props.caseId, {
        premiumRateBps: toBps(premiumPct) ?? 0,
        coverageShareBps: toBps(coveragePct) ?? 0,
      }),
    onSuccess: () => {
      void message.success(t('riskSharing.policyRecorded'));
      props.onDone();
    },
  });
  return (
    <Modal
      open
      title={t('riskSharing.recordPolicy')}
      okText={t('riskSharing.record')}
      cancelText={t('common.cancel')}
      confirmLoading={mutation.isPending}
      onOk={() => mutation.mutate()}
      onCancel={props.onClose}
      destroyOnHidden
    >
      {mutation.error !== null && <ProblemAlert error={mutation.error} />}
      <Form layout="vertical">
        <Form.Item label={t('riskSharing.premiumRatePct')}>
          <InputNumber
            min={0}
            max={20}
            precision={2}
            value={premiumPct}
            onChange={setPremiumPct}
            style={{ width: 160 }}
            suffix="%"
          />
        </Form.Item>
        <Form.Item label={t('riskSharing.insurerSharePct')}>
          <InputNumber
            min={0}
            max={100}
            precision={2}
            value={coveragePct}
            onChange={setCoveragePct}
            style={{ width: 160 }}
            suffix="%"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/**
 * 风险分担 on the case page (issue 8 item 4): the agreement fixed at disbursement as a table — party, layer, share,
 * cap, what the share is of — with the guarantee, the 保证保险 policy and the pool filing it was built from; before
 * disbursement the named guarantor records its guarantee and the named insurer its policy here.
 */
export function CaseRiskSharingPanel({ caseId, onChanged }: { caseId: string; onChanged?: () => void }) {
  const { t } = useTranslation();
  const session = useSession().data ?? null;
  const [dialog, setDialog] = useState<'guarantee' | 'policy' | null>(null);
  const data = useQuery({
    queryKey: ['cases', 'risk-sharing', caseId],
    queryFn: () => riskSharingApi.ofCase(caseId),
    retry: false,
  });
  if (data.error !== null && isApiProblem(data.error) && data.error.status === 403) return null;
  if (!hasPermission(session, 'risk_sharing.read')) return null;
  const done = () => {
    setDialog(null);
    void data.refetch();
    onChanged?.();
  };
  const value = data.data;
  const open = value !== undefined && value.agreement === null;

  const columns: TableColumnsType<Layer> = [
    { title: t('riskSharing.party'), dataIndex: 'partyName', key: 'party' },
    { title: t('riskSharing.layer'), key: 'role', render: (_, l) => riskRoleLabel(l.role, t) },
    { title: t('riskSharing.share'), key: 'share', align: 'right', render: (_, l) => formatBps(l.shareBps) },
    {
      title: t('riskSharing.cap'),
      key: 'cap',
      align: 'right',
      render: (_, l) => (l.capYuan === null ? t('riskSharing.noCap') : formatMoney(l.capYuan)),
    },
    { title: t('riskSharing.baseColumn'), key: 'base', render: (_, l) => riskBaseLabel(l.base, t) },
  ];

  return (
    <Card
      title={t('riskSharing.panelTitle')}
      style={{ marginTop: 16 }}
      extra={
        <Space>
          {open && value.guarantee === null && hasPermission(session, 'guarantee.record') && (
            <Button type="primary" onClick={() => setDialog('guarantee')}>
              {t('riskSharing.recordGuarantee')}
            </Button>
          )}
          {open && value.insurancePolicy === null && hasPermission(session, 'insurance_policy.record') && (
            <Button type="primary" onClick={() => setDialog('policy')}>
              {t('riskSharing.recordPolicy')}
            </Button>
          )}
        </Space>
      }
    >
      {data.error !== null && <ProblemAlert error={data.error} onRetry={() => void data.refetch()} />}
      {value !== undefined && (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          {value.agreement === null ? (
            <Typography.Text type="secondary">{t('riskSharing.notFixedYet')}</Typography.Text>
          ) : (
            <>
              <Typography.Text>
                {t('riskSharing.fixedOn', {
                  date: value.agreement.fixedOn,
                  base: lossBaseLabel(value.agreement.lossBase, t),
                })}
              </Typography.Text>
              <Table<Layer>
                rowKey={(l) => `${l.role}-${l.partyId}`}
                size="small"
                pagination={false}
                columns={columns}
                dataSource={value.agreement.layers}
              />
            </>
          )}
          {value.guarantee !== null && (
            <Descriptions size="small" bordered column={2} title={t('riskSharing.guarantee')}>
              <Descriptions.Item label={t('riskSharing.contractNumber')}>
                {value.guarantee.contractNumber}
              </Descriptions.Item>
              <Descriptions.Item label={t('riskSharing.guarantor')}>
                {value.guarantee.guarantorName}
              </Descriptions.Item>
              <Descriptions.Item label={t('riskSharing.coverageShare')}>
                {formatBps(value.guarantee.coveredShareBps)}
              </Descriptions.Item>
              <Descriptions.Item label={t('riskSharing.fee')}>
                {formatMoney(value.guarantee.feeYuan)}（{t('riskSharing.feeRate')}{' '}
                {formatBps(value.guarantee.feeRateBps)}）
              </Descriptions.Item>
              <Descriptions.Item label={t('riskSharing.reGuarantee')} span={2}>
                {value.guarantee.reGuaranteeShareBps === null
                  ? t('riskSharing.none')
                  : `${value.guarantee.reGuarantorName ?? ''} ${formatBps(value.guarantee.reGuaranteeShareBps)}`}
              </Descriptions.Item>
            </Descriptions>
          )}
          {value.insurancePolicy !== null && (
            <Descriptions size="small" bordered column={2} title={t('riskSharing.policy')}>
              <Descriptions.Item label={t('riskSharing.policyNumber')}>
                {value.insurancePolicy.policyNumber}
              </Descriptions.Item>
              <Descriptions.Item label={t('riskSharing.insurer')}>
                {value.insurancePolicy.insurerName}
              </Descriptions.Item>
              <Descriptions.Item label={t('riskSharing.premium')}>
                {formatMoney(value.insurancePolicy.premiumYuan)}
              </Descriptions.Item>
              <Descriptions.Item label={t('riskSharing.insurerShare')}>
                {value.insurancePolicy.coverageShareBps === null
                  ? '—'
                  : formatBps(value.insurancePolicy.coverageShareBps)}
              </Descriptions.Item>
              <Descriptions.Item label={t('riskSharing.period')} span={2}>
                {value.insurancePolicy.startDate} ~ {value.insurancePolicy.endDate}
              </Descriptions.Item>
            </Descriptions>
          )}
          {value.poolFiling !== null && (
            <Descriptions size="small" bordered column={2} title={t('riskSharing.poolFiling')}>
              <Descriptions.Item label={t('riskSharing.pool')}>{value.poolFiling.poolName}</Descriptions.Item>
              <Descriptions.Item label={t('riskSharing.ratio')}>
                {formatBps(value.poolFiling.ratioBps)}
              </Descriptions.Item>
              <Descriptions.Item label={t('riskSharing.budgetYear')}>
                {value.poolFiling.budgetYear}
              </Descriptions.Item>
              <Descriptions.Item label={t('riskSharing.filedDate')}>
                {value.poolFiling.filedDate}
              </Descriptions.Item>
            </Descriptions>
          )}
        </Space>
      )}
      {dialog === 'guarantee' && (
        <RecordGuaranteeModal caseId={caseId} onClose={() => setDialog(null)} onDone={done} />
      )}
      {dialog === 'policy' && (
        <RecordInsuranceModal caseId={caseId} onClose={() => setDialog(null)} onDone={done} />
      )}
    </Card>
  );
}
