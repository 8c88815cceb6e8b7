import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IpAssetHealth } from './ip-asset-api.ts';

/** Health indicators as tags: expiring within 24 months, fees due or overdue, disputes. */
export function IpAssetHealthTags({ health }: { health: IpAssetHealth }) {
  const { t } = useTranslation();
  return (
    <>
      {health.expiringSoon && <Tag color="orange">{t('ipAssets.healthExpiring')}</Tag>}
      {health.feesOverdue ? (
        <Tag color="red">{t('ipAssets.healthFeesOverdue')}</Tag>
      ) : (
        health.feesDue && <Tag color="gold">{t('ipAssets.healthFeesDue')}</Tag>
      )}
      {health.disputed && <Tag color="red">{t('ipAssets.healthDisputed')}</Tag>}
    </>
  );
}
