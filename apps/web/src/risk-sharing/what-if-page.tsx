import { useMutation, useQuery } from '@tanstack/react-query';
import {
  Button,
  Card,
  Col,
  Empty,
  Form,
  Input,
  InputNumber,
  Progress,
  Row,
  Select,
  Statistic,
  Table,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { ipAssetKinds } from '@ipf/domain/ip-asset';
import { parseYuan } from '@ipf/domain/money';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { barSharePct } from '../dashboard/bar-share-pct.ts';
import { formatMoney } from '../format/format-money.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { dispositionApi, type WhatIfProjection } from './disposition-api.ts';
import { riskRoleLabel } from './disposition-labels.ts';
import { riskSharingApi } from './risk-sharing-api.ts';

interface ScenarioForm {
  defaultRatePct: string;
  recoveryRatePct: string;
  lagMonths: number;
  poolId?: string;
  district?: string;
  ipKind?: string;
}

type PartyRow = WhatIfProjection['parties'][number];

/**
 * 压力测试 (what-if, issue 8 item 7): choose the loans (pool, district, IP kind; a bank sees its own) and a scenario
 * (default rate, recovery rate, lag in months); the losses each party bears after recoveries as a table and bars,
 * and each pool's budget left this year.
 */
export function WhatIfPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [form] = Form.useForm<ScenarioForm>();
  const pools = useQuery({
    queryKey: ['risk-pools'],
    queryFn: ({ signal }) => riskSharingApi.pools(signal),
    enabled: hasPermission(session.data, 'risk_pool.list'),
  });
  const run = useMutation({
    mutationFn: (v: ScenarioForm) =>
      dispositionApi.whatIf({
        defaultRatePct: v.defaultRatePct.trim(),
        recoveryRatePct: v.recoveryRatePct.trim(),
        lagMonths: v.lagMonths,
        ...(v.poolId ? { poolId: v.poolId } : {}),
        ...(v.district?.trim() ? { district: v.district.trim() } : {}),
        ...(v.ipKind ? { ipKind: v.ipKind } : {}),
      }),
  });
  const result = run.data;
  const maxLoss = result?.parties.reduce(
    (max, p) => (parseYuan(p.grossBorneYuan) > parseYuan(max) ? p.grossBorneYuan : max),
    '0.00',
  );
  const pct = { pattern: /^\d{1,3}(\.\d{1,4})?$/, message: t('whatIf.pctInvalid') };
  return (
    <>
      <PageHeader title={t('whatIf.title')} subtitle={t('whatIf.subtitle')} />
      <Card style={{ marginBottom: 16 }}>
        <Form<ScenarioForm>
          form={form}
          layout="inline"
          initialValues={{ defaultRatePct: '10', recoveryRatePct: '20', lagMonths: 12 }}
          onFinish={(v) => run.mutate(v)}
        >
          <Form.Item name="defaultRatePct" label={t('whatIf.defaultRate')} rules={[{ required: true }, pct]}>
            <Input addonAfter="%" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item
            name="recoveryRatePct"
            label={t('whatIf.recoveryRate')}
            rules={[{ required: true }, pct]}
          >
            <Input addonAfter="%" style={{ width: 110 }} />
          </Form.Item>
          <Form.Item name="lagMonths" label={t('whatIf.lagMonths')} rules={[{ required: true }]}>
            <InputNumber min={0} max={120} precision={0} style={{ width: 90 }} />
          </Form.Item>
          {(pools.data?.items.length ?? 0) > 0 && (
            <Form.Item name="poolId" label={t('whatIf.pool')}>
              <Select
                allowClear
                style={{ width: 220 }}
                options={pools.data!.items.map((p) => ({ value: p.id, label: p.nameZh }))}
              />
            </Form.Item>
          )}
          <Form.Item name="district" label={t('whatIf.district')}>
            <Input style={{ width: 120 }} placeholder={t('whatIf.districtPlaceholder')} />
          </Form.Item>
          <Form.Item name="ipKind" label={t('whatIf.ipKind')}>
            <Select
              allowClear
              style={{ width: 180 }}
              options={ipAssetKinds.map((k) => ({
                value: k.code,
                label: i18n.language === 'en' ? k.en : k.zh,
              }))}
            />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={run.isPending}>
              {t('whatIf.run')}
            </Button>
          </Form.Item>
        </Form>
      </Card>
      {run.error !== null && <ProblemAlert error={run.error} />}
      {result === undefined ? (
        <Card>
          <Empty description={t('whatIf.noResult')} />
        </Card>
      ) : (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            {(
              [
                [t('whatIf.loanCount'), String(result.loanCount)],
                [t('whatIf.exposure'), formatMoney(result.exposureYuan)],
                [t('whatIf.defaultedLoss'), formatMoney(result.defaultedLossYuan)],
                [t('whatIf.recovery'), formatMoney(result.recoveryYuan)],
                [t('whatIf.poolShortfall'), formatMoney(result.poolShortfallYuan)],
              ] as const
            ).map(([title, value]) => (
              <Col key={title} xs={12} md={4}>
                <Card size="small">
                  <Statistic title={title} value={value} />
                </Card>
              </Col>
            ))}
          </Row>
          <Card title={t('whatIf.partiesTitle')} style={{ marginBottom: 16 }}>
            <Table<PartyRow>
              size="small"
              rowKey="partyId"
              pagination={false}
              dataSource={result.parties}
              locale={{ emptyText: t('whatIf.noLoans') }}
              columns={[
                { title: t('whatIf.role'), key: 'role', render: (_, p) => riskRoleLabel(p.role, t) },
                { title: t('whatIf.party'), dataIndex: 'partyName', key: 'party' },
                {
                  title: t('whatIf.gross'),
                  key: 'g',
                  align: 'right',
                  render: (_, p) => formatMoney(p.grossBorneYuan),
                },
                {
                  title: t('whatIf.recovered'),
                  key: 'r',
                  align: 'right',
                  render: (_, p) => formatMoney(p.recoveredYuan),
                },
                {
                  title: t('whatIf.net'),
                  key: 'n',
                  align: 'right',
                  render: (_, p) => formatMoney(p.netLossYuan),
                },
                {
                  title: t('whatIf.feeIncome'),
                  key: 'fee',
                  align: 'right',
                  render: (_, p) => formatMoney(p.feeIncomeYuan),
                },
                {
                  title: t('whatIf.netResult'),
                  key: 'result',
                  align: 'right',
                  render: (_, p) => (
                    <span style={{ color: p.netResultYuan.startsWith('-') ? '#cf1322' : undefined }}>
                      {formatMoney(p.netResultYuan)}
                    </span>
                  ),
                },
                {
                  title: t('whatIf.chart'),
                  key: 'bar',
                  render: (_, p) => (
                    <Progress
                      percent={barSharePct(p.netLossYuan, maxLoss ?? '0.00')}
                      success={{ percent: barSharePct(p.recoveredYuan, maxLoss ?? '0.00') }}
                      showInfo={false}
                      size="small"
                      style={{ minWidth: 160 }}
                    />
                  ),
                },
              ]}
            />
          </Card>
          <Card title={t('whatIf.poolsTitle')} style={{ marginBottom: 16 }}>
            <Table
              size="small"
              rowKey="partyId"
              pagination={false}
              dataSource={result.poolBudgets}
              locale={{ emptyText: t('whatIf.noPools') }}
              columns={[
                { title: t('whatIf.pool'), dataIndex: 'partyName', key: 'pool' },
                {
                  title: t('whatIf.budget'),
                  key: 'b',
                  align: 'right',
                  render: (_, b) => formatMoney(b.budgetYuan),
                },
                {
                  title: t('whatIf.before'),
                  key: 'x',
                  align: 'right',
                  render: (_, b) => formatMoney(b.remainingBeforeYuan),
                },
                {
                  title: t('whatIf.after'),
                  key: 'y',
                  align: 'right',
                  render: (_, b) => formatMoney(b.remainingAfterYuan),
                },
              ]}
            />
          </Card>
          <Card title={t('whatIf.loansTitle')}>
            <Table
              size="small"
              rowKey="caseId"
              dataSource={result.loans}
              pagination={{ pageSize: 20 }}
              columns={[
                { title: t('whatIf.case'), dataIndex: 'caseNumber', key: 'case' },
                {
                  title: t('whatIf.outstanding'),
                  key: 'o',
                  align: 'right',
                  render: (_, l) => formatMoney(l.outstandingPrincipalYuan),
                },
                {
                  title: t('whatIf.defaultedLoss'),
                  key: 'd',
                  align: 'right',
                  render: (_, l) => formatMoney(l.defaultedLossYuan),
                },
                {
                  title: t('whatIf.recovery'),
                  key: 'r',
                  align: 'right',
                  render: (_, l) => formatMoney(l.recoveryYuan),
                },
                {
                  title: t('whatIf.poolShortfall'),
                  key: 's',
                  align: 'right',
                  render: (_, l) => formatMoney(l.poolShortfallYuan),
                },
              ]}
            />
          </Card>
        </>
      )}
    </>
  );
}
