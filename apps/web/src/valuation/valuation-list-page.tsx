import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatMoney } from '../format/format-money.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { valuationApi, type ValuationSummary } from './valuation-api.ts';
import { valuationKindColor, valuationKindLabel } from './valuation-labels.ts';

const filterNames = ['assetId', 'kind', 'validity'] as const;

/**
 * 估值记录 (valuations on record, issue 7): the valuations the user may see, newest first, filtered by kind,
 * validity and asset (from the IP asset page), with server paging; the value, pledge value and validity at a glance.
 */
export function ValuationListPage() {
  const { t } = useTranslation();
  const session = useSession().data;
  const params = useListSearchParams();
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.text(name)]));
  const assetId = params.text('assetId');
  const canCreate = hasPermission(session, 'valuation.create');

  const list = useQuery({
    queryKey: ['valuations', filters, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      valuationApi.find({ ...filters, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<ValuationSummary> = [
    {
      title: t('valuations.number'),
      key: 'number',
      render: (_, v) => (
        <Link to={`/valuations/${encodeURIComponent(v.id)}`} style={{ fontFamily: 'monospace' }}>
          {v.number}
        </Link>
      ),
    },
    {
      title: t('valuations.kind'),
      key: 'kind',
      render: (_, v) => (
        <Tag color={valuationKindColor[v.kind] ?? 'default'}>{valuationKindLabel(v.kind, t)}</Tag>
      ),
    },
    {
      title: t('valuations.assets'),
      key: 'assets',
      render: (_, v) => (
        <Space orientation="vertical" size={0}>
          <Typography.Text>{v.enterprise.name}</Typography.Text>
          {v.assets.map((a) => (
            <Typography.Text
              key={a.assetId}
              type="secondary"
              style={{ fontFamily: 'monospace', fontSize: 12 }}
            >
              {a.number}
            </Typography.Text>
          ))}
        </Space>
      ),
    },
    { title: t('valuations.madeBy'), key: 'organisation', render: (_, v) => v.organisation.name },
    {
      title: t('valuations.value'),
      key: 'value',
      align: 'right',
      render: (_, v) => formatMoney(v.valueYuan),
    },
    {
      title: t('valuations.pledgeValue'),
      key: 'pledgeValue',
      align: 'right',
      render: (_, v) => formatMoney(v.pledgeValueYuan),
    },
    { title: t('valuations.valuationDate'), dataIndex: 'valuationDate', key: 'valuationDate', width: 110 },
    {
      title: t('valuations.validUntil'),
      key: 'validUntil',
      width: 140,
      render: (_, v) => (
        <Space size={4}>
          <span>{v.validUntil}</span>
          <Tag color={v.valid ? 'green' : 'red'}>
            {v.valid ? t('valuations.valid') : t('valuations.expired')}
          </Tag>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('valuations.title')}
        subtitle={t('valuations.subtitle')}
        extra={
          canCreate && assetId !== undefined ? (
            <Link to={`/valuations/new?assetId=${encodeURIComponent(assetId)}`}>
              <Button type="primary">{t('valuations.create')}</Button>
            </Link>
          ) : undefined
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Select
            allowClear
            style={{ width: 180 }}
            placeholder={t('valuations.kind')}
            value={params.text('kind')}
            onChange={(value?: string) => params.setFilters({ kind: value })}
            options={['pre_assessment', 'internal_evaluation', 'formal_report'].map((kind) => ({
              value: kind,
              label: valuationKindLabel(kind, t),
            }))}
          />
          <Select
            allowClear
            style={{ width: 140 }}
            placeholder={t('valuations.validity')}
            value={params.text('validity')}
            onChange={(value?: string) => params.setFilters({ validity: value })}
            options={[
              { value: 'valid', label: t('valuations.valid') },
              { value: 'expired', label: t('valuations.expired') },
            ]}
          />
          {assetId !== undefined && (
            <Tag closable onClose={() => params.setFilters({ assetId: undefined })}>
              {t('valuations.filteredByAsset')}
            </Tag>
          )}
        </Space>
        <PagedTable
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={canCreate ? t('valuations.emptyCreate') : t('valuations.empty')}
          filtered={Object.values(filters).some((v) => v !== undefined)}
        />
      </Card>
    </>
  );
}
