import { TranslationOutlined } from '@ant-design/icons';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage, type Language } from '../i18n/i18n.ts';

/** 中文 ⇄ English switch; the choice is kept in localStorage `ipf.lang`. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = currentLanguage();
  return (
    <span style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
      <TranslationOutlined aria-hidden />
      <Segmented<Language>
        size="small"
        aria-label={t('language.switch')}
        value={language}
        options={[
          { value: 'zh-CN', label: '中文' },
          { value: 'en', label: 'English' },
        ]}
        onChange={(value) => void changeLanguage(value)}
      />
    </span>
  );
}
