import { DownloadOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Space, Statistic, Table, Tabs } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { whitelistPushApi, type Conversion } from './whitelist-push-api.ts';
import { whitelistPushStatLabel } from './whitelist-push-labels.ts';

type Row = Conversion['total'];

/** 转化统计 (issue 10 item 5): pushed leads contacted, applied, approved, declined and disbursed by bank and district. */
export function WhitelistConversionPage() {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const conversion = useQuery({
    queryKey: ['whitelist-conversion'],
    queryFn: ({ signal }) => whitelistPushApi.conversion(signal),
  });
  const columns = (group: string): TableColumnsType<Row> => [
    { title: group, key: 'name', render: (_, r) => (en ? r.nameEn : r.nameZh) },
    ...(
      ['pushed', 'contacted', 'applied', 'approved', 'declined', 'disbursed', 'followUpOverdue'] as const
    ).map((k) => ({
      title: whitelistPushStatLabel(k, t),
      dataIndex: k,
      key: k,
      align: 'right' as const,
    })),
    {
      title: t('whitelistPush.stat.applyRate'),
      key: 'applyRate',
      align: 'right',
      render: (_, r) => (r.applyRatePct === null ? '—' : `${r.applyRatePct}%`),
    },
    {
      title: t('whitelistPush.stat.disbursementRate'),
      key: 'disbursementRate',
      align: 'right',
      render: (_, r) => (r.disbursementRatePct === null ? '—' : `${r.disbursementRatePct}%`),
    },
  ];
  const total = conversion.data?.total;
  return (
    <>
      <PageHeader
        title={t('whitelistPush.conversionTitle')}
        subtitle={t('whitelistPush.conversionSubtitle')}
        extra={
          <Button
            icon={<DownloadOutlined />}
            href={whitelistPushApi.conversionExportUrl(en ? 'en' : 'zh-CN')}
          >
            {t('whitelistPush.exportXlsx')}
          </Button>
        }
      />
      {conversion.error && (
        <ProblemAlert error={conversion.error} onRetry={() => void conversion.refetch()} />
      )}
      {total && (
        <Card size="small" style={{ marginBottom: 16 }}>
          <Space size="large" wrap>
            <Statistic title={t('whitelistPush.stat.pushed')} value={total.pushed} />
            <Statistic title={t('whitelistPush.stat.contacted')} value={total.contacted} />
            <Statistic title={t('whitelistPush.stat.applied')} value={total.applied} />
            <Statistic title={t('whitelistPush.stat.disbursed')} value={total.disbursed} />
            <Statistic title={t('whitelistPush.stat.followUpOverdue')} value={total.followUpOverdue} />
            <Statistic
              title={t('whitelistPush.stat.applyRate')}
              value={total.applyRatePct ?? '—'}
              suffix="%"
            />
          </Space>
        </Card>
      )}
      <Tabs
        items={[
          {
            key: 'bank',
            label: t('whitelistPush.byBank'),
            children: (
              <Table<Row>
                rowKey="key"
                size="small"
                loading={conversion.isLoading}
                dataSource={conversion.data?.byBank ?? []}
                columns={columns(t('whitelistPush.bank'))}
                locale={{ emptyText: t('whitelistPush.noPushes') }}
                pagination={{ pageSize: 20 }}
              />
            ),
          },
          {
            key: 'district',
            label: t('whitelistPush.byDistrict'),
            children: (
              <Table<Row>
                rowKey="key"
                size="small"
                loading={conversion.isLoading}
                dataSource={conversion.data?.byDistrict ?? []}
                columns={columns(t('whitelistPush.district'))}
                locale={{ emptyText: t('whitelistPush.noPushes') }}
                pagination={{ pageSize: 20 }}
              />
            ),
          },
        ]}
      />
    </>
  );
}
