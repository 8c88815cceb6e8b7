import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Empty,
  Input,
  Popconfirm,
  Row,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseYuanInput } from '../cases/parse-yuan-input.ts';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { PledgeeCandidateSelect } from '../common/pledgee-candidate-select.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatMoney } from '../format/format-money.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { riskSharingApi, type PoolFiling, type RiskPool } from './risk-sharing-api.ts';
import { formatBps, loanCategoryLabel } from './risk-sharing-labels.ts';

type Member = RiskPool['members'][number];

/** One pool: ratios, this year's budget and use, member banks; its administrator manages members and budget. */
function PoolCard({ pool, canManage }: { pool: RiskPool; canManage: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [bankId, setBankId] = useState<string>();
  const [budgetText, setBudgetText] = useState('');
  const refresh = () => void queryClient.invalidateQueries({ queryKey: ['risk-pools'] });
  const addMember = useMutation({
    mutationFn: (id: string) => riskSharingApi.addMember(pool.id, id),
    onSuccess: () => {
      setBankId(undefined);
      void message.success(t('riskSharing.memberAdded'));
      refresh();
    },
  });
  const endMember = useMutation({
    mutationFn: (membershipId: string) => riskSharingApi.endMembership(membershipId),
    onSuccess: refresh,
  });
  const budget = parseYuanInput(budgetText);
  const setBudget = useMutation({
    mutationFn: (yuan: string) => riskSharingApi.setBudget(pool.id, pool.budgetYear, yuan),
    onSuccess: () => {
      setBudgetText('');
      void message.success(t('riskSharing.budgetSaved'));
      refresh();
    },
  });
  const error = addMember.error ?? endMember.error ?? setBudget.error;

  const columns: TableColumnsType<Member> = [
    { title: t('riskSharing.bank'), dataIndex: 'bankName', key: 'bank' },
    { title: t('riskSharing.memberFrom'), dataIndex: 'fromDate', key: 'from', width: 120 },
    {
      title: t('riskSharing.memberTo'),
      key: 'to',
      width: 120,
      render: (_, m) => m.toDate ?? t('riskSharing.memberOpen'),
    },
    ...(canManage
      ? [
          {
            title: t('riskSharing.actions'),
            key: 'actions',
            width: 100,
            render: (_: unknown, m: Member) =>
              m.toDate === null ? (
                <Popconfirm
                  title={t('riskSharing.endMemberConfirm', { bank: m.bankName })}
                  okText={t('riskSharing.endMember')}
                  cancelText={t('common.cancel')}
                  onConfirm={() => endMember.mutate(m.id)}
                >
                  <Button size="small" danger>
                    {t('riskSharing.endMember')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]
      : []),
  ];

  return (
    <Card
      title={currentLanguage() === 'en' ? pool.nameEn : pool.nameZh}
      extra={
        <Typography.Text type="secondary">
          {pool.level === 'city' ? t('riskSharing.cityPool') : t('riskSharing.districtPool')}
        </Typography.Text>
      }
      style={{ marginBottom: 16 }}
    >
      {error !== null && <ProblemAlert error={error} />}
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col xs={12} md={6}>
          <Statistic title={t('riskSharing.fundSize')} value={formatMoney(pool.fundSizeYuan)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={t('riskSharing.budgetOfYear', { year: pool.budgetYear })}
            value={formatMoney(pool.budgetYuan)}
          />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('riskSharing.used')} value={formatMoney(pool.usedYuan)} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={t('riskSharing.remaining')} value={formatMoney(pool.remainingYuan)} />
        </Col>
      </Row>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} style={{ marginBottom: 16 }}>
        <Descriptions.Item label={t('riskSharing.ratios')}>
          {pool.ratios
            .map((r) => `${loanCategoryLabel(r.loanCategory, t)} ${formatBps(r.ratioBps)}`)
            .join('；')}
        </Descriptions.Item>
        <Descriptions.Item label={t('riskSharing.ratiosEffective')}>
          {pool.ratiosEffectiveDate}
        </Descriptions.Item>
        <Descriptions.Item label={t('riskSharing.filed')}>
          {t('riskSharing.filedSummary', {
            count: pool.filings,
            amount: formatMoney(pool.filedPrincipalYuan),
          })}
        </Descriptions.Item>
      </Descriptions>
      {canManage && (
        <Space wrap style={{ marginBottom: 16 }}>
          <PledgeeCandidateSelect
            kinds={['bank']}
            {...(bankId === undefined ? {} : { value: bankId })}
            onChange={setBankId}
            placeholder={t('riskSharing.pickBank')}
            style={{ width: 320 }}
          />
          <Button
            disabled={bankId === undefined}
            loading={addMember.isPending}
            onClick={() => bankId !== undefined && addMember.mutate(bankId)}
          >
            {t('riskSharing.addMember')}
          </Button>
          <Input
            value={budgetText}
            onChange={(e) => setBudgetText(e.target.value)}
            placeholder={t('riskSharing.budgetPlaceholder', { year: pool.budgetYear })}
            status={budgetText !== '' && budget === null ? 'error' : ''}
            style={{ width: 220 }}
            suffix="元"
          />
          <Button
            disabled={budget === null}
            loading={setBudget.isPending}
            onClick={() => budget !== null && setBudget.mutate(budget.yuan)}
          >
            {t('riskSharing.setBudget')}
          </Button>
        </Space>
      )}
      <Table<Member>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={pool.members}
        pagination={{ pageSize: 10, hideOnSinglePage: true }}
        locale={{ emptyText: t('riskSharing.noMembers') }}
      />
    </Card>
  );
}

/**
 * 风险补偿资金池 (issue 8 items 3, 8): the city and district pools with fund size, ratios, this year's budget, use
 * and what is left, and member banks; the loans filed into them (入池备案) with server paging. A pool
 * administrator manages its own pool's members and budget here.
 */
export function RiskPoolPage() {
  const { t } = useTranslation();
  const session = useSession().data ?? null;
  const params = useListSearchParams();
  const poolId = params.text('poolId');
  const pools = useQuery({ queryKey: ['risk-pools'], queryFn: ({ signal }) => riskSharingApi.pools(signal) });
  const canListFilings = hasPermission(session, 'risk_pool_filing.list');
  const filings = useQuery({
    queryKey: ['risk-pool-filings', poolId, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      riskSharingApi.filings({ poolId, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
    enabled: canListFilings,
  });
  const canManage = hasPermission(session, 'risk_pool.manage');

  const columns: TableColumnsType<PoolFiling> = [
    {
      title: t('riskSharing.case'),
      key: 'case',
      render: (_, f) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text style={{ fontFamily: 'monospace' }}>{f.caseNumber}</Typography.Text>
          <Typography.Text type="secondary">{f.enterpriseName}</Typography.Text>
        </Space>
      ),
    },
    { title: t('riskSharing.bank'), dataIndex: 'bankName', key: 'bank' },
    { title: t('riskSharing.pool'), dataIndex: 'poolName', key: 'pool' },
    {
      title: t('riskSharing.principal'),
      key: 'principal',
      align: 'right',
      render: (_, f) => formatMoney(f.principalYuan),
    },
    { title: t('riskSharing.ratio'), key: 'ratio', align: 'right', render: (_, f) => formatBps(f.ratioBps) },
    { title: t('riskSharing.budgetYear'), dataIndex: 'budgetYear', key: 'year', width: 90 },
    { title: t('riskSharing.filedDate'), dataIndex: 'filedDate', key: 'filedDate', width: 110 },
  ];

  return (
    <>
      <PageHeader title={t('riskSharing.poolsTitle')} subtitle={t('riskSharing.poolsSubtitle')} />
      {pools.error !== null && <ProblemAlert error={pools.error} onRetry={() => void pools.refetch()} />}
      {pools.data !== undefined && pools.data.items.length === 0 && (
        <Card style={{ marginBottom: 16 }}>
          <Empty description={t('riskSharing.noPools')} />
        </Card>
      )}
      {(pools.data?.items ?? []).map((pool) => (
        <PoolCard key={pool.id} pool={pool} canManage={canManage} />
      ))}
      {canListFilings && (
        <Card title={t('riskSharing.filingsTitle')}>
          <Space wrap style={{ marginBottom: 16 }}>
            <Select<string>
              allowClear
              value={poolId ?? null}
              placeholder={t('riskSharing.allPools')}
              style={{ width: 320 }}
              options={(pools.data?.items ?? []).map((p) => ({
                value: p.id,
                label: currentLanguage() === 'en' ? p.nameEn : p.nameZh,
              }))}
              onChange={(v) => params.setFilters({ poolId: v })}
            />
          </Space>
          <PagedTable<PoolFiling>
            list={filings}
            columns={columns}
            page={params.page}
            pageSize={params.pageSize}
            onPageChange={params.setPage}
            emptyText={t('riskSharing.noFilings')}
            filtered={poolId !== undefined}
          />
        </Card>
      )}
    </>
  );
}
