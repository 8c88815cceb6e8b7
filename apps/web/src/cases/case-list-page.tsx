import { DownloadOutlined, PlusOutlined, UnorderedListOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { dashboardApi } from '../dashboard/dashboard-api.ts';
import { PagedTable } from '../common/paged-table.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatDateTime } from '../format/format-date-time.ts';
import { formatMoney } from '../format/format-money.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { caseApi, type CaseSummary } from './case-api.ts';
import { caseLabels, repaymentMethodLabel } from './case-labels.ts';
import { CaseStateTag } from './case-state-tag.tsx';
import { SlaAgeTag } from './sla-age-tag.tsx';

const filterNames = ['q', 'state'] as const;

/**
 * 融资台账 (the ledger): the cases the user may see — an enterprise its own (我的融资), a bank its units', a
 * district bureau its district's, the city bureau and regulators all, read-only — with state filter, case
 * number search and server paging.
 */
export function CaseListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession().data;
  const params = useListSearchParams();
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.text(name)]));
  const isEnterprise = session?.role === 'enterprise_user';

  const list = useQuery({
    queryKey: ['cases', 'list', filters, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      caseApi.find({ ...filters, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<CaseSummary> = [
    {
      title: t('cases.caseNumber'),
      key: 'caseNumber',
      render: (_, c) => (
        <Link to={`/cases/${encodeURIComponent(c.id)}`} style={{ fontFamily: 'monospace' }}>
          {c.caseNumber}
        </Link>
      ),
    },
    ...(isEnterprise
      ? []
      : [{ title: t('cases.enterprise'), dataIndex: 'enterpriseName', key: 'enterpriseName' }]),
    { title: t('cases.bankUnit'), dataIndex: 'bankUnitName', key: 'bankUnitName' },
    {
      title: t('cases.amount'),
      key: 'amount',
      align: 'right',
      render: (_, c) => formatMoney(c.amountYuan),
    },
    {
      title: t('cases.terms'),
      key: 'terms',
      render: (_, c) =>
        c.termMonths === null ? (
          '—'
        ) : (
          <Typography.Text type="secondary">
            {t('cases.termMonthsValue', { count: c.termMonths })} ·{' '}
            {repaymentMethodLabel(c.repaymentMethod, t)} ·{' '}
            {caseLabels.combinedModel(c.combinedModel, language)}
          </Typography.Text>
        ),
    },
    {
      title: t('cases.state'),
      key: 'state',
      render: (_, c) => (
        <Space size={4} wrap>
          <CaseStateTag state={c.state} />
          <SlaAgeTag state={c.state} daysInState={c.daysInState} />
        </Space>
      ),
    },
    {
      title: t('cases.updatedAt'),
      dataIndex: 'updatedAt',
      key: 'updatedAt',
      width: 150,
      render: (v: string) => formatDateTime(v, language),
    },
  ];

  return (
    <>
      <PageHeader
        title={isEnterprise ? t('cases.ownTitle') : t('cases.title')}
        subtitle={isEnterprise ? t('cases.ownSubtitle') : t('cases.subtitle')}
        extra={
          <Space>
            {hasPermission(session, 'case.export') && (
              <Button icon={<DownloadOutlined />} href={dashboardApi.caseExportUrl(filters)}>
                {t('dashboard.exportLedger')}
              </Button>
            )}
            {hasPermission(session, 'case.work_queue') && (
              <Link to="/cases/queue">
                <Button icon={<UnorderedListOutlined />}>{t('cases.workQueue')}</Button>
              </Link>
            )}
            {hasPermission(session, 'case.apply') && (
              <Link to="/cases/apply">
                <Button type="primary" icon={<PlusOutlined />}>
                  {t('cases.apply')}
                </Button>
              </Link>
            )}
          </Space>
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={`q-${filters['q'] ?? ''}`}
            allowClear
            defaultValue={filters['q']}
            placeholder={t('cases.searchPlaceholder')}
            style={{ width: 300 }}
            onSearch={(v) => params.setFilters({ q: v.trim() })}
          />
          <Select<string>
            allowClear
            value={filters['state'] ?? null}
            placeholder={t('cases.allStates')}
            style={{ width: 200 }}
            options={caseLabels.stateOptions(language)}
            onChange={(v) => params.setFilters({ state: v })}
          />
          <Button onClick={() => params.setFilters({ q: undefined, state: undefined })}>
            {t('common.clearFilters')}
          </Button>
        </Space>
        <PagedTable<CaseSummary>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={isEnterprise ? t('cases.emptyOwn') : t('cases.empty')}
          filtered={Object.values(filters).some((value) => value !== undefined)}
        />
      </Card>
    </>
  );
}
