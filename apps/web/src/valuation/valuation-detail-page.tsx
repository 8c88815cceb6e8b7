import { ArrowLeftOutlined, FilePdfOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Result, Skeleton, Space, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiProblem } from '../api/api-problem.ts';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { valuationApi, valuationReportUrl, type ValuationAssetResult } from './valuation-api.ts';
import {
  approachLabel,
  dimensionLabel,
  indicatorSourceLabel,
  valuationKindColor,
  valuationKindLabel,
  valuationsMarketFactorsLabel,
  ipTradesKindsLabel,
} from './valuation-labels.ts';

type Indicator = NonNullable<ValuationAssetResult['score']>['indicators'][number];
type Comparable = NonNullable<ValuationAssetResult['market']>['comparables'][number];

/** A factor as entered, or 100 % where none was. */
const factorText = (pct: string | null | undefined) => `${pct ?? '100'}%`;

/** 市场法可比交易: each comparable's trade, date, price, adjustment factors, weight and adjusted price. */
function MarketComparables({ comparables }: { comparables: readonly Comparable[] }) {
  const { t } = useTranslation();
  return (
    <Table<Comparable>
      size="small"
      rowKey="comparableId"
      pagination={false}
      scroll={{ x: 900 }}
      dataSource={[...comparables]}
      columns={[
        {
          title: t('valuations.market.trade'),
          key: 'trade',
          render: (_, c) =>
            c.trade === undefined || c.trade === null ? (
              <Typography.Text style={{ fontFamily: 'monospace' }}>{c.comparableId}</Typography.Text>
            ) : (
              <Space orientation="vertical" size={0}>
                <span>
                  {c.trade.assetNumber} <Tag>{ipTradesKindsLabel(c.trade.tradeKind, t)}</Tag>
                </span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {c.trade.assetTitle}
                </Typography.Text>
              </Space>
            ),
        },
        {
          title: t('valuations.market.tradeDate'),
          key: 'date',
          width: 110,
          render: (_, c) => c.trade?.tradeDate ?? '—',
        },
        {
          title: t('valuations.market.price'),
          key: 'price',
          align: 'right',
          render: (_, c) => formatMoney(c.priceYuan ?? null),
        },
        ...(['time', 'size', 'technology', 'terms'] as const).map((name) => ({
          title: valuationsMarketFactorsLabel(name, t),
          key: name,
          align: 'right' as const,
          width: 80,
          render: (_: unknown, c: Comparable) =>
            c.factors === undefined ? '—' : factorText(c.factors[name]),
        })),
        {
          title: t('valuations.market.weight'),
          dataIndex: 'weight',
          key: 'weight',
          align: 'right',
          width: 70,
        },
        {
          title: t('valuations.market.adjustedPrice'),
          key: 'adjusted',
          align: 'right',
          render: (_, c) => <Typography.Text strong>{formatMoney(c.adjustedPriceYuan)}</Typography.Text>,
        },
      ]}
    />
  );
}

/** One asset's figures: approaches, income years, indicator contributions and the sensitivity table. */
function AssetFigures({ asset }: { asset: ValuationAssetResult }) {
  const { t } = useTranslation();
  const indicatorColumns: TableColumnsType<Indicator> = [
    {
      title: t('valuations.dimension'),
      key: 'dimension',
      render: (_, i) => dimensionLabel(i.dimension, t),
      width: 110,
    },
    { title: t('valuations.indicator'), dataIndex: 'zh', key: 'zh' },
    { title: t('valuations.indicatorValue'), dataIndex: 'value', key: 'value', align: 'right', width: 80 },
    {
      title: t('valuations.overallWeight'),
      key: 'weight',
      align: 'right',
      width: 100,
      render: (_, i) => `${i.overallWeightPct}%`,
    },
    {
      title: t('valuations.contribution'),
      dataIndex: 'contribution',
      key: 'contribution',
      align: 'right',
      width: 90,
    },
    {
      title: t('valuations.source'),
      key: 'source',
      render: (_, i) => (
        <Space orientation="vertical" size={0}>
          <span>{indicatorSourceLabel(i.source, t)}</span>
          {i.evidence !== undefined && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {i.evidence}
            </Typography.Text>
          )}
        </Space>
      ),
    },
  ];
  return (
    <Card
      size="small"
      style={{ marginTop: 16 }}
      title={
        <Space>
          <Typography.Text style={{ fontFamily: 'monospace' }}>{asset.number}</Typography.Text>
          <span>{asset.title}</span>
        </Space>
      }
      extra={<Typography.Text strong>{formatMoney(asset.valueYuan)}</Typography.Text>}
    >
      <Typography.Paragraph type="secondary">
        {t('valuations.assetRange', { low: formatMoney(asset.lowYuan), high: formatMoney(asset.highYuan) })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="approach"
        pagination={false}
        dataSource={asset.approaches}
        columns={[
          {
            title: t('valuations.approach'),
            key: 'approach',
            render: (_, a) => approachLabel(a.approach, t),
          },
          {
            title: t('valuations.weight'),
            key: 'weight',
            align: 'right',
            render: (_, a) => `${(a.weightBps / 100).toFixed(2)}%`,
          },
          {
            title: t('valuations.approachValue'),
            key: 'value',
            align: 'right',
            render: (_, a) => formatMoney(a.valueYuan),
          },
        ]}
      />
      {asset.income !== undefined && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('valuations.incomeTitle', {
              rate: asset.income.discountRatePct,
              years: asset.income.remainingLifeYears,
            })}
          </Typography.Title>
          <Table
            size="small"
            rowKey="year"
            pagination={false}
            dataSource={asset.income.years}
            columns={[
              { title: t('valuations.year'), dataIndex: 'year', key: 'year', width: 80 },
              {
                title: t('valuations.revenue'),
                key: 'revenue',
                align: 'right',
                render: (_, y) => formatMoney(y.revenueYuan),
              },
              {
                title: t('valuations.afterTaxRoyalty'),
                key: 'royalty',
                align: 'right',
                render: (_, y) => formatMoney(y.afterTaxRoyaltyYuan),
              },
              {
                title: t('valuations.presentValue'),
                key: 'pv',
                align: 'right',
                render: (_, y) => formatMoney(y.presentValueYuan),
              },
            ]}
          />
        </>
      )}
      {asset.market !== undefined && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('valuations.market.title')}
          </Typography.Title>
          <MarketComparables comparables={asset.market.comparables} />
        </>
      )}
      {asset.score !== undefined && asset.score.indicators.some((i) => i.source === 'entered') && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('valuations.indicatorEntry.enteredTitle')}
          </Typography.Title>
          <Table<Indicator>
            size="small"
            rowKey="indicator"
            pagination={false}
            dataSource={asset.score.indicators.filter((i) => i.source === 'entered')}
            columns={[
              { title: t('valuations.indicator'), dataIndex: 'zh', key: 'zh', width: 160 },
              {
                title: t('valuations.indicatorValue'),
                dataIndex: 'value',
                key: 'value',
                align: 'right',
                width: 80,
              },
              { title: t('valuations.indicatorEntry.evidence'), dataIndex: 'evidence', key: 'evidence' },
            ]}
          />
        </>
      )}
      {asset.score !== undefined && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('valuations.scoreTitle', { score: asset.score.overallScore })}
          </Typography.Title>
          <Space wrap style={{ marginBottom: 8 }}>
            {asset.score.dimensions.map((d) => (
              <Tag key={d.dimension}>
                {dimensionLabel(d.dimension, t)} {d.score}
              </Tag>
            ))}
            <Typography.Text type="secondary">{asset.score.weightTableVersion}</Typography.Text>
          </Space>
          <Table<Indicator>
            size="small"
            rowKey="indicator"
            pagination={false}
            dataSource={asset.score.indicators}
            columns={indicatorColumns}
          />
        </>
      )}
      {asset.sensitivity !== undefined && (
        <>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            {t('valuations.sensitivityTitle')}
          </Typography.Title>
          <Table
            size="small"
            rowKey="discountRate"
            pagination={false}
            dataSource={asset.sensitivity.discountRatesPct.map((discountRate, row) => ({
              discountRate,
              values: asset.sensitivity!.valuesYuan[row] ?? [],
            }))}
            columns={[
              {
                title: t('valuations.sensitivityCorner'),
                dataIndex: 'discountRate',
                key: 'd',
                render: (d: string) => `${d}%`,
              },
              ...asset.sensitivity.royaltyRatesPct.map((royaltyRate, column) => ({
                title: `${royaltyRate}%`,
                key: royaltyRate,
                align: 'right' as const,
                render: (_: unknown, r: { values: string[] }) => formatMoney(r.values[column] ?? null),
              })),
            ]}
          />
        </>
      )}
    </Card>
  );
}

/**
 * 估值详情 (a valuation on record): basis and valuers, the reconciled value with its range, pledge value and
 * suggested maximum loan, and per asset the approaches, indicator contributions and sensitivity table; the report
 * PDF to download.
 */
export function ValuationDetailPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const detail = useQuery({
    queryKey: ['valuations', 'detail', id],
    queryFn: () => valuationApi.get(id),
    enabled: id !== '',
  });
  const backLink = (
    <Link to="/valuations">
      <Button icon={<ArrowLeftOutlined />}>{t('valuations.backToList')}</Button>
    </Link>
  );
  if (detail.isPending)
    return (
      <Card>
        <Skeleton active paragraph={{ rows: 8 }} />
      </Card>
    );
  if (detail.isError) {
    if (isApiProblem(detail.error, 404))
      return (
        <Result
          status="404"
          title={t('valuations.notFound')}
          subTitle={detail.error.detail}
          extra={backLink}
        />
      );
    return <ProblemAlert error={detail.error} onRetry={() => void detail.refetch()} />;
  }
  const v = detail.data;
  return (
    <>
      <Space style={{ marginBottom: 16 }}>
        {backLink}
        <a href={valuationReportUrl(v.id)} download>
          <Button type="primary" icon={<FilePdfOutlined />}>
            {t('valuations.downloadReport')}
          </Button>
        </a>
      </Space>
      <Card
        title={
          <Space>
            <span style={{ fontFamily: 'monospace' }}>{v.number}</span>
            <Tag color={valuationKindColor[v.kind] ?? 'default'}>{valuationKindLabel(v.kind, t)}</Tag>
            <Tag color={v.valid ? 'green' : 'red'}>
              {v.valid ? t('valuations.valid') : t('valuations.expired')}
            </Tag>
          </Space>
        }
      >
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label={t('valuations.enterprise')}>{v.enterprise.name}</Descriptions.Item>
          <Descriptions.Item label={t('valuations.madeBy')}>
            {v.evaluationFirmName ?? v.organisation.name}
          </Descriptions.Item>
          <Descriptions.Item label={t('valuations.method')}>
            {v.method
              .split('+')
              .map((a) => approachLabel(a, t))
              .join(' + ')}
          </Descriptions.Item>
          <Descriptions.Item label={t('valuations.valuationDate')}>{v.valuationDate}</Descriptions.Item>
          <Descriptions.Item label={t('valuations.validUntil')}>{v.validUntil}</Descriptions.Item>
          {v.reportNumber !== null && (
            <Descriptions.Item label={t('valuations.reportNumber')}>
              {v.reportNumber}（{v.signedOn}）
            </Descriptions.Item>
          )}
          <Descriptions.Item label={t('valuations.value')}>
            <Typography.Text strong>{formatMoney(v.valueYuan)}</Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={t('valuations.range')}>
            {formatMoney(v.lowYuan)} – {formatMoney(v.highYuan)}
          </Descriptions.Item>
          <Descriptions.Item label={t('valuations.pledgeValue')}>
            {formatMoney(v.pledgeValueYuan)}（{v.pledgeRatioPct}%）
          </Descriptions.Item>
          <Descriptions.Item label={t('valuations.maxLoan')}>
            {formatMoney(v.maxLoanYuan)}（{v.maxPledgeRatePct}%）
          </Descriptions.Item>
          {v.valuers.length > 0 && (
            <Descriptions.Item label={t('valuations.valuers')} span={2}>
              {v.valuers.map((valuer) => `${valuer.name}（${valuer.certificateNumber}）`).join('，')}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      {v.assetResults.map((asset) => (
        <AssetFigures key={asset.assetId} asset={asset} />
      ))}
    </>
  );
}
