import { useMutation, useQuery } from '@tanstack/react-query';
import type { CreateValuationBody } from '@ipf/contracts';
import { App, Button, Card, Col, DatePicker, Divider, Form, Input, Row, Select, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { PageHeader } from '../common/page-header.tsx';
import { ProblemAlert } from '../common/problem-alert.tsx';
import { ipAssetApi } from '../ip-assets/ip-asset-api.ts';
import { useSession } from '../session/use-session.ts';
import { IndicatorEntriesField, type IndicatorEntryValue } from './indicator-entries-field.tsx';
import {
  areComparablesValid,
  MarketComparablesPicker,
  type ChosenComparable,
} from './market-comparables-picker.tsx';
import { valuationApi } from './valuation-api.ts';
import { creatableKinds, valuationKindLabel } from './valuation-labels.ts';

interface FormValues {
  kind: CreateValuationBody['kind'];
  valuationDate: Dayjs;
  validUntil: Dayjs;
  revenueForecast: string;
  royaltyRatePct: string;
  attributionPct: string;
  taxRatePct: string;
  riskFreeRatePct: string;
  riskPremiumPct: string;
  incomeWeightPct: string;
  reproductionCostYuan?: string;
  functionalObsolescencePct?: string;
  economicObsolescencePct?: string;
  costWeightPct: string;
  marketWeightPct: string;
  indicatorEntries?: IndicatorEntryValue[];
  pledgeRatioPct: string;
  maxPledgeRatePct: string;
  reportNumber?: string;
  signedOn?: Dayjs;
  valuer1Name?: string;
  valuer1Certificate?: string;
  valuer2Name?: string;
  valuer2Certificate?: string;
}

const percentPattern = /^\d{1,4}(\.\d{1,6})?$/;
const scoredKinds = ['invention_patent', 'utility_model_patent'];
const yuanPattern = /^\d{1,15}\.\d{2}$/;
/** `1000000` or `1,000,000.5` → `1000000.00`: the clerk types amounts freely, the wire wants two decimals. */
const toYuan = (text: string) => {
  const clean = text.replaceAll(',', '').replaceAll('，', '').trim();
  if (!/^\d{1,15}(\.\d{1,2})?$/.test(clean)) return clean;
  const [whole = '0', decimals = ''] = clean.split('.');
  return `${whole}.${decimals.padEnd(2, '0')}`;
};
const bpsOf = (pct: string) => Math.round(Number(pct) * 100);

/**
 * 新建估值 for one IP asset (from its detail page): the income approach by royalty relief (revenue forecast,
 * royalty rate, attribution, tax, discount rate built from the risk-free rate and a risk premium), optionally the
 * cost approach, the market approach from the asset's trade comparables (ticked, each factor adjustable), the
 * weights, the evaluator's indicator entries with evidence (patents), pledge ratio and maximum pledge rate; a
 * formal report also needs its number, issue date and two certified valuers. The server computes every figure;
 * the detail page shows them.
 */
export function ValuationCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [searchParams] = useSearchParams();
  const assetId = searchParams.get('assetId') ?? '';
  const session = useSession().data;
  const kinds = creatableKinds(session?.role);
  const [form] = Form.useForm<FormValues>();
  const kind = Form.useWatch('kind', form);
  const valuationDate = Form.useWatch('valuationDate', form);
  const [comparables, setComparables] = useState<ChosenComparable[]>([]);
  const asset = useQuery({
    queryKey: ['ip-assets', 'detail', assetId],
    queryFn: () => ipAssetApi.get(assetId),
    enabled: assetId !== '',
  });

  const create = useMutation({
    mutationFn: (values: FormValues) => {
      const costWeight = bpsOf(values.costWeightPct);
      const marketWeight = comparables.length === 0 ? 0 : bpsOf(values.marketWeightPct);
      const entries = (values.indicatorEntries ?? []).flatMap((e) =>
        e.indicator !== undefined && e.value !== undefined && (e.evidence ?? '').trim() !== ''
          ? [{ indicator: e.indicator, value: e.value, evidence: e.evidence!.trim() }]
          : [],
      );
      const withCost = (values.reproductionCostYuan ?? '').trim() !== '';
      const valuers = [
        [values.valuer1Name, values.valuer1Certificate],
        [values.valuer2Name, values.valuer2Certificate],
      ].flatMap(([name, certificateNumber]) =>
        name && certificateNumber ? [{ name: name.trim(), certificateNumber: certificateNumber.trim() }] : [],
      );
      const body: CreateValuationBody = {
        kind: values.kind,
        valuationDate: values.valuationDate.format('YYYY-MM-DD'),
        validUntil: values.validUntil.format('YYYY-MM-DD'),
        assets: [
          {
            assetId,
            income: {
              revenueForecastYuan: values.revenueForecast
                .split(/[\s;；、]+/)
                .filter((s) => s !== '')
                .map(toYuan),
              royaltyRatePct: values.royaltyRatePct,
              attributionPct: values.attributionPct,
              taxRatePct: values.taxRatePct,
              riskFreeRatePct: values.riskFreeRatePct,
              riskPremia: [{ name: t('valuations.form.riskPremium'), ratePct: values.riskPremiumPct }],
            },
            ...(withCost
              ? {
                  cost: {
                    reproductionCostYuan: toYuan(values.reproductionCostYuan!),
                    physicalObsolescencePct: '0',
                    functionalObsolescencePct: values.functionalObsolescencePct || '0',
                    economicObsolescencePct: values.economicObsolescencePct || '0',
                  },
                }
              : {}),
            ...(comparables.length === 0
              ? {}
              : {
                  market: {
                    comparables: comparables.map((c) => ({
                      comparableId: c.comparableId,
                      kind: c.kind,
                      priceYuan: c.priceYuan,
                      timeFactorPct: c.timeFactorPct,
                      sizeFactorPct: c.sizeFactorPct,
                      technologyFactorPct: c.technologyFactorPct,
                      termsFactorPct: c.termsFactorPct,
                      weight: c.weight,
                    })),
                  },
                }),
            weightsBps: {
              income: bpsOf(values.incomeWeightPct),
              market: marketWeight,
              cost: withCost ? costWeight : 0,
            },
            ...(entries.length === 0 ? {} : { indicatorEntries: entries }),
          },
        ],
        pledgeRatioPct: values.pledgeRatioPct,
        maxPledgeRatePct: values.maxPledgeRatePct,
        ...(values.kind === 'formal_report'
          ? {
              ...(values.reportNumber ? { reportNumber: values.reportNumber.trim() } : {}),
              ...(values.signedOn ? { signedOn: values.signedOn.format('YYYY-MM-DD') } : {}),
              valuers,
            }
          : {}),
      };
      return valuationApi.create(body);
    },
    onSuccess: (valuation) => {
      void message.success(t('valuations.form.created', { number: valuation.number }));
      void navigate(`/valuations/${encodeURIComponent(valuation.id)}`);
    },
  });

  const percentRule = { pattern: percentPattern, message: t('valuations.form.percentInvalid') };
  const today = dayjs();
  return (
    <>
      <PageHeader
        title={t('valuations.create')}
        subtitle={asset.data === undefined ? undefined : `${asset.data.number} ${asset.data.title}`}
      />
      {assetId === '' && <Typography.Paragraph>{t('valuations.form.pickAsset')}</Typography.Paragraph>}
      {asset.isError && <ProblemAlert error={asset.error} />}
      <Card>
        {create.error !== null && (
          <div style={{ marginBottom: 16 }}>
            <ProblemAlert error={create.error} />
          </div>
        )}
        <Form<FormValues>
          key={session?.role ?? 'loading'}
          form={form}
          layout="vertical"
          disabled={assetId === '' || kinds.length === 0}
          initialValues={{
            kind: kinds[0],
            valuationDate: today,
            validUntil: today.add(1, 'year').subtract(1, 'day'),
            royaltyRatePct: '5',
            attributionPct: '100',
            taxRatePct: '25',
            riskFreeRatePct: '2.5',
            riskPremiumPct: '9.5',
            incomeWeightPct: '100',
            costWeightPct: '0',
            marketWeightPct: '0',
            pledgeRatioPct: '100',
            maxPledgeRatePct: '50',
          }}
          onFinish={(values) => {
            if (!areComparablesValid(comparables)) return;
            create.mutate(values);
          }}
        >
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item name="kind" label={t('valuations.kind')} rules={[{ required: true }]}>
                <Select options={kinds.map((k) => ({ value: k, label: valuationKindLabel(k, t) }))} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item
                name="valuationDate"
                label={t('valuations.valuationDate')}
                rules={[{ required: true }]}
              >
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
            <Col xs={12} md={8}>
              <Form.Item name="validUntil" label={t('valuations.validUntil')} rules={[{ required: true }]}>
                <DatePicker style={{ width: '100%' }} />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('valuations.approaches.income')}</Divider>
          <Form.Item
            name="revenueForecast"
            label={t('valuations.form.revenueForecast')}
            extra={t('valuations.form.revenueForecastHelp')}
            rules={[
              { required: true, message: t('valuations.form.revenueRequired') },
              {
                validator: (_, value: string | undefined) =>
                  (value ?? '')
                    .split(/[\s;；、]+/)
                    .filter((s) => s !== '')
                    .every((s) => yuanPattern.test(toYuan(s)))
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('valuations.form.revenueInvalid'))),
              },
            ]}
          >
            <Input placeholder="1000000 1200000 1400000" />
          </Form.Item>
          <Row gutter={16}>
            {(
              [
                ['royaltyRatePct', t('valuations.form.royaltyRate')],
                ['attributionPct', t('valuations.form.attribution')],
                ['taxRatePct', t('valuations.form.taxRate')],
                ['riskFreeRatePct', t('valuations.form.riskFreeRate')],
                ['riskPremiumPct', t('valuations.form.riskPremium')],
                ['incomeWeightPct', t('valuations.form.incomeWeight')],
              ] as const
            ).map(([name, label]) => (
              <Col xs={12} md={4} key={name}>
                <Form.Item name={name} label={label} rules={[{ required: true }, percentRule]}>
                  <Input suffix="%" />
                </Form.Item>
              </Col>
            ))}
          </Row>
          <Divider titlePlacement="start">{t('valuations.form.costOptional')}</Divider>
          <Row gutter={16}>
            <Col xs={24} md={6}>
              <Form.Item name="reproductionCostYuan" label={t('valuations.form.reproductionCost')}>
                <Input suffix="元" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="functionalObsolescencePct"
                label={t('valuations.form.functionalObsolescence')}
                rules={[percentRule]}
              >
                <Input suffix="%" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="economicObsolescencePct"
                label={t('valuations.form.economicObsolescence')}
                rules={[percentRule]}
              >
                <Input suffix="%" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item name="costWeightPct" label={t('valuations.form.costWeight')} rules={[percentRule]}>
                <Input suffix="%" />
              </Form.Item>
            </Col>
          </Row>
          <Divider titlePlacement="start">{t('valuations.form.marketOptional')}</Divider>
          {assetId !== '' && (
            <MarketComparablesPicker
              assetId={assetId}
              asOfDate={(valuationDate ?? today).format('YYYY-MM-DD')}
              value={comparables}
              onChange={setComparables}
            />
          )}
          <Row gutter={16} style={{ marginTop: 12 }}>
            <Col xs={12} md={6}>
              <Form.Item
                name="marketWeightPct"
                label={t('valuations.form.marketWeight')}
                extra={t('valuations.form.weightsHelp')}
                rules={[percentRule]}
              >
                <Input suffix="%" disabled={comparables.length === 0} />
              </Form.Item>
            </Col>
          </Row>
          {asset.data !== undefined && scoredKinds.includes(asset.data.kind) && (
            <>
              <Divider titlePlacement="start">{t('valuations.indicatorEntry.title')}</Divider>
              <IndicatorEntriesField name="indicatorEntries" />
            </>
          )}
          <Divider titlePlacement="start">{t('valuations.form.conclusion')}</Divider>
          <Row gutter={16}>
            <Col xs={12} md={6}>
              <Form.Item
                name="pledgeRatioPct"
                label={t('valuations.form.pledgeRatio')}
                rules={[{ required: true }, percentRule]}
              >
                <Input suffix="%" />
              </Form.Item>
            </Col>
            <Col xs={12} md={6}>
              <Form.Item
                name="maxPledgeRatePct"
                label={t('valuations.form.maxPledgeRate')}
                rules={[{ required: true }, percentRule]}
              >
                <Input suffix="%" />
              </Form.Item>
            </Col>
          </Row>
          {kind === 'formal_report' && (
            <>
              <Divider titlePlacement="start">{t('valuations.form.formalReport')}</Divider>
              <Row gutter={16}>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="reportNumber"
                    label={t('valuations.reportNumber')}
                    rules={[{ required: true }]}
                  >
                    <Input maxLength={100} />
                  </Form.Item>
                </Col>
                <Col xs={24} md={12}>
                  <Form.Item
                    name="signedOn"
                    label={t('valuations.form.signedOn')}
                    rules={[{ required: true }]}
                  >
                    <DatePicker style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                {(['1', '2'] as const).map((n) => (
                  <Col xs={24} md={12} key={n}>
                    <Row gutter={8}>
                      <Col span={12}>
                        <Form.Item
                          name={`valuer${n}Name`}
                          label={t('valuations.form.valuerName')}
                          rules={[{ required: true }]}
                        >
                          <Input maxLength={50} />
                        </Form.Item>
                      </Col>
                      <Col span={12}>
                        <Form.Item
                          name={`valuer${n}Certificate`}
                          label={t('valuations.form.valuerCertificate')}
                          rules={[{ required: true }]}
                        >
                          <Input maxLength={50} />
                        </Form.Item>
                      </Col>
                    </Row>
                  </Col>
                ))}
              </Row>
            </>
          )}
          <Button type="primary" htmlType="submit" loading={create.isPending}>
            {t('valuations.form.submit')}
          </Button>
        </Form>
      </Card>
    </>
  );
}
