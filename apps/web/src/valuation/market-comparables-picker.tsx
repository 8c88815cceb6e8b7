import { useQuery } from '@tanstack/react-query';
import { Alert, Input, InputNumber, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { useTranslation } from 'react-i18next';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { formatMoney } from '../format/format-money.ts';
import { ipTradeApi, type TradeComparable } from './ip-trade-api.ts';
import { valuationsMarketFactorsLabel, ipTradesKindsLabel } from './valuation-labels.ts';

/** One chosen comparable as the market approach takes it (percent factors: 105 = the subject is 5 % better). */
export interface ChosenComparable {
  comparableId: string;
  kind: 'trade' | 'licence';
  priceYuan: string;
  timeFactorPct: string;
  sizeFactorPct: string;
  technologyFactorPct: string;
  termsFactorPct: string;
  weight: number;
}

export const percentPattern = /^\d{1,4}(\.\d{1,6})?$/;

const factorFields = [
  ['timeFactorPct', 'time'],
  ['sizeFactorPct', 'size'],
  ['technologyFactorPct', 'technology'],
  ['termsFactorPct', 'terms'],
] as const;

/** `"100.0000"` → `"100"`, `"104.5000"` → `"104.5"`: the suggested factors read like typed ones. */
const trimPct = (text: string) => (text.includes('.') ? text.replace(/\.?0+$/, '') : text);

function toChosen(c: TradeComparable): ChosenComparable {
  return {
    comparableId: c.comparableId,
    kind: c.kind,
    priceYuan: c.price,
    timeFactorPct: trimPct(c.factors.time),
    sizeFactorPct: trimPct(c.factors.size),
    technologyFactorPct: trimPct(c.factors.technology),
    termsFactorPct: trimPct(c.factors.terms),
    weight: c.weight,
  };
}

/** Whether every factor of the chosen comparables is a percent the server accepts. */
export function areComparablesValid(chosen: readonly ChosenComparable[]): boolean {
  return chosen.every((c) => factorFields.every(([field]) => percentPattern.test(c[field])));
}

/**
 * 市场法可比交易: the completed trades and licences comparable to the asset (same IPC subclass or kind, priced,
 * before the valuation date) with the server's suggested adjustment factors; the evaluator ticks the ones to use
 * and adjusts each factor (time, size, technology, terms) and weight. The server computes the adjusted prices.
 */
export function MarketComparablesPicker(props: {
  assetId: string;
  asOfDate: string;
  value: readonly ChosenComparable[];
  onChange: (next: ChosenComparable[]) => void;
}) {
  const { t } = useTranslation();
  const comparables = useQuery({
    queryKey: ['ip-assets', props.assetId, 'trade-comparables', props.asOfDate],
    queryFn: ({ signal }) => ipTradeApi.comparables(props.assetId, props.asOfDate, signal),
    enabled: props.assetId !== '',
  });
  const chosenOf = new Map(props.value.map((c) => [c.comparableId, c]));
  const update = (id: string, patch: Partial<ChosenComparable>) =>
    props.onChange(props.value.map((c) => (c.comparableId === id ? { ...c, ...patch } : c)));

  const columns: TableColumnsType<TradeComparable> = [
    {
      title: t('valuations.market.trade'),
      key: 'trade',
      render: (_, c) => (
        <>
          <div>
            {c.assetNumber} <Tag>{ipTradesKindsLabel(c.tradeKind, t)}</Tag>
          </div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {c.assetTitle}
          </Typography.Text>
        </>
      ),
    },
    { title: t('valuations.market.tradeDate'), dataIndex: 'tradeDate', width: 110 },
    {
      title: t('valuations.market.price'),
      dataIndex: 'price',
      align: 'right',
      width: 130,
      render: (price: string) => formatMoney(price),
    },
    ...factorFields.map(([field, name]) => ({
      title: valuationsMarketFactorsLabel(name, t),
      key: field,
      width: 90,
      render: (_: unknown, c: TradeComparable) => {
        const chosen = chosenOf.get(c.comparableId);
        if (chosen === undefined) return `${trimPct(c.factors[name])}%`;
        return (
          <Input
            size="small"
            suffix="%"
            aria-label={`${c.assetNumber} ${valuationsMarketFactorsLabel(name, t)}`}
            {...(percentPattern.test(chosen[field]) ? {} : { status: 'error' as const })}
            value={chosen[field]}
            onChange={(e) => update(c.comparableId, { [field]: e.target.value.trim() })}
          />
        );
      },
    })),
    {
      title: t('valuations.market.weight'),
      key: 'weight',
      width: 80,
      render: (_, c) => {
        const chosen = chosenOf.get(c.comparableId);
        if (chosen === undefined) return c.weight;
        return (
          <InputNumber
            size="small"
            min={0}
            max={100}
            precision={0}
            value={chosen.weight}
            onChange={(weight) => update(c.comparableId, { weight: weight ?? 0 })}
          />
        );
      },
    },
  ];

  if (comparables.isError) return <ProblemAlert error={comparables.error} />;
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('valuations.market.help')}
      </Typography.Paragraph>
      {props.value.length > 0 && !areComparablesValid(props.value) && (
        <Alert
          type="error"
          showIcon
          title={t('valuations.form.percentInvalid')}
          style={{ marginBottom: 8 }}
        />
      )}
      <Table<TradeComparable>
        size="small"
        rowKey="comparableId"
        loading={comparables.isLoading}
        dataSource={comparables.data?.items ?? []}
        columns={columns}
        pagination={(comparables.data?.items.length ?? 0) > 10 ? { pageSize: 10, size: 'small' } : false}
        locale={{ emptyText: t('valuations.market.empty') }}
        scroll={{ x: 900 }}
        rowSelection={{
          selectedRowKeys: props.value.map((c) => c.comparableId),
          getCheckboxProps: (c) => ({ 'aria-label': c.assetNumber }),
          onChange: (keys, rows) => {
            const kept = props.value.filter((c) => keys.includes(c.comparableId));
            const added = rows
              .filter((r) => !kept.some((c) => c.comparableId === r.comparableId))
              .map(toChosen);
            props.onChange([...kept, ...added].slice(0, 20));
          },
        }}
      />
    </>
  );
}
