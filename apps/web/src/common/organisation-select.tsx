import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Select, Spin } from 'antd';
import { useState, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../api/api-types.ts';
import { organisationApi } from '../api/organisation-api.ts';
import { currentLanguage } from '../i18n/i18n.ts';
import { bankLevelLabel } from '../organisations/bank-level-label.ts';
import { referenceLabel } from '../reference/reference-options.ts';
import { useDebouncedValue } from './use-debounced-value.ts';

interface OrganisationSelectProps {
  value?: string;
  onChange?: (value: string | undefined) => void;
  /** Called with the chosen organisation (or undefined when cleared), e.g. to offer its roles. */
  onSelectOrganisation?: (organisation: Organisation | undefined) => void;
  kind?: string;
  placeholder?: string;
  allowClear?: boolean;
  id?: string;
  style?: CSSProperties;
}

/** Searchable organisation picker that asks the server as the user types (GET /api/organisations?q=). */
export function OrganisationSelect(props: OrganisationSelectProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [search, setSearch] = useState('');
  const q = useDebouncedValue(search.trim(), 300);

  const found = useQuery({
    queryKey: ['organisations', 'select', props.kind ?? '', q],
    queryFn: ({ signal }) =>
      organisationApi.find(
        { ...(q === '' ? {} : { q }), ...(props.kind ? { kind: props.kind } : {}), page: 1, pageSize: 20 },
        signal,
      ),
    placeholderData: keepPreviousData,
  });

  const items = found.data?.items ?? [];
  const nameOf = (o: Organisation) => (language === 'zh-CN' ? o.nameZh : o.nameEn);
  const detailOf = (o: Organisation) =>
    o.bankLevel !== null
      ? bankLevelLabel(o.bankLevel, t)
      : referenceLabel('organisationKinds', o.kind, language);

  return (
    <Select<string>
      {...(props.id !== undefined ? { id: props.id } : {})}
      showSearch={{ filterOption: false, onSearch: setSearch }}
      value={props.value ?? null}
      placeholder={props.placeholder ?? t('organisationSelect.placeholder')}
      allowClear={props.allowClear ?? false}
      style={props.style ?? { width: '100%' }}
      loading={found.isFetching}
      notFoundContent={
        found.isFetching ? (
          <Spin size="small" />
        ) : found.isError ? (
          t('errors.loadFailed')
        ) : (
          t('common.noMatch')
        )
      }
      options={items.map((o) => ({
        value: o.id,
        label: nameOf(o),
        title: nameOf(o),
        detail: detailOf(o),
      }))}
      optionRender={(option) => (
        <div style={{ display: 'flex', justifyContent: 'space-between', gap: 8 }}>
          <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{option.data.label}</span>
          <span style={{ color: '#999', fontSize: 12, flexShrink: 0 }}>{option.data.detail}</span>
        </div>
      )}
      onChange={(value) => {
        props.onChange?.(value);
        props.onSelectOrganisation?.(items.find((o) => o.id === value));
      }}
    />
  );
}
