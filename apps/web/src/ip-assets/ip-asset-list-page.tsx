import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Col, Input, Row, Select, Space, Statistic, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { ipAssetApi, type IpAssetSummary } from './ip-asset-api.ts';
import { IpAssetHealthTags } from './ip-asset-health-tags.tsx';
import { ipLabels } from './ip-asset-labels.ts';

const filterNames = ['q', 'owner', 'classCode', 'kind', 'legalStatus', 'health'] as const;

/** 我的知识产权: the portfolio the user may see, with search, filters, paging, health figures and export. */
export function IpAssetListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession().data;
  const params = useListSearchParams();
  const filters = Object.fromEntries(filterNames.map((name) => [name, params.text(name)]));
  const { health: _health, ...healthCriteria } = filters;

  const list = useQuery({
    queryKey: ['ip-assets', 'list', filters, params.page, params.pageSize],
    queryFn: ({ signal }) =>
      ipAssetApi.find({ ...filters, page: params.page, pageSize: params.pageSize }, signal),
    placeholderData: keepPreviousData,
  });
  const health = useQuery({
    queryKey: ['ip-assets', 'health', healthCriteria],
    queryFn: () => ipAssetApi.health(healthCriteria),
  });

  const columns: TableColumnsType<IpAssetSummary> = [
    {
      title: t('ipAssets.number'),
      key: 'number',
      render: (_, a) => (
        <div>
          <Link to={`/ip-assets/${encodeURIComponent(a.id)}`} style={{ fontFamily: 'monospace' }}>
            {a.number}
          </Link>
          <div>{a.title}</div>
        </div>
      ),
    },
    {
      title: t('ipAssets.kind'),
      dataIndex: 'kind',
      width: 150,
      render: (v: string) => ipLabels.kind(v, language),
    },
    {
      title: t('ipAssets.status'),
      key: 'status',
      width: 200,
      render: (_, a) => (
        <Space wrap size={4}>
          <Tag color={a.legalStatus === 'granted' || a.legalStatus === 'registered' ? 'green' : 'default'}>
            {ipLabels.status(a.legalStatus, language)}
          </Tag>
          {a.flags.map((f) => (
            <Tag key={f}>{ipLabels.flag(f, language)}</Tag>
          ))}
        </Space>
      ),
    },
    {
      title: t('ipAssets.owners'),
      key: 'owners',
      width: 220,
      render: (_, a) =>
        a.owners
          .map((o) => `${o.name}${a.owners.length > 1 ? ` ${(o.shareBps / 100).toFixed(0)}%` : ''}`)
          .join('；'),
    },
    {
      title: t('ipAssets.expiryDate'),
      dataIndex: 'expiryDate',
      width: 120,
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('ipAssets.health'),
      key: 'health',
      width: 200,
      render: (_, a) => <IpAssetHealthTags health={a.health} />,
    },
  ];

  return (
    <>
      <PageHeader
        title={t('ipAssets.title')}
        subtitle={t('ipAssets.subtitle')}
        extra={
          <Space>
            {hasPermission(session, 'ip_asset.import') && (
              <Link to="/ip-assets/import">
                <Button icon={<UploadOutlined />}>{t('ipAssets.import')}</Button>
              </Link>
            )}
            {hasPermission(session, 'ip_asset.export') && (
              <Button icon={<DownloadOutlined />} href={ipAssetApi.exportUrl(filters)}>
                {t('ipAssets.export')}
              </Button>
            )}
          </Space>
        }
      />
      <Row gutter={16} style={{ marginBottom: 16 }}>
        <Col span={6}>
          <Card>
            <Statistic title={t('ipAssets.statTotal')} value={health.data?.total ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card hoverable onClick={() => params.setFilters({ health: 'expiring' })}>
            <Statistic
              title={t('ipAssets.healthExpiring')}
              value={health.data?.expiringWithin24Months ?? 0}
            />
          </Card>
        </Col>
        <Col span={6}>
          <Card hoverable onClick={() => params.setFilters({ health: 'fees_due' })}>
            <Statistic title={t('ipAssets.healthFeesDue')} value={health.data?.feesDue ?? 0} />
          </Card>
        </Col>
        <Col span={6}>
          <Card hoverable onClick={() => params.setFilters({ health: 'disputed' })}>
            <Statistic title={t('ipAssets.healthDisputed')} value={health.data?.disputed ?? 0} />
          </Card>
        </Col>
      </Row>
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={`q-${filters['q'] ?? ''}`}
            allowClear
            defaultValue={filters['q']}
            placeholder={t('ipAssets.searchPlaceholder')}
            style={{ width: 280 }}
            onSearch={(v) => params.setFilters({ q: v.trim() })}
          />
          <Input.Search
            key={`o-${filters['owner'] ?? ''}`}
            allowClear
            defaultValue={filters['owner']}
            placeholder={t('ipAssets.ownerPlaceholder')}
            style={{ width: 200 }}
            onSearch={(v) => params.setFilters({ owner: v.trim() })}
          />
          <Input.Search
            key={`c-${filters['classCode'] ?? ''}`}
            allowClear
            defaultValue={filters['classCode']}
            placeholder={t('ipAssets.classPlaceholder')}
            style={{ width: 160 }}
            onSearch={(v) => params.setFilters({ classCode: v.trim() })}
          />
          <Select<string>
            allowClear
            value={filters['kind'] ?? null}
            placeholder={t('ipAssets.allKinds')}
            style={{ width: 190 }}
            options={ipLabels.kindOptions(language)}
            onChange={(v) => params.setFilters({ kind: v })}
          />
          <Select<string>
            allowClear
            value={filters['legalStatus'] ?? null}
            placeholder={t('ipAssets.allStatuses')}
            style={{ width: 190 }}
            options={ipLabels.statusOptions(language)}
            onChange={(v) => params.setFilters({ legalStatus: v })}
          />
          <Select<string>
            allowClear
            value={filters['health'] ?? null}
            placeholder={t('ipAssets.allHealth')}
            style={{ width: 180 }}
            options={[
              { value: 'expiring', label: t('ipAssets.healthExpiring') },
              { value: 'fees_due', label: t('ipAssets.healthFeesDue') },
              { value: 'disputed', label: t('ipAssets.healthDisputed') },
            ]}
            onChange={(v) => params.setFilters({ health: v })}
          />
          <Button
            onClick={() => params.setFilters(Object.fromEntries(filterNames.map((n) => [n, undefined])))}
          >
            {t('common.clearFilters')}
          </Button>
        </Space>
        <PagedTable<IpAssetSummary>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={t('ipAssets.empty')}
          filtered={Object.values(filters).some((value) => value !== undefined)}
        />
      </Card>
    </>
  );
}
