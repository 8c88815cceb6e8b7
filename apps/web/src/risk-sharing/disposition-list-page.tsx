import { DownloadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Empty, Input, Select, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatMoney } from '../format/format-money.ts';
import { dispositionApi, type Disposition, type RecoveryRateReport } from './disposition-api.ts';
import {
  dispositionPathLabel,
  dispositionPaths,
  dispositionStatusColor,
  dispositionStatusLabel,
  dispositionStatuses,
  ipKindLabel,
} from './disposition-labels.ts';

const filterNames = ['status', 'path', 'q'] as const;

/** 回收率 card: net proceeds over the appraised value by IP kind and path (closed and distributed cases). */
export function RecoveryRateCard() {
  const { t, i18n } = useTranslation();
  const rates = useQuery({
    queryKey: ['disposition-recovery-rates'],
    queryFn: () => dispositionApi.recoveryRates(),
  });
  const columns: TableColumnsType<RecoveryRateReport['items'][number]> = [
    {
      title: t('dispositions.ipKind'),
      key: 'ipKind',
      render: (_, r) => ipKindLabel(r.ipKind, i18n.language),
    },
    { title: t('dispositions.path'), key: 'path', render: (_, r) => dispositionPathLabel(r.path, t) },
    { title: t('dispositions.caseCount'), dataIndex: 'caseCount', key: 'caseCount', align: 'right' },
    {
      title: t('dispositions.appraised'),
      key: 'a',
      align: 'right',
      render: (_, r) => formatMoney(r.appraisedYuan),
    },
    {
      title: t('dispositions.recovered'),
      key: 'r',
      align: 'right',
      render: (_, r) => formatMoney(r.recoveredYuan),
    },
    {
      title: t('dispositions.recoveryRate'),
      key: 'rate',
      align: 'right',
      render: (_, r) => (r.recoveryRatePct === null ? '—' : `${r.recoveryRatePct}%`),
    },
  ];
  return (
    <Card title={t('dispositions.recoveryRatesTitle')} style={{ marginBottom: 16 }}>
      {rates.error !== null ? (
        <ProblemAlert error={rates.error} onRetry={() => void rates.refetch()} />
      ) : (
        <Table
          size="small"
          rowKey={(r) => `${r.ipKind}-${r.path}`}
          loading={rates.isLoading}
          dataSource={rates.data?.items ?? []}
          columns={columns}
          pagination={false}
          locale={{ emptyText: <Empty description={t('dispositions.recoveryRatesEmpty')} /> }}
        />
      )}
    </Card>
  );
}

/**
 * 处置案件 (dispositions of defaulted cases, issue 8 items 5, 8): status, path and case-number filters, server
 * paging, the recovery-rate card; each row opens the disposition for its next step.
 */
export function DispositionListPage() {
  const { t } = useTranslation();
  const params = useListSearchParams();
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.text(name)]));
  const list = useQuery({
    queryKey: ['dispositions', filters, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      dispositionApi.find({ ...filters, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const columns: TableColumnsType<Disposition> = [
    {
      title: t('dispositions.case'),
      key: 'case',
      render: (_, d) => (
        <Space orientation="vertical" size={0}>
          <Link to={`/dispositions/${encodeURIComponent(d.id)}`} style={{ fontFamily: 'monospace' }}>
            {d.caseNumber}
          </Link>
          <Typography.Text type="secondary">{d.enterpriseName}</Typography.Text>
        </Space>
      ),
    },
    { title: t('dispositions.path'), key: 'path', render: (_, d) => dispositionPathLabel(d.path, t) },
    {
      title: t('dispositions.proceeds'),
      key: 'p',
      align: 'right',
      render: (_, d) => formatMoney(d.proceedsYuan),
    },
    { title: t('dispositions.costs'), key: 'c', align: 'right', render: (_, d) => formatMoney(d.costsYuan) },
    {
      title: t('dispositions.distributed'),
      key: 'd',
      align: 'right',
      render: (_, d) => formatMoney(d.distributedYuan),
    },
    {
      title: t('dispositions.status'),
      key: 'status',
      render: (_, d) => (
        <Tag color={dispositionStatusColor(d.status)}>{dispositionStatusLabel(d.status, t)}</Tag>
      ),
    },
    { title: t('dispositions.openedDate'), dataIndex: 'openedDate', key: 'openedDate', width: 110 },
  ];
  return (
    <>
      <PageHeader
        title={t('dispositions.title')}
        subtitle={t('dispositions.subtitle')}
        extra={
          <Button icon={<DownloadOutlined />} href={dispositionApi.exportUrl(filters)}>
            {t('dispositions.export')}
          </Button>
        }
      />
      <RecoveryRateCard />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select<string>
            allowClear
            value={filters['status'] ?? null}
            placeholder={t('dispositions.allStatuses')}
            style={{ width: 160 }}
            options={dispositionStatuses.map((s) => ({ value: s, label: dispositionStatusLabel(s, t) }))}
            onChange={(v) => params.setFilters({ status: v })}
          />
          <Select<string>
            allowClear
            value={filters['path'] ?? null}
            placeholder={t('dispositions.allPaths')}
            style={{ width: 160 }}
            options={dispositionPaths.map((p) => ({ value: p, label: dispositionPathLabel(p, t) }))}
            onChange={(v) => params.setFilters({ path: v })}
          />
          <Input.Search
            allowClear
            defaultValue={filters['q']}
            placeholder={t('dispositions.searchPlaceholder')}
            style={{ width: 240 }}
            onSearch={(v) => params.setFilters({ q: v.trim() })}
          />
          <Button onClick={() => params.setFilters({ status: undefined, path: undefined, q: undefined })}>
            {t('common.clearFilters')}
          </Button>
        </Space>
        <PagedTable<Disposition>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={t('dispositions.empty')}
          filtered={Object.values(filters).some((v) => v !== undefined)}
        />
      </Card>
    </>
  );
}
