import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Button, Card, Checkbox, Input, Select, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { EnterpriseSummary } from '../api/api-types.ts';
import { enterpriseApi } from '../api/enterprise-api.ts';
import { PageHeader } from '../common/page-header.tsx';
import { PagedTable } from '../common/paged-table.tsx';
import { useListSearchParams } from '../common/use-list-search-params.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { referenceLabel, referenceOptions } from '../reference/reference-options.ts';
import { useSession } from '../session/use-session.ts';
import { EnterpriseFlagTags } from './enterprise-flag-tags.tsx';

const flagNames = ['highTech', 'specialised', 'firstLoan', 'preIpo'] as const;
type FlagName = (typeof flagNames)[number];

/**
 * 企业列表: the enterprises the user may see (the server applies customer relationship, district and
 * supervisory scope), searchable by name or credit code, filterable by district, "20+8" cluster, size and flags.
 */
export function EnterpriseListPage() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const location = useLocation();
  const role = useSession().data?.role;
  const params = useListSearchParams();
  const q = params.text('q');
  const district = params.text('district');
  const cluster = params.text('cluster');
  const sizeClass = params.text('sizeClass');
  const flags = flagNames.filter((name) => params.flag(name));
  const filtered =
    q !== undefined ||
    district !== undefined ||
    cluster !== undefined ||
    sizeClass !== undefined ||
    flags.length > 0;

  const list = useQuery({
    queryKey: [
      'enterprises',
      'list',
      { q, district, cluster, sizeClass, flags, page: params.page, pageSize: params.pageSize },
    ],
    queryFn: ({ signal }) =>
      enterpriseApi.find(
        {
          ...(q ? { q } : {}),
          ...(district ? { district } : {}),
          ...(cluster ? { cluster } : {}),
          ...(sizeClass ? { sizeClass } : {}),
          ...Object.fromEntries(flags.map((name) => [name, true])),
          page: params.page,
          pageSize: params.pageSize,
        },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

  const flagLabel = (name: FlagName): string => {
    switch (name) {
      case 'highTech':
        return t('enterprises.flagHighTech');
      case 'specialised':
        return t('enterprises.flagSpecialised');
      case 'firstLoan':
        return t('enterprises.flagFirstLoan');
      case 'preIpo':
        return t('enterprises.flagPreIpo');
    }
  };

  const title =
    role === 'bank_clerk' || role === 'bank_approver'
      ? t('nav.customerEnterprises')
      : role === 'district_bureau'
        ? t('nav.districtEnterprises')
        : t('enterprises.title');

  const columns: TableColumnsType<EnterpriseSummary> = [
    {
      title: t('enterprises.name'),
      key: 'name',
      render: (_, e) => (
        <div>
          <Link
            to={`/enterprises/${encodeURIComponent(e.id)}`}
            state={{ back: `${location.pathname}${location.search}` }}
          >
            {e.name}
          </Link>
          <div>
            <Typography.Text type="secondary" style={{ fontSize: 12, fontFamily: 'monospace' }}>
              {e.uscc}
            </Typography.Text>
          </div>
        </div>
      ),
    },
    {
      title: t('enterprises.district'),
      dataIndex: 'district',
      width: 130,
      render: (v: string) => referenceLabel('districts', v, language),
    },
    {
      title: t('enterprises.cluster'),
      dataIndex: 'cluster',
      width: 170,
      render: (v: string) => referenceLabel('industryClusters', v, language),
    },
    {
      title: t('enterprises.sizeClass'),
      dataIndex: 'sizeClass',
      width: 90,
      render: (v: string) => referenceLabel('sizeClasses', v, language),
    },
    {
      title: t('enterprises.flags'),
      key: 'flags',
      width: 230,
      render: (_, e) => <EnterpriseFlagTags flags={e} />,
    },
    { title: t('enterprises.park'), dataIndex: 'park', width: 160, render: (v: string | null) => v ?? '—' },
  ];

  return (
    <>
      <PageHeader title={title} subtitle={t('enterprises.subtitle')} />
      <Card>
        <Space wrap style={{ marginBottom: 12 }}>
          <Input.Search
            key={`q-${q ?? ''}`}
            allowClear
            defaultValue={q}
            placeholder={t('enterprises.searchPlaceholder')}
            style={{ width: 320 }}
            onSearch={(value) => params.setFilters({ q: value.trim() })}
          />
          <Select<string>
            allowClear
            value={district ?? null}
            placeholder={t('enterprises.allDistricts')}
            style={{ width: 180 }}
            options={referenceOptions('districts', language)}
            onChange={(value) => params.setFilters({ district: value })}
          />
          <Select<string>
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            value={cluster ?? null}
            placeholder={t('enterprises.allClusters')}
            style={{ width: 220 }}
            options={referenceOptions('industryClusters', language)}
            onChange={(value) => params.setFilters({ cluster: value })}
          />
          <Select<string>
            allowClear
            value={sizeClass ?? null}
            placeholder={t('enterprises.allSizes')}
            style={{ width: 130 }}
            options={referenceOptions('sizeClasses', language)}
            onChange={(value) => params.setFilters({ sizeClass: value })}
          />
        </Space>
        <div
          style={{
            display: 'flex',
            alignItems: 'center',
            justifyContent: 'space-between',
            flexWrap: 'wrap',
            gap: 8,
            marginBottom: 16,
          }}
        >
          <Checkbox.Group<FlagName>
            value={flags}
            options={flagNames.map((name) => ({ value: name, label: flagLabel(name) }))}
            onChange={(checked) =>
              params.setFilters(Object.fromEntries(flagNames.map((name) => [name, checked.includes(name)])))
            }
          />
          {filtered && (
            <Button
              size="small"
              onClick={() =>
                params.setFilters({
                  q: undefined,
                  district: undefined,
                  cluster: undefined,
                  sizeClass: undefined,
                  ...Object.fromEntries(flagNames.map((name) => [name, undefined])),
                })
              }
            >
              {t('common.clearFilters')}
            </Button>
          )}
        </div>
        <PagedTable<EnterpriseSummary>
          list={list}
          columns={columns}
          page={params.page}
          pageSize={params.pageSize}
          onPageChange={params.setPage}
          emptyText={t('enterprises.empty')}
          noMatchText={t('enterprises.noMatch')}
          filtered={Boolean(filtered)}
        />
      </Card>
    </>
  );
}
