import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  Alert,
  App,
  Button,
  Card,
  Drawer,
  Empty,
  Modal,
  Select,
  Space,
  Spin,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConditionMark } from './condition-mark.tsx';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatMoney } from '../format/format-money.ts';
import { beneficiaryLabel, rewardStateLabel } from './subsidy-reward-labels.ts';
import {
  subsidyRewardApi,
  type SubsidyRewardApplication,
  type SubsidyRewardEligibility,
  type SubsidyRewardLoan,
} from './subsidy-reward-api.ts';
import { SubsidyRewardLoanView } from './subsidy-reward-loan-view.tsx';

/** Adds yuan decimal strings exactly (in fen, as bigint) for the apply dialog's total. */
function sumYuan(values: readonly string[]): string {
  const fen = values.reduce((sum, v) => {
    const [whole = '0', part = ''] = v.split('.');
    return sum + BigInt(whole) * 100n + BigInt((part + '00').slice(0, 2));
  }, 0n);
  return `${fen / 100n}.${String(fen % 100n).padStart(2, '0')}`;
}

const isDue = (l: SubsidyRewardLoan) => l.eligible && l.amountYuan !== '0.00';

/** One reward scheme: the loans of the year with ✓/✗, the prefilled selection and the apply dialog. */
function RewardSchemeCard(props: { scheme: SubsidyRewardEligibility; onApplied: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const { scheme } = props;
  const [selected, setSelected] = useState<string[]>(() => scheme.loans.filter(isDue).map((l) => l.caseId));
  const [confirming, setConfirming] = useState(false);
  const [open, setOpen] = useState<SubsidyRewardLoan | null>(null);
  const chosen = scheme.loans.filter((l) => selected.includes(l.caseId));
  const apply = useMutation({
    mutationFn: () =>
      subsidyRewardApi.apply({
        schemeVersionId: scheme.schemeVersionId,
        rewardYear: scheme.rewardYear,
        caseIds: selected,
      }),
    onSuccess: () => {
      void message.success(t('subsidyRewards.applied'));
      setConfirming(false);
      props.onApplied();
    },
  });
  const columns: TableColumnsType<SubsidyRewardLoan> = [
    {
      title: t('subsidyRewards.eligible'),
      key: 'eligible',
      width: 70,
      render: (_, l) => <ConditionMark met={l.eligible} />,
    },
    {
      title: t('subsidies.caseNumber'),
      key: 'case',
      render: (_, l) => (
        <Button type="link" size="small" onClick={() => setOpen(l)}>
          {l.caseNumber}
        </Button>
      ),
    },
    { title: t('subsidyRewards.disbursedOn'), dataIndex: 'disbursedOn', key: 'disbursedOn' },
    {
      title: t('subsidyRewards.principal'),
      key: 'principal',
      render: (_, l) => formatMoney(l.principalYuan),
    },
    { title: t('subsidyRewards.amount'), key: 'amount', render: (_, l) => formatMoney(l.amountYuan) },
  ];
  return (
    <Card
      title={
        <Space>
          {scheme.nameZh}
          <Tag>{beneficiaryLabel(scheme.beneficiary, t)}</Tag>
          <Tag color="blue">
            {t('subsidyRewards.year')} {scheme.rewardYear}
          </Tag>
        </Space>
      }
      extra={
        <Space>
          <Typography.Text>
            {t('subsidyRewards.total')}：{formatMoney(scheme.totalYuan)}
          </Typography.Text>
          <Button type="primary" disabled={chosen.length === 0} onClick={() => setConfirming(true)}>
            {t('subsidyRewards.apply')}
          </Button>
        </Space>
      }
    >
      <Table<SubsidyRewardLoan>
        rowKey="caseId"
        size="small"
        columns={columns}
        dataSource={scheme.loans}
        pagination={{ pageSize: 10, showSizeChanger: true }}
        rowSelection={{
          selectedRowKeys: selected,
          onChange: (keys) => setSelected(keys.map(String)),
          getCheckboxProps: (l) => ({ disabled: !isDue(l) }),
        }}
        locale={{ emptyText: t('subsidyRewards.noLoans') }}
      />
      <Modal
        open={confirming}
        title={t('subsidyRewards.applyTitle')}
        okText={t('common.confirm')}
        cancelText={t('common.cancel')}
        confirmLoading={apply.isPending}
        onOk={() => apply.mutate()}
        onCancel={() => setConfirming(false)}
        destroyOnHidden
      >
        {apply.error !== null && <ProblemAlert error={apply.error} />}
        <p>
          {scheme.nameZh} · {t('subsidyRewards.year')} {scheme.rewardYear}
        </p>
        <p>
          {t('subsidyRewards.loanCount')}：{chosen.length} · {t('subsidyRewards.total')}：
          {formatMoney(sumYuan(chosen.map((l) => l.amountYuan)))}
        </p>
        <Alert type="info" showIcon title={t('subsidyRewards.applyHint')} />
      </Modal>
      <Drawer open={open !== null} size="large" title={open?.caseNumber} onClose={() => setOpen(null)}>
        {open !== null && <SubsidyRewardLoanView loan={open} />}
      </Drawer>
    </Card>
  );
}

/**
 * 奖励申请 (issue 9 item 2): an institution (bank, guarantor, insurer, evaluation firm) sees, per reward scheme naming
 * its kind, the loans of the year with every condition ✓/✗ and its proof, the amounts after the yearly cap, applies
 * for the prefilled loans in one dialog, and follows its applications.
 */
export function SubsidyRewardPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const params = useListSearchParams();
  // Until the clerk picks a year the server chooses it by its own date in Asia/Shanghai, not the browser's clock.
  const [year, setYear] = useState<number>();
  const [open, setOpen] = useState<SubsidyRewardApplication | null>(null);
  const eligibility = useQuery({
    queryKey: ['subsidy-reward-eligibility', year ?? 'default'],
    queryFn: ({ signal }) =>
      subsidyRewardApi.eligibility(year === undefined ? {} : { rewardYear: year }, signal),
  });
  const [serverYear, setServerYear] = useState<number>();
  const firstYear = eligibility.data?.[0]?.rewardYear;
  if (serverYear === undefined && year === undefined && firstYear !== undefined) setServerYear(firstYear);
  const anchorYear = serverYear ?? new Date().getFullYear() - 1;
  const shownYear = year ?? anchorYear;
  const list = useQuery({
    queryKey: ['subsidy-reward-applications', 'mine', params.page, params.pageSize],
    queryFn: ({ signal }) =>
      subsidyRewardApi.applications({ page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<SubsidyRewardApplication> = [
    {
      title: t('subsidies.applicationNumber'),
      key: 'number',
      render: (_, a) => (
        <Button type="link" size="small" onClick={() => setOpen(a)}>
          {a.applicationNumber}
        </Button>
      ),
    },
    { title: t('subsidies.scheme'), key: 'scheme', render: (_, a) => a.schemeNameZh },
    { title: t('subsidyRewards.year'), dataIndex: 'rewardYear', key: 'year', width: 80 },
    { title: t('subsidyRewards.loanCount'), key: 'loans', render: (_, a) => a.loans.length },
    { title: t('subsidies.requested'), key: 'requested', render: (_, a) => formatMoney(a.requestedYuan) },
    { title: t('subsidies.granted'), key: 'granted', render: (_, a) => formatMoney(a.grantedYuan) },
    {
      title: t('subsidies.state'),
      key: 'state',
      render: (_, a) => <Tag>{rewardStateLabel(a.state, t)}</Tag>,
    },
  ];
  return (
    <>
      <PageHeader title={t('subsidyRewards.title')} subtitle={t('subsidyRewards.subtitle')} />
      <Space orientation="vertical" style={{ width: '100%' }} size="large">
        <Space>
          {t('subsidyRewards.year')}
          <Select<number>
            value={shownYear}
            style={{ width: 120 }}
            options={[anchorYear, anchorYear - 1, anchorYear - 2].map((y) => ({
              value: y,
              label: String(y),
            }))}
            onChange={setYear}
          />
        </Space>
        {eligibility.isPending && <Spin />}
        {eligibility.error !== null && <ProblemAlert error={eligibility.error} />}
        {eligibility.data?.length === 0 && <Empty description={t('subsidyRewards.noSchemes')} />}
        {/* Keyed by what is due, so the prefilled selection starts afresh after an application. */}
        {eligibility.data?.map((scheme) => (
          <RewardSchemeCard
            key={`${scheme.schemeVersionId}-${scheme.rewardYear}-${scheme.eligibleCount}-${scheme.totalYuan}`}
            scheme={scheme}
            onApplied={() => {
              void queryClient.invalidateQueries({ queryKey: ['subsidy-reward-eligibility'] });
              void queryClient.invalidateQueries({ queryKey: ['subsidy-reward-applications'] });
            }}
          />
        ))}
        <Card title={t('subsidyRewards.myApplications')}>
          <PagedTable<SubsidyRewardApplication>
            list={list}
            columns={columns}
            page={params.page}
            pageSize={params.pageSize}
            onPageChange={params.setPage}
            emptyText={t('subsidies.noApplications')}
            filtered={false}
          />
        </Card>
      </Space>
      <Drawer open={open !== null} size="large" title={open?.applicationNumber} onClose={() => setOpen(null)}>
        {open?.loans.map((loan) => (
          <Card key={loan.caseId} size="small" style={{ marginBottom: 12 }}>
            <SubsidyRewardLoanView loan={loan} />
          </Card>
        ))}
      </Drawer>
    </>
  );
}
