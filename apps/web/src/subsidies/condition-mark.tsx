import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import { proofLabel } from './subsidy-labels.ts';

/** A condition's ✓ (met, green) or ✗ (not met, red). */
export function ConditionMark({ met }: { met: boolean }) {
  return met ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#ff4d4f" />;
}

/** The record proving a condition, as a tag (kind：id). */
export function ProofTag({ proof }: { proof: { readonly kind: string; readonly id: string } }) {
  const { t } = useTranslation();
  return (
    <Tag style={{ marginLeft: 8 }}>
      {proofLabel(proof.kind, t)}：{proof.id}
    </Tag>
  );
}
