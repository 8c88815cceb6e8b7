import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { patentIndicators } from '@ipf/domain/valuation';
import { Button, Col, Form, Input, InputNumber, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n.ts';

/** One evaluator-entered indicator as the form holds it. */
export interface IndicatorEntryValue {
  indicator?: string;
  value?: number;
  evidence?: string;
}

/**
 * 评估人员录入指标 (GB/T 42748-2023): indicator, value 0–100 and its evidence (a text or the reference of an
 * attachment, e.g. a search report number). Indicators only an evaluator can judge come first; an entry for an
 * indicator the platform computes overrides the computed value, so the evidence is required for every entry.
 */
export function IndicatorEntriesField(props: { name: string }) {
  const { t } = useTranslation();
  const english = currentLanguage() === 'en';
  const ordered = [...patentIndicators].sort(
    (a, b) => (a.origin === 'evaluator' ? 0 : 1) - (b.origin === 'evaluator' ? 0 : 1),
  );
  const options = ordered.map((d) => ({
    value: d.code,
    label: `${english ? d.en : d.zh}${d.origin === 'computable' ? t('valuations.indicatorEntry.overrides') : ''}`,
  }));
  return (
    <>
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {t('valuations.indicatorEntry.help')}
      </Typography.Paragraph>
      <Form.List name={props.name}>
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Row gutter={8} key={field.key} align="top">
                <Col xs={24} md={7}>
                  <Form.Item
                    name={[field.name, 'indicator']}
                    label={t('valuations.indicator')}
                    rules={[
                      { required: true, message: t('valuations.indicatorEntry.indicatorRequired') },
                      ({ getFieldValue }) => ({
                        validator: (_, code: string | undefined) => {
                          const all = (getFieldValue(props.name) as IndicatorEntryValue[] | undefined) ?? [];
                          return code !== undefined && all.filter((e) => e?.indicator === code).length > 1
                            ? Promise.reject(new Error(t('valuations.indicatorEntry.duplicate')))
                            : Promise.resolve();
                        },
                      }),
                    ]}
                  >
                    <Select showSearch={{ optionFilterProp: 'label' }} options={options} />
                  </Form.Item>
                </Col>
                <Col xs={8} md={3}>
                  <Form.Item
                    name={[field.name, 'value']}
                    label={t('valuations.indicatorValue')}
                    rules={[{ required: true, message: t('valuations.indicatorEntry.valueRequired') }]}
                  >
                    <InputNumber min={0} max={100} precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={14} md={13}>
                  <Form.Item
                    name={[field.name, 'evidence']}
                    label={t('valuations.indicatorEntry.evidence')}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('valuations.indicatorEntry.evidenceRequired'),
                      },
                    ]}
                  >
                    <Input maxLength={500} placeholder={t('valuations.indicatorEntry.evidencePlaceholder')} />
                  </Form.Item>
                </Col>
                <Col xs={2} md={1}>
                  <Button
                    type="text"
                    aria-label={t('valuations.indicatorEntry.remove')}
                    icon={<MinusCircleOutlined />}
                    style={{ marginTop: 30 }}
                    onClick={() => remove(field.name)}
                  />
                </Col>
              </Row>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              disabled={fields.length >= patentIndicators.length}
              onClick={() => add({})}
            >
              {t('valuations.indicatorEntry.add')}
            </Button>
          </>
        )}
      </Form.List>
    </>
  );
}
