import { useQuery } from '@tanstack/react-query';
import { Form, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage } from '../i18n/i18n.ts';
import { evaluatorsApi } from './evaluators-api.ts';

/**
 * 评估机构（名录内） in the case's value-evaluation form, for a formal report entered by hand: the firms admitted on
 * the registry; picking one fills the firm's name and sends its id, so that the firm takes part in the case (it
 * then records its evaluation fee). Left empty, the typed name stands (a firm not on the platform).
 */
export function EvaluatorFirmSelect() {
  const { t } = useTranslation();
  const language = currentLanguage();
  const form = Form.useFormInstance();
  const firms = useQuery({
    queryKey: ['evaluators', 'admitted'],
    queryFn: ({ signal }) => evaluatorsApi.find({ state: 'admitted', pageSize: 200 }, signal),
  });
  return (
    <Form.Item
      name="evaluatorOrganisationId"
      label={t('cases.evaluatorFirm')}
      extra={t('cases.evaluatorFirmHelp')}
    >
      <Select
        allowClear
        showSearch={{ optionFilterProp: 'label' }}
        loading={firms.isPending}
        placeholder={t('cases.evaluatorFirmPlaceholder')}
        data-testid="evaluator-firm-select"
        onChange={(organisationId?: string) => {
          const firm = firms.data?.items.find((f) => f.organisationId === organisationId);
          if (firm !== undefined) form.setFieldsValue({ evaluatorName: firm.organisationName });
        }}
        options={(firms.data?.items ?? []).map((f) => ({
          value: f.organisationId,
          label: language === 'en' ? f.organisationNameEn : f.organisationName,
        }))}
      />
    </Form.Item>
  );
}
