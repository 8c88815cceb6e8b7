import { List, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ConditionMark, ProofTag } from './condition-mark.tsx';
import { claimConditionLabel, claimReasonLabel } from './subsidy-reward-labels.ts';
import { asEvaluation } from './subsidy-api.ts';
import { asClaimConditions, type SubsidyRewardLoan } from './subsidy-reward-api.ts';
import { SubsidyEvaluationView } from './subsidy-evaluation-view.tsx';

/** One loan of a reward claim: the claim's conditions ✓/✗, then the scheme's conditions and amount steps. */
export function SubsidyRewardLoanView({ loan }: { loan: SubsidyRewardLoan }) {
  const { t } = useTranslation();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Title level={5}>
        {loan.caseNumber} · {loan.disbursedOn}
      </Typography.Title>
      <List
        size="small"
        dataSource={asClaimConditions(loan.claimConditions)}
        renderItem={(c) => (
          <List.Item>
            <Space align="start">
              <ConditionMark met={c.met} />
              <div>
                {claimConditionLabel(c.condition, t)}
                {c.proof !== null && <ProofTag proof={c.proof} />}
                {!c.met && c.reason !== null && (
                  <Typography.Text type="danger" style={{ display: 'block', fontSize: 12 }}>
                    {claimReasonLabel(c.reason.code, t)}
                  </Typography.Text>
                )}
              </div>
            </Space>
          </List.Item>
        )}
      />
      <SubsidyEvaluationView evaluation={asEvaluation(loan.evaluation)} />
    </Space>
  );
}
