import { Card, Col, Descriptions, Empty, List, Row, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../format/format-date-time.ts';
import { formatMoney } from '../format/format-money.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import type { CaseDetail } from './case-api.ts';
import { CaseDueDiligenceCard } from './case-due-diligence-card.tsx';
import { riskOutcomeLabel } from './case-labels.ts';

/** One recorded step of the evaluation chain as `loadCaseDetail` sends it (a step's unused columns are null). */
interface Evaluation {
  /** `risk`, `value` or `credit`. */
  step: string;
  recordedAt: string;
  riskScore: number | null;
  riskOutcome: string | null;
  riskReasons: { ruleId: string; points: number; knockout: boolean; zh: string; en: string }[] | null;
  valueBasis: string | null;
  evaluatorName: string | null;
  valuers: string[] | null;
  valuationMethod: string | null;
  valuationDate: string | null;
  validUntil: string | null;
  assetValues: { assetId: string; kind: string; valueYuan: string }[] | null;
  valueYuan: string | null;
  pledgeRatePct: string | null;
  pledgeRateCapPct: string | null;
  creditRating: string | null;
  creditLineYuan: string | null;
  note: string | null;
}

const latest = (evaluations: Evaluation[], step: string) => evaluations.filter((e) => e.step === step).at(-1);
const outcomeColor = (outcome: string | null) =>
  outcome === 'pass' ? 'green' : outcome === 'refer' ? 'orange' : outcome === 'fail' ? 'red' : 'default';

/**
 * 评估链 (evaluation chain): 尽职调查清单 (once the case has a product: the checklist, results, the clerk's form),
 * 风险评测 (score, band and every rule that fired), 价值评估 (basis, evaluator, valuers,
 * method, dates, each asset's value, the value the pledge rate uses, the rate against the product's cap) and
 * 授信评定 (rating and credit line); the latest record of each step.
 */
export function CaseEvaluationChain({ detail }: { detail: CaseDetail }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const evaluations = detail.evaluations as unknown as Evaluation[];
  const risk = latest(evaluations, 'risk');
  const value = latest(evaluations, 'value');
  const credit = latest(evaluations, 'credit');
  const assetNumber = (assetId: string) =>
    detail.assets.find((a) => a.assetId === assetId)?.number ?? assetId;
  const notYet = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('cases.stepNotYet')} />;

  return (
    <>
      {detail.state !== 'lead' && <CaseDueDiligenceCard caseId={detail.id} />}
      <Row gutter={16} style={{ marginTop: 16 }} data-testid="evaluation-chain">
        <Col span={8}>
          <Card title={t('cases.riskEvaluation')} size="small" style={{ height: '100%' }}>
            {risk === undefined ? (
              notYet
            ) : (
              <Space direction="vertical" style={{ width: '100%' }}>
                <Space>
                  <Typography.Text strong style={{ fontSize: 24 }}>
                    {risk.riskScore ?? '—'}
                  </Typography.Text>
                  <Tag color={outcomeColor(risk.riskOutcome)}>{riskOutcomeLabel(risk.riskOutcome, t)}</Tag>
                </Space>
                <List
                  size="small"
                  header={t('cases.riskReasons')}
                  dataSource={risk.riskReasons ?? []}
                  renderItem={(r) => (
                    <List.Item>
                      <span>
                        {language === 'en' ? r.en : r.zh}
                        {r.knockout && (
                          <Tag color="red" style={{ marginInlineStart: 6 }}>
                            {t('cases.knockout')}
                          </Tag>
                        )}
                      </span>
                      <Typography.Text type={r.points < 0 ? 'danger' : 'success'}>
                        {r.points > 0 ? `+${r.points}` : r.points}
                      </Typography.Text>
                    </List.Item>
                  )}
                />
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {formatDateTime(risk.recordedAt, language)}
                </Typography.Text>
              </Space>
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card title={t('cases.valueEvaluation')} size="small" style={{ height: '100%' }}>
            {value === undefined ? (
              notYet
            ) : (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('cases.valueBasisLabel')}>
                  {value.valueBasis === 'internal_evaluation'
                    ? t('cases.valueBasis.internal_evaluation')
                    : t('cases.valueBasis.formal_report')}
                </Descriptions.Item>
                {value.evaluatorName !== null && (
                  <Descriptions.Item label={t('cases.evaluatorName')}>
                    {value.evaluatorName}
                  </Descriptions.Item>
                )}
                {(value.valuers ?? []).length > 0 && (
                  <Descriptions.Item label={t('cases.valuers')}>
                    {value.valuers?.join('、')}
                  </Descriptions.Item>
                )}
                <Descriptions.Item label={t('cases.valuationMethod')}>
                  {value.valuationMethod === 'income'
                    ? t('cases.method.income')
                    : value.valuationMethod === 'market'
                      ? t('cases.method.market')
                      : value.valuationMethod === 'cost'
                        ? t('cases.method.cost')
                        : (value.valuationMethod ?? '—')}
                </Descriptions.Item>
                <Descriptions.Item label={t('cases.valuationDate')}>
                  {value.valuationDate ?? '—'}
                </Descriptions.Item>
                <Descriptions.Item label={t('cases.validUntil')}>{value.validUntil ?? '—'}</Descriptions.Item>
                {(value.assetValues ?? []).map((a) => (
                  <Descriptions.Item key={a.assetId} label={assetNumber(a.assetId)}>
                    <span style={{ whiteSpace: 'nowrap' }}>{formatMoney(a.valueYuan)}</span>
                  </Descriptions.Item>
                ))}
                <Descriptions.Item label={t('cases.pledgeValue')}>
                  <Typography.Text strong>{formatMoney(value.valueYuan)}</Typography.Text>
                </Descriptions.Item>
                <Descriptions.Item label={t('cases.pledgeRate')}>
                  <span data-testid="pledge-rate">
                    {t('cases.pledgeRateVsCap', {
                      rate: value.pledgeRatePct ?? '—',
                      cap: value.pledgeRateCapPct ?? '—',
                    })}
                  </span>
                </Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        </Col>
        <Col span={8}>
          <Card title={t('cases.creditRatingStep')} size="small" style={{ height: '100%' }}>
            {credit === undefined ? (
              notYet
            ) : (
              <Descriptions size="small" column={1}>
                <Descriptions.Item label={t('cases.creditRating')}>
                  <Tag color="blue">{credit.creditRating ?? '—'}</Tag>
                </Descriptions.Item>
                <Descriptions.Item label={t('cases.creditLineYuan')}>
                  {formatMoney(credit.creditLineYuan)}
                </Descriptions.Item>
                <Descriptions.Item label={t('cases.recordedAt')}>
                  {formatDateTime(credit.recordedAt, language)}
                </Descriptions.Item>
              </Descriptions>
            )}
          </Card>
        </Col>
      </Row>
    </>
  );
}
