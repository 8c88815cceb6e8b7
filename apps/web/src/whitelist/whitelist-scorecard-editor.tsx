import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Form, Input, InputNumber, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { whitelistFeatureKinds, whitelistFeatures, type WhitelistFeature } from '@ipf/domain/whitelist';
import type { WhitelistScorecardBody } from './whitelist-round-api.ts';
import { whitelistRoundFeaturesLabel } from './whitelist-labels.ts';

interface BinForm {
  min?: number | null;
  max?: number | null;
  equals?: string;
  points: number;
}
export interface ScorecardForm {
  name: string;
  features: { feature: WhitelistFeature; bins: BinForm[]; missingPoints?: number | null }[];
  grades: { grade: 'A' | 'B' | 'C' | 'D'; minPoints: number }[];
  cutoffPoints: number;
}

/** The form's values as the scorecard contract: empty bounds dropped, flags as booleans. */
export function toScorecardBody(v: ScorecardForm): WhitelistScorecardBody {
  return {
    name: v.name,
    features: v.features.map((f) => ({
      feature: f.feature,
      ...(f.missingPoints == null ? {} : { missingPoints: f.missingPoints }),
      bins: f.bins.map((b) => ({
        points: b.points,
        ...(b.min == null ? {} : { min: b.min }),
        ...(b.max == null ? {} : { max: b.max }),
        ...(b.equals === undefined || b.equals === ''
          ? {}
          : { equals: whitelistFeatureKinds[f.feature] === 'boolean' ? b.equals === 'true' : b.equals }),
      })),
    })),
    grades: v.grades,
    cutoffPoints: v.cutoffPoints,
  };
}

export const EXAMPLE_SCORECARD: ScorecardForm = {
  name: '科技型企业预评估',
  features: [
    {
      feature: 'highTech',
      bins: [
        { equals: 'true', points: 20 },
        { equals: 'false', points: 0 },
      ],
    },
    {
      feature: 'validInventionPatents',
      bins: [
        { max: 3, points: 0 },
        { min: 3, points: 20 },
      ],
    },
  ],
  grades: [
    { grade: 'A', minPoints: 40 },
    { grade: 'B', minPoints: 20 },
    { grade: 'C', minPoints: 0 },
  ],
  cutoffPoints: 0,
};

/**
 * 评分卡编辑器 (issue 10 item 3a): features, their bins ([min, max) for numbers, equals for categories and flags)
 * with integer points, up to four grades with their least points, and the cut-off. The platform validates it
 * (every bin must hold at least k enterprises) and shows why it refused one.
 */
export function WhitelistScorecardEditor(props: {
  onSubmit: (v: ScorecardForm) => void;
  submitting: boolean;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ScorecardForm>();
  return (
    <Form form={form} layout="vertical" initialValues={EXAMPLE_SCORECARD} onFinish={props.onSubmit}>
      <Form.Item name="name" label={t('whitelistRounds.scorecardName')} rules={[{ required: true }]}>
        <Input maxLength={60} style={{ maxWidth: 320 }} />
      </Form.Item>
      <Form.List name="features">
        {(fields, { add, remove }) => (
          <>
            {fields.map((field) => (
              <Card
                key={field.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={
                  <Form.Item name={[field.name, 'feature']} noStyle rules={[{ required: true }]}>
                    <Select
                      style={{ width: 240 }}
                      options={whitelistFeatures.map((f) => ({
                        value: f,
                        label: whitelistRoundFeaturesLabel(f, t),
                      }))}
                    />
                  </Form.Item>
                }
                extra={<MinusCircleOutlined onClick={() => remove(field.name)} />}
              >
                <Form.List name={[field.name, 'bins']}>
                  {(bins, binOps) => (
                    <>
                      {bins.map((bin) => (
                        <Space key={bin.key} align="baseline" wrap>
                          <Form.Item name={[bin.name, 'min']} label={t('whitelistRounds.binMin')}>
                            <InputNumber />
                          </Form.Item>
                          <Form.Item name={[bin.name, 'max']} label={t('whitelistRounds.binMax')}>
                            <InputNumber />
                          </Form.Item>
                          <Form.Item name={[bin.name, 'equals']} label={t('whitelistRounds.binEquals')}>
                            <Input style={{ width: 140 }} placeholder="true / nanshan / small" />
                          </Form.Item>
                          <Form.Item
                            name={[bin.name, 'points']}
                            label={t('whitelistRounds.points')}
                            rules={[{ required: true }]}
                          >
                            <InputNumber precision={0} />
                          </Form.Item>
                          <MinusCircleOutlined onClick={() => binOps.remove(bin.name)} />
                        </Space>
                      ))}
                      <Button size="small" icon={<PlusOutlined />} onClick={() => binOps.add({ points: 0 })}>
                        {t('whitelistRounds.addBin')}
                      </Button>
                    </>
                  )}
                </Form.List>
              </Card>
            ))}
            <Button
              icon={<PlusOutlined />}
              onClick={() => add({ feature: 'specialised', bins: [{ points: 0 }] })}
            >
              {t('whitelistRounds.addFeature')}
            </Button>
          </>
        )}
      </Form.List>
      <Form.List name="grades">
        {(fields, { add, remove }) => (
          <div style={{ marginTop: 16 }}>
            {fields.map((field) => (
              <Space key={field.key} align="baseline">
                <Form.Item
                  name={[field.name, 'grade']}
                  label={t('whitelistRounds.grade')}
                  rules={[{ required: true }]}
                >
                  <Select
                    style={{ width: 80 }}
                    options={['A', 'B', 'C', 'D'].map((g) => ({ value: g, label: g }))}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'minPoints']}
                  label={t('whitelistRounds.minPoints')}
                  rules={[{ required: true }]}
                >
                  <InputNumber precision={0} />
                </Form.Item>
                <MinusCircleOutlined onClick={() => remove(field.name)} />
              </Space>
            ))}
            {fields.length < 4 && (
              <Button size="small" icon={<PlusOutlined />} onClick={() => add({ grade: 'D', minPoints: 0 })}>
                {t('whitelistRounds.addGrade')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
      <Form.Item
        name="cutoffPoints"
        label={t('whitelistRounds.cutoff')}
        extra={t('whitelistRounds.cutoffHelp')}
        style={{ marginTop: 16 }}
        rules={[{ required: true }]}
      >
        <InputNumber precision={0} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={props.submitting}>
        {t('whitelistRounds.submitScorecard')}
      </Button>
    </Form>
  );
}
