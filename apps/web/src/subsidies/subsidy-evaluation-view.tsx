import { PaperClipOutlined } from '@ant-design/icons';
import { List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { conditionLabel, lineLabel, reasonLabel, stepLabel } from './subsidy-labels.ts';
import { ConditionMark, ProofTag } from './condition-mark.tsx';
import { caseAttachmentContentUrl } from '../cases/case-attachment-api.ts';
import { formatMoney } from '../format/format-money.ts';
import type { SubsidyEvaluationWire } from './subsidy-api.ts';

/**
 * Each condition ✓/✗ with the record that proves it (and the uploaded document, which opens) and the clause's
 * source, then the amount by line.
 */
export function SubsidyEvaluationView({ evaluation }: { evaluation: SubsidyEvaluationWire }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <List
        size="small"
        dataSource={evaluation.conditions}
        renderItem={(c) => (
          <List.Item>
            <Space align="start">
              <ConditionMark met={c.met} />
              <div>
                <div>
                  {conditionLabel(c.condition, t)}
                  {c.proof !== null && <ProofTag proof={c.proof} />}
                  {c.proof?.documentId !== undefined && (
                    <Typography.Link href={caseAttachmentContentUrl(c.proof.documentId)} target="_blank">
                      <PaperClipOutlined /> {t('feePayments.openProof')}
                    </Typography.Link>
                  )}
                </div>
                {!c.met && c.reason !== null && (
                  <Typography.Text type="danger" style={{ fontSize: 12 }}>
                    {reasonLabel(c.reason.code, t)}
                  </Typography.Text>
                )}
                <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                  {t('subsidies.source')}：{c.source.document} · {c.source.article}
                </Typography.Text>
              </div>
            </Space>
          </List.Item>
        )}
      />
      {evaluation.lines.length > 0 && (
        <List
          size="small"
          header={t('subsidies.amountByLine')}
          dataSource={evaluation.lines}
          renderItem={(line) => (
            <List.Item extra={formatMoney(line.amountYuan)}>
              <Space orientation="vertical" size={0}>
                <span>{lineLabel(line.line, t)}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {line.steps.map((s) => `${stepLabel(s.step, t)} ${formatMoney(s.amountYuan)}`).join(' → ')}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}
