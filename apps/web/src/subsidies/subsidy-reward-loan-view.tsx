import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { List, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { proofLabel } from './subsidy-labels.ts';
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
              {c.met ? (
                <CheckCircleTwoTone twoToneColor="#52c41a" />
              ) : (
                <CloseCircleTwoTone twoToneColor="#ff4d4f" />
              )}
              <div>
                {claimConditionLabel(c.condition, t)}
                {c.proof !== null && (
                  <Tag style={{ marginLeft: 8 }}>
                    {proofLabel(c.proof.kind, t)}：{c.proof.id}
                  </Tag>
                )}
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
