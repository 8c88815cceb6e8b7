import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

interface EnterpriseFlags {
  highTech: boolean;
  specialised: boolean;
  firstLoan: boolean;
  preIpo: boolean;
}

/** 高新 / 专精特新 / 首贷户 / 拟上市 tags; a dash when none applies. */
export function EnterpriseFlagTags({ flags }: { flags: EnterpriseFlags }) {
  const { t } = useTranslation();
  const tags = [
    flags.highTech && (
      <Tag key="highTech" color="blue">
        {t('enterprises.flagHighTech')}
      </Tag>
    ),
    flags.specialised && (
      <Tag key="specialised" color="purple">
        {t('enterprises.flagSpecialised')}
      </Tag>
    ),
    flags.firstLoan && (
      <Tag key="firstLoan" color="green">
        {t('enterprises.flagFirstLoan')}
      </Tag>
    ),
    flags.preIpo && (
      <Tag key="preIpo" color="gold">
        {t('enterprises.flagPreIpo')}
      </Tag>
    ),
  ].filter(Boolean);
  return tags.length === 0 ? (
    <span>—</span>
  ) : (
    <span style={{ display: 'inline-flex', flexWrap: 'wrap', gap: 4 }}>{tags}</span>
  );
}
