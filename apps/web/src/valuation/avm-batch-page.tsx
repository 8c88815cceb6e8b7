import { DownloadOutlined, PlayCircleOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import {
  Alert,
  Button,
  Card,
  Col,
  Empty,
  Radio,
  Row,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ipAssetKinds } from '@ipf/domain/ip-asset';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { useDebouncedValue } from '../common/use-debounced-value.ts';
import { useSession } from '../session/use-session.ts';
import { avmBatchApi, type AvmBatchView } from './avm-batch-api.ts';
import { AvmRunHistory } from './avm-run-history.tsx';

type Item = AvmBatchView['items'][number];
type Scope = 'own' | 'enterprise' | 'registry';

const bandColour = { high: 'green', medium: 'blue', low: 'orange' } as const;

/**
 * 批量估值 (AVM): scores and values every invention and utility-model patent in a scope at once — an enterprise
 * its own portfolio, a bank one customer's, a bureau or regulator one enterprise's or the whole registry — and
 * shows the totals, the distribution by score band and kind, the checksum of the run and the results page by
 * page (highest value first), with the xlsx export of all of them.
 */
export function AvmBatchPage() {
  const { t, i18n } = useTranslation();
  const session = useSession().data;
  const role = session?.role;
  const isEnterprise = role === 'enterprise_user';
  const mayRunRegistry = role === 'city_bureau' || role === 'regulator' || role === 'district_bureau';
  // Chosen by the user, else the role's natural scope (the session may load after the first render).
  const [chosenScope, setScope] = useState<Scope | null>(null);
  const scope: Scope = isEnterprise ? 'own' : (chosenScope ?? (mayRunRegistry ? 'registry' : 'enterprise'));
  const [enterpriseId, setEnterpriseId] = useState<string | undefined>();
  const [search, setSearch] = useState('');
  const debounced = useDebouncedValue(search, 300);
  const [requested, setRequested] = useState<{ enterpriseId?: string } | null>(null);
  const [page, setPage] = useState({ page: 1, pageSize: 20 });
  const en = i18n.language === 'en';
  const bandLabel = (band: string) =>
    band === 'high'
      ? t('avmBatch.bands.high')
      : band === 'medium'
        ? t('avmBatch.bands.medium')
        : t('avmBatch.bands.low');

  const enterprises = useQuery({
    queryKey: ['avm-batch-enterprises', debounced],
    queryFn: ({ signal }) => avmBatchApi.enterprises(debounced, signal),
    enabled: scope === 'enterprise' && !isEnterprise,
    placeholderData: keepPreviousData,
  });
  const run = useQuery({
    queryKey: ['avm-batch', requested, page],
    queryFn: ({ signal }) =>
      avmBatchApi.run(
        {
          ...(requested?.enterpriseId === undefined ? {} : { enterpriseId: requested.enterpriseId }),
          ...page,
        },
        signal,
      ),
    enabled: requested !== null,
    placeholderData: keepPreviousData,
  });

  const start = () => {
    setPage((p) => ({ ...p, page: 1 }));
    setRequested(scope === 'enterprise' && enterpriseId !== undefined ? { enterpriseId } : {});
  };
  const kindLabel = (code: string) => {
    const kind = ipAssetKinds.find((k) => k.code === code);
    return kind === undefined ? code : en ? kind.en : kind.zh;
  };
  const columns: TableColumnsType<Item> = [
    { title: t('avmBatch.number'), dataIndex: 'number', width: 170 },
    { title: t('avmBatch.assetTitle'), dataIndex: 'title', ellipsis: true },
    { title: t('avmBatch.kind'), dataIndex: 'kind', width: 120, render: (v: string) => kindLabel(v) },
    {
      title: t('avmBatch.owners'),
      dataIndex: 'ownerNames',
      ellipsis: true,
      render: (v: string[]) => v.join('、'),
    },
    { title: t('avmBatch.score'), dataIndex: 'score', width: 90, align: 'right' },
    {
      title: t('avmBatch.band'),
      dataIndex: 'band',
      width: 110,
      render: (v: Item['band']) => <Tag color={bandColour[v]}>{bandLabel(v)}</Tag>,
    },
    {
      title: t('avmBatch.value'),
      dataIndex: 'valueYuan',
      width: 160,
      align: 'right',
      render: (v: string, item) =>
        item.revenueKnown ? v : <Typography.Text type="secondary">{t('avmBatch.noRevenue')}</Typography.Text>,
    },
    {
      title: t('avmBatch.missingFacts'),
      dataIndex: 'unknownFacts',
      width: 110,
      render: (v: string[]) => (v.length === 0 ? '—' : t('avmBatch.missingCount', { count: v.length })),
    },
  ];
  const data = run.data;
  const canStart = scope !== 'enterprise' || isEnterprise || enterpriseId !== undefined;

  return (
    <>
      <PageHeader title={t('avmBatch.title')} subtitle={t('avmBatch.intro')} />
      <Card style={{ marginBottom: 16 }}>
        <Space wrap>
          <Radio.Group value={scope} onChange={(e) => setScope(e.target.value as Scope)}>
            {isEnterprise && <Radio.Button value="own">{t('avmBatch.scopeOwn')}</Radio.Button>}
            {!isEnterprise && <Radio.Button value="enterprise">{t('avmBatch.scopeEnterprise')}</Radio.Button>}
            {mayRunRegistry && <Radio.Button value="registry">{t('avmBatch.scopeRegistry')}</Radio.Button>}
          </Radio.Group>
          {scope === 'enterprise' && !isEnterprise && (
            <Select<string>
              showSearch
              allowClear
              style={{ width: 360 }}
              placeholder={t('avmBatch.pickEnterprise')}
              filterOption={false}
              onSearch={setSearch}
              {...(enterpriseId === undefined ? {} : { value: enterpriseId })}
              onChange={(v) => setEnterpriseId(v)}
              notFoundContent={enterprises.isFetching ? t('avmBatch.searching') : t('avmBatch.noEnterprise')}
              options={(enterprises.data?.items ?? []).map((e) => ({
                value: e.id,
                label: `${e.name}（${e.uscc}）`,
              }))}
            />
          )}
          <Button
            type="primary"
            icon={<PlayCircleOutlined />}
            disabled={!canStart}
            loading={run.isFetching}
            onClick={start}
          >
            {t('avmBatch.run')}
          </Button>
          <Button
            icon={<DownloadOutlined />}
            disabled={!data}
            {...(data ? { href: avmBatchApi.exportUrl(requested?.enterpriseId, i18n.language) } : {})}
          >
            {t('avmBatch.export')}
          </Button>
        </Space>
      </Card>
      {run.isError && <ProblemAlert error={run.error} onRetry={() => void run.refetch()} />}
      {requested === null && (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('avmBatch.notRun')} />
      )}
      {requested !== null && run.isPending && !run.isError && <Skeleton active />}
      {data && (
        <>
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={6}>
              <Card>
                <Statistic title={t('avmBatch.count')} value={data.count} />
              </Card>
            </Col>
            <Col span={6}>
              <Card>
                <Statistic
                  title={t('avmBatch.total')}
                  value={data.totalValueYuan}
                  suffix={t('avmBatch.yuan')}
                />
              </Card>
            </Col>
            <Col span={6}>
              <Card>
                <Statistic title={t('avmBatch.meanScore')} value={data.meanScore} />
              </Card>
            </Col>
            <Col span={6}>
              <Card>
                <Statistic title={t('avmBatch.elapsed')} value={data.elapsedMs} suffix={t('avmBatch.ms')} />
              </Card>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary">
            {t('avmBatch.runFacts', {
              date: data.asOfDate,
              version: data.parametersVersion,
              weights: data.weightTableVersion,
              checksum: data.checksum,
              known: data.revenueKnownCount,
              count: data.count,
            })}
          </Typography.Paragraph>
          {data.count > 0 && data.revenueKnownCount < data.count && (
            <Alert type="info" showIcon style={{ marginBottom: 16 }} message={t('avmBatch.revenueHint')} />
          )}
          <Row gutter={16} style={{ marginBottom: 16 }}>
            <Col span={12}>
              <Card title={t('avmBatch.byBand')} size="small">
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={data.byBand}
                  columns={[
                    {
                      title: t('avmBatch.band'),
                      dataIndex: 'key',
                      render: (v: string) => bandLabel(v),
                    },
                    { title: t('avmBatch.count'), dataIndex: 'count', align: 'right' },
                    { title: t('avmBatch.value'), dataIndex: 'valueYuan', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
            <Col span={12}>
              <Card title={t('avmBatch.byKind')} size="small">
                <Table
                  size="small"
                  pagination={false}
                  rowKey="key"
                  dataSource={data.byKind}
                  columns={[
                    { title: t('avmBatch.kind'), dataIndex: 'key', render: (v: string) => kindLabel(v) },
                    { title: t('avmBatch.count'), dataIndex: 'count', align: 'right' },
                    { title: t('avmBatch.value'), dataIndex: 'valueYuan', align: 'right' },
                  ]}
                />
              </Card>
            </Col>
          </Row>
          <Table<Item>
            rowKey="assetId"
            size="small"
            columns={columns}
            dataSource={data.items}
            locale={{ emptyText: <Empty description={t('avmBatch.empty')} /> }}
            pagination={{
              current: data.page,
              pageSize: data.pageSize,
              total: data.total,
              showSizeChanger: true,
              onChange: (p, s) => setPage({ page: p, pageSize: s }),
            }}
          />
          <Typography.Paragraph type="secondary">{t('avmBatch.disclaimer')}</Typography.Paragraph>
        </>
      )}
      <AvmRunHistory />
    </>
  );
}
