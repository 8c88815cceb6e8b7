import { Form } from 'antd';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * Rendered inside a Form: when the UI language changes, fields that show an error are validated again, so
 * their messages are rebuilt in the new language instead of staying in the old one.
 */
export function RevalidateOnLanguageChange() {
  const form = Form.useFormInstance();
  const { i18n } = useTranslation();
  const language = i18n.language;
  const previous = useRef(language);

  useEffect(() => {
    if (previous.current === language) return;
    previous.current = language;
    const withErrors = form
      .getFieldsError()
      .filter((field) => field.errors.length > 0)
      .map((field) => field.name);
    if (withErrors.length === 0) return;
    // The promise rejects when a field is still invalid; the form renders those errors itself.
    form.validateFields(withErrors).then(
      () => undefined,
      () => undefined,
    );
  }, [language, form]);

  return null;
}
