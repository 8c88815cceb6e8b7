import { useMutation, useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../format/format-money.ts';
import { valuationApi } from './valuation-api.ts';
import { valuationKindLabel } from './valuation-labels.ts';

/**
 * 选用有效估值 in the case's value-evaluation form: the valid formal reports and internal evaluations that cover
 * exactly the case's assets; choosing one fills basis, evaluator, valuers, method, dates and each asset's value,
 * and sends its id so that the case records which valuation its pledge rate uses.
 */
export function ValuationRecordSelect({ assetIds }: { assetIds: readonly string[] }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const candidates = useQuery({
    queryKey: ['valuations', 'for-case', assetIds],
    queryFn: ({ signal }) =>
      valuationApi.find({ assetId: assetIds[0], validity: 'valid', pageSize: 50 }, signal),
    enabled: assetIds.length > 0,
  });
  const usable = (candidates.data?.items ?? []).filter(
    (v) =>
      v.kind !== 'pre_assessment' &&
      v.assets.length === assetIds.length &&
      v.assets.every((a) => assetIds.includes(a.assetId)),
  );
  const fill = useMutation({
    mutationFn: (id: string) => valuationApi.get(id),
    onSuccess: (v) =>
      form.setFieldsValue({
        valuationId: v.id,
        basis: v.kind,
        evaluatorName: v.evaluationFirmName ?? v.organisation.name,
        valuers: v.valuers.map((valuer) => `${valuer.name}（${valuer.certificateNumber}）`).join('、'),
        method: v.method,
        valuationDate: dayjs(v.valuationDate),
        validUntil: dayjs(v.validUntil),
        assetValue: Object.fromEntries(v.assets.map((a) => [a.assetId, a.valueYuan])),
      }),
  });
  if (usable.length === 0) return null;
  return (
    <>
      <Form.Item label={t('valuations.pickFromCase')} extra={t('valuations.pickFromCaseHelp')}>
        <Select
          allowClear
          loading={fill.isPending}
          onChange={(id?: string) =>
            id === undefined ? form.setFieldsValue({ valuationId: undefined }) : fill.mutate(id)
          }
          options={usable.map((v) => ({
            value: v.id,
            label: `${v.number} · ${valuationKindLabel(v.kind, t)} · ${formatMoney(v.valueYuan)} · ${v.validUntil}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="valuationId" hidden>
        <input type="hidden" />
      </Form.Item>
    </>
  );
}
