import { useMutation } from '@tanstack/react-query';
import { Alert, Button, Card, Descriptions, Drawer, Empty, Progress, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { subsidyReportApi, type SubsidySimulation } from './subsidy-report-api.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { referenceLabel } from '../reference/reference-options.ts';

type DistrictRow = SubsidySimulation['byDistrict'][number];
type EnterpriseRow = SubsidySimulation['byEnterprise'][number];

/**
 * 模拟测算 (issue 9 item 5): a button on a scheme version that asks what it would have paid over last year's
 * ledger, and a drawer with the total, the budget it would use, and the amounts by district and by enterprise.
 */
export function SubsidySimulationButton({
  schemeVersionId,
  name,
}: {
  schemeVersionId: string;
  name: string;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const run = useMutation({ mutationFn: () => subsidyReportApi.simulate(schemeVersionId) });
  const data = run.data;
  return (
    <>
      <Button
        size="small"
        onClick={() => {
          setOpen(true);
          run.mutate();
        }}
      >
        {t('subsidyReports.simulate')}
      </Button>
      <Drawer
        open={open}
        onClose={() => setOpen(false)}
        size="large"
        title={t('subsidyReports.simulationTitle', { name })}
        loading={run.isPending}
      >
        {run.isError && <ProblemAlert error={run.error} onRetry={() => run.mutate()} />}
        {data && (
          <>
            <Alert type="info" showIcon title={t('subsidyReports.simulationIntro', { year: data.year })} />
            {data.assumedEffectiveFrom !== null && (
              <Alert
                type="warning"
                showIcon
                style={{ marginTop: 8 }}
                title={t('subsidyReports.periodAssumed', {
                  year: data.year,
                  from: data.assumedEffectiveFrom,
                })}
              />
            )}
            <Descriptions column={1} bordered size="small" style={{ marginTop: 16 }}>
              <Descriptions.Item label={t('subsidyReports.simulatedTotal')}>
                {formatMoney(data.totalYuan)}
              </Descriptions.Item>
              <Descriptions.Item label={t('subsidyReports.loansEligible')}>
                {t('subsidyReports.loansOf', {
                  eligible: data.loansEligible,
                  evaluated: data.loansEvaluated,
                })}
              </Descriptions.Item>
              <Descriptions.Item label={t('subsidyReports.budgetUse')}>
                {data.budgetTotalYuan === null ? (
                  t('subsidyReports.noBudgetLimit')
                ) : (
                  <>
                    {t('subsidyReports.budgetUseText', {
                      used: formatMoney(data.budgetUsedYuan),
                      total: formatMoney(data.budgetTotalYuan),
                    })}
                    <Progress
                      percent={Number(data.budgetUsePct ?? '0')}
                      status={data.exceedsBudget ? 'exception' : 'normal'}
                    />
                    {data.exceedsBudget && (
                      <Alert type="warning" showIcon title={t('subsidyReports.exceedsBudget')} />
                    )}
                  </>
                )}
              </Descriptions.Item>
            </Descriptions>
            <Card size="small" title={t('subsidyReports.byDistrict')} style={{ marginTop: 16 }}>
              <Table<DistrictRow>
                rowKey="district"
                size="small"
                dataSource={data.byDistrict}
                pagination={{ pageSize: 10 }}
                locale={{ emptyText: <Empty description={t('subsidyReports.noSimulatedPayment')} /> }}
                columns={[
                  {
                    title: t('subsidyReports.district'),
                    dataIndex: 'district',
                    key: 'district',
                    render: (code: string) => referenceLabel('districts', code, currentLanguage()),
                  },
                  { title: t('subsidyReports.enterprises'), dataIndex: 'enterprises', key: 'enterprises' },
                  { title: t('subsidyReports.loans'), dataIndex: 'loans', key: 'loans' },
                  {
                    title: t('subsidyReports.amount'),
                    key: 'amount',
                    align: 'right',
                    render: (_, r) => formatMoney(r.totalYuan),
                  },
                ]}
              />
            </Card>
            <Card size="small" title={t('subsidyReports.byEnterprise')} style={{ marginTop: 16 }}>
              <Table<EnterpriseRow>
                rowKey="enterpriseId"
                size="small"
                dataSource={data.byEnterprise}
                pagination={{ pageSize: 10 }}
                locale={{ emptyText: <Empty description={t('subsidyReports.noSimulatedPayment')} /> }}
                columns={[
                  { title: t('subsidyReports.enterprise'), dataIndex: 'enterpriseName', key: 'name' },
                  {
                    title: t('subsidyReports.district'),
                    dataIndex: 'district',
                    key: 'district',
                    render: (code: string) => referenceLabel('districts', code, currentLanguage()),
                  },
                  { title: t('subsidyReports.loans'), dataIndex: 'loans', key: 'loans' },
                  {
                    title: t('subsidyReports.amount'),
                    key: 'amount',
                    align: 'right',
                    render: (_, r) => formatMoney(r.totalYuan),
                  },
                ]}
              />
            </Card>
          </>
        )}
      </Drawer>
    </>
  );
}
