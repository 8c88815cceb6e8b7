import { Modal, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../format/format-money.ts';
import type { DispositionDetail } from './disposition-api.ts';
import { riskRoleLabel } from './disposition-labels.ts';

type Plan = NonNullable<DispositionDetail['pendingDistribution']>;

/**
 * 审批并分配处置款 confirmation: approving pays the proceeds out (costs first, then each party's share, recoveries
 * back to the claims), so the approver reads the net and every party's amount of the round before it runs. The
 * figures are the server's plan of the round, the ones the distribution will book.
 */
export function ConfirmDistributionModal(props: {
  disposition: DispositionDetail;
  plan: Plan;
  loading: boolean;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { plan } = props;
  const partyName = new Map(props.disposition.distribution.map((s) => [s.partyId, s.partyName]));
  return (
    <Modal
      open
      title={t('dispositions.confirmDistributionTitle')}
      okText={t('dispositions.approveDistribution')}
      cancelText={t('common.cancel')}
      okButtonProps={{ loading: props.loading }}
      onOk={props.onConfirm}
      onCancel={props.onClose}
      destroyOnHidden
    >
      <Typography.Paragraph data-testid="confirm-distribution-net">
        {t('dispositions.confirmDistributionNet', {
          net: formatMoney(plan.netProceedsYuan),
          proceeds: formatMoney(plan.proceedsYuan),
          costs: formatMoney(plan.costsPaidYuan),
        })}
      </Typography.Paragraph>
      <Table
        size="small"
        rowKey="partyId"
        pagination={false}
        dataSource={plan.shares}
        columns={[
          { title: t('dispositions.role'), key: 'role', render: (_, s) => riskRoleLabel(s.role, t) },
          { title: t('dispositions.party'), key: 'party', render: (_, s) => partyName.get(s.partyId) ?? '—' },
          {
            title: t('dispositions.amount'),
            key: 'amount',
            align: 'right',
            render: (_, s) => formatMoney(s.amountYuan),
          },
        ]}
      />
      {plan.surplusYuan !== '0.00' && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
          {t('dispositions.confirmDistributionSurplus', { surplus: formatMoney(plan.surplusYuan) })}
        </Typography.Paragraph>
      )}
    </Modal>
  );
}
