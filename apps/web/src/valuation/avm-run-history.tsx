import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Select, Space, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PagedTable } from '../common/paged-table.tsx';
import { formatDateTime } from '../format/format-date-time.ts';
import { formatMoney } from '../format/format-money.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { avmBatchApi, type AvmRun } from './avm-batch-api.ts';
import { avmBatchRunsScopesLabel } from './valuation-labels.ts';

/**
 * 运行记录: the stored batch AVM runs the user may see (the bureau and regulators all, others their organisation's),
 * newest first — who ran it, when, the scope, how many patents, how long, the total, mean score and checksum.
 */
export function AvmRunHistory() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [scope, setScope] = useState<AvmRun['scope'] | undefined>();
  const [paging, setPaging] = useState({ page: 1, pageSize: 10 });
  const list = useQuery({
    queryKey: ['avm-runs', scope, paging],
    queryFn: ({ signal }) => avmBatchApi.runs({ ...paging, ...(scope ? { scope } : {}) }, signal),
    placeholderData: keepPreviousData,
  });
  const scopeLabel = (s: string) => avmBatchRunsScopesLabel(s, t);
  const columns: TableColumnsType<AvmRun> = [
    {
      title: t('avmBatch.runs.startedAt'),
      dataIndex: 'startedAt',
      render: (at: string) => formatDateTime(at, language),
    },
    {
      title: t('avmBatch.runs.runBy'),
      key: 'runBy',
      render: (_, r) =>
        r.runBy === null ? (
          t('avmBatch.runs.cli')
        ) : (
          <Space orientation="vertical" size={0}>
            <span>{r.runBy.name}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {r.organisation?.name ?? ''}
            </Typography.Text>
          </Space>
        ),
    },
    {
      title: t('avmBatch.runs.scope'),
      key: 'scope',
      render: (_, r) =>
        `${scopeLabel(r.scope)}${r.enterprise === null ? '' : `（${r.enterprise.name}）`}${
          r.source === 'export' ? ` · ${t('avmBatch.runs.export')}` : ''
        }`,
    },
    { title: t('avmBatch.count'), dataIndex: 'count', align: 'right' },
    {
      title: t('avmBatch.total'),
      dataIndex: 'totalValueYuan',
      align: 'right',
      render: (v: string) => formatMoney(v),
    },
    { title: t('avmBatch.meanScore'), dataIndex: 'meanScore', align: 'right' },
    {
      title: t('avmBatch.elapsed'),
      dataIndex: 'elapsedMs',
      align: 'right',
      render: (ms: number) => `${ms} ${t('avmBatch.ms')}`,
    },
    {
      title: t('avmBatch.runs.checksum'),
      dataIndex: 'checksum',
      render: (v: string) => <Typography.Text code>{v}</Typography.Text>,
    },
  ];
  return (
    <Card
      size="small"
      title={t('avmBatch.runs.title')}
      style={{ marginTop: 16 }}
      extra={
        <Select<AvmRun['scope']>
          allowClear
          size="small"
          style={{ width: 160 }}
          placeholder={t('avmBatch.runs.allScopes')}
          {...(scope === undefined ? {} : { value: scope })}
          onChange={(v: AvmRun['scope'] | undefined) => {
            setScope(v);
            setPaging((p) => ({ ...p, page: 1 }));
          }}
          options={(['enterprise', 'assets', 'registry'] as const).map((s) => ({
            value: s,
            label: scopeLabel(s),
          }))}
        />
      }
    >
      <PagedTable<AvmRun>
        list={list}
        columns={columns}
        page={paging.page}
        pageSize={paging.pageSize}
        onPageChange={(page, pageSize) => setPaging({ page, pageSize })}
        emptyText={t('avmBatch.runs.empty')}
        filtered={scope !== undefined}
      />
    </Card>
  );
}
