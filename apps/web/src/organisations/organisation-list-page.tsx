import { PlusOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Input, Select, Space, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../api/api-types.ts';
import { organisationApi } from '../api/organisation-api.ts';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { formatDateTime } from '../format/format-date-time.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { referenceLabel, referenceOptions } from '../reference/reference-options.ts';
import { hasPermission } from '../session/has-permission.ts';
import { useSession } from '../session/use-session.ts';
import { bankLevelLabel } from './bank-level-label.ts';
import { CreateOrganisationModal } from './create-organisation-modal.tsx';

/** 机构管理: organisations of every kind, searchable by name and filterable by kind, with a create form. */
export function OrganisationListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const session = useSession().data;
  const params = useListSearchParams();
  const [creating, setCreating] = useState(false);
  const q = params.text('q');
  const kind = params.text('kind');

  const list = useQuery({
    queryKey: ['organisations', 'list', { q, kind, page: params.page, pageSize: params.pageSize }],
    queryFn: ({ signal }) =>
      organisationApi.find(
        { ...(q ? { q } : {}), ...(kind ? { kind } : {}), page: params.page, pageSize: params.pageSize },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

  const columns: TableColumnsType<Organisation> = [
    {
      title: t('organisations.name'),
      key: 'name',
      render: (_, o) => (
        <div>
          <Typography.Text strong>{language === 'zh-CN' ? o.nameZh : o.nameEn}</Typography.Text>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {language === 'zh-CN' ? o.nameEn : o.nameZh}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('organisations.kind'),
      dataIndex: 'kind',
      width: 200,
      render: (value: string) => <Tag>{referenceLabel('organisationKinds', value, language)}</Tag>,
    },
    {
      title: t('organisations.bankLevel'),
      dataIndex: 'bankLevel',
      width: 100,
      render: (value: string | null) => bankLevelLabel(value, t),
    },
    {
      title: t('organisations.district'),
      dataIndex: 'district',
      width: 140,
      render: (value: string | null) => referenceLabel('districts', value, language),
    },
    {
      title: t('organisations.uscc'),
      dataIndex: 'uscc',
      width: 190,
      render: (value: string | null) => (value ? <Typography.Text code>{value}</Typography.Text> : '—'),
    },
    {
      title: t('common.createdAt'),
      dataIndex: 'createdAt',
      width: 160,
      render: (value: string) => formatDateTime(value, language),
    },
  ];

  return (
    <>
      <PageHeader
        title={t('organisations.title')}
        subtitle={t('organisations.subtitle')}
        extra={
          hasPermission(session, 'organisation.create') && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('organisations.create')}
            </Button>
          )
        }
      />
      <Card>
        <Space wrap style={{ marginBottom: 16 }}>
          <Input.Search
            key={`q-${q ?? ''}`}
            allowClear
            defaultValue={q}
            placeholder={t('organisations.searchPlaceholder')}
            style={{ width: 300 }}
            onSearch={(value) => params.setFilters({ q: value.trim() })}
          />
          <Select<string>
            allowClear
            value={kind ?? null}
            placeholder={t('organisations.allKinds')}
            style={{ width: 220 }}
            options={referenceOptions('organisationKinds', language)}
            onChange={(value) => params.setFilters({ kind: value })}
          />
        </Space>
        <PagedTable<Organisation>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={t('organisations.empty')}
          filtered={Boolean(q || kind)}
        />
      </Card>
      <CreateOrganisationModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
